"""Requests a browser never sends, answered with the site's own pages (never a 500),
and the form's security cookie kept to the visit."""

import pytest

from django.test import Client

from .conftest import json_lines

pytestmark = pytest.mark.django_db

QUICK_EXIT = 'href="/exit/"'


def _csrf_client():
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    return client


@pytest.mark.parametrize("path", ["/search/", "/self-referral/", "/no-such-page/", "/admin/login/"])
@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded; charset=latin-1",
        "application/x-www-form-urlencoded; charset=no-such-charset",
        "multipart/form-data; boundary=x; charset=utf-16",
    ],
)
def test_a_form_in_another_encoding_gets_the_sites_400_page(demo_site, path, content_type):
    response = _csrf_client().generic("POST", path, b"a=b", content_type=content_type)
    assert response.status_code == 400
    assert "Sorry, there is a problem" in response.text and QUICK_EXIT in response.text


def test_a_form_in_another_encoding_logs_one_short_json_line(demo_site, log_output):
    _csrf_client().generic(
        "POST", "/search/", b"a=b", "application/x-www-form-urlencoded; charset=latin-1"
    )
    lines, records = json_lines(log_output)
    assert records and all(record["level"] == "WARNING" for record in records)
    assert sum(len(line) for line in lines) < 1000
    assert not any("Traceback" in line for line in lines)


def test_a_host_not_allowed_gets_the_sites_400_page(client, demo_site):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Sorry, there is a problem" in response.text and QUICK_EXIT in response.text
    assert "evil.example" not in response.text


def test_the_form_cookie_lasts_only_for_the_visit(client, referral_page):
    response = client.get("/self-referral/")
    cookie = response.cookies["csrftoken"]
    assert cookie.value
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie


def test_the_quick_exit_still_clears_the_form_cookie(client, referral_page):
    client.get("/self-referral/")
    response = client.get("/exit/")
    assert '"cookies"' in response["Clear-Site-Data"]


def test_a_form_sent_without_its_cookie_gets_the_sites_page_with_the_quick_exit(referral_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/is-it-safe/", {"a": "b"})
    assert response.status_code == 403
    assert "Your form could not be sent" in response.text and QUICK_EXIT in response.text
    assert "private" in response["Cache-Control"]
