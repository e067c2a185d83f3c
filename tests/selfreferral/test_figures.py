"""Anonymous figures for other apps, with small-number suppression."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from selfreferral import figures
from selfreferral.factories import ReferralFactory
from selfreferral.models import Area

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _at(year, month, day, **fields):
    with time_machine.travel(datetime.datetime(year, month, day, 12, tzinfo=LONDON), tick=False):
        return ReferralFactory(**fields)


def test_small_counts_are_suppressed_and_zero_is_shown(settings):
    settings.SELF_REFERRAL_SUPPRESS_BELOW = 5
    area = Area.objects.get(name="Saltcombe")
    for _ in range(5):
        _at(2025, 2, 1, area=area, channel="web")
    _at(2025, 2, 1, area=area, channel="kiosk")
    channels = {row["key"]: row["count"] for row in figures.by_channel()}
    assert channels == {"web": 5, "kiosk": None, "paper": 0, "phone": 0}
    assert figures.total() == 6


def test_counts_by_quarter_role_and_area(settings):
    settings.SELF_REFERRAL_SUPPRESS_BELOW = 1
    north, south = Area.objects.get(name="Fenmoor North"), Area.objects.get(name="Fenmoor South")
    _at(2025, 1, 10, area=north, role="harmed")
    _at(2025, 3, 31, area=north, role="caused")
    _at(2025, 4, 1, area=south, role="harmed")
    _at(2025, 4, 2, area=None, role="someone-else")
    assert figures.by_quarter() == [
        {"year": 2025, "quarter": 1, "count": 2},
        {"year": 2025, "quarter": 2, "count": 2},
    ]
    assert {r["key"]: r["count"] for r in figures.by_role()} == {
        "harmed": 2,
        "caused": 1,
        "someone-else": 1,
    }
    assert {r["label"]: r["count"] for r in figures.by_area()} == {
        "Fenmoor North": 2,
        "Fenmoor South": 1,
        "Saltcombe": 0,
        "Isle of Brannock": 0,
        "Not sure": 1,
    }
    assert figures.total(start=datetime.date(2025, 4, 1)) == 2


def test_figures_survive_the_retention_purge(settings):
    settings.SELF_REFERRAL_SUPPRESS_BELOW = 1
    referral = _at(2025, 1, 10)
    referral.erase_personal_data()
    assert figures.total() == 1
    assert figures.by_role()[0]["count"] == 1


def test_figures_return_no_personal_data():
    ReferralFactory(name="Quinn Secret")
    flat = repr([figures.by_quarter(), figures.by_channel(), figures.by_role(), figures.by_area()])
    assert "Quinn" not in flat
