"""Without Redis, every process on the machine shares one cache (files in
var/cache): a page unpublished through one gunicorn worker is not served by
another, and the rate limit counts every worker's sends together."""

import os
import subprocess
import sys

import pytest

from django.core import mail
from django.core.cache import caches

from home.models import StandardPage
from tests.conftest import english

from .helpers import ROOT, production_env, production_settings

SETUP = "import django; django.setup(); "


def _in_another_process(tmp_path, code, **variables):
    env = production_env(tmp_path, DJANGO_SETTINGS_MODULE="rjsite.settings", **variables)
    return subprocess.Popen(  # noqa: S603 (our own interpreter, our own code)
        [sys.executable, "-c", SETUP + code],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def production_caches(tmp_path, settings):
    """The caches production uses with nothing configured, in this process too."""
    settings.CACHES = production_settings(tmp_path, "CACHES")["CACHES"]
    yield settings.CACHES
    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.mark.django_db
def test_a_publish_in_another_process_stops_this_one_serving_the_old_page(
    client, demo_site, tmp_path, production_caches
):
    page = english(StandardPage).get(slug="is-it-safe")
    assert "Is it safe" in client.get(page.url).text  # now in the page cache
    StandardPage.objects.filter(pk=page.pk).update(title="A changed title")
    assert "A changed title" not in client.get(page.url).text  # served from the cache
    # Another worker publishes: it moves the cache on for everyone.
    worker = _in_another_process(
        tmp_path, "from home.cache import purge_page_cache; purge_page_cache()"
    )
    assert worker.wait(timeout=120) == 0, worker.stderr.read()
    assert "A changed title" in client.get(page.url).text


def test_the_rate_limit_counts_the_sends_of_every_worker_together(tmp_path):
    production_settings(tmp_path, "CACHES")  # the same settings each worker starts with
    count_sends = (
        "from django.test import RequestFactory; from selfreferral.guards import rate_limited; "
        "request = RequestFactory().post('/self-referral/', REMOTE_ADDR='203.0.113.9'); "
        "print(sum(not rate_limited(request) for _ in range(6)))"
    )
    workers = [
        _in_another_process(tmp_path, count_sends, SELF_REFERRAL_RATE_LIMIT="10") for _ in range(4)
    ]
    accepted = 0
    for worker in workers:
        assert worker.wait(timeout=120) == 0, worker.stderr.read()
        accepted += int(worker.stdout.read())
    assert accepted == 10  # of 24 sends from one address, across four workers


def test_emails_written_to_files_are_readable_by_this_user_only(tmp_path, settings):
    settings.EMAIL_BACKEND = "rjsite.mail.PrivateFileEmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    (tmp_path / "mail").mkdir(mode=0o755)
    mail.send_mail("New referral", "Name: Alex Example", "from@example.org", ["to@example.org"])
    written = list((tmp_path / "mail").iterdir())
    assert len(written) == 1 and "Alex Example" in written[0].read_text()
    assert written[0].stat().st_mode & 0o077 == 0
    assert (tmp_path / "mail").stat().st_mode & 0o077 == 0
    assert os.access(written[0], os.R_OK)


def test_the_shared_file_cache_keeps_expires_and_counts(tmp_path):
    import time

    from django.core.cache.backends.filebased import FileBasedCache

    from rjsite.cache import SharedFileCache

    cache = SharedFileCache(str(tmp_path / "cache"), {})
    cache.set("page", {"html": "<p>Hello</p>"}, timeout=60)
    assert cache.get("page") == {"html": "<p>Hello</p>"}
    assert cache.add("count", 1) and not cache.add("count", 5)
    assert cache.incr("count") == 2
    cache.set("soon", "gone", timeout=0.01)
    time.sleep(0.05)
    assert cache.get("soon", "missing") == "missing"
    # A file left by Django's own (compressing) file cache reads as a miss, not an error.
    FileBasedCache(str(tmp_path / "cache"), {}).set("old", "compressed")
    assert cache.get("old", "missing") == "missing"


def test_the_shared_file_cache_reads_a_changed_entry_again(tmp_path, production_caches):
    """Each process keeps the bytes it read last, and must still see every change
    another process makes: a new value, a delete, a new expiry, a clear."""
    cache = caches["pages"]
    cache.set("generation", 1, None)
    assert cache.get("generation") == 1  # read, and remembered
    changes = (
        "from django.core.cache import caches; cache = caches['pages']; "
        "cache.incr('generation'); cache.set('page', {'words': ['old']}, 600)"
    )
    worker = _in_another_process(tmp_path, changes)
    assert worker.wait(timeout=120) == 0, worker.stderr.read()
    assert cache.get("generation") == 2
    page = cache.get("page")
    page["words"].append("changed by the caller")  # a copy: the cache is not changed
    assert cache.get("page") == {"words": ["old"]}
    cache.touch("page", -1)  # expired in place
    assert cache.get("page") is None
    cache.set("page", "new", 600)
    cache.delete("page")
    assert cache.get("page") is None
    cache.clear()
    assert cache.get("generation") is None
