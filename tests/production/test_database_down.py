"""When the database cannot be reached, visitors get a readable 503 page, never a traceback."""

import pytest

from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OperationalError('connection to server at "10.0.0.5", port 5432 failed')

    def go_down():
        monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)

    return go_down


def assert_readable_503(response):
    assert response.status_code == 503
    html = response.content.decode()
    assert "Sorry, the service is unavailable" in html
    assert "call 999" in html
    assert 'href="/exit/"' in html  # the quick exit still works
    assert "Traceback" not in html and "10.0.0.5" not in html and "OperationalError" not in html
    assert "no-store" in response["Cache-Control"]
    assert response["Retry-After"] == "30"


def test_an_uncached_page_answers_503(demo_site, database_down):
    database_down()
    assert_readable_503(Client(raise_request_exception=False).get("/what-is-restorative-justice/"))


def test_pages_already_in_the_page_cache_are_still_served(client, demo_site, database_down):
    assert client.get("/").status_code == 200
    database_down()
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 200 and "<h1" in response.text


def test_a_failure_outside_the_view_answers_503(demo_site, settings):
    # A middleware that needs the database (sessions, redirects) fails before any view runs.
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.production.test_database_down.Broken"]
    assert_readable_503(Client(raise_request_exception=False).get("/is-it-safe/"))


def test_other_errors_still_get_the_500_page(demo_site, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.production.test_database_down.Bug"]
    response = Client(raise_request_exception=False).get("/is-it-safe/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.text


class Broken:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise InterfaceError("connection already closed")


class Bug(Broken):
    def __call__(self, request):
        raise ValueError("a programming mistake")
