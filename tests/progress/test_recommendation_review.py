"""A recommendation's change goes live only when an approver approves it, like a page."""

import datetime

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from progress.models import Recommendation

pytestmark = pytest.mark.django_db


def edit_form(recommendation, new_status, action):
    changes = [
        {"id": c.pk, "status": c.status, "changed_on": c.changed_on.isoformat(), "note": c.note}
        for c in recommendation.timeline
    ]
    changes.append(
        {"status": new_status, "changed_on": timezone.localdate().isoformat(), "note": "Begun."}
    )
    data = {
        "made_by": recommendation.made_by,
        "made_on": recommendation.made_on.isoformat(),
        "letter": recommendation.letter,
        "title": recommendation.title,
        "summary": recommendation.summary,
        "response": rich_text(recommendation.response),
        "owner": recommendation.owner,
        "due_by": recommendation.due_by.isoformat() if recommendation.due_by else "",
        "status_changes": inline_formset(changes, initial=len(changes) - 1),
    }
    data = nested_form_data(data)
    if action:
        data[action] = "1"
    return data


def public_status(letter):
    """The status visitors see on /progress/ (a fresh client: no cached copy)."""
    response = Client().get("/progress/")
    return next(r for r in response.context["recommendations"] if r.letter == letter).status


def workflow_action(client, recommendation, action, **data):
    state = recommendation.current_workflow_state
    url = reverse(
        "wagtailsnippets_progress_recommendation:workflow_action",
        args=(recommendation.pk, action, state.current_task_state.pk),
    )
    return client.post(url, data)


def test_an_editors_status_change_is_reviewed_before_it_goes_live(
    client, demo_site, editor, approver
):
    recommendation = Recommendation.objects.get(letter="d")
    assert public_status("d") == "accepted"
    edit = reverse("wagtailsnippets_progress_recommendation:edit", args=(recommendation.pk,))
    client.force_login(editor)
    page = client.get(edit).text
    assert "Submit to Comms review" in page
    assert 'name="action-publish"' not in page  # editors cannot publish

    # A plain save keeps it a draft: visitors still see "accepted".
    response = client.post(edit, edit_form(recommendation, "in_progress", None))
    assert response.status_code == 302
    assert public_status("d") == "accepted"

    response = client.post(edit, edit_form(recommendation, "in_progress", "action-submit"))
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.current_workflow_state.status == "in_progress"
    assert public_status("d") == "accepted"

    client.force_login(approver)
    assert workflow_action(client, recommendation, "approve").status_code == 302
    assert public_status("d") == "in_progress"


def test_the_list_shows_where_each_stands_when_it_is_due_and_what_is_late(client, approver):
    late = Recommendation.objects.get(letter="d")
    Recommendation.objects.filter(pk=late.pk).update(
        due_by=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(approver)
    html = client.get(reverse("wagtailsnippets_progress_recommendation:list")).text
    assert "Where it stands" in html and "Due by" in html
    row = html[html.index("(d) Use restorative approaches") :].split("</tr>")[0]
    assert "Accepted" in row and 'data-due="overdue"' in row
    assert html.count('data-due="overdue"') == 1 + sum(
        1 for r in Recommendation.objects.exclude(pk=late.pk) if r.is_overdue()
    )
