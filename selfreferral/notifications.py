"""Queueing a referral's emails: the task worker sends them (selfreferral/tasks.py),
built by selfreferral/emails.py."""

from selfreferral.models import FINISHED_STATUSES, Channel, Status
from selfreferral.tasks import (
    send_confirmation_email,
    send_coordinator_email,
    send_referrer_acknowledgement,
    send_referrer_update,
)


def queue_notifications(referral):
    """Called once the referral is saved (selfreferral/forms.py)."""
    send_coordinator_email.enqueue(referral.pk)
    if referral.confirmation_email and referral.email:
        send_confirmation_email.enqueue(referral.pk)
    if referral.channel == Channel.PROFESSIONAL and referral.referrer_email:
        send_referrer_acknowledgement.enqueue(referral.pk)


def queue_referrer_update(referral, old_status):
    """Queue the short update for the professional who referred the person, when they
    asked for updates and the referral has just been first contacted or finished."""
    if referral.channel != Channel.PROFESSIONAL or not referral.wants_updates:
        return
    first_contact = old_status == Status.NEW and referral.status == Status.CONTACTED
    finished = referral.status in FINISHED_STATUSES and old_status not in FINISHED_STATUSES
    if first_contact or finished:
        send_referrer_update.enqueue(referral.pk, referral.status)
