"""PDFs of pages, built on the server with WeasyPrint.

Every live, public page can be downloaded at /pdf/<page id>/, and in large print
at /pdf/<page id>/?size=large. The page is rendered with its own template in
"PDF mode" (`pdf` in the context: base.html leaves out the quick exit, menus,
scripts and footer links, and links the plain PDF stylesheet instead of the site
CSS), so a new page type gets its PDF for free.

- Fonts are embedded by WeasyPrint (a subset of each font used), images are read
  from this site's own storage, and nothing is ever fetched from the network.
- Links are made absolute, so the stylesheet can print where each one goes.
- The file is a tagged PDF (PDF/UA-1) with the page's title and language.
- It is kept in the default cache under a key holding the page's live revision,
  so publishing the page again makes a fresh one.

A page type can adjust its PDF with:
- `offers_pdf = False`: no PDF link and a 404 here (forms, for example).
- `pdf_extra_css(large)`: extra CSS for WeasyPrint, such as a paper size (written by
  the page type's code, never by editors or visitors).
- `pdf_variant(request)`: a short key for versions of the same page (a leaflet's
  distribution point), validated by the page; it becomes part of the cache key.
"""

import hashlib
import mimetypes
import re
from urllib.parse import unquote, urlsplit

import pydyf
from bs4 import BeautifulSoup
from weasyprint import HTML
from weasyprint.draw import text as weasyprint_text
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation

from home.addresses import absolute_url, page_url

SIZES = ("standard", "large")

# Scripts whose shaping reorders and joins glyphs: Devanagari (Nepali) and the other
# Indic scripts. A PDF maps each glyph to characters once for the whole file, which
# cannot say that "ि" is drawn before the consonant it follows, or which letters a
# conjunct joins: text copied from such a line (or read out) comes out scrambled.
REORDERED_SCRIPTS = re.compile("[\u0900-\u0dff]")
_draw_first_line = weasyprint_text.draw_first_line


def _draw_line_with_its_text(stream, textbox, *args, **kwargs):
    """WeasyPrint's line drawing, with the line's real text attached as /ActualText
    (PDF 1.4+, PDF/UA 7.2) where its script reorders glyphs. Readers that honour it
    (screen readers through the tags, Acrobat, poppler's pdftotext) copy and read the
    characters as written; the glyph map is still there for the rest."""
    text = textbox.text
    if not REORDERED_SCRIPTS.search(text):
        return _draw_first_line(stream, textbox, *args, **kwargs)
    stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))
    try:
        return _draw_first_line(stream, textbox, *args, **kwargs)
    finally:
        stream.end_marked_content()


# draw_text looks draw_first_line up in its module each time it draws a line.
weasyprint_text.draw_first_line = _draw_line_with_its_text


class SiteOnlyURLFetcher(URLFetcher):
    """Gives WeasyPrint this site's static and media files, straight from storage.

    Anything else (another website, a file path) is refused: a PDF must never
    make a network request or read files it should not."""

    def __init__(self, base_url):
        super().__init__(allowed_protocols={"data", "http", "https"})
        self.base = urlsplit(base_url)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (self.base.scheme, self.base.netloc):
            raise ValueError(f"PDFs only use this site's own files, not {url}")
        path = unquote(parts.path)
        body = None
        if path.startswith(settings.STATIC_URL):
            body = self._static(path.removeprefix(settings.STATIC_URL))
        elif path.startswith(settings.MEDIA_URL):
            name = path.removeprefix(settings.MEDIA_URL)
            if ".." not in name.split("/") and default_storage.exists(name):
                with default_storage.open(name) as file:
                    body = file.read()
        if body is None:
            raise ValueError(f"Not a static or media file: {url}")
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    @staticmethod
    def _static(name):
        if ".." in name.split("/"):
            return None
        found = finders.find(name)
        if found:
            with open(found, "rb") as file:
                return file.read()
        # Hashed names after collectstatic (production).
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as file:
                return file.read()
        return None


def absolute_links(html):
    """Make every link absolute so its target can be printed beside it."""
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a", href=True):
        href = link["href"]
        if href.startswith("/") and not href.startswith("//"):
            link["href"] = absolute_url(href)
    return str(soup)


def pdf_variant(page, request):
    variant = getattr(page, "pdf_variant", None)
    return variant(request) if callable(variant) else ""


def cache_key(page, size, variant=""):
    # The live revision changes each time the page is published; the language is
    # the page's own (each translation is its own page with its own id).
    variant_hash = hashlib.sha256(variant.encode()).hexdigest()[:12] if variant else "-"
    return f"page-pdf:v1:{page.pk}:{page.live_revision_id}:{size}:{variant_hash}"


def render_page_html(page, request, *, large=False):
    """The page's own template in PDF mode, as a string with absolute links."""
    context = page.get_context(request)
    extra_css = getattr(page, "pdf_extra_css", None)
    context.update(
        {
            "pdf": True,
            "pdf_large": large,
            "pdf_css": extra_css(large) if callable(extra_css) else "",
            "page_full_url": page_url(page, request),
        }
    )
    html = render_to_string(page.get_template(request), context, request=request)
    return absolute_links(html)


def html_to_pdf(html, request):
    """A tagged PDF (PDF/UA-1) of `html`, its fonts embedded, using this site's files only.

    Every PDF the site makes comes through here: pages, the paper referral form
    and the RJ Week programme."""
    base_url = absolute_url("/")
    document = HTML(string=html, base_url=base_url, url_fetcher=SiteOnlyURLFetcher(base_url))
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, uncompressed_pdf=False)


def render_page_pdf(page, request, *, large=False):
    with translation.override(page.locale.language_code):
        return html_to_pdf(render_page_html(page, request, large=large), request)


def page_pdf(page, request, *, large=False):
    """The PDF for `page`, from the cache when this revision has been built before."""
    size = "large" if large else "standard"
    key = cache_key(page, size, pdf_variant(page, request))
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_page_pdf(page, request, large=large)
        cache.set(key, pdf, timeout=settings.PAGE_PDF_CACHE_SECONDS)
    return pdf
