"""When the database cannot be reached, visitors get a readable 503 page, never a traceback."""

import sqlite3

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


# A busy database (another writer holds it) is not an outage.


def busy_error():
    cause = sqlite3.OperationalError("database is locked")
    cause.sqlite_errorcode = 5  # SQLITE_BUSY
    error = OperationalError("database is locked")
    error.__cause__ = cause
    return error


@pytest.fixture
def busy_saves(monkeypatch):
    """Saving a page revision meets a busy database `times` times, then works."""
    from wagtail.models import Page

    real_save_revision = Page.save_revision
    failures = {"left": 0}

    def save_revision(self, *args, **kwargs):
        if failures["left"]:
            failures["left"] -= 1
            raise busy_error()
        return real_save_revision(self, *args, **kwargs)

    monkeypatch.setattr(Page, "save_revision", save_revision)

    def fail(times):
        failures["left"] = times

    return fail


def edit_and_save(client, page, title):
    from django.urls import reverse

    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form = client.get(edit_url).context["form"]
    data = {name: form[name].value() for name in ("slug", "intro", "review_by")}
    data.update(
        title=title,
        body=streamfield([]),
        easy_read_page="",
        comments=inline_formset([]),
    )
    return client.post(edit_url, nested_form_data(data))


def test_an_editors_save_that_meets_another_writer_is_tried_again_and_saved_once(
    demo_site, editor, busy_saves
):
    from home.models import StandardPage
    from tests.conftest import english

    page = english(StandardPage).get(slug="is-it-safe")
    revisions = page.revisions.count()
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    busy_saves(times=2)
    response = edit_and_save(client, page, "Is it safe? (checked)")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.draft_title == "Is it safe? (checked)"
    assert page.revisions.count() == revisions + 1


def test_staff_never_get_the_public_outage_page_for_a_busy_database(demo_site, editor, busy_saves):
    from home.models import StandardPage
    from tests.conftest import english

    page = english(StandardPage).get(slug="is-it-safe")
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    busy_saves(times=10)
    response = edit_and_save(client, page, "Is it safe? (checked)")
    assert response.status_code == 503
    html = response.text
    assert "Your change has not been saved yet" in html
    assert "Back button" in html
    assert "999" not in html and "Sorry, the service is unavailable" not in html
    assert "no-store" in response["Cache-Control"]


def test_staff_in_the_admin_are_told_plainly_when_the_database_is_down(editor, database_down):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    database_down()
    response = client.get("/admin/")
    assert response.status_code == 503
    assert "The admin cannot reach its database" in response.text
    assert "999" not in response.text
