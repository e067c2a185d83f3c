"""The demo events: this year's RJ Week, and events before and after it."""

import datetime

import pytest
import time_machine

from django.core.management import call_command
from django.utils import timezone

from events.models import AwarenessWeek, EventIndexPage, EventPage, third_full_week_of_november
from tests.conftest import english

pytestmark = pytest.mark.django_db


def test_demo_has_this_years_rj_week_across_areas_and_audiences(demo_site):
    today = timezone.localdate()
    week = AwarenessWeek.objects.get(year=today.year)
    assert (week.start_date, week.end_date) == third_full_week_of_november(today.year)
    events = EventPage.objects.live().filter(awareness_week=week)
    assert events.count() >= 6
    assert len({event.area_id for event in events if event.area_id}) >= 3
    assert len({event.audience for event in events}) == 4
    assert all(week.contains(event.start_date) for event in events)
    others = EventPage.objects.live().filter(awareness_week__isnull=True)
    assert others.upcoming().exists() and others.past().exists()
    # The placeholder the foundation made at /events/ is now the events listing.
    assert english(EventIndexPage).get().url == "/events/"


def test_demo_events_are_loaded_once(demo_site):
    before = list(EventPage.objects.values_list("slug", "start_date", "starts_at"))
    # Even a day later, running the loader again changes nothing.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        call_command("load_demo_content", skip_languages=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(EventPage.objects.values_list("slug", "start_date", "starts_at")) == before


def test_demo_pages_answer(client, demo_site):
    year = timezone.localdate().year
    for url in ("/events/", "/events/past/", f"/events/rj-week/{year}/", "/events/calendar.ics"):
        assert client.get(url).status_code == 200, url
