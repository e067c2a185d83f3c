"""Calendar files (RFC 5545) for events, built with the icalendar library.

One event's `.ics` and the subscribable feed share one builder. Times carry
TZID=Europe/London with a VTIMEZONE built from zoneinfo for the years the
events span, so calendar apps show the right time either side of a clock
change. UIDs are the page's translation key, a UUID that never changes when an
event is edited, moved or renamed (RFC 7986 advises a UUID without host name)."""

import datetime
from urllib.parse import urlencode

from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
    vText,
)

from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from events.choices import Booking, Online
from home.addresses import page_url
from home.dates import LONDON

PRODID = "-//Restorative Justice Service//Events//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# Calendar apps that subscribe to the feed are asked to check twice a day.
REFRESH_INTERVAL = datetime.timedelta(hours=12)
# Browsers and caches may keep a calendar file for an hour.
CALENDAR_MAX_AGE = 60 * 60


def event_uid(page):
    return f"{page.translation_key}"


# SEQUENCE tells a calendar that already imported an event that this copy is newer
# (RFC 5545 3.8.7.4), so a moved or cancelled event is updated there. It is the
# seconds from 2020 to the event's last publication: it grows with every publish,
# never goes back (not even when an older revision is published again), and fits
# the 32-bit integer calendars expect until 2088.
SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def event_sequence(page):
    if page.last_published_at is None:
        return 0
    return max(0, int((page.last_published_at - SEQUENCE_EPOCH).total_seconds()))


def _location(page):
    parts = [page.venue_name, ", ".join(line.strip() for line in page.venue_address.splitlines())]
    location = ", ".join(part for part in parts if part.strip())
    if not location and page.online != Online.NONE:
        location = page.online_link if page.shows_online_link else "Online"
    return location


def _description(page, url):
    lines = [page.summary.strip()]
    if page.status_note:
        lines.append(page.status_note)
    if page.shows_online_link:
        lines.append(f"Join online: {page.online_link}")
    elif page.online == Online.BOOKED:
        lines.append("Online joining details are sent to people who book.")
    if page.booking == Booking.LINK:
        lines.append(f"Book: {page.booking_url}")
    elif page.booking == Booking.PHONE:
        lines.append(f"Book by phone: {page.booking_phone}")
    else:
        lines.append("No need to book: just turn up.")
    lines.append(f"Cost: {page.cost}")
    lines.append(f"More information: {url}")
    return "\n\n".join(line for line in lines if line)


def build_event(page, request):
    url = page_url(page, request)
    event = Event()
    event.add("uid", event_uid(page))
    event.add("sequence", event_sequence(page))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(datetime.UTC))
    summary = page.title
    if page.is_cancelled:
        summary = f"Cancelled: {page.title}"
    elif page.is_postponed:
        summary = f"Postponed: {page.title}"
    event.add("summary", summary)
    if page.all_day:
        # DTEND of an all-day event is the day after the last day (RFC 5545 3.6.1).
        event.add("dtstart", page.start_date)
        event.add("dtend", page.last_day + datetime.timedelta(days=1))
    else:
        event.add("dtstart", page.local_start)
        event.add("dtend", page.local_end)
    event.add(
        "status",
        {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}.get(page.status, "CONFIRMED"),
    )
    location = _location(page)
    if location:
        event.add("location", vText(location))
    event.add("description", _description(page, url))
    event.add("url", url)
    event.add("transp", "TRANSPARENT" if page.all_day else "OPAQUE")
    event.add("categories", [page.get_audience_display()])
    return event


def build_calendar(pages, request, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    for page in pages:
        calendar.add_component(build_event(page, request))
    # VTIMEZONE for Europe/London covering the years these events span, before the events.
    timed = [page for page in pages if not page.all_day]
    if timed:
        first = min(page.start_date for page in timed).year - 1
        last = max(page.last_day for page in timed).year + 1
        calendar.subcomponents.insert(0, vtimezone(LONDON, first, last))
    return calendar


def _transitions(zone, first_year, last_year):
    """The instants (UTC) at which `zone` changes its offset, found from zoneinfo."""
    instant = datetime.datetime(first_year, 1, 1, tzinfo=datetime.UTC)
    end = datetime.datetime(last_year + 1, 1, 1, tzinfo=datetime.UTC)
    offset = instant.astimezone(zone).utcoffset()
    day, minute = datetime.timedelta(days=1), datetime.timedelta(minutes=1)
    while instant < end:
        if (instant + day).astimezone(zone).utcoffset() != offset:
            # The change is within this day: find its minute.
            while (instant + minute).astimezone(zone).utcoffset() == offset:
                instant += minute
            instant += minute
            yield instant, offset, instant.astimezone(zone)
            offset = instant.astimezone(zone).utcoffset()
        else:
            instant += day


def vtimezone(zone, first_year, last_year):
    """A VTIMEZONE for `zone` from 1 January `first_year` to the end of `last_year`.

    Each observance's DTSTART is the local time *before* the change, read with
    TZOFFSETFROM, as RFC 5545 (3.6.5) says: for Europe/London the clocks go
    forward at 01:00 GMT and back at 02:00 BST. (icalendar 7.3's generated
    VTIMEZONE writes 02:00 for the spring change, an hour late.)"""
    component = Timezone()
    component.add("tzid", str(zone))
    start = datetime.datetime(first_year, 1, 1, tzinfo=datetime.UTC).astimezone(zone)
    first = TimezoneDaylight() if start.dst() else TimezoneStandard()
    first.add("dtstart", start.replace(tzinfo=None))
    first.add("tzoffsetfrom", start.utcoffset())
    first.add("tzoffsetto", start.utcoffset())
    first.add("tzname", start.tzname())
    component.add_component(first)
    for instant, offset_from, after in _transitions(zone, first_year, last_year):
        observance = TimezoneDaylight() if after.dst() else TimezoneStandard()
        observance.add("dtstart", (instant + offset_from).replace(tzinfo=None))
        observance.add("tzoffsetfrom", offset_from)
        observance.add("tzoffsetto", after.utcoffset())
        observance.add("tzname", after.tzname())
        component.add_component(observance)
    return component


def calendar_response(pages, request, *, name, filename, attachment):
    calendar = build_calendar(pages, request, name)
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=CALENDAR_MAX_AGE)
    return response


def google_calendar_url(page, request):
    """A plain link that opens Google Calendar with the event filled in: no script needed."""
    if page.all_day:
        first, after_last = page.start_date, page.last_day + datetime.timedelta(days=1)
        dates = f"{first:%Y%m%d}/{after_last:%Y%m%d}"
    else:
        start, end = (value.astimezone(datetime.UTC) for value in (page.starts_at, page.ends_at))
        dates = f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
    query = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": dates,
        "ctz": str(LONDON),
        "details": f"{page.summary}\n\n{page_url(page, request)}",
        "location": _location(page),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)
