import threading

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control

from home.cache import current_generation

PRIVATE_PREFIXES = ("/admin/", "/exit/")


def _is_anonymous_page_request(request):
    # Anyone with a session (signed-in editors, someone part-way through a form)
    # gets a fresh page; everyone else may share the cached copy.
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(PRIVATE_PREFIXES)
    )


def _never_store(response):
    # Replace whatever was there: a private response must not say "public".
    response.headers.pop("Cache-Control", None)
    response.headers.pop("Expires", None)
    patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)


_this_request = threading.local()


class _GenerationKeyPrefix:
    """Cache keys carry the current page-cache generation (see home/cache.py).

    The generation is read once per request (by the fetch middleware) and kept
    for this thread's request, so a page costs one generation lookup however
    many keys the two middlewares build, and both use the same generation."""

    @staticmethod
    def _remember_generation():
        _this_request.generation = current_generation()

    @property
    def key_prefix(self):
        generation = getattr(_this_request, "generation", None) or current_generation()
        return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{generation}"

    @key_prefix.setter
    def key_prefix(self, value):
        pass


class AnonymousPageCacheUpdateMiddleware(_GenerationKeyPrefix, UpdateCacheMiddleware):
    """Stores public pages for anonymous visitors and says how others may cache them.

    - admin, quick exit, signed-in people and anyone with a session, and any
      response carrying a CSRF token (a form): `private, no-store`;
    - public pages for anonymous visitors: `public, max-age=<browser>,
      s-maxage=<CDN>`, and a copy in the "pages" cache for
      CACHE_MIDDLEWARE_SECONDS (until the next publish bumps the generation).
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        # The server-side copy lives as long as the setting says, whatever
        # max-age the response tells browsers.
        self.page_timeout = settings.CACHE_MIDDLEWARE_SECONDS

    def process_response(self, request, response):
        if request.path.startswith(PRIVATE_PREFIXES) or (
            settings.CSRF_COOKIE_NAME in response.cookies
        ):
            _never_store(response)
            return response
        if not _is_anonymous_page_request(request):
            if not response.has_header("Cache-Control"):
                _never_store(response)
            return response
        cacheable = (
            getattr(request, "_cache_update_cache", False)
            and not response.streaming
            and response.status_code == 200
            and not response.has_header("Cache-Control")
        )
        if cacheable:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.BROWSER_CACHE_SECONDS,
                s_maxage=settings.CDN_CACHE_SECONDS,
            )
            # No Expires: Cache-Control says it all, and the stored copy must
            # not carry a date that would make it look stale when served later.
            response["Expires"] = ""
            response = super().process_response(request, response)
            del response["Expires"]
        return response


class AnonymousPageCacheFetchMiddleware(_GenerationKeyPrefix, FetchFromCacheMiddleware):
    def process_request(self, request):
        _this_request.generation = None
        if not _is_anonymous_page_request(request):
            request._cache_update_cache = False
            return None
        self._remember_generation()
        response = super().process_request(request)
        if response is not None:
            # Invalidation is by generation, so a stored copy is as fresh as a new one.
            response.headers.pop("Age", None)
            response.headers.pop("Expires", None)
        return response


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
