import datetime

import factory
import wagtail_factories

from events.models import AwarenessWeek, EventIndexPage, EventPage


class AwarenessWeekFactory(factory.django.DjangoModelFactory):
    year = 2026
    start_date = factory.LazyAttribute(lambda week: datetime.date(week.year, 11, 15))
    end_date = factory.LazyAttribute(lambda week: datetime.date(week.year, 11, 21))
    intro = "What is on near you this week."

    class Meta:
        model = AwarenessWeek
        django_get_or_create = ("year",)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    intro = "Come and meet us."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "A chance to meet the team and ask questions."
    start_date = datetime.date(2026, 12, 3)
    start_time = datetime.time(10, 0)
    end_time = datetime.time(12, 0)
    venue_name = "Saltcombe Library"
    venue_address = "12 Harbour Street\nSaltcombe\nSC1 2AB"

    class Meta:
        model = EventPage
