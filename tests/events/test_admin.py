"""Editors add events through the Wagtail admin; bad dates are caught there."""

import datetime

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, streamfield

from events.factories import AwarenessWeekFactory, EventPageFactory
from events.models import AwarenessWeek, EventIndexPage, EventPage

pytestmark = pytest.mark.django_db


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("events", "eventpage", index.pk))


def event_form(**overrides):
    data = {
        "title": "Harbour open evening",
        "slug": "harbour-open-evening",
        "summary": "Hear how restorative justice works.",
        "start_date": "2026-12-03",
        "start_time": "18:00",
        "end_date": "",
        "end_time": "19:30",
        "status": "scheduled",
        "status_note": "",
        "venue_name": "Saltcombe Library",
        "venue_address": "12 Harbour Street",
        "area": "",
        "online": "none",
        "online_link": "",
        "accessibility_notes": "",
        "audience": "public",
        "cost": "Free",
        "booking": "turn-up",
        "booking_url": "",
        "booking_phone": "",
        "booking_notes": "",
        "awareness_week": "",
        "description": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def errors(response):
    return response.context["form"].errors


def test_editor_adds_and_publishes_an_event(admin_client, index, now):
    response = admin_client.post(add_url(index), event_form(step_free="on", hearing_loop="on"))
    assert response.status_code == 302
    page = EventPage.objects.child_of(index).get(slug="harbour-open-evening")
    assert page.live and page.step_free and page.hearing_loop
    assert page.starts_at == datetime.datetime(2026, 12, 3, 18, tzinfo=datetime.UTC)
    html = admin_client.get("/events/harbour-open-evening/").text
    assert "Thursday 3 December 2026, 6pm to 7:30pm" in html
    assert "Step-free access" in html and "Hearing loop" in html


def test_an_end_before_the_start_is_an_error(admin_client, index, now):
    response = admin_client.post(add_url(index), event_form(start_time="18:00", end_time="17:00"))
    assert response.status_code == 200
    assert errors(response)["end_time"] == ["The end must be after the start: check the end time."]
    assert not EventPage.objects.filter(slug="harbour-open-evening").exists()


def test_a_last_day_before_the_first_day_is_an_error(admin_client, index, now):
    response = admin_client.post(add_url(index), event_form(end_date="2026-12-01"))
    assert errors(response)["end_date"] == ["The end must be after the start: check the last day."]


def test_a_later_end_on_a_later_day_is_fine(admin_client, index, now):
    response = admin_client.post(
        add_url(index), event_form(end_date="2026-12-04", end_time="09:00")
    )
    assert response.status_code == 302


def test_one_time_without_the_other_is_an_error(admin_client, index, now):
    response = admin_client.post(add_url(index), event_form(end_time=""))
    assert "Give both a start and an end time" in errors(response)["end_time"][0]


def test_an_all_day_event_needs_no_times(admin_client, index, now):
    response = admin_client.post(
        add_url(index), event_form(start_time="", end_time="", end_date="2026-12-04")
    )
    assert response.status_code == 302
    page = EventPage.objects.child_of(index).get(slug="harbour-open-evening")
    assert page.all_day and page.multi_day
    assert page.starts_at == datetime.datetime(2026, 12, 3, tzinfo=datetime.UTC)
    assert page.ends_at == datetime.datetime(2026, 12, 5, tzinfo=datetime.UTC)


def test_a_time_the_clocks_skip_is_an_error(admin_client, index, now):
    # On 28 March 2027 the clocks go from 1am to 2am: 1:30am never happens in the UK.
    response = admin_client.post(
        add_url(index), event_form(start_date="2027-03-28", start_time="01:30", end_time="03:00")
    )
    assert "does not exist in the UK that day" in errors(response)["start_time"][0]


def test_an_event_outside_its_rj_week_is_an_error(admin_client, index, now):
    week = AwarenessWeekFactory(year=2026)
    response = admin_client.post(add_url(index), event_form(awareness_week=str(week.pk)))
    assert (
        "runs from Sunday 15 November to Saturday 21 November 2026"
        in (errors(response)["awareness_week"][0])
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"online": "public"}, "online_link", "Add the joining link"),
        ({"booking": "link"}, "booking_url", "Add the booking page"),
        ({"booking": "phone"}, "booking_phone", "Add the phone number"),
        ({"venue_name": "", "venue_address": ""}, "venue_name", "Add where the event is"),
        ({"slug": "past"}, "slug", "is used by the events listing"),
    ],
)
def test_missing_details_are_explained(admin_client, index, now, overrides, field, message):
    response = admin_client.post(add_url(index), event_form(**overrides))
    assert message in errors(response)[field][0]


def test_events_live_only_under_the_events_listing(index, home):
    assert EventPage.can_create_at(index)
    assert not EventPage.can_create_at(home)
    assert not EventIndexPage.can_create_at(index)
    # One events listing per site.
    assert not EventIndexPage.can_create_at(home)


def test_awareness_week_snippet_checks_its_dates(admin_client, index):
    url = reverse("wagtailsnippets_events_awarenessweek:add")
    data = {
        "name": "Restorative Justice Week",
        "year": "2027",
        "start_date": "2027-11-20",
        "end_date": "2027-11-14",
        "intro": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "The last day must be on or after the first day." in response.text
    data.update(start_date="2027-11-14", end_date="2027-11-20")
    assert admin_client.post(url, data).status_code == 302
    assert AwarenessWeek.objects.get(year=2027).end_date == datetime.date(2027, 11, 20)


def test_saving_a_snippet_refreshes_cached_pages(client, index, now):
    week = AwarenessWeekFactory(year=2026)
    EventPageFactory(
        parent=index,
        title="In the week",
        start_date=datetime.date(2026, 11, 17),
        awareness_week=week,
    )
    assert "Restorative Justice Week 2026" in client.get("/events/rj-week/2026/").text
    week.name = "Restorative Justice Fortnight"
    week.save()
    assert "Restorative Justice Fortnight 2026" in client.get("/events/rj-week/2026/").text


def test_editor_can_preview_a_new_event(admin_client, index, now):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("events", "eventpage", index.pk))
    response = admin_client.post(url, event_form())
    assert response.json()["is_valid"] is True
    preview = admin_client.get(url)
    assert preview.status_code == 200
    assert "Thursday 3 December 2026, 6pm to 7:30pm" in preview.text
    assert not EventPage.objects.filter(slug="harbour-open-evening").exists()
