"""The one retry policy for emails the task worker sends (referral emails, workflow
emails, staff notices): django-tasks has no retries of its own, so a send that
fails queues itself again, waiting 1, 2, 4, 8… minutes (never more than an hour),
until SELF_REFERRAL_NOTIFICATION_MAX_ATTEMPTS attempts."""

import datetime

from django_tasks import task_backends

from django.conf import settings
from django.utils import timezone

BACKOFF_CAP = datetime.timedelta(hours=1)


def backoff(attempt):
    return min(datetime.timedelta(minutes=2 ** (attempt - 1)), BACKOFF_CAP)


def retry_later(task_function, attempt, *args, **kwargs):
    """Queue attempt `attempt + 1` of `task_function(*args, **kwargs)` after the backoff.
    False when it will not be tried again: the last attempt, or a queue that cannot
    wait (the immediate backend of the tests)."""
    if attempt >= settings.SELF_REFERRAL_NOTIFICATION_MAX_ATTEMPTS:
        return False
    if not task_backends[task_function.backend].supports_defer:
        return False
    task_function.using(run_after=timezone.now() + backoff(attempt)).enqueue(
        *args, attempt=attempt + 1, **kwargs
    )
    return True
