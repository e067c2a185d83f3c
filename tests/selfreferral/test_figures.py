"""Anonymous figures for other apps, with small-number suppression: the tables
through the database (the rules themselves: tests/selfreferral/test_suppression.py)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from selfreferral import figures
from selfreferral.factories import ReferralFactory
from selfreferral.figures import Quarter
from selfreferral.models import Area

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
SPRING_2025 = [Quarter(2025, 1), Quarter(2025, 2)]


def _at(year, month, day, **fields):
    with time_machine.travel(datetime.datetime(year, month, day, 12, tzinfo=LONDON), tick=False):
        return ReferralFactory(**fields)


def _cells(dimension, quarters, row=0):
    table = figures.quarterly(dimension, quarters)
    return dict(zip(table["columns"], table["rows"][row]["cells"], strict=True))


def test_a_small_count_and_the_one_that_would_give_it_away_are_hidden(settings):
    settings.SELF_REFERRAL_SUPPRESS_BELOW = 5
    area = Area.objects.get(name="Saltcombe")
    for _ in range(5):
        _at(2025, 2, 1, area=area, channel="web")
    _at(2025, 2, 1, area=area, channel="kiosk")
    routes = _cells("route", [Quarter(2025, 1)])
    # Shown, the 5 would give back the 1 (the total, 6, less 5).
    assert routes == {
        "Themselves, on the website": None,
        "Someone else, for them": 0,
        "A professional": 0,
        "Themselves, on a prison kiosk": None,
        "Themselves, on a paper form": 0,
        "Themselves, by phone": 0,
    }
    assert figures.quarterly("route", [Quarter(2025, 1)])["rows"][0]["total"] == 6


def test_counts_by_quarter_role_and_area(settings):
    settings.SELF_REFERRAL_SUPPRESS_BELOW = 1
    north, south = Area.objects.get(name="Fenmoor North"), Area.objects.get(name="Fenmoor South")
    _at(2025, 1, 10, area=north, role="harmed")
    _at(2025, 3, 31, area=north, role="caused")
    _at(2025, 4, 1, area=south, role="harmed")
    _at(2025, 4, 2, area=None, role="someone-else")
    rows = figures.quarterly("role", SPRING_2025)["rows"]
    assert [(row["quarter"], row["total"]) for row in rows] == [("2025 Q1", 2), ("2025 Q2", 2)]
    assert figures.quarterly("role", SPRING_2025)["totals"] == [2, 1, 1]
    assert _cells("area", SPRING_2025, row=1) == {
        "Fenmoor North": 0,
        "Fenmoor South": 1,
        "Saltcombe": 0,
        "Marshby": 0,
        "Not sure": 1,
    }


def test_figures_survive_the_retention_purge(settings):
    settings.SELF_REFERRAL_SUPPRESS_BELOW = 1
    referral = _at(2025, 1, 10)
    referral.erase_personal_data()
    assert figures.quarterly("role", SPRING_2025)["rows"][0]["total"] == 1


def test_figures_return_no_personal_data():
    _at(2025, 1, 10, name="Quinn Secret")
    flat = repr([figures.quarterly(name, SPRING_2025) for name in figures.DIMENSIONS])
    assert "Quinn" not in flat
