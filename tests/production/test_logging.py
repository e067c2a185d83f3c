"""Logs are JSON lines in production and never carry personal data: checked by
capturing what the site's real log handler writes around a self-referral (whose
coordinator email fails) and around an error in a view that got personal data."""

import json
import logging

import pytest

from django.http import HttpResponse
from django.test import Client
from django.urls import path

from tests.conftest import free_port, submit

from .conftest import json_lines
from .helpers import production_settings

PERSON = {
    "name": "Philippa Thornwick",
    "email": "p.thornwick@example.org",
    "phone": "020 7946 0544",
    "address": "3 Gullet Lane, Fenmoor",
    "what_happened": "Kasimir Oddbody threw a brick at my van.",
}
DISTINCT = [*PERSON.values(), "Thornwick", "Kasimir", "Gullet", "7946 0544"]


def assert_no_personal_data(text):
    for value in DISTINCT:
        assert value not in text, value


@pytest.mark.django_db
def test_a_referral_whose_email_fails_logs_json_without_personal_data(
    client,
    referral_page,  # noqa: F811
    settings,
    log_output,
):
    # The coordinator email goes to a port where nothing listens: the task logs the failure.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 1
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    response = submit(client, preferred_contact="email", confirmation_email="yes", **PERSON)
    assert response.status_code == 302
    lines, records = json_lines(log_output)
    assert records, "the failed email is logged"
    assert all({"time", "level", "logger", "message"} <= record.keys() for record in records)
    assert any(record["level"] in ("WARNING", "ERROR") for record in records)
    assert_no_personal_data(log_output.getvalue())


def personal_error(request):
    # As a careless error might: the exception message repeats what was typed.
    raise ValueError(f"could not store {request.POST['email']} for {request.POST['name']}")


def fine(request):
    logging.getLogger("rjsite.tests").warning(
        "Looked up %s", request.GET.get("q", ""), extra={"email": PERSON["email"], "case": 7}
    )
    return HttpResponse("ok")


urlpatterns = [path("boom/", personal_error), path("fine/", fine)]


@pytest.mark.urls("tests.production.test_logging")
def test_an_error_with_personal_data_is_logged_without_it(db, log_output):
    client = Client(raise_request_exception=False)
    response = client.post("/boom/?ref=" + PERSON["phone"], PERSON)
    assert response.status_code == 500
    lines, records = json_lines(log_output)
    error = next(r for r in records if r["logger"] == "django.request")
    assert error["level"] == "ERROR"
    assert error["message"] == "Internal Server Error: /boom/"
    assert error["method"] == "POST" and error["path"] == "/boom/"
    assert error["status_code"] == 500
    # The traceback is kept (the error's type and where), its personal details are not.
    assert "ValueError: could not store [redacted] for [redacted]" in error["exc_info"]
    assert "request" not in error
    assert_no_personal_data(log_output.getvalue())


@pytest.mark.urls("tests.production.test_logging")
def test_personal_details_passed_to_a_log_call_are_blanked(log_output):
    Client().get("/fine/", {"q": PERSON["name"]})
    _, records = json_lines(log_output)
    record = next(r for r in records if r["logger"] == "rjsite.tests")
    assert record["message"] == "Looked up [redacted]"
    assert record["email"] == "[redacted]" and record["case"] == 7
    assert_no_personal_data(log_output.getvalue())


def test_email_addresses_in_a_message_are_blanked(log_output):
    """Wagtail's notifier logs the staff address a workflow email failed for."""
    try:
        raise ConnectionRefusedError(f"refused {PERSON['email']}")
    except ConnectionRefusedError:
        logging.getLogger("wagtail.admin").exception(
            "Failed to send notification email '%s' to %s", "Review", "approver@rj.example"
        )
    _, records = json_lines(log_output)
    record = next(r for r in records if r["logger"] == "wagtail.admin")
    assert record["message"] == "Failed to send notification email 'Review' to [redacted]"
    assert "refused [redacted]" in record["exc_info"]
    assert "approver@rj.example" not in log_output.getvalue()
    assert_no_personal_data(log_output.getvalue())


def test_production_logs_json_and_development_plain_text(tmp_path):
    production = production_settings(tmp_path, "LOGGING")["LOGGING"]
    assert production["handlers"]["console"]["formatter"] == "json"
    assert production["handlers"]["console"]["filters"] == ["no_personal_data"]
    development = production_settings(tmp_path, "LOGGING", DJANGO_DEBUG="1")["LOGGING"]
    assert development["handlers"]["console"]["formatter"] == "text"
    assert development["handlers"]["console"]["filters"] == ["no_personal_data"]
    chosen = production_settings(tmp_path, "LOGGING", DJANGO_DEBUG="1", LOG_FORMAT="json")
    assert chosen["LOGGING"]["handlers"]["console"]["formatter"] == "json"


ENROLMENT_SECRET = "Xk3-enrolment-secret-QZ9"


def test_gunicorns_own_logs_are_json_lines_without_secrets_or_personal_data(tmp_path):
    """gunicorn with the site's own configuration: its access and error logs are JSON
    lines with the site's fields; the secret in a kiosk's one-time link is blanked in
    the access log and in the application's log; no query string or client address."""
    import time
    import urllib.error
    import urllib.request

    from .helpers import production_env, start_gunicorn

    port = free_port()
    access_log = tmp_path / "access.log"
    env = production_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="rjsite.settings",
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        GUNICORN_ACCESS_LOG=str(access_log),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="INFO",
    )
    server = start_gunicorn(env)
    try:
        for path in (
            f"/kiosk/enrol/{ENROLMENT_SECRET}/",
            "/admin/password_reset/confirm/MQ/x-secret-reset/",
            "/search/?q=Philippa+Thornwick",
        ):
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10)  # noqa: S310
                    break
                except urllib.error.HTTPError:
                    break  # answered (the database here is empty: a 503 page)
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.3)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    written = access_log.read_text()
    assert (
        "/kiosk/enrol/[redacted]/" in written
        and "/admin/password_reset/confirm/[redacted]/" in written
    )
    for text in (written, output):
        assert ENROLMENT_SECRET not in text and "x-secret-reset" not in text
        assert "Philippa" not in text and "Thornwick" not in text
    # One format: every line gunicorn and the site wrote is a JSON object with the site's fields.
    for text in (written, output):
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
        assert records
        assert all({"time", "level", "logger", "message"} <= r.keys() for r in records), text
    access = [json.loads(line) for line in written.splitlines()]
    assert {r["logger"] for r in access} == {"gunicorn.access"}
    enrol = next(r for r in access if r["path"].startswith("/kiosk/enrol/"))
    assert enrol["method"] == "GET" and enrol["path"] == "/kiosk/enrol/[redacted]/"
    assert isinstance(enrol["status"], int) and isinstance(enrol["duration_ms"], int)
    assert any(r["path"] == "/search/" for r in access)
    assert "127.0.0.1" not in written  # no client address
    errors = [json.loads(line) for line in output.splitlines() if line.strip()]
    assert any(r["logger"] == "gunicorn.error" and "Booting worker" in r["message"] for r in errors)


def test_every_personal_field_is_blanked_when_a_log_record_carries_it():
    """The purge's list (selfreferral) and the log filter's list must not drift apart:
    a new personal question is added to the first; this fails until it is in the second.
    ("name" is a log record's own attribute, the logger's name; "source_code" is one of
    a fixed list of codes, not something a person typed.)"""
    from rjsite.log_filters import PERSONAL_NAMES
    from selfreferral.models import PERSONAL_FIELDS

    assert set(PERSONAL_FIELDS) - {"name", "source_code"} <= PERSONAL_NAMES
