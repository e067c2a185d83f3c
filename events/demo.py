"""Demo events: this year's Restorative Justice Week (worked out, not typed in)
with events across areas and audiences, and events before and after it.

Dates are counted from today, so a fresh demo always has events coming up.
Each event is created once by its slug: running the loader again changes nothing."""

import datetime

from django.utils import timezone

from events.choices import Audience, Booking, Online, Status
from events.models import AwarenessWeek, EventIndexPage, EventPage
from events.models import third_full_week_of_november as rj_week_dates
from home.demo import ensure_areas, ensure_page, text

LIBRARY = {
    "venue_name": "Saltcombe Library, Community Room",
    "venue_address": "12 Harbour Street\nSaltcombe\nSC1 2AB",
    "step_free": True,
    "hearing_loop": True,
}
TOWN_HALL = {
    "venue_name": "Fenmoor Town Hall",
    "venue_address": "Market Square\nFenmoor\nFM3 9QT",
    "step_free": True,
    "hearing_loop": True,
    "quiet_room": True,
}


def _rj_week_events(week):
    """(day offset in the week, slug, fields) for each event in the programme."""
    return [
        (
            0,
            "rj-week-open-afternoon",
            {
                "title": "Open afternoon: meet the team",
                "summary": "Drop in for a cup of tea and ask us anything about restorative justice. No question is too small.",
                "start_time": datetime.time(13, 0),
                "end_time": datetime.time(16, 0),
                "audience": Audience.PUBLIC,
                "area": "fenmoor-north",
                "booking": Booking.TURN_UP,
                **TOWN_HALL,
                "description": [
                    text(
                        "<p>Our facilitators and volunteers will be there all afternoon. You can talk "
                        "to someone in a quiet corner if you would rather not be overheard.</p>"
                        "<p>You do not need to tell us anything about what happened to you.</p>"
                    )
                ],
            },
        ),
        (
            1,
            "rj-week-schools-briefing",
            {
                "title": "Restorative approaches in schools: an online briefing",
                "summary": "A one-hour online session for teachers and school staff about using restorative conversations after harm.",
                "start_time": datetime.time(16, 0),
                "end_time": datetime.time(17, 0),
                "audience": Audience.PROFESSIONALS,
                "online": Online.BOOKED,
                "booking": Booking.LINK,
                "booking_url": "https://example.org/book/schools-briefing",
                "booking_notes": "We email the joining link the day before.",
            },
        ),
        (
            2,
            "rj-week-shopping-centre-stand",
            {
                "title": "Find us at Saltcombe shopping centre",
                "summary": "Our stand near the main entrance, with leaflets and people to talk to. Stop for a minute or for an hour.",
                "start_time": datetime.time(10, 0),
                "end_time": datetime.time(15, 0),
                "audience": Audience.PUBLIC,
                "area": "saltcombe",
                "venue_name": "Saltcombe Quays shopping centre",
                "venue_address": "Quay Road\nSaltcombe\nSC1 5QQ",
                "step_free": True,
            },
        ),
        (
            3,
            "rj-week-prison-session",
            {
                "title": "Hearing the harm: a session at HMP Marshby",
                "summary": "A group session for men in HMP Marshby about how crime affects people and what restorative justice can offer.",
                "start_time": datetime.time(9, 30),
                "end_time": datetime.time(11, 30),
                "audience": Audience.PRISON,
                "area": "marshby",
                "venue_name": "HMP Marshby, Education Centre",
                "booking": Booking.PHONE,
                "booking_phone": "0300 555 0142",
                "booking_notes": "For men living at HMP Marshby. Ask your education or chaplaincy team to add your name.",
            },
        ),
        (
            4,
            "rj-week-young-people-drop-in",
            {
                "title": "Youth club drop-in: sorting out harm",
                "summary": "A relaxed evening for young people aged 11 to 18 about putting things right after something goes wrong.",
                "start_time": datetime.time(18, 0),
                "end_time": datetime.time(20, 0),
                "audience": Audience.YOUNG_PEOPLE,
                "area": "fenmoor-south",
                "venue_name": "Fenmoor Youth Centre",
                "venue_address": "4 Station Road\nFenmoor\nFM3 1YC",
                "step_free": True,
                "bsl": True,
                "quiet_room": True,
            },
        ),
        (
            5,
            "rj-week-commissioner-update",
            {
                "title": "The Police and Crime Commissioner's public update",
                "summary": "The Commissioner shares how restorative justice is helping people locally and answers your questions. Join in person or online.",
                "start_time": datetime.time(18, 30),
                "end_time": datetime.time(20, 0),
                "audience": Audience.PUBLIC,
                "area": "saltcombe",
                "online": Online.PUBLIC_LINK,
                "online_link": "https://example.org/live/commissioner-update",
                "bsl": True,
                **LIBRARY,
            },
        ),
        (
            6,
            "rj-week-marshby-coffee-morning",
            {
                "title": "Coffee morning at Marshby Community Centre",
                "summary": "A friendly coffee morning to find out what restorative justice is and how it works.",
                "start_time": datetime.time(10, 0),
                "end_time": datetime.time(12, 0),
                "audience": Audience.PUBLIC,
                "area": "marshby",
                "venue_name": "Marshby Community Centre",
                "venue_address": "Church Lane\nMarshby\nMB2 7CC",
                "status": Status.CANCELLED,
                "status_note": "The centre is closed for repairs. Come to the open afternoon in Fenmoor instead.",
            },
        ),
    ]


def _other_events(today):
    """(date, slug, fields): events before and after RJ Week, counted from today."""
    return [
        (
            today - datetime.timedelta(days=130),
            "summer-show-stand",
            {
                "title": "Our stand at the Fenmoor summer show",
                "summary": "Come and find our tent by the main ring. We will have games for children and people to talk to.",
                "audience": Audience.PUBLIC,
                "area": "fenmoor-north",
                "venue_name": "Fenmoor Showground",
                "venue_address": "Long Drove\nFenmoor\nFM4 2SG",
                "end_offset": 1,
            },
        ),
        (
            today - datetime.timedelta(days=60),
            "police-officer-briefing",
            {
                "title": "Restorative justice for police officers",
                "summary": "A short briefing for officers and staff on when and how to refer someone to the service.",
                "start_time": datetime.time(14, 0),
                "end_time": datetime.time(15, 30),
                "audience": Audience.PROFESSIONALS,
                "online": Online.BOOKED,
                "booking": Booking.LINK,
                "booking_url": "https://example.org/book/police-briefing",
            },
        ),
        (
            today + datetime.timedelta(days=9),
            "winter-open-evening",
            {
                "title": "Winter open evening",
                "summary": "An evening to hear how restorative justice works, from people who have taken part.",
                "start_time": datetime.time(18, 0),
                "end_time": datetime.time(19, 30),
                "audience": Audience.PUBLIC,
                "area": "saltcombe",
                **LIBRARY,
            },
        ),
        (
            today + datetime.timedelta(days=23),
            "volunteer-information-session",
            {
                "title": "Could you be a volunteer facilitator?",
                "summary": "Find out about training to help people talk safely after harm. No experience needed.",
                "start_time": datetime.time(18, 0),
                "end_time": datetime.time(19, 0),
                "audience": Audience.PUBLIC,
                "online": Online.PUBLIC_LINK,
                "online_link": "https://example.org/live/volunteer-information",
            },
        ),
        (
            today + datetime.timedelta(days=45),
            "facilitator-training",
            {
                "title": "Two-day facilitator training for professionals",
                "summary": "Training for probation, youth justice and victim support staff who want to prepare cases for restorative justice.",
                "audience": Audience.PROFESSIONALS,
                "area": "fenmoor-north",
                "booking": Booking.LINK,
                "booking_url": "https://example.org/book/facilitator-training",
                "booking_notes": "Places are limited to 16.",
                "cost": "£40, lunch included",
                "end_offset": 1,
                **TOWN_HALL,
            },
        ),
        (
            today + datetime.timedelta(days=70),
            "college-talk",
            {
                "title": "Talk for students at Marshby College",
                "summary": "A talk for students aged 16 to 19 about what happens after a crime, and how talking can help.",
                "start_time": datetime.time(11, 0),
                "end_time": datetime.time(12, 0),
                "audience": Audience.YOUNG_PEOPLE,
                "area": "marshby",
                "venue_name": "Marshby College, Main Hall",
                "venue_address": "College Road\nMarshby\nMB1 3CR",
                "status": Status.POSTPONED,
                "status_note": "We will add a new date soon.",
            },
        ),
    ]


def _ensure_event(index, slug, day, fields, areas, week=None):
    fields = dict(fields)
    end_offset = fields.pop("end_offset", 0)
    area = fields.pop("area", None)
    fields.setdefault("description", [])
    return ensure_page(
        index,
        EventPage,
        slug,
        start_date=day,
        end_date=day + datetime.timedelta(days=end_offset) if end_offset else None,
        area=areas.get(area),
        awareness_week=week,
        **fields,
    )


def load(home):
    today = timezone.localdate()
    index, _ = ensure_page(
        home,
        EventIndexPage,
        "events",
        title="Events",
        show_in_menus=True,
        intro=(
            "Come and meet us. We hold open evenings, stands in town centres, talks for "
            "professionals and sessions in prisons, and every November we join "
            "Restorative Justice Week."
        ),
        search_description="Events near you about restorative justice, including Restorative Justice Week.",
    )
    areas = ensure_areas()

    start, end = rj_week_dates(today.year)
    week, _ = AwarenessWeek.objects.get_or_create(
        year=today.year,
        defaults={
            "start_date": start,
            "end_date": end,
            "intro": (
                "Every November, people around the world share how talking after harm can help. "
                "Here is what is on near you this year. All events are free."
            ),
        },
    )
    for offset, slug, fields in _rj_week_events(week):
        day = week.start_date + datetime.timedelta(days=offset)
        if day > week.end_date:
            continue
        _ensure_event(index, slug, day, fields, areas, week)
    for day, slug, fields in _other_events(today):
        # Keep the other events out of RJ Week, so the programme is only its own events.
        while week.contains(day):
            day += datetime.timedelta(days=7)
        _ensure_event(index, slug, day, fields, areas)
    return index
