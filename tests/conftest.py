"""Shared fixtures: the demo site built once, a live server, a real Chromium and
axe-core, an SMTP server on loopback, the referral form and the staff users.

The demo site (every language, as `make run` builds it) is built once per test
session, and once per pytest-xdist worker, straight after the migrations. Every
test starts from it: a test's transaction is rolled back to it, and a test that
commits (the live-server tests) has it copied back afterwards. Tests that need a
database of their own shape build it inside their transaction.
"""

import os
import re
import socket
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from playwright.sync_api import sync_playwright

from django.core.cache import caches
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, transaction
from django.test import TransactionTestCase
from django.test.testcases import _MediaFilesHandler
from django.utils import translation

from cms.roles import COMMS_APPROVERS, COMMS_EDITORS, SITE_ADMINISTRATORS
from selfreferral.admin_views import COORDINATORS_GROUP

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make alongside it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
QUIET = open(os.devnull, "w")  # noqa: SIM115 (for the management commands' output)

# The staff every test may use: username -> the role's group. Built once with the demo.
STAFF = {
    "edna": COMMS_EDITORS,
    "april": COMMS_APPROVERS,
    "sam": SITE_ADMINISTRATORS,
    "cora": COORDINATORS_GROUP,
}
STAFF_PASSWORD = "a test password, not a real one"


# --- The database: the demo built once, restored after tests that commit ----------------


def _build_shared_data():
    """The demo in every language, its search and reference indexes, and the staff."""
    from django.contrib.auth.models import Group, User

    # Indexing is off in the test settings; the demo is indexed once, whole.
    call_command("load_demo_content", stdout=QUIET)
    call_command("update_index", stdout=QUIET, stderr=QUIET)
    call_command("rebuild_references_index", stdout=QUIET)
    for username, group in STAFF.items():
        user = User.objects.create_user(
            username, email=f"{username}@example.org", password=STAFF_PASSWORD
        )
        user.groups.add(Group.objects.get(name=group))
    User.objects.create_superuser("root", email="root@example.org", password=STAFF_PASSWORD)


class _Snapshot:
    """The database as it stood after the shared data was built, to put back after a
    test that committed.

    On SQLite (an in-memory database, one per worker) a byte copy through SQLite's
    backup API. On PostgreSQL a copy of every table in a schema of its own, copied
    back in one transaction (Django's foreign keys are deferred to the commit)."""

    SCHEMA = "shared_data_snapshot"

    def __init__(self):
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self.copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.copy)
            return
        with connection.cursor() as cursor:
            self.tables = [
                connection.ops.quote_name(table)
                for table in connection.introspection.table_names(cursor)
            ]
            cursor.execute(f"DROP SCHEMA IF EXISTS {self.SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {self.SCHEMA}")
            for table in self.tables:
                cursor.execute(f"CREATE TABLE {self.SCHEMA}.{table} AS TABLE public.{table}")

    def restore(self):
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            # The live server's thread shares this connection and may still be finishing
            # a request the browser sent as the test ended: wait for it (5 s at most).
            for attempt in range(50):
                try:
                    self.copy.backup(connection.connection)
                    return
                except sqlite3.OperationalError as error:
                    if "locked" not in str(error) or attempt == 49:
                        raise
                    time.sleep(0.1)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(self.tables)}")
            for table in self.tables:
                # Table names from the database's own catalogue, quoted.
                cursor.execute(f"INSERT INTO public.{table} SELECT * FROM {self.SCHEMA}.{table}")  # noqa: S608


_snapshot = None


def _restore_instead_of_flushing(self):
    # Django empties every table after a test that commits; put the shared data back instead.
    _snapshot.restore()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    global _snapshot
    from wagtail.signal_handlers import disconnect_reference_index_signal_handlers

    from home import demo

    # The demo's logins go to this session's own file, not the developer's var/.
    demo.LOGINS_FILE = tmp_path_factory.mktemp("demo") / "demo-logins.txt"
    # Saving a page rewrites its rows in Wagtail's reference index ("Usage"); `migrate`
    # switched that on. Off for the session: the demo's index is built once, whole, and
    # the tests that read "Usage" ask for `reference_index_updates`.
    disconnect_reference_index_signal_handlers()
    with django_db_blocker.unblock():
        _build_shared_data()
        _snapshot = _Snapshot()
    original = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = _restore_instead_of_flushing
    yield
    TransactionTestCase._fixture_teardown = original


@pytest.fixture
def reference_index_updates():
    """Wagtail's reference index kept up to date as this test saves (off by default)."""
    from wagtail.signal_handlers import (
        connect_reference_index_signal_handlers,
        disconnect_reference_index_signal_handlers,
    )

    connect_reference_index_signal_handlers()
    yield
    disconnect_reference_index_signal_handlers()


@pytest.fixture
def search_index_updates(settings):
    """Pages saved in this test are added to the search index (off in the test settings)."""
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**backend, "AUTO_UPDATE": True}
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }


def english(model):
    """The English pages of a page model (the demo has a copy of each page in every language)."""
    from django.conf import settings

    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


@pytest.fixture
def demo_site(db):
    """The demo site's English home page; the whole demo, in every language, is there."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


class _OneRequestAtATime:
    """The live server answers with one thread per request, and every thread uses the
    test's one database connection (in-memory SQLite). Two requests at once (a page and
    the admin's background pings) would run inside each other's transactions; here they
    take turns, as they would each have a connection of their own on a real server."""

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.app(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()


@pytest.fixture
def live_site(transactional_db, live_server, settings):
    """The demo site served by a live server thread, for the browser (and its BASE_URL)."""
    settings.BASE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url
    httpd = live_server.thread.httpd
    if not isinstance(httpd.get_app(), _OneRequestAtATime):
        app = httpd.get_app()
        # Django's live server answers /media/ itself, without byte ranges; the site's own
        # media view (home.views.serve_media) answers them, as it does under `make run`.
        if isinstance(getattr(app, "application", None), _MediaFilesHandler):
            app.application = app.application.application
        httpd.set_app(_OneRequestAtATime(app))
    return live_server


@pytest.fixture(autouse=True)
def _english_after_each_test():
    # A request in Polish leaves Polish switched on in this thread; without this the next
    # test's reverse() would give /pl/ addresses and its pages Polish words.
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_caches():
    # Whole pages are cached in local memory; each test starts with none.
    for alias in ("default", "pages"):
        caches[alias].clear()
    yield


@pytest.fixture(scope="session", autouse=True)
def _compiled_messages():
    # `make test` compiles the interface translations; a bare `pytest` run does it here.
    root = ROOT / "locale"
    if any(not po.with_suffix(".mo").exists() for po in root.glob("*/LC_MESSAGES/django.po")):
        call_command(
            "compilemessages", ignore_patterns=[".venv", "node_modules", "var"], verbosity=0
        )


@pytest.fixture
def test_database_connection_kept():
    """For a test that calls the site's WSGI application itself: Django's handler
    closes the database connection at each request's start and end
    (`close_old_connections`), and the test's transaction lives on it (the test
    client disconnects the same handler while it works)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _task_worker_keeps_the_test_connection(monkeypatch):
    # The task worker closes "old" database connections between tasks. In a test
    # the connection holds the test's transaction (Django's test client skips
    # close_old_connections for the same reason), and on PostgreSQL closing it
    # would lose the test's data. Leave it open when a test runs the worker.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


# --- Staff ------------------------------------------------------------------------------


def staff_user(username):
    from django.contrib.auth.models import User

    return User.objects.get(username=username)


@pytest.fixture
def editor(db):
    """A communications editor: writes pages and sends them for review."""
    return staff_user("edna")


@pytest.fixture
def approver(db):
    """A communications approver: reviews and publishes."""
    return staff_user("april")


@pytest.fixture
def site_admin(db):
    """A site administrator: users, settings and kiosks."""
    return staff_user("sam")


@pytest.fixture
def coordinator(db):
    """A restorative justice coordinator: sees and handles referrals."""
    return staff_user("cora")


@pytest.fixture
def superuser(db):
    return staff_user("root")


def authenticator_code(secret):
    """What an authenticator app shows now for the key on the set-up page."""
    import base64

    from django_otp.oath import totp

    return f"{totp(base64.b32decode(secret)):06d}"


def sign_in(page, base_url, username, password=STAFF_PASSWORD):
    """Sign in to the admin in the browser, as a person does."""
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


# --- The self-referral form -------------------------------------------------------------

TOKEN_RE = re.compile(r'name="form_token" value="([^"]+)"')


@pytest.fixture
def referral_page(db):
    """The demo's self-referral page (English) at /self-referral/."""
    from selfreferral.models import SelfReferralPage

    return english(SelfReferralPage).get()


def form_token(client, url="/self-referral/"):
    response = client.get(url)
    return TOKEN_RE.search(response.text).group(1)


def answers(**changes):
    """A complete, valid set of answers (area: Fenmoor North from the demo)."""
    from selfreferral.models import Area

    data = {
        "role": "harmed",
        "name": "Alex Example",
        "age_group": "18-or-over",
        "preferred_contact": "phone",
        "phone": "07911 123456",
        "email": "",
        "address": "",
        "safe_to_leave_message": "no",
        "safe_times": "Weekdays after 3pm",
        "area": str(Area.objects.get(name="Fenmoor North").pk),
        "what_happened": "My bike was stolen from outside my flat.",
        "support_needs": "",
        "consent": "yes",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, **changes):
    """Fill in the form as a person does: load it, then send it."""
    data = answers(**changes)
    data.setdefault("form_token", form_token(client))
    return client.post("/self-referral/", data)


@pytest.fixture
def database_queue(settings):
    """The real persistent task queue (what `make run` and production use) instead of
    running tasks at once: tasks wait in the database for `db_worker`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


# --- Mail: a real SMTP server on loopback -----------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(
            {
                "from": envelope.mail_from,
                "to": list(envelope.rcpt_tos),
                "data": envelope.content.decode("utf-8", "replace"),
                "login": session.auth_data.login.decode() if session.auth_data else None,
            }
        )
        return "250 Message accepted for delivery"


SMTP_USER, SMTP_PASSWORD = "rj-mailer", "correct horse battery staple"


def _authenticate(server, session, envelope, mechanism, auth_data):
    ok = (auth_data.login.decode(), auth_data.password.decode()) == (SMTP_USER, SMTP_PASSWORD)
    # handled=False lets aiosmtpd answer a refusal with "535 Authentication failed".
    return (
        AuthResult(success=True, auth_data=auth_data)
        if ok
        else AuthResult(success=False, handled=False)
    )


class SMTPServer:
    """aiosmtpd on 127.0.0.1 at a fixed port, which can be stopped and started again.

    Like a real relay it takes a user name and password (SMTP_USER, SMTP_PASSWORD)
    and refuses wrong ones; mail sent without signing in is accepted too."""

    hostname = "127.0.0.1"

    def __init__(self):
        self.port = free_port()
        self.inbox = _Inbox()
        self.controller = None

    @property
    def messages(self):
        return self.inbox.messages

    def start(self):
        self.controller = Controller(
            self.inbox,
            hostname=self.hostname,
            port=self.port,
            authenticator=_authenticate,
            auth_require_tls=False,
        )
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_server(settings):
    """A mail server on loopback that the site sends to (no password, no TLS)."""
    server = SMTPServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 3
    yield server
    server.stop()


# --- The browser ------------------------------------------------------------------------

BROWSER_FIXTURES = {"chromium", "browser_page", "live_site", "live_server"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # Every test that drives Chromium or the live server is a "browser" test, marked or
    # not, so that `-m "not browser"` (CI on PostgreSQL) leaves out all of them.
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, started once per test session (per xdist worker)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def run_axe(page):
    """Run axe-core in the page for WCAG 2.2 AA and return its violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's CSP still holds for the site's own scripts.
        page.evaluate(AXE_SOURCE.read_text())
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))",
        AXE_TAGS,
    )
