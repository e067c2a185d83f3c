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

from django.contrib.auth import get_user_model

from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

# event -> (signal, sender model, Wagtail's dispatch_uid, Wagtail's notifier)
EVENTS = {
    "task_submitted": (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        GroupApprovalTaskStateSubmissionEmailNotifier(),
    ),
    "workflow_submitted": (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowStateSubmissionEmailNotifier(),
    ),
    "workflow_rejected": (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowStateRejectionEmailNotifier(),
    ),
    "workflow_approved": (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowStateApprovalEmailNotifier(),
    ),
}


def _enqueuer(event):
    def enqueue_notification(sender, instance, user=None, **kwargs):
        from cms.tasks import send_workflow_notification

        send_workflow_notification.enqueue(event, instance.pk, user.pk if user else None)

    enqueue_notification.__name__ = f"enqueue_{event}_notification"
    return enqueue_notification


# Module-level references: signals hold receivers weakly.
_RECEIVERS = {event: _enqueuer(event) for event in EVENTS}


def queue_workflow_notifications():
    for event, (signal, sender, dispatch_uid, _) in EVENTS.items():
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(_RECEIVERS[event], sender=sender, dispatch_uid=dispatch_uid)


def send_now(event, instance_pk, user_pk, recipient_pks=None):
    """Run Wagtail's notifier for `event` (called by the task worker), one recipient
    at a time, and only for `recipient_pks` when given (a retry). Returns the ids of
    the recipients whose email failed: Wagtail's notifier logs a failure and carries
    on, so without this nobody would try again."""
    _, model, _, notifier = EVENTS[event]
    instance = model.objects.filter(pk=instance_pk).first()
    if instance is None:  # deleted since: nothing to say
        return []
    user = get_user_model().objects.filter(pk=user_pk).first() if user_pk else None
    if not notifier.can_handle(instance, user=user):
        return []
    recipients = sorted(notifier.get_valid_recipients(instance, user=user), key=lambda r: r.pk)
    if recipient_pks is not None:
        recipients = [recipient for recipient in recipients if recipient.pk in recipient_pks]
    template_set = notifier.get_template_set(instance, user=user)
    failed = []
    for recipient in recipients:
        context = notifier.get_context(instance, user=user)
        if not notifier.send_notifications(template_set, context, [recipient], user=user):
            failed.append(recipient.pk)
    return failed
