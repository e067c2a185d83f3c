"""What came of a referral: recorded when a coordinator closes or withdraws it,
shown to coordinators, and kept as anonymous data when the personal details are
erased."""

import datetime
import io

import pytest

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from selfreferral.factories import ReferralFactory
from selfreferral.models import PERSONAL_FIELDS, Outcome, Referral, Status
from tests.selfreferral.test_admin import _edit_form, edit_url, export

pytestmark = pytest.mark.django_db


def in_progress(**fields):
    referral = ReferralFactory(**fields)
    Referral.objects.filter(pk=referral.pk).update(
        status=Status.IN_PROGRESS, first_contacted_on=timezone.localdate()
    )
    referral.refresh_from_db()
    return referral


def test_closing_a_referral_records_what_came_of_it(client, coordinator):
    referral = in_progress()
    client.force_login(coordinator)
    form = client.get(edit_url(referral)).text
    assert 'name="outcome"' in form
    for label in ("Face-to-face meeting", "Shuttle or other indirect communication"):
        assert label in form
    assert "Did not go ahead: the other person declined" in form
    # Closing without saying what came of it is refused, with a reason.
    response = client.post(edit_url(referral), _edit_form(referral, status="closed"))
    assert response.status_code == 200
    assert "Choose what came of it before closing or withdrawing the referral." in response.text
    referral.refresh_from_db()
    assert referral.status == Status.IN_PROGRESS
    response = client.post(
        edit_url(referral), _edit_form(referral, status="closed", outcome="meeting")
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == (Status.CLOSED, Outcome.MEETING)


def test_a_withdrawn_referral_says_why_it_did_not_go_ahead(client, coordinator):
    referral = in_progress()
    client.force_login(coordinator)
    response = client.post(
        edit_url(referral), _edit_form(referral, status="withdrawn", outcome="letter")
    )
    assert response.status_code == 200
    assert "A withdrawn referral did not go ahead" in response.text
    client.post(edit_url(referral), _edit_form(referral, status="withdrawn", outcome="withdrew"))
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == (Status.WITHDRAWN, Outcome.WITHDREW)


def test_reopening_a_referral_clears_its_outcome(client, coordinator):
    referral = in_progress()
    client.force_login(coordinator)
    client.post(edit_url(referral), _edit_form(referral, status="closed", outcome="indirect"))
    referral.refresh_from_db()
    client.post(edit_url(referral), _edit_form(referral, status="in_progress", outcome="indirect"))
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == (Status.IN_PROGRESS, "")


def test_coordinators_see_and_filter_by_the_outcome(client, coordinator):
    letter = ReferralFactory(status=Status.CLOSED, outcome=Outcome.LETTER)
    declined = ReferralFactory(status=Status.CLOSED, outcome=Outcome.OTHER_DECLINED)
    client.force_login(coordinator)
    inspect = client.get(
        reverse("wagtailsnippets_selfreferral_referral:inspect", args=[letter.pk])
    ).text
    assert "Outcome" in inspect and "Letter" in inspect
    row = next(row for row in export(client) if row["Reference"] == declined.reference)
    assert row["Outcome"] == "Did not go ahead: the other person declined"
    listing = client.get(
        reverse("wagtailsnippets_selfreferral_referral:list"), {"outcome": "letter"}
    ).text
    assert letter.reference in listing and declined.reference not in listing


def test_the_purge_keeps_the_outcome_and_nothing_personal(settings):
    settings.SELF_REFERRAL_RETENTION_DAYS = 365
    referral = ReferralFactory(
        name="Pat Private",
        email="pat@example.com",
        address="1 Private Road",
        safe_times="Evenings",
        prison_number="A1234BC",
        what_happened="Private words",
        support_needs="An interpreter",
        coordinator_notes="Met on Tuesday",
        source_code="gp",
        role="someone-else",
        their_name="Morgan Private",
        relationship="Her brother",
    )
    closed_at = timezone.now() - datetime.timedelta(days=400)
    Referral.objects.filter(pk=referral.pk).update(
        status=Status.CLOSED, outcome=Outcome.MEETING, status_changed_at=closed_at
    )
    call_command("purge_referrals", stdout=io.StringIO())
    referral.refresh_from_db()
    assert referral.personal_data_erased_at is not None
    for field in PERSONAL_FIELDS:
        assert getattr(referral, field) == "", field
    # What came of it, and when, stay for the figures.
    assert referral.outcome == Outcome.MEETING
    assert referral.status == Status.CLOSED
    assert referral.status_changed_at == closed_at
    assert {"outcome", "status", "status_changed_at"}.isdisjoint(PERSONAL_FIELDS)
