import contextlib
import hashlib
from http import HTTPStatus

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control

from wagtail.views import serve as wagtail_serve

from home.cache import current_generation, page_cache
from home.site_index import site_for_request, site_index
from kiosk.devices import COOKIE_NAME as KIOSK_COOKIE_NAME

PRIVATE_PREFIXES = ("/admin/", "/exit/")
# Cookies that change what a page shows: a session (a signed-in editor, someone
# part-way through a form), a kiosk, a message waiting to be shown.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, KIOSK_COOKIE_NAME, "messages")


def _is_anonymous_page_request(request):
    # Anyone with a session (signed-in editors, someone part-way through a form)
    # gets a fresh page; everyone else may share the cached copy.
    return (
        request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and not request.path.startswith(PRIVATE_PREFIXES)
    )


def _never_store(response):
    # Replace whatever was there: a private response must not say "public".
    response.headers.pop("Cache-Control", None)
    response.headers.pop("Expires", None)
    patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)


def _stored_page_key(request, generation):
    # The address alone: a page's language is in its path (no Accept-Language, no
    # cookie), and no page is built from the Host header (home/addresses.py).
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{generation}:page:{address}"


def _may_be_served_stored(request):
    """Whether this request may get the stored copy without passing the stack.

    What the stack would refuse or redirect is left to it: a Host not in
    ALLOWED_HOSTS (400), plain HTTP when the site redirects to HTTPS."""
    if not _is_anonymous_page_request(request):
        return False
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


def find_stored_page(request):
    """(cache key, stored copy or None) for a request that may get a stored copy;
    (None, None) for any other, or when the cache cannot be read."""
    if not _may_be_served_stored(request):
        return None, None
    try:
        key = _stored_page_key(request, current_generation())
        return key, page_cache().get(key)
    except Exception:  # noqa: BLE001 - a cache that is down: build the page instead
        return None, None


class StoredPage(HttpResponse):
    """A stored page, answered as it was stored: status, headers and body.

    The headers were checked by Django when the page was first built; they are put
    back as they were, without checking each again (half the cost of a hit)."""

    def __init__(self, stored):
        status, headers, content = stored
        super().__init__(content, status=status)
        self.headers._store = dict(headers)
        self.headers._store["content-length"] = ("Content-Length", str(len(content)))


def _headers_to_store(response):
    # The header map as Django keeps it, without what belongs to one answer only.
    return {
        lowered: (name, value)
        for lowered, (name, value) in response.headers._store.items()
        if lowered not in ("content-length", "expires", "age", "date")
    }


class StoredPagesMiddleware:
    """The outermost middleware: answers an anonymous visitor's GET or HEAD with the
    stored copy of the page, before sessions, languages, CSRF, sign-in, two-factor,
    lockout and logging run; everything else goes through the whole stack.

    A page is stored here on its way out, with every header the stack gave it
    (security headers, CSP, permissions policy, `Vary`, `Content-Language`,
    `Cache-Control`), when `CacheHeadersMiddleware` has found it public. Copies
    are kept under the page-cache generation read when the request came in, so a
    publish during rendering cannot leave an old page behind (home/cache.py)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.CACHE_MIDDLEWARE_SECONDS

    def __call__(self, request):
        key, stored = find_stored_page(request)
        if stored is not None:
            return StoredPage(stored)
        response = self.get_response(request)
        if (
            key is not None
            and request.method == "GET"
            and getattr(response, "store_for_anonymous_visitors", False)
        ):
            # A cache that fails: not stored this time, served all the same.
            with contextlib.suppress(Exception):
                page_cache().set(
                    key,
                    (response.status_code, _headers_to_store(response), response.content),
                    self.timeout,
                )
        return response


class ServeStoredPages:
    """The site's WSGI application (rjsite/wsgi.py): answers a stored page before
    Django's handler runs at all (no request signals, no middleware), with the same
    check and the same copies as StoredPagesMiddleware, which stores them (and
    answers them where this layer is not in front: the test client, for one).
    Everything else goes to Django unchanged."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            try:
                _key, stored = find_stored_page(WSGIRequest(environ))
            except Exception:  # noqa: BLE001 - anything odd about the request: Django answers
                stored = None
            if stored is not None:
                status, headers, content = stored
                start_response(
                    f"{status} {HTTPStatus(status).phrase}",
                    [*headers.values(), ("Content-Length", str(len(content)))],
                )
                return [b"" if environ["REQUEST_METHOD"] == "HEAD" else content]
        return self.application(environ, start_response)


class CacheHeadersMiddleware:
    """Says how each response may be cached, and marks the ones StoredPagesMiddleware keeps.

    - admin, quick exit, signed-in people and anyone with a session, and any
      response carrying a cookie (a form's CSRF token): `private, no-store`;
    - public pages for anonymous visitors: `public, max-age=<browser>,
      s-maxage=<CDN>`, and a copy in the "pages" cache for
      CACHE_MIDDLEWARE_SECONDS (until the next publish moves the generation on).

    A view that set its own Cache-Control (a calendar file, a PDF, a private
    form) keeps it and is not stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PRIVATE_PREFIXES) or response.cookies:
            _never_store(response)
            return response
        if not _is_anonymous_page_request(request):
            if not response.has_header("Cache-Control"):
                _never_store(response)
            return response
        if (
            response.status_code == 200
            and not response.streaming
            and not response.has_header("Cache-Control")
            and _varies_only_on_cookie(response)
        ):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.BROWSER_CACHE_SECONDS,
                s_maxage=settings.CDN_CACHE_SECONDS,
            )
            response.store_for_anonymous_visitors = True
        return response


def _varies_only_on_cookie(response):
    # Visitors whose cookies change the page never get a stored copy (PERSONAL_COOKIES);
    # a page that varies on anything else is not stored at all.
    varies = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return varies <= {"cookie"}


class SiteIndexMiddleware:
    """Finds the site and the page for public addresses from the site index
    (home/site_index.py) instead of asking the database at each level of the tree."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve:
            return None
        site = site_for_request(request)
        if site is not None:
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            found = site_index().route(request, site, path)
            if found is not False:
                # Where Wagtail's serve view looks for a route already found.
                request._wagtail_route_for_request = found
        return None


class AdminReferrerPolicyMiddleware:
    """The admin posts forms, so it needs "same-origin" (see settings)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response["Referrer-Policy"] = settings.FORM_PAGE_REFERRER_POLICY
        return response


class LanguageFromPathMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without `Vary: Accept-Language`.

    With i18n_patterns and no prefix for English, every address names its language
    (`/pl/…`, or English with no prefix) and the browser's Accept-Language is never
    read, so the header would only make the page cache and a CDN keep one copy of a
    page for every browser's language string."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
        if i18n_patterns_used and not prefixed_default_language and response.has_header("Vary"):
            kept = [
                value.strip()
                for value in response["Vary"].split(",")
                if value.strip().lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
