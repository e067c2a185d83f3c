"""Shared fixtures: the demo site, a live server, a real Chromium and axe-core."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from django.core.cache import caches
from django.core.management import call_command
from django.test import TestCase
from django.utils import translation

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make alongside it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


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


def _load_demo(languages):
    options = {} if languages else {"skip_languages": True}
    # wagtail-localize publishes translations when the transaction commits; inside a
    # test's transaction, run those callbacks now, as a real commit would.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo_content", stdout=open(os.devnull, "w"), **options)  # noqa: SIM115


@pytest.fixture
def demo_site(db):
    """The demo content, as `make run` builds it, in English only (quicker to build,
    one page per slug). Use `multilingual_site` for Polish, Nepali and Arabic too."""
    _load_demo(languages=False)
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def multilingual_site(db):
    """The whole demo, as `make run` builds it: English plus Polish, Nepali and Arabic."""
    _load_demo(languages=True)
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def live_site(django_db_serialized_rollback, live_server):
    """The demo site (English only) served by a live server thread, for the browser."""
    _load_demo(languages=False)
    return live_server


@pytest.fixture
def live_multilingual_site(django_db_serialized_rollback, live_server):
    """The whole demo in every language, served for the browser."""
    _load_demo(languages=True)
    return live_server


@pytest.fixture(scope="session", autouse=True)
def _compiled_messages():
    # `make test` compiles the interface translations; a bare `pytest` run does it here.
    root = ROOT / "locale"
    if any(not po.with_suffix(".mo").exists() for po in root.glob("*/LC_MESSAGES/django.po")):
        call_command(
            "compilemessages", ignore_patterns=[".venv", "node_modules", "var"], verbosity=0
        )


@pytest.fixture(scope="session")
def chromium():
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


@pytest.fixture
def axe():
    return run_axe


@pytest.fixture(autouse=True)
def _task_worker_keeps_the_test_connection(monkeypatch):
    # The task worker closes "old" database connections between tasks. In a test
    # the connection holds the test's transaction (Django's test client skips
    # close_old_connections for the same reason), and on PostgreSQL closing it
    # would lose the test's data. Leave it open when a test runs the worker.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
