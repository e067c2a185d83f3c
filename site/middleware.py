"""Deployment middleware: headers every response carries, and a readable page
when the database is unreachable."""

import http
import logging
import time

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy

from django.conf import settings
from django.core.signals import setting_changed
from django.db import InterfaceError, OperationalError, transaction
from django.utils.http import parse_header_parameters

from rjsite.views import bad_request, is_database_busy, is_database_down, service_unavailable

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


WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
WRITE_ATTEMPTS = 3


class DatabaseUnavailableMiddleware:
    """What people see when the database cannot do what a request needs.

    - A form sent while another writer (the task worker, another editor) holds the
      database is saved once that writer has finished: each write request runs in one
      transaction, and if the database stays busy past its own wait (the SQLite busy
      timeout), the transaction is rolled back whole and the request tried again.
      Nothing is ever half saved, so trying again cannot save twice.
    - A view that cannot reach the database answers 503 with a plain page (see
      `service_unavailable`).

    Exceptions raised before the view (in other middleware) are answered the same way
    by `rjsite.views.server_error`, the 500 handler."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in WRITE_METHODS:
            return None
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with transaction.atomic():
                    return view_func(request, *view_args, **view_kwargs)
            except (OperationalError, InterfaceError) as error:
                if not (is_database_busy(error) and attempt < WRITE_ATTEMPTS):
                    return self.process_exception(request, error)
                logger.warning("Database busy: write attempt %s of %s", attempt, WRITE_ATTEMPTS)
                time.sleep(0.1 * attempt)
        return None

    def process_exception(self, request, exception):
        if is_database_down(exception):
            logger.error(
                "Database %s: %s",
                "busy" if is_database_busy(exception) else "unavailable",
                type(exception).__name__,
            )
            return service_unavailable(request, exception)
        return None
