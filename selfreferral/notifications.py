"""Queueing a new referral's emails: the task worker sends them
(selfreferral/tasks.py), built by selfreferral/emails.py."""

from selfreferral.tasks import send_confirmation_email, send_coordinator_email


def queue_notifications(referral):
    """Called once the referral is saved (selfreferral/forms.py)."""
    send_coordinator_email.enqueue(referral.pk)
    if referral.confirmation_email and referral.email:
        send_confirmation_email.enqueue(referral.pk)
