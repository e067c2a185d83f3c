import datetime

import pytest

from wagtail.models import Page, Site

from events.factories import EventIndexPageFactory
from events.models import AwarenessWeek, EventIndexPage
from home.factories import HomePageFactory

# A Tuesday in November 2026, after RJ Week (15 to 21 November).
NOW = datetime.datetime(2026, 11, 24, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def now(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


@pytest.fixture
def home(db):
    """A home page of the tests' own as the default site, without the demo's events."""
    # The demo's events and weeks would stand among the tests' own (the filter offers
    # only the areas of listed events, so the demo's areas stay out of the way).
    EventIndexPage.objects.all().delete()
    AwarenessWeek.objects.all().delete()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home-for-events")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)
