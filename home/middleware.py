from django.conf import settings
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware

from home.cache import current_generation


def _is_anonymous_page_request(request):
    # Anyone with a session (signed-in editors, someone part-way through a form)
    # gets a fresh page; everyone else may share the cached copy.
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(("/admin/", "/exit/"))
    )


class _GenerationKeyPrefix:
    @property
    def key_prefix(self):
        return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{current_generation()}"

    @key_prefix.setter
    def key_prefix(self, value):
        pass


class AnonymousPageCacheUpdateMiddleware(_GenerationKeyPrefix, UpdateCacheMiddleware):
    def _should_update_cache(self, request, response):
        return _is_anonymous_page_request(request) and super()._should_update_cache(
            request, response
        )


class AnonymousPageCacheFetchMiddleware(_GenerationKeyPrefix, FetchFromCacheMiddleware):
    def process_request(self, request):
        if not _is_anonymous_page_request(request):
            request._cache_update_cache = False
            return None
        return super().process_request(request)


class AdminReferrerPolicyMiddleware:
    """The admin posts forms, so it needs "same-origin" (see settings)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response["Referrer-Policy"] = settings.FORM_PAGE_REFERRER_POLICY
        return response
