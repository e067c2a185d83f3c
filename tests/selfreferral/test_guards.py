"""The form's guards: honeypot, minimum fill time, rate limit, reCAPTCHA, and
production refusing to start without reCAPTCHA keys."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django_recaptcha.client import RecaptchaResponse

from django.core import signing

from selfreferral.forms import TOKEN_SALT
from selfreferral.models import Referral
from tests.conftest import answers, form_token, submit

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_the_honeypot_stops_a_bot(client, referral_page):
    response = submit(client, website="http://spam.example")
    assert response.status_code == 200
    assert "Sorry, we could not send your form" in response.text
    assert not Referral.objects.exists()


def test_the_honeypot_is_hidden_from_people(client, referral_page):
    html = client.get("/self-referral/").text
    assert '<div class="rj-honeypot" aria-hidden="true">' in html
    assert 'name="website" id="id_website" value="" tabindex="-1" autocomplete="off"' in html


def test_a_form_sent_too_fast_is_refused_then_accepted(client, referral_page, settings):
    settings.SELF_REFERRAL_MIN_FILL_SECONDS = 4
    token = form_token(client)
    response = submit(client, form_token=token)
    assert "Take a moment to check your answers" in response.text
    assert not Referral.objects.exists()
    # Answers kept, and the same form sent again later goes through.
    assert 'value="Weekdays after 3pm"' in response.text
    slow = signing.dumps({"n": "a-nonce", "t": time.time() - 30}, salt=TOKEN_SALT)
    assert submit(client, form_token=slow).status_code == 302


@pytest.mark.parametrize(
    "token",
    ["", "forged", signing.dumps({"n": "x", "t": 0}, salt="other")],
    # Named, so every xdist worker collects the same tests (a signed token holds the time).
    ids=["missing", "forged", "signed-for-something-else"],
)
def test_a_missing_or_forged_token_is_refused_with_a_fresh_one(client, referral_page, token):
    response = submit(client, form_token=token)
    assert "This form was open for a long time" in response.text
    assert not Referral.objects.exists()
    fresh = response.text.split('name="form_token" value="')[1].split('"')[0]
    assert fresh != token
    assert submit(client, form_token=fresh).status_code == 302


def test_an_expired_token_is_refused(client, referral_page):
    import time_machine

    with time_machine.travel(time.time() - 2 * 24 * 3600, tick=False):
        old = signing.dumps({"n": "old", "t": time.time()}, salt=TOKEN_SALT)
    response = submit(client, form_token=old)
    assert "This form was open for a long time" in response.text


def test_too_many_submissions_from_one_address_get_a_429_page(client, referral_page, settings):
    settings.SELF_REFERRAL_RATE_LIMIT = 3
    for _ in range(3):
        assert submit(client).status_code == 302
    response = submit(client)
    assert response.status_code == 429
    assert "Too many attempts" in response.text
    assert response["Retry-After"] == str(settings.SELF_REFERRAL_RATE_WINDOW_SECONDS)
    assert "no-store" in response["Cache-Control"]
    assert Referral.objects.count() == 3
    # Another address is not affected.
    data = answers()
    data["form_token"] = form_token(client)
    assert client.post("/self-referral/", data, REMOTE_ADDR="10.0.0.9").status_code == 302


@pytest.fixture
def recaptcha_keys(settings):
    settings.RECAPTCHA_PUBLIC_KEY = "site-key-for-tests"
    settings.RECAPTCHA_PRIVATE_KEY = "secret-key-for-tests"


def test_recaptcha_is_on_the_form_with_its_csp_when_keys_are_set(
    client, referral_page, recaptcha_keys
):
    response = client.get("/self-referral/")
    assert 'data-sitekey="site-key-for-tests"' in response.text
    assert "https://www.google.com/recaptcha/api.js" in response.text
    csp = response["Content-Security-Policy"]
    assert "https://www.google.com/recaptcha/" in csp
    assert "frame-src" in csp
    # Only on this page: everywhere else stays 'self'.
    assert "google" not in client.get("/").get("Content-Security-Policy", "")


def test_recaptcha_is_off_without_keys(client, referral_page):
    response = client.get("/self-referral/")
    assert "g-recaptcha" not in response.text
    assert "google" not in response["Content-Security-Policy"]


def test_recaptcha_success_lets_the_referral_through(
    client, referral_page, recaptcha_keys, monkeypatch
):
    calls = []

    def verify(recaptcha_response, private_key, remoteip):
        calls.append((recaptcha_response, private_key))
        return RecaptchaResponse(is_valid=True)

    monkeypatch.setattr("django_recaptcha.fields.client.submit", verify)
    response = submit(client, **{"g-recaptcha-response": "token-from-google"})
    assert response.status_code == 302
    assert calls == [("token-from-google", "secret-key-for-tests")]
    assert Referral.objects.count() == 1


def test_recaptcha_failure_is_shown_and_nothing_stored(
    client, referral_page, recaptcha_keys, monkeypatch
):
    monkeypatch.setattr(
        "django_recaptcha.fields.client.submit",
        lambda **kwargs: RecaptchaResponse(is_valid=False, error_codes=["invalid-input-response"]),
    )
    response = submit(client, **{"g-recaptcha-response": "bad"})
    assert response.status_code == 200
    assert (
        '<a href="#id_captcha">We could not confirm you are not a robot. Try again</a>'
        in response.text
    )
    assert not Referral.objects.exists()


def test_recaptcha_left_unticked_is_an_error(client, referral_page, recaptcha_keys, monkeypatch):
    monkeypatch.setattr(
        "django_recaptcha.fields.client.submit",
        lambda **kwargs: pytest.fail("Google must not be asked about an empty answer"),
    )
    response = submit(client)
    assert "Tick the box to confirm you are not a robot" in response.text


def _import_settings(tmp_path, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("RECAPTCHA", "DJANGO"))
    }
    environment.update({"SECRET_KEY": "k" * 60, "RJ_VAR_DIR": str(tmp_path), **env})
    return subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-c", "import rjsite.settings"],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_recaptcha_keys(tmp_path):
    result = _import_settings(tmp_path)
    assert result.returncode != 0
    assert "RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY are not set" in result.stderr


@pytest.mark.parametrize(
    "env",
    [
        {"RECAPTCHA_DISABLED": "1"},
        {"RECAPTCHA_PUBLIC_KEY": "a", "RECAPTCHA_PRIVATE_KEY": "b"},
        {"DJANGO_DEBUG": "1"},
    ],
)
def test_production_starts_with_keys_or_when_disabled_on_purpose(tmp_path, env):
    result = _import_settings(tmp_path, **env)
    assert result.returncode == 0, result.stderr


def test_dashboard_warns_when_recaptcha_is_not_configured(
    client, referral_page, admin_user, settings
):
    client.force_login(admin_user)
    assert "reCAPTCHA is not set up" in client.get("/admin/").text
    settings.RECAPTCHA_PUBLIC_KEY = "a"
    settings.RECAPTCHA_PRIVATE_KEY = "b"
    assert "reCAPTCHA is not set up" not in client.get("/admin/").text
