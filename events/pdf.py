"""The RJ Week programme as a PDF, rendered on the server by WeasyPrint.

Kept small and inside the events app: a template made for paper and a
stylesheet beside it. WeasyPrint is given no way to fetch anything, so a PDF
never makes a network request."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

PDF_MAX_AGE = 60 * 60


def _refuse_fetch(url, *args, **kwargs):
    raise ValueError(f"PDFs fetch nothing: {url}")


def render_pdf(html):
    from weasyprint import HTML  # imported here: loading pango takes a moment

    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf()


def programme_pdf_response(request, context):
    week = context["week"]
    html = render_to_string("events/rj_week_programme_pdf.html", context, request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    filename = f"rj-week-{week.year}-programme.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=PDF_MAX_AGE)
    return response
