"""Deployment middleware: headers every response carries, and a readable page
when the database is unreachable."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)


class PermissionsPolicyMiddleware:
    """Switch off browser features the site never uses (camera, location…)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response


def service_unavailable(request=None):
    """The static 'service unavailable' page: no database, no cache, no session."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
    return response


def is_database_down(exc):
    return isinstance(exc, OperationalError | InterfaceError)


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 with a plain page.

    Exceptions raised before the view (in other middleware) are answered the
    same way by `rjsite.views.server_error`, the 500 handler."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_down(exception):
            logger.error("Database unavailable: %s", type(exception).__name__)
            return service_unavailable(request)
        return None
