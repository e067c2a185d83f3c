"""Work the admin hands to the task worker (`manage.py db_worker`)."""

import logging
from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms.workflow_emails import send_now
from home.addresses import absolute_url
from home.retries import retry_later

logger = logging.getLogger(__name__)


@task()
def send_workflow_notification(event, instance_pk, user_pk, attempt=1, recipient_pks=None):
    """Email the people a review step concerns (cms/workflow_emails.py). Those whose
    email failed (the mail server down) are tried again later, as referral emails
    are (home/retries.py); those who got theirs are not sent it twice."""
    failed = send_now(event, instance_pk, user_pk, recipient_pks)
    if not failed:
        return "sent"
    logger.warning(
        "Workflow email %s failed for %s recipient(s) (attempt %s)", event, len(failed), attempt
    )
    retry_later(
        send_workflow_notification, attempt, event, instance_pk, user_pk, recipient_pks=failed
    )
    return "failed"


@task()
def email_two_factor_reset(user_pk, by_pk, attempt=1):
    """Tell someone their second factor was reset, so they know if it was not them who asked."""
    from django.contrib.auth import get_user_model
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string

    users = get_user_model().objects
    user = users.filter(pk=user_pk).first()
    if user is None or not user.email:
        logger.warning("Second factor of user id=%s reset: no email address to tell", user_pk)
        return "nothing to send"
    context = {
        "user": user,
        "by": users.filter(pk=by_pk).first() if by_pk else None,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "sign_in_url": absolute_url(reverse("wagtailadmin_login")),
    }
    try:
        EmailMessage(
            subject="Your sign-in code app was reset",
            body=render_to_string("cms/email/two_factor_reset.txt", context),
            to=[user.email],
        ).send()
    except Exception as error:
        logger.warning(
            "Two-factor reset email to user id=%s failed (attempt %s): %s",
            user_pk,
            attempt,
            type(error).__name__,
        )
        retry_later(email_two_factor_reset, attempt, user_pk, by_pk)
        return "failed"
    return "sent"


@task()
def email_superusers_about_referral_access(lines, by, when):
    """Tell every superuser who can now, or can no longer, see referrals (cms.access)."""
    from django.contrib.auth import get_user_model
    from django.core.mail import EmailMessage

    recipients = list(
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        logger.warning("Referral access changed, and no superuser has an email address to tell")
        return 0
    body = "\n".join(
        [
            f"Who can see referrals on {settings.WAGTAIL_SITE_NAME} changed on {when}, by {by}:",
            "",
            *lines,
            "",
            "If you did not expect this, sign in to the admin, check the user under Settings > "
            "Users (their History shows each change), and take the role away.",
        ]
    )
    return EmailMessage(
        subject="Referral access changed",
        body=body,
        to=[settings.DEFAULT_FROM_EMAIL],
        bcc=recipients,
    ).send()


def scheduled_publishing_interval():
    return timedelta(seconds=settings.SCHEDULED_PUBLISHING_INTERVAL_SECONDS)


@task()
def publish_scheduled_pages():
    """Publish and unpublish what editors scheduled, then come back in a minute.

    Runs Wagtail's `publish_scheduled` command (go-live and expiry dates of
    pages and snippets), then enqueues itself again to run after the interval,
    so one chain of these tasks keeps going for as long as a worker runs. A
    failure is logged and the chain carries on."""
    try:
        call_command("publish_scheduled", verbosity=0)
        _prune_old_runs()
    except Exception:
        logger.exception("Scheduled publishing failed; trying again at the next interval")
    finally:
        _enqueue_next()


def _prune_old_runs():
    """A run a minute is 1,440 rows a day in the queue's table: keep a day of them."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(publish_scheduled_pages.get_backend(), DatabaseBackend):
        return
    DBTaskResult.objects.filter(
        task_path=publish_scheduled_pages.module_path,
        status=TaskResultStatus.SUCCESSFUL,
        finished_at__lt=timezone.now() - timedelta(days=1),
    ).delete()


def _enqueue_next():
    backend = publish_scheduled_pages.get_backend()
    if not backend.supports_defer:
        # The immediate backend (tests) cannot wait: one run is all it does.
        return None
    return publish_scheduled_pages.using(
        run_after=timezone.now() + scheduled_publishing_interval()
    ).enqueue()


# A run takes seconds. One still "running" after this long belongs to a worker
# that was killed mid-run: its chain has stopped, so it must not block a restart.
STALE_RUN = timedelta(minutes=10)


def scheduled_publishing_is_queued():
    """Whether a run of `publish_scheduled_pages` is waiting, or running on a live worker."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    runs = DBTaskResult.objects.filter(task_path=publish_scheduled_pages.module_path)
    return (
        runs.filter(status=TaskResultStatus.READY).exists()
        or runs.filter(
            status=TaskResultStatus.RUNNING, started_at__gte=timezone.now() - STALE_RUN
        ).exists()
    )


def start_scheduled_publishing():
    """Start the chain unless it is already queued. Returns True if it started one."""
    backend = publish_scheduled_pages.get_backend()
    if backend.supports_defer and scheduled_publishing_is_queued():
        return False
    publish_scheduled_pages.enqueue()
    return True
