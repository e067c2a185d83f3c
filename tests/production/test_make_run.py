"""`make run` runs the web server and the task worker side by side on one SQLite file.
These tests start both for real (tests/production/conftest.py: `make_run_site`)."""

import datetime
import sqlite3
import time
import urllib.request

import pytest

from django.utils import timezone

from home.models import StandardPage
from tests.conftest import STAFF_PASSWORD, english

pytestmark = pytest.mark.browser


def anonymous_get(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
        return response.read().decode()


def wait_for(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_a_scheduled_page_goes_live_for_visitors_when_the_worker_publishes_it(
    make_run_site, database_queue, approver
):
    from cms.tasks import publish_scheduled_pages

    page = english(StandardPage).get(slug="is-it-safe")
    old_intro = page.intro
    page.intro = "Safety comes first, and now this page says so from the first line."
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    page.save_revision(user=approver).publish(user=approver)
    page.refresh_from_db()
    assert page.intro == old_intro  # scheduled, not live yet
    # The every-minute publishing run, as `make run` starts it, next due in a moment.
    publish_scheduled_pages.using(run_after=page.go_live_at).enqueue()

    site = make_run_site()
    url = site.url + page.url
    # Visitors see the page as it is, and the server keeps a copy for the next ones.
    assert old_intro in anonymous_get(url)
    assert old_intro in anonymous_get(url)
    # The worker publishes it on time; the next visitor sees the new words, not the copy.
    assert wait_for(lambda: "now this page says so" in anonymous_get(url)), site.logs()


def test_an_editor_submits_a_page_while_the_worker_is_writing(
    make_run_site, database_queue, browser_page, tmp_path
):
    from tests.production.worker_tasks import hold_the_database

    go, holding = tmp_path / "go", tmp_path / "holding"
    # Longer than the 5 seconds SQLite waits by default: the editor's save used to fail.
    hold_the_database.enqueue(str(go), str(holding), 6)
    page = english(StandardPage).get(slug="is-it-safe")
    site = make_run_site()

    browser = browser_page
    browser.goto(site.url + "/admin/login/")
    browser.fill("#id_username", "edna")
    browser.fill("#id_password", STAFF_PASSWORD)
    browser.get_by_role("button", name="Sign in").click()
    browser.goto(f"{site.url}/admin/pages/{page.pk}/edit/")
    browser.fill("#id_title", "Is it safe? (checked)")
    # The worker takes the database for a long write just as the editor submits.
    go.touch()
    assert wait_for(holding.exists), site.logs()
    browser.get_by_role("button", name="More actions").click()
    browser.get_by_role("button", name="Submit to Comms review").click()
    browser.wait_for_load_state()
    body = browser.locator("body").inner_text()
    assert "call 999" not in body and "unavailable" not in body
    assert "has been submitted to Comms review" in body or "submitted for moderation" in body
    with sqlite3.connect(site.database) as db:
        title, status = db.execute(
            "SELECT p.draft_title, w.status FROM wagtailcore_page p JOIN wagtailcore_workflowstate w"
            " ON w.object_id = CAST(p.id AS TEXT) WHERE p.id = ?",
            (page.pk,),
        ).fetchone()
        # Pages are read while the worker writes (WAL).
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert (title, status) == ("Is it safe? (checked)", "in_progress")
