"""What an event's page shows: details, joining links, status and schema.org data."""

import datetime
import json
import re

import pytest

from events.choices import Audience, Booking, Online, Status
from events.factories import AwarenessWeekFactory, EventPageFactory
from home.factories import AreaFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_event_page_shows_the_details(client, index, now):
    area = AreaFactory(name="Saltcombe", slug="saltcombe")
    EventPageFactory(
        parent=index,
        title="Open evening",
        area=area,
        audience=Audience.YOUNG_PEOPLE,
        cost="£2, with a drink",
        booking=Booking.LINK,
        booking_url="https://example.org/book",
        bsl=True,
        quiet_room=True,
        accessibility_notes="Parking at the back.",
    )
    response = client.get("/events/open-evening/")
    html = response.text
    assert response.status_code == 200
    assert len(re.findall(r"<h1[ >]", html)) == 1
    for text in (
        "Thursday 3 December 2026, 10am to midday",
        "Saltcombe Library",
        "12 Harbour Street<br>Saltcombe<br>SC1 2AB",
        "Young people",
        "£2, with a drink",
        'href="https://example.org/book"',
        "British Sign Language (BSL) interpreter",
        "Quiet room",
        "Parking at the back.",
        'href="/exit/"',
    ):
        assert text in html, text


def test_online_link_shown_only_when_public(client, index, now):
    EventPageFactory(
        parent=index,
        title="Booked online",
        online=Online.BOOKED,
        online_link="https://example.org/private-room",
    )
    EventPageFactory(
        parent=index,
        title="Public online",
        online=Online.PUBLIC_LINK,
        online_link="https://example.org/open-room",
    )
    booked = client.get("/events/booked-online/").text
    assert "private-room" not in booked
    assert "We send the joining details to people who book." in booked
    public = client.get("/events/public-online/").text
    assert 'href="https://example.org/open-room"' in public


def test_cancelled_event_says_so_and_offers_no_calendar(client, index, now):
    EventPageFactory(
        parent=index,
        title="Called off",
        status=Status.CANCELLED,
        status_note="The hall is flooded.",
    )
    html = client.get("/events/called-off/").text
    assert "This event is cancelled." in html and "The hall is flooded." in html
    assert "Add to your calendar" not in html


def test_past_event_says_it_has_happened(client, index, now):
    EventPageFactory(parent=index, title="Old talk", start_date=datetime.date(2026, 1, 8))
    html = client.get("/events/old-talk/").text
    assert "This event has already happened." in html
    assert "Add to your calendar" not in html


def test_structured_data_describes_the_event(client, index, now):
    EventPageFactory(
        parent=index,
        title="Open evening",
        summary="Come and ask questions.",
        start_date=datetime.date(2027, 7, 1),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(19, 30),
        online=Online.PUBLIC_LINK,
        online_link="https://example.org/live",
        booking=Booking.LINK,
        booking_url="https://example.org/book",
    )
    data = json_ld(client.get("/events/open-evening/").text)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Open evening"
    assert data["description"] == "Come and ask questions."
    assert data["startDate"] == "2027-07-01T18:00:00+01:00"  # British Summer Time
    assert data["endDate"] == "2027-07-01T19:30:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["name"] == "Saltcombe Library"
    assert place["address"]["streetAddress"] == "12 Harbour Street, Saltcombe, SC1 2AB"
    assert virtual == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    assert data["isAccessibleForFree"] is True
    assert data["offers"]["url"] == "https://example.org/book"
    assert data["url"] == "http://testserver/events/open-evening/"


def test_structured_data_for_all_day_cancelled_online_event(client, index, now):
    EventPageFactory(
        parent=index,
        title="Online day",
        start_date=datetime.date(2027, 1, 14),
        start_time=None,
        end_time=None,
        venue_name="",
        venue_address="",
        online=Online.BOOKED,
        status=Status.POSTPONED,
    )
    data = json_ld(client.get("/events/online-day/").text)
    assert data["startDate"] == data["endDate"] == "2027-01-14"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    # The joining link is private: the data points at the event's page instead.
    assert data["location"]["url"] == "http://testserver/events/online-day/"


def test_structured_data_cannot_break_out_of_its_script_tag(client, index, now):
    EventPageFactory(
        parent=index,
        title="Talk",
        summary='</script><script>alert("x")</script> & more',
    )
    html = client.get("/events/talk/").text
    assert '<script>alert("x")' not in html
    assert json_ld(html)["description"] == '</script><script>alert("x")</script> & more'


def test_event_page_links_to_its_rj_week_programme(client, index, now):
    week = AwarenessWeekFactory(year=2026)
    EventPageFactory(
        parent=index,
        title="In the week",
        start_date=datetime.date(2026, 11, 17),
        awareness_week=week,
    )
    html = client.get("/events/in-the-week/").text
    assert 'href="/events/rj-week/2026/"' in html
    assert "Restorative Justice Week 2026" in html


def test_a_place_without_a_published_address_still_has_one_for_search_engines(client, index, now):
    area = AreaFactory(name="Saltcombe", slug="saltcombe")
    EventPageFactory(
        parent=index,
        title="Prison session",
        venue_name="HMP Saltcombe",
        venue_address="",
        area=area,
        start_date=datetime.date(2027, 2, 3),
    )
    place = json_ld(client.get("/events/prison-session/").text)["location"]
    assert place["name"] == "HMP Saltcombe"
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Saltcombe",
        "addressCountry": "GB",
    }


def test_calendar_subscription_uses_the_sites_own_address(client, index, settings):
    settings.BASE_URL = "https://rj.example.org"
    html = client.get(index.url, HTTP_HOST="localhost").text
    assert 'href="webcal://rj.example.org/events/calendar.ics"' in html
    assert "webcal://localhost" not in html
