"""Keeps personal data out of the logs, whatever a log call or an error carries."""

import contextvars
import logging
import re

# Names of things a person tells us (see selfreferral.models.PERSONAL_FIELDS), and
# secrets: a record carrying one of these as an extra attribute has it blanked.
# ("name" is not here: on a log record it is the logger's name.)
PERSONAL_NAMES = frozenset(
    {
        "phone",
        "email",
        "address",
        "safe_times",
        "prison_number",
        "what_happened",
        "support_needs",
        "coordinator_notes",
        "their_name",
        "relationship",
        "risk_details",
        "referrer_name",
        "referrer_organisation",
        "referrer_role",
        "referrer_email",
        "referrer_phone",
        "password",
        "otp_token",
        "body",
        "POST",
        "data",
    }
)
REDACTED = "[redacted]"

# The one log format, for the site's logs (settings.LOGGING) and gunicorn's own
# (rjsite/gunicorn_logging.py): JSON lines in production, plain lines in development.
LOG_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s"
JSON_FIELD_NAMES = {"asctime": "time", "levelname": "level", "name": "logger"}


def log_formatter(kind):
    """A formatter writing `kind` ("json" or "text") lines."""
    if kind == "json":
        from pythonjsonlogger.json import JsonFormatter

        return JsonFormatter(LOG_FIELDS, rename_fields=JSON_FIELD_NAMES)
    return logging.Formatter(LOG_FIELDS)


# Shorter values (yes/no answers, area ids) are too common to blank everywhere.
MIN_REDACTED_LENGTH = 4
# Secrets that travel in an address's path: a kiosk's one-time enrolment link and
# the admin's password-reset link. Whoever reads a log must not be able to use them.
# An email address anywhere in a message: Wagtail's notifier, for one, logs the
# address an email failed for; an SMTP error can repeat the recipients.
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SECRET_IN_PATH = re.compile(r"(/kiosk/enrol/|/admin/password_reset/confirm/)[^\s\"'?#]+")


def redact_path(text):
    """`text` with the secret part of any such address blanked (also used for gunicorn's
    access log, rjsite/gunicorn_logging.py)."""
    if not isinstance(text, str):
        return text
    return SECRET_IN_PATH.sub(r"\1" + REDACTED + "/", text)


# The request being answered, so a log line written anywhere during it (a view,
# a form, a task run at once) has what the visitor typed blanked too.
_current_request = contextvars.ContextVar("current_request", default=None)


class RememberRequestForLogsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def _typed_values(request):
    """Everything the visitor typed into this request: form fields and query string."""
    values = set()
    post = request.__dict__.get("_post")  # only if the view read the form: never parse it here
    for data in (post, getattr(request, "GET", None)):
        if data is None:
            continue
        for _key, items in data.lists():
            values.update(str(value) for value in items)
    return {value for value in values if len(value) >= MIN_REDACTED_LENGTH}


class NoPersonalDataFilter(logging.Filter):
    """Drops the request from each record (Django's error logging attaches it, with
    its form data) and keeps only its method and path; blanks every value the
    visitor sent, and any email address, wherever it appears in the message or
    the error's traceback; and blanks extra attributes named like personal details."""

    def filter(self, record):
        request = record.__dict__.pop("request", None)
        if request is not None:
            record.method = getattr(request, "method", None)
            record.path = redact_path(getattr(request, "path", None))
        typed = set()
        for source in {id(r): r for r in (request, _current_request.get()) if r}.values():
            try:
                typed |= _typed_values(source)
            except Exception:  # noqa: BLE001, S112 - a broken request must not stop the log line
                continue
        for attribute in PERSONAL_NAMES & record.__dict__.keys():
            setattr(record, attribute, REDACTED)
        if "path" in record.__dict__:
            record.path = redact_path(record.path)
        message = EMAIL_ADDRESS.sub(REDACTED, redact_path(record.getMessage()))
        if record.exc_info:
            trace = redact_path(logging.Formatter().formatException(record.exc_info))
            record.exc_text = EMAIL_ADDRESS.sub(REDACTED, trace)
            record.exc_info = None
        for value in sorted(typed, key=len, reverse=True):
            message = message.replace(value, REDACTED)
            if record.exc_text:
                record.exc_text = record.exc_text.replace(value, REDACTED)
        record.msg, record.args = message, ()
        return True
