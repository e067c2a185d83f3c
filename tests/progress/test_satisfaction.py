"""Satisfaction and referrals by route on /progress/ and the yearly update (#17 part 5):
closed quarters only, chart + table + CSV, small numbers suppressed."""

import csv
import datetime
import io

import pytest

from feedback.models import Answer
from progress.factories import ProgressIndexPageFactory
from selfreferral import figures
from selfreferral.factories import ReferralFactory
from selfreferral.figures import Quarter, closed_quarters
from selfreferral.models import Area
from tests.progress.test_progress import home  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def _answers(quarter, count, **answers):
    values = {
        "satisfaction": 5,
        "felt_safe": "yes",
        "felt_heard": "yes",
        "would_recommend": "yes",
        "outcome": "meeting",
        "channel": "web",
        "role": "harmed",
        **answers,
    }
    Answer.objects.bulk_create(
        [Answer(year=quarter.year, quarter=quarter.number, **values) for _ in range(count)]
    )


def test_satisfaction_is_published_per_closed_quarter_with_its_chart_and_csv(client, home):  # noqa: F811
    index = ProgressIndexPageFactory(parent=home, slug="progress-test", figures_quarters=2)
    last = closed_quarters(count=1)[0]
    _answers(last, 12)
    _answers(last, 6, satisfaction=4, felt_safe="partly", would_recommend="not_sure")
    _answers(last, 4, satisfaction=3, felt_safe="partly")
    _answers(last, 2, satisfaction=2, felt_heard="no")
    open_quarter = Quarter.containing(datetime.date.today())
    _answers(open_quarter, 9, satisfaction=1)  # this quarter has not ended: not counted
    html = client.get(index.url).text
    section = html[html.index('id="figure-satisfaction"') : html.index('id="figure-sources"')]
    assert "What people who took part told us" in section
    assert section.count('<svg class="rj-chart"') == 1
    table = section[section.index("<tbody") :]
    last_row = table[table.index(f">{last.label}<") :].split("</tr>")[0]
    # 24 answers: 18 satisfied (75%: the 4 and the 2 below are hidden, both on the
    # other side); felt safe 14 (58%); 2 said "no" to being listened to, hidden with the
    # 22 "yes", so that share would split them and is not shown; would recommend 18.
    assert ">24<" in last_row and ">75%<" in last_row and ">58%<" in last_row
    assert "not shown" in last_row
    assert "patient" not in html  # comments are never published
    assert "75% of the people who answered were satisfied or very satisfied" in section
    rows = list(
        csv.reader(
            io.StringIO(client.get(index.url + "figures/satisfaction/csv/").content.decode())
        )
    )
    assert rows[0] == [
        "Quarter answered",
        "Answers",
        "% satisfied overall",
        "% felt safe",
        "% felt listened to",
        "% would recommend it",
    ]
    assert rows[-1] == [last.label, "24", "75", "58", "not shown", "75"]
    assert rows[1][1] == "0"  # the quarter before had no answers


def test_a_quarter_with_few_answers_shows_nothing_but_that(client, home):  # noqa: F811
    last = closed_quarters(count=1)[0]
    _answers(last, 3)
    said = figures.satisfaction([last])
    assert said["rows"][0]["answers"] is None
    assert all(value is None for key, value in said["rows"][0].items() if key != "quarter")
    assert said["overall"]["satisfied_percent"] is None


def test_referrals_by_route_count_professionals_and_people_asking_for_someone_else(
    client,
    home,  # noqa: F811
):
    index = ProgressIndexPageFactory(parent=home, slug="progress-test", figures_quarters=1)
    last = closed_quarters(count=1)[0]
    day = last.end - datetime.timedelta(days=5)

    area = Area.objects.first()

    def made(count, **fields):
        for _ in range(count):
            referral = ReferralFactory(area=area, **fields)
            type(referral).objects.filter(pk=referral.pk).update(created_on=day)

    made(9, channel="web", role="harmed")
    made(6, channel="web", role="someone-else")
    made(5, channel="kiosk", role="someone-else")  # someone else, however it came
    made(7, channel="professional", role="caused")
    made(8, channel="kiosk", role="caused")
    made(5, channel="paper", role="harmed")
    table = figures.quarterly("route", [last])
    cells = dict(zip(table["columns"], table["rows"][0]["cells"], strict=True))
    assert cells == {
        "Themselves, on the website": 9,
        "Someone else, for them": 11,
        "A professional": 7,
        "Themselves, on a prison kiosk": 8,
        "Themselves, on a paper form": 5,
        "Themselves, by phone": 0,
    }
    role = figures.quarterly("role", [last])
    assert (
        dict(zip(role["columns"], role["rows"][0]["cells"], strict=True))[
            "I am asking for someone else"
        ]
        == 11
    )
    html = client.get(index.url).text
    assert "Referrals by route" in html
    assert "Download referrals by route (CSV)" in html


def test_a_hidden_someone_else_count_is_hidden_in_both_tables(home):  # noqa: F811
    last = closed_quarters(count=1)[0]
    day = last.end - datetime.timedelta(days=5)
    area = Area.objects.first()
    for channel, role, count in (
        ("web", "harmed", 2),
        ("web", "caused", 12),
        ("web", "someone-else", 7),
        ("kiosk", "caused", 8),
    ):
        for _ in range(count):
            referral = ReferralFactory(area=area, channel=channel, role=role)
            type(referral).objects.filter(pk=referral.pk).update(created_on=day)
    route = figures.quarterly("route", [last])["rows"][0]["cells"]
    role = figures.quarterly("role", [last])["rows"][0]["cells"]
    # Roles: the 2 harmed is hidden, and the 7 "someone else" with it (the smallest
    # other count). Routes have nothing small (14, 7, 8), but showing the 7 there would
    # give back both hidden roles: it is hidden there too.
    assert role == [None, 20, None]
    assert route[1] is None


def test_demo_satisfaction_shows_on_the_progress_page(client, settings):
    from progress.models import ProgressIndexPage
    from selfreferral.demo import ensure_demo_referrals
    from tests.conftest import english

    settings.DEMO_REFERRALS = True
    ensure_demo_referrals()
    assert Answer.objects.exists()
    assert all(
        a.comment.startswith("Demo comment (fictional)") or not a.comment
        for a in Answer.objects.all()
    )
    index = english(ProgressIndexPage).get()
    html = client.get(index.url).text
    section = html[html.index('id="figure-satisfaction"') : html.index('id="figure-sources"')]
    import re

    assert len(re.findall(r">\d+%</td>", section)) >= 4
    assert "Demo comment" not in html


def test_the_yearly_update_shows_satisfaction_and_routes(client, home):  # noqa: F811
    from progress.models import AnnualUpdatePage

    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    _answers(Quarter(2026, 1), 10)
    annual = AnnualUpdatePage(title="Our year", slug="our-year", year=2026, summary="The year.")
    index.add_child(instance=annual)
    annual.save_revision().publish()
    html = client.get(annual.url).text
    assert "What people who took part told us" in html
    assert "Referrals by route" in html
    table = html[html.index('id="figure-satisfaction"') :]
    table = table[table.index("<tbody") :]
    row = table[table.index(">2026 Q1<") :].split("</tr>")[0]
    assert ">10<" in row and ">100%<" in row
