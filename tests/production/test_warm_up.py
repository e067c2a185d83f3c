"""A new app server builds, once and before its workers start, what each worker
would otherwise build on its first visitors' requests (rjsite/warm_up.py)."""

import json
import logging
import re
import sqlite3
import time
import urllib.error
import urllib.request

import pytest
from encrypted_fields import fields as library_fields

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.storage import default_storage
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from rjsite.warm_up import warm_up
from selfreferral.encryption import forget_keys
from selfreferral.models import Referral
from tests.conftest import free_port, submit

from .helpers import production_env, start_gunicorn

pytestmark = pytest.mark.django_db


def live_page_types():
    return set(Page.objects.live().filter(depth__gt=1).values_list("content_type", flat=True))


@pytest.fixture
def warm_up_here(test_database_connection_kept, monkeypatch):
    """The warm-up in this process, keeping the test's database connection (it is
    closed for real in tests below, in gunicorn)."""
    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append("databases"))
    from rjsite.wsgi import application

    return lambda: (warm_up(application), closed)


def test_the_warm_up_builds_one_page_of_each_type_in_each_language_and_stores_none(
    demo_site, client, warm_up_here
):
    sessions = Session.objects.count()
    statuses, closed = warm_up_here()
    assert set(statuses.values()) == {200}, statuses
    # Every page type, and every language's home page.
    type_at = {page.url: page.content_type_id for page in Page.objects.live().filter(depth__gt=1)}
    assert {type_at[path] for path in statuses} == live_page_types()
    homes = ["/"] + [f"/{code}/" for code, _ in settings.LANGUAGES if code != "en-gb"]
    assert set(homes) <= statuses.keys()
    assert len(statuses) <= len(live_page_types()) + len(homes)
    # Workers must not share the parent's database connections.
    assert closed == ["databases"]
    # Nothing left behind: no session, no stored page (the next visitor's page is built).
    assert Session.objects.count() == sessions
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert len(queries) > 0


@pytest.fixture
def keys_worked_out(monkeypatch):
    """Each time the encryption library works a key out (PBKDF2) from now on."""
    forget_keys()
    derived = []
    real_kdf = library_fields.PBKDF2HMAC

    def counted(*args, **kwargs):
        derived.append(1)
        return real_kdf(*args, **kwargs)

    monkeypatch.setattr(library_fields, "PBKDF2HMAC", counted)
    return derived


def test_after_the_warm_up_a_referral_works_out_no_encryption_key(
    client, referral_page, warm_up_here, keys_worked_out
):
    warm_up_here()
    keys_worked_out.clear()
    response = submit(client, preferred_contact="email", email="sam@example.org")
    assert response.status_code == 302
    assert Referral.objects.latest("pk").email == "sam@example.org"  # stored encrypted, read back
    assert keys_worked_out == []


def test_every_encrypted_answer_shares_one_set_of_keys(client, referral_page, keys_worked_out):
    """The library works keys out per field (100,000 rounds of PBKDF2 each): once is enough."""
    submit(
        client,
        preferred_contact="email",
        email="sam@example.org",
        address="1 Lantern Row",
        support_needs="Large print, please.",
    )
    referral = Referral.objects.latest("pk")
    assert (referral.email, referral.address) == ("sam@example.org", "1 Lantern Row")
    key_pairs = (1 + len(settings.SECRET_KEY_FALLBACKS)) * len(settings.SALT_KEY)
    assert len(keys_worked_out) == key_pairs


def test_a_warm_up_that_fails_leaves_the_server_to_start_cold(
    demo_site, caplog, test_database_connection_kept, monkeypatch
):
    monkeypatch.setattr(connections, "close_all", lambda: None)

    def broken(environ, start_response):
        raise RuntimeError("the database is not there yet")

    with caplog.at_level(logging.INFO, logger="rjsite.warm_up"):
        assert warm_up(broken) == {}
    assert "the workers will start cold" in caplog.text


def copy_media(folder):
    """The test's uploaded files (kept in memory) as files, where the server reads them."""
    pending = [""]
    while pending:
        directory = pending.pop()
        subfolders, files = default_storage.listdir(directory)
        pending += [f"{directory}{name}/" for name in subfolders]
        for name in files:
            target = folder / directory / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(f"{directory}{name}") as source:
                target.write_bytes(source.read())


def test_gunicorn_warms_the_site_up_before_it_starts_its_workers(
    transactional_db, demo_site, tmp_path
):
    # (A transactional test: SQLite copies a database that no transaction holds.)
    if connection.vendor != "sqlite":
        pytest.skip("served from a copy of the SQLite test database")
    database = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(database)
    connection.connection.backup(copy)
    copy.close()
    copy_media(tmp_path / "media")
    port = free_port()
    access_log = tmp_path / "access.log"
    env = production_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="rjsite.settings",
        DATABASE_URL=f"sqlite:///{database}",
        SECRET_KEY=settings.SECRET_KEY,
        FIELD_ENCRYPTION_KEYS=",".join(settings.FIELD_ENCRYPTION_KEYS),
        BIND=f"127.0.0.1:{port}",
        BASE_URL=f"http://127.0.0.1:{port}",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        # Static files from the source folders, as `make run` serves them (no collectstatic).
        DJANGO_DEBUG="1",
        LOG_FORMAT="json",
        WEB_CONCURRENCY="2",
        GUNICORN_ACCESS_LOG=str(access_log),
        LOG_LEVEL="INFO",
    )
    server = start_gunicorn(env)
    status = None
    try:
        deadline = time.monotonic() + 90
        while status is None and server.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(  # noqa: S310 (loopback)
                    f"http://127.0.0.1:{port}/ar/self-referral/", timeout=30
                ) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
    finally:
        server.terminate()
        output = server.communicate(timeout=60)[0]
    assert status == 200, output
    records = [json.loads(line) for line in output.splitlines() if line.strip()]
    messages = [record["message"] for record in records]
    warmed = next(i for i, m in enumerate(messages) if m.startswith("Warmed up"))
    booted = next(i for i, m in enumerate(messages) if m.startswith("Booting worker"))
    assert warmed < booted, messages
    pages = int(re.match(r"Warmed up: (\d+) pages", messages[warmed]).group(1))
    assert pages >= len(live_page_types())
    # Every page built cleanly, and no child process the warm-up started (WeasyPrint
    # looks for its libraries with one) was taken for a worker that died.
    assert not [r for r in records if r["level"] == "ERROR"], messages
    # The warm-up's visits never reached the server's access log: only the test's did.
    paths = [json.loads(line)["path"] for line in access_log.read_text().splitlines()]
    assert set(paths) == {"/ar/self-referral/"}
