"""Scheduled publishing and expiry happen on their own: the task worker runs them."""

import datetime

import pytest
import time_machine

from django.core.management import call_command
from django.utils import timezone

from cms.tasks import publish_scheduled_pages, scheduled_publishing_is_queued
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)


def run_worker():
    call_command("db_worker", batch=True, verbosity=0)


def queued_runs():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=publish_scheduled_pages.module_path, status="READY"
    )


def test_starting_twice_queues_one_chain(database_queue):
    with time_machine.travel(NOON, tick=False):
        call_command("start_scheduled_publishing", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("start_scheduled_publishing", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert queued_runs().count() == 1
        assert scheduled_publishing_is_queued()


def test_a_run_left_running_by_a_killed_worker_does_not_stop_a_restart(database_queue):
    from django_tasks_db.models import DBTaskResult

    with time_machine.travel(NOON, tick=False) as clock:
        call_command("start_scheduled_publishing", stdout=open("/dev/null", "w"))  # noqa: SIM115
        # The worker took the run and was killed (SIGKILL) before it finished.
        queued_runs().update(status="RUNNING", started_at=timezone.now())
        call_command("start_scheduled_publishing", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert queued_runs().count() == 0  # a live worker may still be running it

        clock.move_to(NOON + datetime.timedelta(minutes=11))
        assert not scheduled_publishing_is_queued()
        call_command("start_scheduled_publishing", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert queued_runs().count() == 1
        assert DBTaskResult.objects.filter(status="RUNNING").count() == 1


def test_worker_publishes_and_expires_pages_at_their_times(database_queue, demo_site):
    go_live = NOON + datetime.timedelta(minutes=30)
    expire = NOON + datetime.timedelta(hours=2)
    with time_machine.travel(NOON, tick=False) as clock:
        page = StandardPageFactory(parent=demo_site, title="Restorative Justice Week", live=False)
        page.go_live_at = go_live
        page.expire_at = expire
        page.save_revision(approved_go_live_at=go_live)
        call_command("start_scheduled_publishing", stdout=open("/dev/null", "w"))  # noqa: SIM115

        run_worker()  # nothing due yet; the task queues its next run a minute on
        page.refresh_from_db()
        assert not page.live
        [next_run] = queued_runs()
        assert next_run.run_after == NOON + datetime.timedelta(seconds=60)

        clock.move_to(go_live + datetime.timedelta(seconds=61))
        run_worker()
        page.refresh_from_db()
        assert page.live
        assert page.last_published_at >= go_live

        clock.move_to(expire + datetime.timedelta(seconds=61))
        run_worker()
        page.refresh_from_db()
        assert not page.live and page.expired
        # Still one chain, waiting for its next turn.
        assert queued_runs().count() == 1


def test_a_failed_run_keeps_the_chain_going(database_queue, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("cms.tasks.call_command", broken)
    with time_machine.travel(NOON, tick=False):
        publish_scheduled_pages.enqueue()
        run_worker()
        assert queued_runs().count() == 1


def test_without_a_queue_that_can_wait_it_runs_once(demo_site):
    # The immediate backend (tests, or a misconfigured site) cannot defer: no endless loop.
    page = StandardPageFactory(parent=demo_site, title="Soon", live=False)
    page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    publish_scheduled_pages.enqueue()
    page.refresh_from_db()
    assert page.live


def test_old_runs_are_pruned_from_the_queue(database_queue):
    from django_tasks_db.models import DBTaskResult

    with time_machine.travel(NOON, tick=False) as clock:
        publish_scheduled_pages.enqueue()
        run_worker()
        clock.move_to(NOON + datetime.timedelta(minutes=2))
        run_worker()
        runs = DBTaskResult.objects.filter(task_path=publish_scheduled_pages.module_path)
        assert runs.filter(status="SUCCESSFUL").count() == 2
        clock.move_to(NOON + datetime.timedelta(days=2))
        run_worker()
        assert runs.filter(status="SUCCESSFUL").count() == 1  # only the run just now
        assert runs.filter(status="READY").count() == 1
