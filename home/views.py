import re

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from wagtail.models import Page

from home.addresses import absolute_url
from home.pdf import page_pdf


@never_cache
def quick_exit(request):
    """Where the quick exit goes: forget this visit, then leave for a neutral site.

    The redirect replaces this URL in the history, and Clear-Site-Data asks the
    browser to drop this site's cookies, storage and cached pages."""
    request.session.flush()
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /exit/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


BYTE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def requested_range(header, size):
    """(first, last) byte of a single `Range: bytes=…` request, "unsatisfiable", or None
    to send the whole file (no Range, several ranges, or one that cannot be read)."""
    match = BYTE_RANGE.match(header.strip())
    if not match or match.group(1) == match.group(2) == "":
        return None
    first, last = match.group(1), match.group(2)
    if first == "":  # "bytes=-500": the last 500 bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    first = int(first)
    last = size - 1 if last == "" else min(int(last), size - 1)
    if first >= size:
        return "unsatisfiable"
    if last < first:
        return None
    return first, last


def _read_slice(handle, first, length, chunk_size=64 * 1024):
    try:
        handle.seek(first)
        while length > 0:
            chunk = handle.read(min(chunk_size, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        handle.close()


@require_GET
def serve_media(request, path):
    """Uploaded files (films, images, documents) straight from the storage, for development,
    tests and small installs where no web server or object store serves /media/.

    Byte ranges are answered (206), so a film can be scrubbed and a browser can read
    its length without downloading all of it."""
    from mimetypes import guess_type

    from django.core.exceptions import SuspiciousFileOperation
    from django.core.files.storage import default_storage
    from django.http import FileResponse, StreamingHttpResponse

    try:
        if not default_storage.exists(path):
            raise Http404("No such file.")
        size = default_storage.size(path)
        handle = default_storage.open(path, "rb")
    except (SuspiciousFileOperation, OSError) as error:
        raise Http404("No such file.") from error
    content_type = guess_type(path)[0] or "application/octet-stream"
    # If-Range asks for the range only if the file is unchanged; uploads keep their
    # names, but the whole file is always a correct answer, so send that.
    byte_range = None
    if "If-Range" not in request.headers:
        byte_range = requested_range(request.headers.get("Range", ""), size)
    if byte_range is None:
        response = FileResponse(handle, content_type=content_type)
    elif byte_range == "unsatisfiable":
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    else:
        first, last = byte_range
        response = StreamingHttpResponse(
            _read_slice(handle, first, last - first + 1), status=206, content_type=content_type
        )
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
        response["Content-Length"] = str(last - first + 1)
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@cache_control(public=True, max_age=3600)
def page_pdf_view(request, page_id):
    """Any live, public page as a PDF to download; `?size=large` for large print."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not getattr(page, "offers_pdf", True):
        raise Http404("This page has no PDF version.")
    large = request.GET.get("size") == "large"
    pdf = page_pdf(page, request, large=large)
    filename = f"{page.slug}{'-large-print' if large else ''}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
