"""The site's own error pages.

Django's default handlers are wrapped in `requires_csrf_token`, which reads the
request's form data again: a form sent in an encoding Django refuses (or any
other unreadable body) then fails inside the error handler itself, and gunicorn
answers with its bare 500 page and a plain-text traceback. These handlers render
the site's pages without touching the form data."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.template import loader
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"
# SQLite: "database is locked" (SQLITE_BUSY), "database table is locked" (SQLITE_LOCKED).
SQLITE_BUSY_CODES = {5, 6}
# PostgreSQL: serialization failure, deadlock, lock timeout.
POSTGRES_RETRY_CODES = {"40001", "40P01", "55P03"}


def is_database_down(exc):
    return isinstance(exc, OperationalError | InterfaceError)


def is_database_busy(exc):
    """A write that met another writer: the database is up, and trying again will work."""
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    code = getattr(cause, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in SQLITE_BUSY_CODES
    return getattr(cause, "sqlstate", None) in POSTGRES_RETRY_CODES


def service_unavailable(request=None, exc=None):
    """The static page for a database failure: no database, no cache, no session.

    Visitors get the public page (with the quick exit, and 999 for an emergency).
    Staff in the admin get their own, which says whether to try again now."""
    if request is not None and request.path_info.startswith(ADMIN_PREFIX):
        busy = exc is not None and is_database_busy(exc)
        html = render_to_string("wagtailadmin/database_unavailable.html", {"busy": busy})
    else:
        html = render_to_string("503.html")
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "30"
    patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
    return response


CSRF_RESEND_MESSAGE = gettext_lazy(
    "This can happen when a page has been open for a long time, or when your browser blocks "
    "cookies from this website. Your answers are kept on this page: send them again. If your "
    "browser blocks cookies, allow them for this website first."
)


def _render(request, template_name, status, *, private=True):
    """The error page in the site's frame, or a plain one if even that cannot be drawn."""
    try:
        body = loader.render_to_string(template_name, request=request)
    except Exception as error:  # noqa: BLE001 - an error page must always answer
        if is_database_down(error):
            return service_unavailable(request, error)
        logger.error("Could not draw the %s page: %s", status, type(error).__name__)
        body = loader.render_to_string("500.html")
    response = HttpResponse(body, status=status)
    if private:
        patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
    return response


def bad_request(request, exception=None):
    return _render(request, "400.html", HttpResponseBadRequest.status_code)


def permission_denied(request, exception=None):
    return _render(request, "403.html", HttpResponseForbidden.status_code)


def page_not_found(request, exception=None):
    return _render(request, "404.html", 404, private=False)


# What is never written back into a page that sends a form again.
NOT_RESENT = {"csrfmiddlewaretoken", "website", "g-recaptcha-response"}


def resend_page(request, title, lines, status):
    """A page, drawn without the database, that keeps what a form sent and sends it
    again with one button: for when the form's own page cannot be drawn (the
    database is not answering) or its security cookie was missing. Nothing typed
    is lost, and nothing is kept anywhere but in this page."""
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in NOT_RESENT
        for value in values
    ]
    body = loader.render_to_string(
        "resend.html", {"title": title, "lines": lines, "fields": fields}, request=request
    )
    response = HttpResponse(body, status=status)
    patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
    response["Referrer-Policy"] = settings.FORM_PAGE_REFERRER_POLICY
    response.drawn_without_database = True
    return response


def csrf_failure(request, reason=""):
    """A form sent without its security cookie (cookies blocked, or an old page). A
    self-referral (it carries a form token) keeps its answers, to send again."""
    if request.method == "POST" and "form_token" in request.POST:
        return resend_page(
            request,
            _("Your form could not be sent"),
            [CSRF_RESEND_MESSAGE],
            HttpResponseForbidden.status_code,
        )
    return _render(request, "403_csrf.html", HttpResponseForbidden.status_code)


def server_error(request, template_name="500.html"):
    """The 500 handler: a database outage gets the 503 page, anything else the 500 page.

    Neither page touches the database, so both render during an outage."""
    exc = sys.exc_info()[1]
    if exc is not None and is_database_down(exc):
        return service_unavailable(request, exc)
    return HttpResponse(loader.render_to_string(template_name), status=500)
