from django.conf import settings
from django.core.management.base import BaseCommand

from selfreferral.retention import purge
from selfreferral.tasks import purge_referrals


class Command(BaseCommand):
    help = (
        "Erase the personal details of referrals closed or withdrawn more than "
        "SELF_REFERRAL_RETENTION_DAYS days ago, keeping the anonymous figures."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Instead of purging now, queue a daily purge on the task queue "
            "(run by `manage.py db_worker`). Safe to run again: one schedule at a time.",
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            self._schedule()
            return
        count = purge()
        self.stdout.write(
            f"Erased personal details from {count} referral{'s' if count != 1 else ''} "
            f"finished more than {settings.SELF_REFERRAL_RETENTION_DAYS} days ago."
        )

    def _schedule(self):
        if _purge_already_queued(purge_referrals):
            self.stdout.write("A daily purge is already queued.")
            return
        purge_referrals.enqueue(reschedule=True)
        self.stdout.write("Queued the daily purge of old referrals.")


def _purge_already_queued(task):
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the database queue is part of the stack
        return False
    from django_tasks import TaskResultStatus, task_backends
    from django_tasks_db.backend import DatabaseBackend

    if not isinstance(task_backends[task.backend], DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(
        task_path=task.module_path, status=TaskResultStatus.READY
    ).exists()
