"""Workflow emails go through the task queue, not the editor's request.

Wagtail sends its workflow emails (submitted, changes requested, approved) from
signal handlers inside the request. Here the same signals only enqueue a task;
the task worker then runs Wagtail's own notifier, so the recipients, templates
and per-user preferences stay Wagtail's.

How: Wagtail connects its handlers with fixed `dispatch_uid`s when
`wagtail.admin` is ready. This app comes before `wagtail.admin` in
INSTALLED_APPS, so it connects its handlers under those same uids first, and
Django then ignores Wagtail's. `tests/cms/test_workflow.py` proves no email is
sent in the request when the real queue is used.
"""

from cms.tasks import send_workflow_notification
from cms.workflow_emails import EVENTS


def _enqueuer(event):
    def enqueue_notification(sender, instance, user=None, **kwargs):
        send_workflow_notification.enqueue(event, instance.pk, user.pk if user else None)

    enqueue_notification.__name__ = f"enqueue_{event}_notification"
    return enqueue_notification


# Module-level references: signals hold receivers weakly.
_RECEIVERS = {event: _enqueuer(event) for event in EVENTS}


def queue_workflow_notifications():
    for event, (signal, sender, dispatch_uid, _) in EVENTS.items():
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(_RECEIVERS[event], sender=sender, dispatch_uid=dispatch_uid)
