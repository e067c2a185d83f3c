"""Deployment middleware: headers every response carries, and a readable page
when the database is unreachable."""

import http
import logging

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy

from django.conf import settings
from django.core.signals import setting_changed
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.http import parse_header_parameters

logger = logging.getLogger(__name__)


FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
READS_NO_BODY = ("GET", "HEAD", "OPTIONS", "TRACE")


def _form_in_another_encoding(request):
    """A form body that says it is not UTF-8: Django refuses to read it (and
    reading it raises in every view and error handler that looks at the form)."""
    if request.method in READS_NO_BODY:
        return False
    media_type, params = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
    if media_type not in FORM_CONTENT_TYPES or "charset" not in params:
        return False
    return params["charset"].strip().lower() != "utf-8"


class UnreadableFormMiddleware:
    """Answers a form sent in an encoding other than UTF-8 with the site's 400
    page, before anything (the CSRF check, a view) tries to read it. Every
    browser sends this site's forms in UTF-8, so only a hand-made request lands here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _form_in_another_encoding(request):
            from rjsite.views import bad_request

            logger.warning("Bad request: a form body not in UTF-8")
            return bad_request(request)
        return self.get_response(request)


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


_PER_RESPONSE_POLICY = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)


class CSPMiddleware(DjangoCSPMiddleware):
    """django-csp, with the site-wide policy built once instead of on every response.

    Public pages use no nonce (no inline scripts: `script-src 'self'`), so the
    header is the same for every page, cached or not. Building it was a fifth
    of the time of serving a cached page. A response that asks for a nonce or a
    per-view policy (django-csp's decorators) still gets it built by django-csp."""

    _policies = None

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            hasattr(response, name) for name in _PER_RESPONSE_POLICY
        ):
            return super().process_response(request, response)
        if settings.DEBUG and response.status_code in (
            http.HTTPStatus.INTERNAL_SERVER_ERROR,
            http.HTTPStatus.NOT_FOUND,
        ):
            return response
        if CSPMiddleware._policies is None:
            CSPMiddleware._policies = (
                (HEADER, build_policy(), "CONTENT_SECURITY_POLICY", "_csp_exempt"),
                (
                    HEADER_REPORT_ONLY,
                    build_policy(report_only=True),
                    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
                    "_csp_exempt_ro",
                ),
            )
        for header, policy, setting, exempt in CSPMiddleware._policies:
            if not policy or header in response or getattr(response, exempt, False):
                continue
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if not request.path_info.startswith(tuple(prefixes)):
                response[header] = policy
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


def _forget_policies(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        CSPMiddleware._policies = None


setting_changed.connect(_forget_policies)


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
