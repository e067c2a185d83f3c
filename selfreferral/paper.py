"""The paper self-referral form: a PDF to print, fill in by hand and post.

It is one more rendering of the question list (`questions.sections_for("paper")`),
so a question changed there changes the paper form too. People in prison and
people without the internet use it, so it has tick boxes, writing lines sized by
each question's `paper_lines`, the hints, what happens next, and where to post it
(the freepost address from the contact settings, else the postal address).

The PDF is built with WeasyPrint through home/pdf.py (site files only, embedded
fonts, tagged PDF in the page's language). It is cached under a hash of its own
HTML, so any change to the questions, areas, address or page text makes a new one.
It holds no personal data, so it is served as a public, cacheable file."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from home.addresses import page_url
from home.models import ContactSettings
from home.pdf import absolute_links, html_to_pdf
from selfreferral import questions as q
from selfreferral.models import Area

SIZES = ("standard", "large")


def size_from(request):
    return "large" if request.GET.get("size") == "large" else "standard"


def paper_form_url(page, size="standard"):
    url = page.url + page.reverse_subpage("paper_form_view")
    return url + "?size=large" if size == "large" else url


# Kinds of question answered in writing; the rest are answered with tick boxes.
WRITTEN = (q.TEXT, q.TEL, q.EMAIL, q.TEXTAREA)


def paper_sections(areas):
    """The paper questions, numbered, each with the boxes to tick or lines to write on."""
    number = 0
    sections = []
    for section in q.sections_for(q.PAPER):
        items = []
        for question in section.questions:
            number += 1
            choices = list(question.choices)
            if question.kind == q.AREA:
                # The same answers as the web form: the active areas, then "not sure".
                choices = [q.Choice(str(area.pk), area.name) for area in areas]
                choices.append(q.Choice(q.NOT_SURE, _("I am not sure")))
            items.append(
                {
                    "number": number,
                    "question": question,
                    "choices": choices,
                    "written": question.kind in WRITTEN,
                    "lines": range(max(1, question.paper_lines)),
                    "tick_one": question.kind in (q.RADIOS, q.AREA),
                    # Agreeing (a required tick box) is signed and dated on paper.
                    "signed": question.kind == q.CHECKBOX and question.required,
                }
            )
        sections.append({"section": section, "questions": items})
    return sections


def render_paper_form_html(page, request, *, large=False):
    """The paper form as HTML for WeasyPrint, in the active language, with absolute links."""
    contact = ContactSettings.for_request(request)
    address = contact.paper_form_return_address
    context = {
        "page": page,
        "contact": contact,
        "sections": paper_sections(Area.objects.filter(is_active=True).only("pk", "name")),
        "address_lines": [line.strip() for line in address.splitlines() if line.strip()],
        # A freepost address needs no stamp; say so only when it is one.
        "is_freepost": "freepost" in address.lower(),
        "large": large,
        "online_url": page_url(page, request),
    }
    html = render_to_string("selfreferral/paper_form.html", context, request=request)
    return absolute_links(html)


def _cache_key(page, size, html):
    digest = hashlib.sha256(html.encode()).hexdigest()[:24]
    return f"paper-form:v1:{page.pk}:{size}:{digest}"


def _size_key(page, size):
    return f"paper-form-bytes:v1:{page.pk}:{size}"


def paper_form_pdf(page, request, *, large=False):
    """The paper form as PDF bytes, from the cache when the same HTML was built before."""
    size = "large" if large else "standard"
    with translation.override(page.locale.language_code):
        html = render_paper_form_html(page, request, large=large)
        key = _cache_key(page, size, html)
        pdf = cache.get(key)
        if pdf is None:
            pdf = html_to_pdf(html, request)
            cache.set(key, pdf, timeout=settings.PAGE_PDF_CACHE_SECONDS)
            # Remembered for the link's "(PDF, 90 KB)" on the form page.
            cache.set(_size_key(page, size), len(pdf), timeout=settings.PAGE_PDF_CACHE_SECONDS)
    return pdf


def paper_form_response(request, page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    size = size_from(request)
    pdf = paper_form_pdf(page, request, large=size == "large")
    response = HttpResponse(pdf, content_type="application/pdf")
    name = "self-referral-form-large-print.pdf" if size == "large" else "self-referral-form.pdf"
    response["Content-Disposition"] = content_disposition_header(False, name)
    # As long as the site's pages may be kept: a changed address reaches people as soon.
    patch_cache_control(
        response,
        public=True,
        max_age=settings.BROWSER_CACHE_SECONDS,
        s_maxage=settings.CDN_CACHE_SECONDS,
    )
    return response


def paper_form_downloads(page):
    """The two links on the form page: url, size and the file's size when it is known.

    The size is the last one built; before the first download it is left out
    rather than building two PDFs while someone waits for the form."""
    downloads = []
    for size in SIZES:
        length = cache.get(_size_key(page, size))
        downloads.append(
            {
                "url": paper_form_url(page, size),
                "large": size == "large",
                "kilobytes": max(1, round(length / 1024)) if length else None,
            }
        )
    return downloads
