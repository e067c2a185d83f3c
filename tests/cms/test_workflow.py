"""An edit goes from draft, through Comms review, to published, through the admin."""

import datetime

import pytest
import time_machine

from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import StandardPage
from tests.conftest import english

pytestmark = pytest.mark.django_db


def recipients():
    return {address for message in mail.outbox for address in message.to}


def approvers():
    from django.contrib.auth.models import Group

    return {user.email for user in Group.objects.get(name="Comms approvers").user_set.all()}


def page_form(title, body, action=None):
    data = {
        "title": title,
        "slug": "getting-help",
        "intro": "Where to find support.",
        "body": streamfield([("text", rich_text(body))]),
    }
    if action:
        data[f"action-{action}"] = action
    return nested_form_data(data)


def workflow_action(client, page, action, **data):
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, data)


def test_edit_goes_from_draft_through_review_to_published(client, demo_site, editor, approver):
    # 1. The editor writes a page and submits it for review.
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=("home", "standardpage", demo_site.pk))
    response = client.post(add, page_form("Getting help", "<p>Call us.</p>", "submit"))
    assert response.status_code == 302
    page = english(StandardPage).get(slug="getting-help")
    assert not page.live
    state = page.current_workflow_state
    assert state.workflow.name == "Comms review" and state.status == "in_progress"
    # Approvers hear about it by email (through the task queue).
    assert recipients() == approvers() and approver.email in recipients()
    assert "Getting help" in mail.outbox[0].subject
    mail.outbox.clear()

    # 2. The approver asks for changes, with a comment.
    client.force_login(approver)
    response = workflow_action(
        client, page, "reject", comment="Please add the phone number and opening hours."
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "needs_changes"
    assert recipients() == {editor.email}
    assert "Please add the phone number and opening hours." in mail.outbox[0].body
    mail.outbox.clear()

    # 3. The editor makes the changes and submits again.
    client.force_login(editor)
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.post(
        edit,
        page_form("Getting help", "<p>Call us on 0300 555 0142, 9am to 5pm.</p>", "submit"),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    assert recipients() == approvers()
    mail.outbox.clear()

    # 4. The approver approves: the page is published, and the editor told.
    client.force_login(approver)
    response = workflow_action(client, page, "approve", comment="Thank you, looks good.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.current_workflow_state is None
    assert recipients() == {editor.email}
    client.logout()
    public = client.get(page.url)
    assert public.status_code == 200 and "0300 555 0142" in public.text


def test_editor_cannot_approve_their_own_page(client, demo_site, editor):
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=("home", "standardpage", demo_site.pk))
    client.post(add, page_form("Getting help", "<p>Call us.</p>", "submit"))
    page = english(StandardPage).get(slug="getting-help")
    response = workflow_action(client, page, "approve", comment="")
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"


def test_workflow_emails_wait_for_the_task_worker(client, demo_site, editor, approver, settings):
    """With the real database queue, the editor's request sends nothing; the worker does."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=("home", "standardpage", demo_site.pk))
    client.post(add, page_form("Getting help", "<p>Call us.</p>", "submit"))
    assert mail.outbox == []
    queued = DBTaskResult.objects.filter(task_path="cms.tasks.send_workflow_notification")
    assert queued.count() == 2  # workflow submitted (superusers) and task submitted (approvers)
    call_command("db_worker", batch=True, verbosity=0)
    assert recipients() == approvers() and approver.email in recipients()


def test_a_failed_workflow_email_is_sent_again_later_to_whoever_missed_it(
    client, demo_site, editor, approver, settings, monkeypatch, caplog
):
    """As referral emails are: the mail server refusing one approver's email queues a
    retry for that approver only, after a wait; the others are not sent it twice."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    unreachable = {approver.email}
    send = EmailMultiAlternatives.send

    def mail_server_refusing_some(message, *args, **kwargs):
        if unreachable & set(message.to):
            raise ConnectionRefusedError("mail server refused")
        return send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMultiAlternatives, "send", mail_server_refusing_some)
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=("home", "standardpage", demo_site.pk))
    client.post(add, page_form("Getting help", "<p>Call us.</p>", "submit"))
    start = timezone.now()
    call_command("db_worker", batch=True, verbosity=0)
    assert recipients() == approvers() - unreachable
    retry = DBTaskResult.objects.get(
        status="READY", task_path="cms.tasks.send_workflow_notification"
    )
    assert retry.args_kwargs["kwargs"] == {"attempt": 2, "recipient_pks": [approver.pk]}
    assert retry.run_after - start >= datetime.timedelta(minutes=1)
    assert "Workflow email task_submitted failed for 1 recipient(s) (attempt 1)" in caplog.text

    # The mail server is back: at the retry, the approver who missed it gets it, once.
    unreachable.clear()
    mail.outbox.clear()
    call_command("db_worker", batch=True, verbosity=0)  # not due yet
    assert mail.outbox == []
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1, seconds=5)):
        call_command("db_worker", batch=True, verbosity=0)
    assert [message.to for message in mail.outbox] == [[approver.email]]
    assert "Getting help" in mail.outbox[0].subject
    assert not DBTaskResult.objects.filter(status="READY").exists()
