"""What approvers and editors see around a review: the actions offered, what happens
after approving with a schedule, the emails, the schedule's date pickers, no autosave."""

import datetime

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from home.models import StandardPage
from tests.cms.test_workflow import page_form, workflow_action
from tests.conftest import english

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, demo_site, editor):
    """A new page the editor wrote and submitted to Comms review."""
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=("home", "standardpage", demo_site.pk))
    client.post(add, page_form("Getting help", "<p>Call us.</p>", "submit"))
    client.logout()
    mail.outbox.clear()
    return english(StandardPage).get(slug="getting-help")


def test_an_approver_is_offered_the_review_not_a_second_publish_button(client, approver, submitted):
    client.force_login(approver)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(submitted.pk,))).text
    footer = html[html.index('class="footer') :]
    assert "Approve and Publish" in footer and "Request changes" in footer
    assert 'name="action-publish"' not in footer
    # The approval is the main button, not "Save draft".
    assert footer.index("Approve and Publish") < footer.index("Save draft")


def test_a_page_not_in_review_can_still_be_published_by_an_approver(client, approver, demo_site):
    page = english(StandardPage).get(slug="privacy")
    client.force_login(approver)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).text
    assert 'name="action-publish"' in html


def test_approving_with_a_schedule_says_when_it_goes_live_and_stays_on_the_page(
    client, approver, submitted
):
    client.force_login(approver)
    go_live = (timezone.localtime() + datetime.timedelta(days=2)).replace(hour=9, minute=0)
    data = page_form("Getting help", "<p>Call us.</p>")
    data.update({"go_live_at": f"{go_live:%Y-%m-%dT%H:%M}", "action-workflow-action": "approve"})
    data["workflow-action-name"] = "approve"
    edit = reverse("wagtailadmin_pages:edit", args=(submitted.pk,))
    response = client.post(edit, data, follow=True)
    assert response.redirect_chain[-1][0] == edit
    text = " ".join(str(m.message) for m in response.context["messages"])
    assert f"'Getting help' is approved and will go live on {go_live:%A %-d %B %Y} at 09:00" in text
    assert "has been updated" not in text
    submitted.refresh_from_db()
    assert not submitted.live and submitted.scheduled_revision is not None


def test_the_schedule_uses_the_browsers_own_date_and_time_pickers(client, approver, submitted):
    client.force_login(approver)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(submitted.pk,))).text
    assert 'type="datetime-local" name="go_live_at"' in html
    assert 'type="datetime-local" name="expire_at"' in html


def test_asking_for_changes_emails_the_editor_the_comment_in_plain_words(
    client, approver, editor, submitted, settings
):
    settings.BASE_URL = settings.WAGTAILADMIN_BASE_URL = "https://rj.example.org"
    client.force_login(approver)
    workflow_action(client, submitted, "reject", comment="Add the opening hours, please.")
    (message,) = [m for m in mail.outbox if editor.email in m.to]
    assert message.subject == 'Changes requested: "Getting help"'
    body = message.body
    assert "asked for changes" in body and "rejected" not in body.lower()
    assert 'What needs changing:\n"Add the opening hours, please."' in body
    assert 'choose "Submit to Comms review" again' in body
    # The link is to the site's own address (BASE_URL), not the request's or localhost.
    assert f"https://rj.example.org/admin/pages/{submitted.pk}/edit/" in body
    html = message.alternatives[0][0]
    assert "Add the opening hours, please." in html and "rejected" not in html.lower()


def test_a_new_page_is_not_saved_before_the_editor_saves_it(client, editor, demo_site):
    """No autosave: it made the page (and its copies in every language) as the editor
    typed, and then refused their own first save ("slug already in use")."""
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=("home", "standardpage", demo_site.pk))
    html = client.get(add).text
    assert "data-w-autosave-interval-value" not in html
    edit = reverse("wagtailadmin_pages:edit", args=(english(StandardPage).first().pk,))
    assert "data-w-autosave-interval-value" not in client.get(edit).text
