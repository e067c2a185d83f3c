"""The anonymous outcome figures published on /progress/, from known referral sets."""

import datetime

import pytest

from django.utils import timezone

from selfreferral import figures
from selfreferral import questions as q
from selfreferral.figures import Quarter, closed_quarters
from selfreferral.models import Area, Channel, Outcome, Referral, Status

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 24)  # in 2026 Q4, so 2026 Q3 is the last closed quarter


def make_referral(
    day, *, contacted=None, channel=Channel.WEB, role=q.ROLE_HARMED, area=None, source=""
):
    created = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return Referral.objects.create(
        created_at=created,
        channel=channel,
        role=role,
        area=area,
        source_code=source,
        preferred_contact=q.CONTACT_LETTER,
        address="1 Test Street",
        age_group=q.AGE_18_OR_OVER,
        first_contacted_on=contacted,
    )


def test_only_closed_quarters_are_reported():
    quarters = closed_quarters(count=3, today=TODAY)
    assert [quarter.label for quarter in quarters] == ["2026 Q1", "2026 Q2", "2026 Q3"]
    chosen = closed_quarters(datetime.date(2026, 5, 1), count=8, today=TODAY)
    assert [quarter.label for quarter in chosen] == ["2026 Q2", "2026 Q3"]  # never the open 2026 Q4
    assert Quarter(2026, 3).end == datetime.date(2026, 9, 30)


def test_counts_by_route_are_suppressed_below_five_and_zero_stays_zero():
    quarters = [Quarter(2026, 2), Quarter(2026, 3)]
    for _ in range(6):
        make_referral(datetime.date(2026, 4, 10), channel=Channel.WEB)
    for _ in range(3):
        make_referral(datetime.date(2026, 5, 10), channel=Channel.PAPER)
    make_referral(datetime.date(2026, 11, 2), channel=Channel.WEB)  # open quarter: not counted
    table = figures.quarterly("route", quarters)
    web, kiosk, paper = (
        table["columns"].index(label)
        for label in (
            "Themselves, on the website",
            "Themselves, on a prison kiosk",
            "Themselves, on a paper form",
        )
    )
    spring, summer = table["rows"]
    assert spring["quarter"] == "2026 Q2"
    assert spring["cells"][paper] is None  # 3 is "fewer than 5"
    # Shown, the 6 would give back the 3 (the total, 9, less 6): it is hidden too.
    assert spring["cells"][web] is None
    assert spring["cells"][kiosk] == 0
    assert spring["total"] == 9
    assert summer["cells"] == [0] * len(table["columns"]) and summer["total"] == 0  # empty
    assert table["totals"][web] is None and table["totals"][paper] is None


def test_counts_by_area_include_not_sure():
    area = Area.objects.get(name="Saltcombe")
    quarters = [Quarter(2026, 3)]
    for _ in range(5):
        make_referral(datetime.date(2026, 7, 1), area=area)
        make_referral(datetime.date(2026, 7, 2), area=None)
    table = figures.quarterly("area", quarters)
    assert table["columns"][-1] == "Not sure"
    assert table["rows"][0]["cells"][table["columns"].index("Saltcombe")] == 5
    assert table["rows"][0]["cells"][-1] == 5


def test_median_working_days_skip_weekends_and_bank_holidays():
    quarters = [Quarter(2025, 4)]
    # Wednesday 24 December 2025, contacted Monday 29 December: Christmas Day and
    # Boxing Day are bank holidays, then a weekend, so that is 1 working day.
    for _ in range(5):
        make_referral(datetime.date(2025, 12, 24), contacted=datetime.date(2025, 12, 29))
    # Friday 3 October, contacted Tuesday 7 October: 2 working days.
    for _ in range(2):
        make_referral(datetime.date(2025, 10, 3), contacted=datetime.date(2025, 10, 7))
    [row] = figures.first_contact(quarters, today=TODAY)
    assert row["median_working_days"] == 1
    assert row["judged"] == 7
    assert row["within_target_percent"] == 100


def test_share_within_target_counts_late_and_never_contacted():
    quarters = [Quarter(2026, 1)]
    for _ in range(6):
        make_referral(
            datetime.date(2026, 2, 2), contacted=datetime.date(2026, 2, 3)
        )  # 1 working day: in time
    for _ in range(2):
        make_referral(datetime.date(2026, 2, 2), contacted=datetime.date(2026, 2, 10))  # late
    for _ in range(2):
        make_referral(datetime.date(2026, 2, 2))  # never contacted, long past due
    [row] = figures.first_contact(quarters, today=TODAY)
    assert row["judged"] == 10
    assert row["within_target_percent"] == 60


def test_too_few_referrals_give_no_share_or_median():
    quarters = [Quarter(2026, 1)]
    for _ in range(4):
        make_referral(datetime.date(2026, 2, 2), contacted=datetime.date(2026, 2, 3))
    [row] = figures.first_contact(quarters, today=TODAY)
    assert (
        row["judged"] is None
        and row["within_target_percent"] is None
        and row["median_working_days"] is None
    )


def test_sources_are_counted_by_their_names_and_suppressed():
    quarters = [Quarter(2026, 3)]
    for _ in range(7):
        make_referral(datetime.date(2026, 8, 1), source="gp")  # the demo leaflet's
    for _ in range(2):
        make_referral(datetime.date(2026, 8, 1), source="prison")
    for code in ("scam-call-0900-123456", "other", "gp-leaflet", "x", "y"):
        make_referral(datetime.date(2026, 8, 1), source=code)  # never on the list
    make_referral(datetime.date(2026, 8, 1))
    assert figures.sources(quarters) == [
        {"label": "GP surgeries and dentists", "count": 7},
        {"label": "Other", "count": 5},
        {"label": "HMP Saltcombe", "count": None},
    ]


def test_a_new_referral_link_is_named_in_the_figures_at_once():
    from selfreferral.models import ReferralSource

    quarters = [Quarter(2026, 3)]
    for _ in range(5):
        make_referral(datetime.date(2026, 8, 1), source="newsletter")
    assert figures.sources(quarters) == [{"label": "Other", "count": 5}]
    ReferralSource.objects.create(code="newsletter", label="Our newsletter")
    assert figures.sources(quarters) == [{"label": "Our newsletter", "count": 5}]


def test_figures_are_cached_and_recomputed_when_a_referral_changes(django_assert_num_queries):
    quarters = [Quarter(2026, 3)]
    for _ in range(5):
        make_referral(datetime.date(2026, 8, 1))
    assert figures.quarterly("role", quarters)["rows"][0]["total"] == 5
    with django_assert_num_queries(0):
        figures.quarterly("role", quarters)
    make_referral(datetime.date(2026, 8, 2))
    assert figures.quarterly("role", quarters)["rows"][0]["total"] == 6


def test_demo_referrals_are_fictional_historical_and_made_once(settings):
    from selfreferral.demo import DEMO_REFERRAL_COUNT, ensure_demo_referrals

    settings.DEMO_REFERRALS = True
    ensure_demo_referrals(today=TODAY)
    ensure_demo_referrals(today=TODAY)
    demo = Referral.objects.filter(reference__startswith="DEMO-")
    assert demo.count() == DEMO_REFERRAL_COUNT
    # Names are encrypted in the database, so they are checked here, not in SQL.
    assert all(referral.name.startswith("Demo person") for referral in demo)
    assert demo.filter(created_on__gte=TODAY).count() == 0
    quarters = closed_quarters(count=8, today=TODAY)
    assert sum(row["total"] or 0 for row in figures.quarterly("route", quarters)["rows"]) > 300


# What came of referrals


def finish(day, outcome, status=Status.CLOSED, erased=False):
    referral = make_referral(day - datetime.timedelta(days=40), contacted=day)
    Referral.objects.filter(pk=referral.pk).update(
        status=status,
        outcome=outcome,
        status_changed_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(16))),
    )
    if erased:
        referral.refresh_from_db()
        referral.erase_personal_data()
    return referral


def test_outcomes_are_counted_in_the_quarter_each_referral_finished():
    quarters = [Quarter(2026, 2), Quarter(2026, 3)]
    for _ in range(6):
        finish(datetime.date(2026, 8, 3), Outcome.MEETING)
    for _ in range(8):
        finish(datetime.date(2026, 8, 4), Outcome.LETTER, erased=True)  # still counted
    for _ in range(5):
        finish(datetime.date(2026, 9, 1), Outcome.OTHER_DECLINED)
    for _ in range(2):
        finish(datetime.date(2026, 9, 2), Outcome.WITHDREW, status=Status.WITHDRAWN)
    finish(datetime.date(2026, 11, 2), Outcome.MEETING)  # the open quarter: not yet
    make_referral(datetime.date(2026, 7, 1), contacted=datetime.date(2026, 7, 2))  # still open
    table = figures.outcomes(quarters)
    columns = table["columns"]
    assert columns[:4] == [
        "Face-to-face meeting",
        "Letter",
        "Shuttle or other indirect communication",
        "Other restorative work",
    ]
    spring, summer = table["rows"]
    assert spring["total"] == 0 and spring["completed_percent"] is None
    cells = dict(zip(columns, summer["cells"], strict=True))
    assert summer["total"] == 21
    assert cells["Face-to-face meeting"] == 6 and cells["Letter"] == 8
    assert cells["Did not go ahead: the person withdrew"] is None  # 2: fewer than 5
    # The 5 would give the 2 back (21 less 6, 8 and 5): hidden as well.
    assert cells["Did not go ahead: the other person declined"] is None
    # Both hidden counts did not go ahead, so the share completed gives nothing away.
    assert summer["completed_percent"] == 67  # 14 of 21


def test_the_share_completed_is_hidden_when_it_would_split_hidden_counts():
    quarters = [Quarter(2026, 3)]
    for _ in range(20):
        finish(datetime.date(2026, 8, 3), Outcome.MEETING)
    for _ in range(2):
        finish(datetime.date(2026, 8, 3), Outcome.LETTER)
    for _ in range(3):
        finish(datetime.date(2026, 8, 3), Outcome.NOT_SUITABLE)
    (row,) = figures.outcomes(quarters)["rows"]
    assert row["total"] == 25
    hidden = [i for i, value in enumerate(row["cells"]) if value is None]
    assert len(hidden) == 2  # the 2 letters and the 3 not suitable
    # 22 completed of 25 would tell the 2 and the 3 apart.
    assert row["completed_percent"] is None
