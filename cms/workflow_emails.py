"""Wagtail's workflow emails (submitted, changes requested, approved), sent by the
task worker (cms/tasks.py) with Wagtail's own notifiers, so the recipients,
templates and per-user preferences stay Wagtail's. cms/notifications.py queues them."""

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
