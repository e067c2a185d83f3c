"""The events listing: upcoming first, past in the archive, filters, statuses, query counts."""

import datetime
import re

import pytest

from django.conf import settings
from django.core.cache import caches

from events.choices import Audience, Status
from events.factories import AwarenessWeekFactory, EventPageFactory
from home.factories import AreaFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(
        r'<h3 class="govuk-heading-m rj-event__title"><a [^>]*>([^<]+)</a>', response.text
    )


def test_upcoming_events_in_date_order_and_past_events_in_the_archive(client, index, now):
    EventPageFactory(parent=index, title="Next month", start_date=datetime.date(2026, 12, 20))
    EventPageFactory(parent=index, title="Next week", start_date=datetime.date(2026, 12, 1))
    EventPageFactory(parent=index, title="Last week", start_date=datetime.date(2026, 11, 17))
    EventPageFactory(parent=index, title="Last year", start_date=datetime.date(2025, 11, 18))
    # Started two hours ago and still going on: it is upcoming until it ends.
    EventPageFactory(
        parent=index,
        title="Going on now",
        start_date=datetime.date(2026, 11, 24),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(14, 0),
    )
    # Finished an hour ago: past.
    EventPageFactory(
        parent=index,
        title="This morning",
        start_date=datetime.date(2026, 11, 24),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(11, 0),
    )
    assert titles(client.get("/events/")) == ["Going on now", "Next week", "Next month"]
    assert titles(client.get("/events/past/")) == ["This morning", "Last week", "Last year"]


def test_an_all_day_event_stays_upcoming_until_the_end_of_its_last_day(client, index, now):
    EventPageFactory(
        parent=index,
        title="Stand all day",
        start_date=datetime.date(2026, 11, 23),
        end_date=datetime.date(2026, 11, 24),
        start_time=None,
        end_time=None,
    )
    response = client.get("/events/")
    assert titles(response) == ["Stand all day"]
    assert "Monday 23 November 2026 to Tuesday 24 November 2026" in response.text


def test_the_split_moves_with_time(client, index, time_machine):
    EventPageFactory(parent=index, title="Open evening", start_date=datetime.date(2026, 12, 3))
    time_machine.move_to(datetime.datetime(2026, 12, 3, 11, 59, tzinfo=datetime.UTC), tick=False)
    assert titles(client.get("/events/")) == ["Open evening"]
    caches["pages"].clear()
    time_machine.move_to(datetime.datetime(2026, 12, 3, 12, 1, tzinfo=datetime.UTC), tick=False)
    assert titles(client.get("/events/")) == []
    assert titles(client.get("/events/past/")) == ["Open evening"]


def test_drafts_and_private_events_are_not_listed(client, index, now):
    from wagtail.models import PageViewRestriction

    EventPageFactory(parent=index, title="Draft", live=False)
    private = EventPageFactory(parent=index, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    EventPageFactory(parent=index, title="Public")
    assert titles(client.get("/events/")) == ["Public"]


def test_no_upcoming_events_is_said_kindly(client, index, now):
    EventPageFactory(parent=index, title="Long ago", start_date=datetime.date(2025, 1, 9))
    response = client.get("/events/")
    assert "There are no events planned just now" in response.text
    assert "See past events" in response.text
    index.no_events_message = "Nothing yet. Our next events will be in the spring."
    index.save_revision().publish()
    assert "Our next events will be in the spring." in client.get("/events/").text


def test_filters_by_area_audience_and_rj_week(client, index, now):
    fenmoor = AreaFactory(name="Fenmoor", slug="fenmoor")
    saltcombe = AreaFactory(name="Saltcombe", slug="saltcombe")
    week = AwarenessWeekFactory(
        year=2027, start_date=datetime.date(2027, 11, 14), end_date=datetime.date(2027, 11, 20)
    )
    EventPageFactory(parent=index, title="Fenmoor public", area=fenmoor)
    EventPageFactory(
        parent=index,
        title="Saltcombe professionals",
        area=saltcombe,
        audience=Audience.PROFESSIONALS,
    )
    EventPageFactory(
        parent=index,
        title="Saltcombe in RJ Week",
        area=saltcombe,
        start_date=datetime.date(2027, 11, 16),
        awareness_week=week,
    )
    assert titles(client.get("/events/?area=fenmoor")) == ["Fenmoor public"]
    assert titles(client.get("/events/?area=saltcombe")) == [
        "Saltcombe professionals",
        "Saltcombe in RJ Week",
    ]
    assert titles(client.get("/events/?audience=professionals")) == ["Saltcombe professionals"]
    assert titles(client.get("/events/?area=saltcombe&audience=public")) == ["Saltcombe in RJ Week"]
    assert titles(client.get("/events/?rj_week=on")) == ["Saltcombe in RJ Week"]
    # The form keeps what was chosen.
    response = client.get("/events/?area=saltcombe&audience=professionals&rj_week=on")
    assert '<option value="saltcombe" selected>' in response.text
    assert '<option value="professionals" selected>' in response.text
    assert 'name="rj_week" type="checkbox" value="on" checked' in response.text
    assert "No upcoming events match your choices" in response.text


def test_filters_apply_to_the_archive_too(client, index, now):
    fenmoor = AreaFactory(name="Fenmoor", slug="fenmoor")
    EventPageFactory(
        parent=index, title="Old Fenmoor", area=fenmoor, start_date=datetime.date(2026, 1, 5)
    )
    EventPageFactory(parent=index, title="Old elsewhere", start_date=datetime.date(2026, 1, 6))
    assert titles(client.get("/events/past/?area=fenmoor")) == ["Old Fenmoor"]


def test_a_made_up_filter_value_gets_a_clear_message_not_an_error(client, index, now):
    EventPageFactory(parent=index, title="Still listed")
    response = client.get("/events/?area=atlantis&audience=aliens")
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Choose an area from the list." in response.text
    assert "Choose who the event is for from the list." in response.text
    assert titles(response) == ["Still listed"]


def test_cancelled_and_postponed_events_stay_listed_with_their_status(client, index, now):
    EventPageFactory(
        parent=index,
        title="Called off",
        status=Status.CANCELLED,
        status_note="The hall is flooded.",
    )
    EventPageFactory(parent=index, title="Put back", status=Status.POSTPONED)
    response = client.get("/events/")
    assert titles(response) == ["Called off", "Put back"]
    assert (
        '<strong class="govuk-tag govuk-tag--red">Cancelled</strong> The hall is flooded.'
        in response.text
    )
    assert '<strong class="govuk-tag govuk-tag--orange">Postponed</strong>' in response.text


def test_the_archive_is_paginated(client, index, now):
    for n in range(settings.PAST_EVENTS_PER_PAGE + 3):
        EventPageFactory(
            parent=index,
            title=f"Old {n:02d}",
            start_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
        )
    first = client.get("/events/past/")
    assert len(titles(first)) == settings.PAST_EVENTS_PER_PAGE
    assert titles(first)[0] == f"Old {settings.PAST_EVENTS_PER_PAGE + 2:02d}"
    second = client.get("/events/past/?page=2")
    assert titles(second) == ["Old 02", "Old 01", "Old 00"]
    assert client.get("/events/past/?page=banana").status_code == 200


def _count_queries(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm per-process caches
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    ["/events/", "/events/past/", "/events/?area=fenmoor&rj_week=on", "/events/rj-week/2027/"],
)
def test_listing_query_count_does_not_grow_with_events(
    client, index, now, url, django_assert_max_num_queries
):
    fenmoor = AreaFactory(name="Fenmoor", slug="fenmoor")
    week = AwarenessWeekFactory(
        year=2027, start_date=datetime.date(2027, 11, 14), end_date=datetime.date(2027, 11, 20)
    )

    def add(count):
        for n in range(count):
            for day in (datetime.date(2027, 11, 15), datetime.date(2025, 11, 15)):
                EventPageFactory(
                    parent=index,
                    start_date=day + datetime.timedelta(days=n % 5),
                    area=fenmoor,
                    awareness_week=week if day.year == 2027 else None,
                )

    add(1)
    few = _count_queries(client, url, django_assert_max_num_queries)
    add(12)
    many = _count_queries(client, url, django_assert_max_num_queries)
    assert many == few
    # A page not stored yet (tests/home/test_query_bounds.py).
    with django_assert_max_num_queries(10):
        client.get(url + ("&" if "?" in url else "?") + "nocache=1")
