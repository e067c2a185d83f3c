"""The RJ Week programme: on screen by day, and as a PDF made on the server."""

import datetime
import io
import re

import pypdf
import pytest

from events.choices import Status
from events.factories import AwarenessWeekFactory, EventPageFactory
from events.models import third_full_week_of_november
from home.factories import AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def week_events(index):
    week = AwarenessWeekFactory(year=2026, intro="What is on near you.")
    area = AreaFactory(name="Fenmoor", slug="fenmoor")
    EventPageFactory(
        parent=index,
        title="Tuesday stand",
        start_date=datetime.date(2026, 11, 17),
        awareness_week=week,
        area=area,
    )
    EventPageFactory(
        parent=index,
        title="Sunday open afternoon",
        start_date=datetime.date(2026, 11, 15),
        start_time=datetime.time(13),
        end_time=datetime.time(16),
        awareness_week=week,
    )
    EventPageFactory(
        parent=index,
        title="Tuesday evening talk",
        start_date=datetime.date(2026, 11, 17),
        start_time=datetime.time(18),
        end_time=datetime.time(19),
        awareness_week=week,
        status=Status.CANCELLED,
    )
    EventPageFactory(parent=index, title="Not in the week", start_date=datetime.date(2026, 11, 18))
    return week


@pytest.mark.parametrize(
    ("year", "first", "last"),
    [
        (2023, datetime.date(2023, 11, 19), datetime.date(2023, 11, 25)),
        (2024, datetime.date(2024, 11, 17), datetime.date(2024, 11, 23)),
        (2026, datetime.date(2026, 11, 15), datetime.date(2026, 11, 21)),  # 1 November is a Sunday
        (2027, datetime.date(2027, 11, 21), datetime.date(2027, 11, 27)),  # 1 November is a Monday
    ],
)
def test_rj_week_is_the_third_full_week_of_november(year, first, last):
    assert third_full_week_of_november(year) == (first, last)
    assert first.weekday() == 6 and (last - first).days == 6


def test_programme_lists_the_weeks_events_by_day(client, week_events, now):
    response = client.get("/events/rj-week/2026/")
    html = response.text
    assert response.status_code == 200
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert "Restorative Justice Week 2026 programme" in html
    assert "Sunday 15 November to Saturday 21 November 2026" in html
    days = re.findall(r'<h2 class="govuk-heading-l" id="day-\d">([^<]+)</h2>', html)
    assert days == ["Sunday 15 November", "Tuesday 17 November"]
    order = [m for m in re.findall(r'rj-event__title"><a [^>]*>([^<]+)</a>', html)]
    assert order == ["Sunday open afternoon", "Tuesday stand", "Tuesday evening talk"]
    assert "Not in the week" not in html
    assert "1pm to 4pm" in html
    assert "govuk-tag--red" in html  # the cancelled event keeps its place, marked
    assert 'href="/events/rj-week/2026/pdf/"' in html


def test_listing_links_to_the_newest_programme(client, week_events, now):
    assert 'href="/events/rj-week/2026/"' in client.get("/events/").text


def test_programme_and_archive_are_in_the_sitemap(client, week_events, now):
    sitemap = client.get("/sitemap.xml").text
    assert "http://testserver/events/past/" in sitemap
    assert "http://testserver/events/rj-week/2026/" in sitemap


def test_unknown_year_is_not_found(client, index, now):
    assert client.get("/events/rj-week/1999/").status_code == 404
    assert client.get("/events/rj-week/1999/pdf/").status_code == 404


def test_a_week_without_events_says_it_is_being_planned(client, index, now):
    AwarenessWeekFactory(year=2027)
    assert "being planned" in client.get("/events/rj-week/2027/").text


def test_programme_pdf_is_a_real_pdf_with_the_events(client, week_events, now):
    response = client.get("/events/rj-week/2026/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="rj-week-2026-programme.pdf"' in response["Content-Disposition"]
    assert "public" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"\s+", " ", text)
    for expected in (
        "Restorative Justice Week 2026 programme",
        "Sunday 15 November",
        "Sunday open afternoon",
        "1pm to 4pm",
        "Tuesday stand",
        "Tuesday evening talk",
        "Cancelled",
        "What is on near you.",
    ):
        assert expected in text, expected
    assert "Not in the week" not in text


def test_demo_programme_fits_on_two_pages(client, demo_site):
    year = datetime.date.today().year
    response = client.get(f"/events/rj-week/{year}/pdf/")
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) <= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Open afternoon: meet the team" in text
