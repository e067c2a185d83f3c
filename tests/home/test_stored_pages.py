"""Stored public pages are answered before the rest of the middleware runs, with
the same headers as a page built fresh, and only to the visitors who may share them."""

from unittest import mock

import pytest

from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory

from home.cache import purge_page_cache
from home.middleware import ServeStoredPages
from home.models import StandardPage
from tests.conftest import english

pytestmark = pytest.mark.django_db

# Headers the stack adds to every page that a stored copy must carry too.
STACK_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Cross-Origin-Opener-Policy",
    "Content-Language",
    "Cache-Control",
    "Vary",
    "Content-Type",
)


@pytest.fixture
def page(demo_site):
    caches["pages"].clear()
    return english(StandardPage).get(slug="is-it-safe")


def _stack_never_runs():
    # The session middleware is the first thing a request passes after the stored
    # copy's check: if it runs, the stored copy was not answered first.
    return mock.patch.object(
        SessionMiddleware, "process_request", side_effect=AssertionError("the stack ran")
    )


def test_a_stored_page_is_answered_before_the_stack_with_the_same_headers(
    client, page, django_assert_num_queries
):
    fresh = client.get(page.url)
    assert fresh.status_code == 200
    with _stack_never_runs(), django_assert_num_queries(0):
        stored = client.get(page.url)
    assert stored.status_code == 200
    assert stored.content == fresh.content
    for name in STACK_HEADERS:
        assert stored.headers.get(name) == fresh.headers.get(name), name
    assert stored["Content-Length"] == str(len(fresh.content))
    assert "public" in stored["Cache-Control"]
    assert not stored.cookies


def test_a_head_request_gets_the_stored_headers(client, page):
    fresh = client.get(page.url)
    with _stack_never_runs():
        head = client.head(page.url)
    assert head.status_code == 200
    assert head["Content-Security-Policy"] == fresh["Content-Security-Policy"]


def test_a_publish_is_seen_by_the_next_visitor(client, page):
    client.get(page.url)
    StandardPage.objects.filter(pk=page.pk).update(title="A title changed just now")
    assert "A title changed just now" not in client.get(page.url).text
    purge_page_cache()
    assert "A title changed just now" in client.get(page.url).text


@pytest.mark.parametrize(
    "cookie", ["sessionid", "rj_kiosk", "messages"], ids=["session", "kiosk", "message"]
)
def test_visitors_whose_cookies_change_the_page_never_get_the_stored_copy(client, page, cookie):
    client.get(page.url)
    StandardPage.objects.filter(pk=page.pk).update(title="Only for a fresh page")
    client.cookies[cookie] = "anything"
    response = client.get(page.url)
    assert "Only for a fresh page" in response.text
    assert "public" not in response.get("Cache-Control", "")


def test_other_cookies_share_the_stored_copy(client, page):
    client.get(page.url)
    client.cookies["csrftoken"] = "a-token-from-the-form-page"
    with _stack_never_runs():
        assert client.get(page.url).status_code == 200


def test_a_host_not_allowed_is_refused_even_when_the_page_is_stored(client, page):
    client.get(page.url)
    assert client.get(page.url, HTTP_HOST="attacker.example").status_code == 400


def test_plain_http_is_still_redirected_when_the_page_is_stored(client, page, settings):
    settings.SECURE_SSL_REDIRECT = True
    client.get(page.url, secure=True)
    response = client.get(page.url)
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    with _stack_never_runs():
        assert client.get(page.url, secure=True).status_code == 200


def test_each_address_is_stored_apart(client, page):
    english_copy = client.get(page.url)
    query = client.get(page.url + "?utm_source=leaflet")
    arabic = client.get("/ar/")
    assert english_copy.content == query.content  # built again, same words
    assert arabic["Content-Language"] == "ar"
    with _stack_never_runs():
        assert client.get("/ar/")["Content-Language"] == "ar"
        assert client.get(page.url)["Content-Language"] == "en-gb"


def test_forms_errors_and_the_admin_are_never_stored(client, page, referral_page):
    for url in (referral_page.url, "/no-such-page/", "/admin/login/"):
        client.get(url)
        response = client.get(url)
        assert "public" not in response.get("Cache-Control", ""), url


def test_a_page_is_built_when_the_cache_is_down(client, page):
    with mock.patch("home.middleware.page_cache", side_effect=ConnectionError("cache down")):
        response = client.get(page.url)
    assert response.status_code == 200
    assert "Is it safe" in response.text


class _Django:
    """Django's own handler, counting the requests that reach it."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


def _wsgi(application, path, **headers):
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(response_headers)

    environ = RequestFactory().get(path, **headers).environ
    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


def test_the_site_s_wsgi_application_answers_stored_pages_before_django(
    page, test_database_connection_kept
):
    from rjsite.wsgi import application

    assert isinstance(application, ServeStoredPages)
    django = _Django()
    site = ServeStoredPages(django)
    status, fresh_headers, fresh = _wsgi(site, page.url)
    assert status == "200 OK" and django.calls == 1
    status, headers, stored = _wsgi(site, page.url)
    assert status == "200 OK" and django.calls == 1  # Django's handler never ran
    assert stored == fresh
    for name in STACK_HEADERS:
        assert headers.get(name) == fresh_headers.get(name), name
    assert headers["Content-Length"] == str(len(fresh))
    # What the stack must see still reaches it.
    assert _wsgi(site, page.url, HTTP_HOST="attacker.example")[0].startswith("400")
    _wsgi(site, page.url, HTTP_COOKIE="sessionid=abc")
    _wsgi(site, "/admin/login/")
    assert django.calls == 4
