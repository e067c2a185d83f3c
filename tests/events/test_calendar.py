"""Calendar files read back with icalendar, field by field, including clock changes."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from events.choices import Audience, Booking, Online, Status
from events.factories import AwarenessWeekFactory, EventPageFactory
from events.models import EventPage
from home.factories import AreaFactory
from tests.conftest import english

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
UTC = datetime.UTC


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def only_event(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_one_event_calendar_field_by_field(client, index, now):
    page = EventPageFactory(
        parent=index,
        title="Winter open evening",
        summary="Hear how restorative justice works.",
        start_date=datetime.date(2026, 12, 3),
        start_time=datetime.time(18, 0),
        end_time=datetime.time(19, 30),
        venue_name="Saltcombe Library",
        venue_address="12 Harbour Street\nSaltcombe\nSC1 2AB",
        booking=Booking.PHONE,
        booking_phone="0300 555 0142",
    )
    response = client.get("/events/winter-open-evening/calendar.ics")
    assert response["Content-Disposition"] == 'attachment; filename="winter-open-evening.ics"'
    calendar = read(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Restorative Justice Service//Events//EN"
    assert calendar["METHOD"] == "PUBLISH"
    event = only_event(calendar)
    assert event["UID"] == str(page.translation_key)
    assert event["SUMMARY"] == "Winter open evening"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime.datetime(2026, 12, 3, 18, 0, tzinfo=LONDON)
    assert str(start.tzinfo) == "Europe/London"
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert end == datetime.datetime(2026, 12, 3, 19, 30, tzinfo=LONDON)
    assert event["LOCATION"] == "Saltcombe Library, 12 Harbour Street, Saltcombe, SC1 2AB"
    assert event["URL"] == "http://testserver/events/winter-open-evening/"
    assert event["STATUS"] == "CONFIRMED"
    assert event.decoded("DTSTAMP") == now
    description = str(event["DESCRIPTION"])
    assert "Hear how restorative justice works." in description
    assert "Book by phone: 0300 555 0142" in description
    assert "http://testserver/events/winter-open-evening/" in description
    # The time zone the times refer to is defined in the file itself.
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/London"


def test_uid_is_stable_when_the_event_is_edited(client, index, now):
    page = EventPageFactory(parent=index, title="Talk", slug="talk")
    first = only_event(read(client.get("/events/talk/calendar.ics")))["UID"]
    page.title = "Renamed talk"
    page.start_date = datetime.date(2026, 12, 10)
    page.save_revision().publish()
    second = only_event(read(client.get("/events/talk/calendar.ics")))
    assert second["UID"] == first
    assert second["SUMMARY"] == "Renamed talk"


@pytest.mark.parametrize(
    ("day", "start", "end", "utc_start", "utc_end"),
    [
        # Last Sunday of March 2027: clocks go forward at 1am GMT. 10am is BST (UTC+1).
        (datetime.date(2027, 3, 28), datetime.time(10), datetime.time(12), (9, 0), (11, 0)),
        # The Saturday before: still GMT.
        (datetime.date(2027, 3, 27), datetime.time(10), datetime.time(12), (10, 0), (12, 0)),
        # Last Sunday of October 2027: clocks go back at 2am BST. 10am is GMT.
        (datetime.date(2027, 10, 31), datetime.time(10), datetime.time(12), (10, 0), (12, 0)),
        # The Saturday before: still BST.
        (datetime.date(2027, 10, 30), datetime.time(10), datetime.time(12), (9, 0), (11, 0)),
        # Across the change: 0:30 BST to 3:00 GMT is three and a half hours.
        (datetime.date(2027, 10, 31), datetime.time(0, 30), datetime.time(3), (23, 30), (3, 0)),
    ],
)
def test_clock_changes_give_the_right_times(
    client, index, now, day, start, end, utc_start, utc_end
):
    EventPageFactory(
        parent=index,
        title="Clock day",
        slug="clock-day",
        start_date=day,
        start_time=start,
        end_time=end,
    )
    page = english(EventPage).get(slug="clock-day")
    assert (page.starts_at.astimezone(UTC).hour, page.starts_at.minute) == utc_start
    assert (page.ends_at.astimezone(UTC).hour, page.ends_at.minute) == utc_end

    calendar = read(client.get("/events/clock-day/calendar.ics"))
    event = only_event(calendar)
    dtstart, dtend = event.decoded("DTSTART"), event.decoded("DTEND")
    # The wall-clock time written in the file is what people typed...
    assert event["DTSTART"].to_ical().decode() == f"{day:%Y%m%d}T{start:%H%M%S}"
    assert (dtstart.hour, dtstart.minute) == (start.hour, start.minute)
    # ...and it means the right instant.
    assert dtstart == page.starts_at and dtend == page.ends_at

    # The VTIMEZONE in the file has the right changes for that year, so a calendar
    # app that ignores its own time zone database still gets the time right.
    (vtimezone,) = calendar.walk("VTIMEZONE")
    transitions = _transitions(vtimezone)
    assert datetime.datetime(2027, 3, 28, 1, 0) in transitions  # GMT -> BST at 1am UTC
    assert datetime.datetime(2027, 10, 31, 1, 0) in transitions  # BST -> GMT at 1am UTC

    # The page says the same time people typed.
    html = client.get("/events/clock-day/").text
    assert f'datetime="{page.local_start.isoformat()}"' in html


def _transitions(vtimezone):
    """UTC instants of the clock changes the VTIMEZONE describes, each checked
    against zoneinfo. RFC 5545: an observance's DTSTART is local time read with
    TZOFFSETFROM (the offset in force before the change)."""
    instants = []
    for observance in vtimezone.walk():
        if observance.name not in ("STANDARD", "DAYLIGHT"):
            continue
        offset_from, offset_to = (
            observance.decoded("TZOFFSETFROM"),
            observance.decoded("TZOFFSETTO"),
        )
        instant = (observance.decoded("DTSTART") - offset_from).replace(tzinfo=UTC)
        if offset_from != offset_to:
            before = (instant - datetime.timedelta(seconds=1)).astimezone(LONDON)
            assert before.utcoffset() == offset_from
            assert instant.astimezone(LONDON).utcoffset() == offset_to
            assert (observance.name == "DAYLIGHT") == bool(instant.astimezone(LONDON).dst())
            instants.append(instant.replace(tzinfo=None))
    return instants


def test_page_shows_uk_times_on_both_sides_of_a_clock_change(client, index, now):
    EventPageFactory(
        parent=index,
        title="Spring",
        start_date=datetime.date(2027, 3, 28),
        start_time=datetime.time(10),
        end_time=datetime.time(11, 30),
    )
    EventPageFactory(
        parent=index,
        title="Autumn",
        start_date=datetime.date(2027, 10, 31),
        start_time=datetime.time(10),
        end_time=datetime.time(11, 30),
    )
    assert "Sunday 28 March 2027, 10am to 11:30am" in client.get("/events/spring/").text
    assert 'datetime="2027-03-28T10:00:00+01:00"' in client.get("/events/spring/").text
    assert "Sunday 31 October 2027, 10am to 11:30am" in client.get("/events/autumn/").text
    assert 'datetime="2027-10-31T10:00:00+00:00"' in client.get("/events/autumn/").text


def test_all_day_and_multi_day_events_use_dates(client, index, now):
    EventPageFactory(
        parent=index,
        title="Training",
        start_date=datetime.date(2027, 1, 14),
        end_date=datetime.date(2027, 1, 15),
        start_time=None,
        end_time=None,
    )
    event = only_event(read(client.get("/events/training/calendar.ics")))
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event.decoded("DTSTART") == datetime.date(2027, 1, 14)
    # DTEND is the day after the last day (RFC 5545).
    assert event.decoded("DTEND") == datetime.date(2027, 1, 16)
    assert event["TRANSP"] == "TRANSPARENT"


def test_a_timed_event_over_two_days(client, index, now):
    EventPageFactory(
        parent=index,
        title="Overnight vigil",
        start_date=datetime.date(2027, 2, 5),
        end_date=datetime.date(2027, 2, 6),
        start_time=datetime.time(20),
        end_time=datetime.time(8),
    )
    event = only_event(read(client.get("/events/overnight-vigil/calendar.ics")))
    assert event.decoded("DTSTART") == datetime.datetime(2027, 2, 5, 20, tzinfo=LONDON)
    assert event.decoded("DTEND") == datetime.datetime(2027, 2, 6, 8, tzinfo=LONDON)
    assert (
        "Friday 5 February 2027, 8pm to Saturday 6 February 2027, 8am"
        in client.get("/events/overnight-vigil/").text
    )


def test_cancelled_and_postponed_events_say_so_in_the_calendar(client, index, now):
    EventPageFactory(parent=index, title="Off", status=Status.CANCELLED)
    EventPageFactory(parent=index, title="Later", status=Status.POSTPONED)
    off = only_event(read(client.get("/events/off/calendar.ics")))
    assert off["STATUS"] == "CANCELLED" and off["SUMMARY"] == "Cancelled: Off"
    later = only_event(read(client.get("/events/later/calendar.ics")))
    assert later["STATUS"] == "TENTATIVE" and later["SUMMARY"] == "Postponed: Later"


def test_joining_details_for_people_who_book_stay_out_of_the_calendar(client, index, now):
    EventPageFactory(
        parent=index,
        title="Private online",
        venue_name="",
        venue_address="",
        online=Online.BOOKED,
        online_link="https://example.org/secret-room",
    )
    EventPageFactory(
        parent=index,
        title="Public online",
        venue_name="",
        venue_address="",
        online=Online.PUBLIC_LINK,
        online_link="https://example.org/open-room",
    )
    private = client.get("/events/private-online/calendar.ics").text
    assert "secret-room" not in private
    assert (
        "sent to people who book"
        in only_event(icalendar.Calendar.from_ical(private))["DESCRIPTION"]
    )
    assert "secret-room" not in client.get("/events/private-online/").text
    public = only_event(read(client.get("/events/public-online/calendar.ics")))
    assert public["LOCATION"] == "https://example.org/open-room"
    assert "https://example.org/open-room" in client.get("/events/public-online/").text


def test_feed_lists_upcoming_events_with_headers(client, index, now):
    EventPageFactory(parent=index, title="Earlier", start_date=datetime.date(2026, 10, 1))
    EventPageFactory(parent=index, title="Soon", start_date=datetime.date(2026, 12, 1))
    EventPageFactory(parent=index, title="Later", start_date=datetime.date(2027, 6, 1))
    response = client.get("/events/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=3600"} <= cache_control
    assert response["Content-Disposition"].startswith("inline;")
    calendar = read(response)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Soon", "Later"]
    assert calendar["X-WR-CALNAME"]
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert len({str(e["UID"]) for e in calendar.walk("VEVENT")}) == 2
    # Served from the page cache the second time, headers and all.
    again = client.get("/events/calendar.ics")
    assert again.content == response.content and again["Content-Type"] == response["Content-Type"]


def test_feed_takes_the_listing_filters(client, index, now):
    area = AreaFactory(name="Marshby", slug="marshby")
    week = AwarenessWeekFactory(
        year=2027, start_date=datetime.date(2027, 11, 14), end_date=datetime.date(2027, 11, 20)
    )
    EventPageFactory(parent=index, title="Marshby", area=area)
    EventPageFactory(parent=index, title="Youth", audience=Audience.YOUNG_PEOPLE)
    EventPageFactory(
        parent=index, title="Week", start_date=datetime.date(2027, 11, 15), awareness_week=week
    )

    def summaries(query):
        return [
            str(e["SUMMARY"])
            for e in read(client.get("/events/calendar.ics?" + query)).walk("VEVENT")
        ]

    assert summaries("area=marshby") == ["Marshby"]
    assert summaries("audience=young-people") == ["Youth"]
    assert summaries("rj_week=on") == ["Week"]
    assert summaries("area=nowhere") == ["Marshby", "Youth", "Week"]


def test_the_listing_links_to_the_feed_and_subscription(client, index, now):
    EventPageFactory(parent=index, title="Soon")
    html = client.get("/events/?area=&audience=young-people").text
    assert 'href="/events/calendar.ics?area=&amp;audience=young-people"' in html
    assert 'href="webcal://testserver/events/calendar.ics' in html
    page_html = client.get("/events/soon/").text
    assert 'href="/events/soon/calendar.ics" download' in page_html
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in page_html
    assert '<script src="http' not in page_html


def test_no_calendar_for_other_pages_or_drafts(client, index, now, home):
    EventPageFactory(parent=index, title="Draft", live=False)
    assert client.get("/events/draft/calendar.ics").status_code == 404
    assert client.get("/events/nothing/calendar.ics").status_code == 404
    assert client.post("/events/calendar.ics").status_code == 405
    assert client.head("/events/calendar.ics").status_code == 200


def test_a_changed_or_cancelled_event_has_a_higher_sequence(client, index, now, time_machine):
    page = EventPageFactory(parent=index, title="Spring talk")
    first = only_event(read(client.get("/events/spring-talk/calendar.ics")))
    time_machine.move_to(now + datetime.timedelta(hours=2), tick=False)
    page.start_time = datetime.time(9, 30)
    page.save_revision().publish()
    moved = only_event(read(client.get("/events/spring-talk/calendar.ics")))
    assert moved["UID"] == first["UID"]
    assert moved.decoded("SEQUENCE") > first.decoded("SEQUENCE")
    time_machine.move_to(now + datetime.timedelta(hours=3), tick=False)
    page.status = Status.CANCELLED
    page.save_revision().publish()
    cancelled = only_event(read(client.get("/events/spring-talk/calendar.ics")))
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled.decoded("SEQUENCE") > moved.decoded("SEQUENCE")
    # Publishing an earlier revision again still counts as newer in calendars.
    time_machine.move_to(now + datetime.timedelta(hours=4), tick=False)
    page.revisions.order_by("created_at").first().publish()
    again = only_event(read(client.get("/events/spring-talk/calendar.ics")))
    assert again.decoded("SEQUENCE") > cancelled.decoded("SEQUENCE")
    # The feed carries the same sequence as the event's own file.
    feed = read(client.get("/events/calendar.ics"))
    [entry] = [e for e in feed.walk("VEVENT") if e["UID"] == first["UID"]]
    assert entry.decoded("SEQUENCE") == again.decoded("SEQUENCE")
