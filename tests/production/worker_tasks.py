"""Tasks the real task worker runs in tests/production/test_make_run.py."""

import time
from pathlib import Path

from django_tasks import task

from django.db import transaction


@task()
def hold_the_database(go_file, holding_file, seconds):
    """A long write by the worker (a big scheduled publish, the retention purge): once
    the test says go, it takes the database's write lock and keeps it for `seconds`."""
    from wagtail.models import Site

    deadline = time.monotonic() + 60
    while not Path(go_file).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    with transaction.atomic():
        Site.objects.update(site_name="Restorative Justice Service")
        Path(holding_file).touch()
        time.sleep(seconds)
