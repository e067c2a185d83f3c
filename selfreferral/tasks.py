"""Work off the request path, run by `python manage.py db_worker`.

The queue has no automatic retries: a send that fails records why on the
referral (visible to coordinators) and queues itself again later, waiting
longer each time, until SELF_REFERRAL_NOTIFICATION_MAX_ATTEMPTS. The
coordinator email queues its retry before sending, so that a worker killed
mid-send loses nothing (see send_coordinator_email)."""

import datetime
import logging

from django_tasks import task

from django.db import transaction
from django.utils import timezone

from feedback import invitations
from feedback.invitations import purge_expired
from home.retries import retry_later
from selfreferral.emails import (
    confirmation_email,
    coordinator_email,
    feedback_invitation_email,
    referrer_acknowledgement,
    referrer_update,
)
from selfreferral.models import Referral
from selfreferral.retention import purge

logger = logging.getLogger(__name__)

# Emails about referrals run before the rest of the queue (search index and
# reference index updates, PDFs…): a bulk import or publish can queue
# thousands of those, and a coordinator should not wait behind them.
REFERRAL_EMAIL_PRIORITY = 50


@task(priority=REFERRAL_EMAIL_PRIORITY)
def send_coordinator_email(referral_id, attempt=1):
    """Email the referral's coordinators, once.

    The next attempt is queued, and committed, before this one sends: if the
    worker dies mid-send (killed, out of memory, the database gone), the task
    it was running is never finished, but the queue still holds the retry, so
    the email is not silently lost. A retry that finds the email sent does
    nothing, and the row lock held while sending stops two attempts sending
    at once. The one window left for a second email: the mail server has
    accepted the message but the worker dies before `notified_at` is
    committed (milliseconds: the SMTP QUIT and the commit). The message has
    the same Message-ID both times, so mail clients can tell it is a repeat."""
    if not Referral.objects.filter(pk=referral_id, notified_at=None).exists():
        return "already sent"
    retry_later(send_coordinator_email, attempt, referral_id)
    with transaction.atomic():
        referral = Referral.objects.select_for_update().filter(pk=referral_id).first()
        if referral is None or referral.notified_at is not None:
            return "already sent"  # a retry after a send that did go out: never twice
        try:
            coordinator_email(referral).send()
        except Exception as error:
            # The error names the mail server, never the person.
            Referral.objects.filter(pk=referral_id).update(
                notification_attempts=attempt,
                notification_error=f"{type(error).__name__}: {error}"[:300],
            )
            logger.warning(
                "Coordinator email for referral id=%s failed (attempt %s): %s",
                referral_id,
                attempt,
                type(error).__name__,
            )
            return "failed"  # the next attempt is already queued
        Referral.objects.filter(pk=referral_id).update(
            notified_at=timezone.now(), notification_attempts=attempt, notification_error=""
        )
    return "sent"


@task(priority=REFERRAL_EMAIL_PRIORITY)
def send_confirmation_email(referral_id, attempt=1):
    """The reference number, to a referrer who asked for it by email."""
    referral = Referral.objects.filter(pk=referral_id, personal_data_erased_at=None).first()
    if referral is None or not referral.email:
        return "nothing to send"
    try:
        confirmation_email(referral).send()
    except Exception as error:
        logger.warning(
            "Confirmation email for referral id=%s failed: %s", referral_id, type(error).__name__
        )
        retry_later(send_confirmation_email, attempt, referral_id)
        return "failed"
    return "sent"


def _send_to_referrer(task_function, build, referral_id, attempt, *args):
    """Send `build(referral, *args)` to the professional who referred the person, trying
    again later when it fails. Nothing is sent once the personal details are erased."""
    referral = Referral.objects.filter(pk=referral_id, personal_data_erased_at=None).first()
    if referral is None or not referral.referrer_email:
        return "nothing to send"
    try:
        build(referral, *args).send()
    except Exception as error:
        logger.warning(
            "Email to the referrer of referral id=%s failed: %s", referral_id, type(error).__name__
        )
        retry_later(task_function, attempt, referral_id, *args)
        return "failed"
    return "sent"


@task(priority=REFERRAL_EMAIL_PRIORITY)
def send_feedback_invitation(referral_id, attempt=1):
    """Email a feedback invitation. The code is made here, at the moment of sending,
    so it is never written to the task queue; a send that fails withdraws its code
    and the retry makes a new one."""
    referral = Referral.objects.filter(pk=referral_id, personal_data_erased_at=None).first()
    if referral is None or not referral.email or not referral.can_be_asked_for_feedback:
        return "nothing to send"
    code = invitations.invite(
        outcome=referral.outcome, channel=referral.channel, role=referral.role
    )
    try:
        feedback_invitation_email(referral, code).send()
    except Exception as error:
        invitations.withdraw(code)
        logger.warning(
            "Feedback invitation for referral id=%s failed (attempt %s): %s",
            referral_id,
            attempt,
            type(error).__name__,
        )
        retry_later(send_feedback_invitation, attempt, referral_id)
        return "failed"
    return "sent"


@task(priority=REFERRAL_EMAIL_PRIORITY)
def send_referrer_acknowledgement(referral_id, attempt=1):
    """The reference number, to the professional who referred someone."""
    return _send_to_referrer(
        send_referrer_acknowledgement, referrer_acknowledgement, referral_id, attempt
    )


@task(priority=REFERRAL_EMAIL_PRIORITY)
def send_referrer_update(referral_id, status, attempt=1):
    """First contact made, or the case closed: to a professional who asked for updates."""
    referral = Referral.objects.filter(pk=referral_id).only("wants_updates").first()
    if referral is None or not referral.wants_updates:
        return "nothing to send"
    return _send_to_referrer(send_referrer_update, referrer_update, referral_id, attempt, status)


@task()
def purge_referrals(reschedule=False):
    """Erase the personal details of referrals finished long enough ago (and delete
    expired feedback invitations).

    With `reschedule`, it queues its own next run a day later, so one call to
    `manage.py purge_referrals --schedule` keeps it running every day."""
    count = purge()
    purge_expired()  # feedback invitations nobody used in time
    if reschedule:
        purge_referrals.using(run_after=timezone.now() + datetime.timedelta(days=1)).enqueue(
            reschedule=True
        )
    return count
