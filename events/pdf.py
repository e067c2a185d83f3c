"""The RJ Week programme as a PDF: a template made for paper, built by `home.pdf`
like every other PDF on the site (fonts embedded, tagged, this site's files only)."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

from home.pdf import html_to_pdf

PDF_MAX_AGE = 60 * 60


def programme_pdf_response(request, context):
    week = context["week"]
    html = render_to_string("events/rj_week_programme_pdf.html", context, request=request)
    response = HttpResponse(html_to_pdf(html, request), content_type="application/pdf")
    filename = f"rj-week-{week.year}-programme.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=PDF_MAX_AGE)
    return response
