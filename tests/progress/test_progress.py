import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from django.utils import timezone
from django.utils.html import escape

from home.models import HomePage
from progress.factories import (
    ProgressIndexPageFactory,
    ProgressUpdatePageFactory,
    RecommendationFactory,
    StatusChangeFactory,
)
from progress.models import ProgressIndexPage, ProgressUpdatePage
from tests.conftest import english

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def home(db):
    """A home page of the tests' own as the default site, without the demo's recommendations."""
    from wagtail.models import Page, Site

    from home.factories import HomePageFactory
    from progress.models import Recommendation

    Recommendation.objects.all().delete()
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="home-test")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    return home


@pytest.fixture
def progress_index(demo_site):
    return english(ProgressIndexPage).get()


def test_demo_shows_every_recommendation_with_its_status(client, progress_index):
    html = client.get("/progress/").text
    for letter in "abcdefg":
        assert f"({letter}) " in html
    assert "At a glance" in html and "Latest updates" in html


def test_timeline_is_in_date_order_and_the_latest_change_is_the_status(client, home):
    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    recommendation = RecommendationFactory(title="Reach more people")
    # Entered out of order: the page must still tell the story in date order.
    StatusChangeFactory(
        recommendation=recommendation, status="done", changed_on=datetime.date(2025, 9, 1)
    )
    StatusChangeFactory(
        recommendation=recommendation, status="accepted", changed_on=datetime.date(2025, 1, 1)
    )
    StatusChangeFactory(
        recommendation=recommendation, status="in_progress", changed_on=datetime.date(2025, 5, 1)
    )
    html = client.get(index.url).text
    article = html[html.index("Reach more people") :]
    timeline = article[article.index("What has happened") :]
    positions = [timeline.index(d) for d in ("1 January 2025", "1 May 2025", "1 September 2025")]
    assert positions == sorted(positions)
    assert 'govuk-tag--green">Done</strong>' in article
    assert "since 1 September 2025" in article


def test_glance_counts_done_and_overdue(client, home):
    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    today = timezone.localdate()
    late = RecommendationFactory(title="Late one", due_by=today - datetime.timedelta(days=1))
    StatusChangeFactory(recommendation=late, status="in_progress")
    finished_late = RecommendationFactory(
        title="Finished one", due_by=today - datetime.timedelta(days=30)
    )
    StatusChangeFactory(recommendation=finished_late, status="done")
    on_time = RecommendationFactory(title="On time", due_by=today + datetime.timedelta(days=30))
    StatusChangeFactory(recommendation=on_time, status="in_progress")
    response = client.get(index.url)
    context = response.context
    assert len(context["recommendations"]) == 3
    assert context["count_done"] == 1
    assert [r.title for r in context["overdue"]] == ["Late one"]
    assert "Overdue:" in response.text


@pytest.mark.parametrize("count", [2, 12])
def test_progress_page_query_count_does_not_grow(
    client, home, django_assert_max_num_queries, count
):
    from django.core.cache import caches

    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    for _ in range(count):
        StatusChangeFactory(recommendation=RecommendationFactory())
        ProgressUpdatePageFactory(parent=index)
    client.get(index.url)
    caches["pages"].clear()
    # At most 10 a page, and 3 to build the site index again after the cache is cleared.
    with django_assert_max_num_queries(13):
        assert client.get(index.url).status_code == 200


def test_updates_are_newest_first_and_filter_by_recommendation(client, home):
    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    wanted = RecommendationFactory(title="Schools")
    old = ProgressUpdatePageFactory(
        parent=index, title="Old news", published_on=datetime.date(2025, 1, 1)
    )
    new = ProgressUpdatePageFactory(
        parent=index, title="New news", published_on=datetime.date(2026, 1, 1)
    )
    old.recommendations.set([wanted])
    old.save_revision().publish()
    html = client.get(index.url + "updates/").text
    assert html.index("New news") < html.index("Old news")
    filtered = client.get(index.url + "updates/", {"recommendation": wanted.pk}).text
    assert "Old news" in filtered and "New news" not in filtered
    assert new.title not in filtered


def test_a_bad_filter_value_gets_a_message_not_an_error(client, home):
    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    response = client.get(index.url + "updates/", {"recommendation": "<script>"})
    assert response.status_code == 200
    assert "Choose a recommendation from the list." in response.text
    assert 'href="#id_recommendation">Choose a recommendation from the list.</a>' in response.text
    assert "<script>" not in response.text


def test_the_updates_filter_is_in_the_page_s_language(client, progress_index):
    html = client.get("/ar/progress/updates/").text
    start = html.rindex("<form", 0, html.index('id="filter-heading"'))
    form = html[start : html.index("</form>", start)]
    for arabic in ("تصفية المستجدات", "كل المحاور", "كل التوصيات"):
        assert arabic in form
    assert "All themes" not in form and "All recommendations" not in form


def test_atom_feed_is_valid_and_newest_first(client, progress_index):
    response = client.get("/progress/updates/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    published = [entry.find(f"{ATOM}published").text for entry in entries]
    assert published == sorted(published, reverse=True)
    for entry in entries:
        # RFC 4287: every entry has an id, a title and an updated date.
        assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}title").text
        assert entry.find(f"{ATOM}updated").text
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/progress/")
        # Ids are IRIs (tag: URIs, RFC 4151), the same across renames and moves.
        assert re.fullmatch(
            r"tag:testserver,\d{4}-\d\d-\d\d:progress-update-[-0-9a-f]+-en-gb",
            entry.find(f"{ATOM}id").text,
        )
    # RFC 4287: a feed whose entries have no author has one of its own.
    assert (
        feed.find(f"{ATOM}author/{ATOM}name").text
        == "Fenmoor and Saltcombe Restorative Justice Service"
    )
    assert feed.find(f"{ATOM}id").text.startswith("tag:testserver,")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"


def test_update_pages_show_their_summary_once(client, progress_index):
    for update in english(ProgressUpdatePage).live():
        html = client.get(update.url).text.split("<main", 1)[1]
        assert html.count(escape(update.summary)) == 1, update.url


def test_updates_list_headings_follow_its_h1(client, progress_index):
    html = client.get("/progress/updates/").text
    assert re.findall(r"<h([1-6])", html.split("<main", 1)[1])[:3] == ["1", "2", "2"]


def test_the_median_reads_the_same_in_every_quarter(client, progress_index):
    html = client.get("/progress/").text
    table = html.split('id="caption-first-contact"', 1)[1].split("</table>", 1)[0]
    medians = re.findall(r'numeric">([^<]*)</td>\s*</tr>', table)
    assert medians and not any(m.endswith(".0") for m in medians), medians


def test_demo_referral_sources_are_codes_on_the_list(client, progress_index):
    """Every source code in the demo figures is a leaflet's or a referral link's."""
    from leaflets.models import LeafletDistribution
    from selfreferral.demo import DEMO_SOURCES
    from selfreferral.models import ReferralSource

    codes = set(DEMO_SOURCES) - {""}
    known = set(LeafletDistribution.objects.values_list("code", flat=True))
    known |= set(ReferralSource.objects.values_list("code", flat=True))
    assert codes and codes <= known


def test_update_page_links_its_recommendations(client, progress_index):
    update = english(ProgressUpdatePage).get(slug="yearly-update")
    html = client.get(update.url).text
    assert "Recommendations this update reports on" in html
    assert "(g) Publish a public update" in html


def test_saving_a_recommendation_refreshes_the_cached_page(client, progress_index):
    from progress.models import Recommendation

    client.get("/progress/")
    recommendation = Recommendation.objects.get(letter="d")
    recommendation.title = "Use restorative approaches in every school"
    recommendation.save()
    assert "in every school" in client.get("/progress/").text


def test_page_type_rules(demo_site):
    index = english(ProgressIndexPage).get()
    assert ProgressUpdatePage.can_create_at(index)
    assert not ProgressUpdatePage.can_create_at(demo_site)
    assert not ProgressIndexPage.can_create_at(index)
    assert ProgressIndexPage.parent_page_types == ["home.HomePage"]
    assert isinstance(index.get_parent().specific, HomePage)


def test_demo_progress_is_idempotent(progress_index):
    from django.core.management import call_command

    from progress.models import Recommendation, RecommendationStatusChange

    counts = (
        Recommendation.objects.count(),
        RecommendationStatusChange.objects.count(),
        ProgressUpdatePage.objects.count(),
    )
    call_command("load_demo_content", skip_languages=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        Recommendation.objects.count(),
        RecommendationStatusChange.objects.count(),
        ProgressUpdatePage.objects.count(),
    )


def test_annual_update_shows_the_years_status_changes(client, home):
    from progress.models import AnnualUpdatePage

    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    recommendation = RecommendationFactory(title="Schools work")
    StatusChangeFactory(
        recommendation=recommendation, status="accepted", changed_on=datetime.date(2025, 2, 1)
    )
    StatusChangeFactory(
        recommendation=recommendation, status="done", changed_on=datetime.date(2026, 6, 1)
    )
    ProgressUpdatePageFactory(
        parent=index, title="Spring news", published_on=datetime.date(2026, 4, 1)
    )
    ProgressUpdatePageFactory(
        parent=index, title="Last year's news", published_on=datetime.date(2025, 4, 1)
    )
    annual = AnnualUpdatePage(title="Our year", slug="our-year", year=2026, summary="The year.")
    index.add_child(instance=annual)
    annual.save_revision().publish()
    html = client.get(annual.url).text
    row = html[html.index("Schools work") :]
    assert "1 June</time>: Done" in row and "1 February" not in row
    assert "1 of 1 done" in html
    assert "Spring news" in html and "Last year's news" not in html
    # The year's closed quarters of outcome figures, without the index page's downloads.
    assert "Outcome figures" in html and "(CSV)" not in html
    assert "What came of referrals" in html


def _referrals(count, day):
    from selfreferral import questions as q
    from selfreferral.models import Referral

    created = timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))
    Referral.objects.bulk_create(
        Referral(
            reference=f"T-{day:%Y%m%d}-{n}",
            created_at=created,
            created_on=day,
            role=q.ROLE_HARMED,
            preferred_contact=q.CONTACT_LETTER,
            age_group=q.AGE_18_OR_OVER,
            first_contact_due=day + datetime.timedelta(days=2),
            first_contacted_on=day + datetime.timedelta(days=1),
            source_code="gp-leaflet",
        )
        for n in range(count)
    )


@pytest.mark.parametrize("referrals", [10, 300])
def test_figures_query_count_does_not_depend_on_the_number_of_referrals(
    client, home, django_assert_max_num_queries, referrals
):
    from django.core.cache import caches

    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    last_quarter_day = timezone.localdate().replace(day=1) - datetime.timedelta(days=100)
    _referrals(referrals, last_quarter_day)
    client.get(index.url)
    for alias in ("default", "pages"):
        caches[alias].clear()  # recompute the figures, not only the page
    # One grouped query per figure (the satisfaction table is the latest), however many
    # referrals.
    with django_assert_max_num_queries(32):
        response = client.get(index.url)
    assert f">{referrals}<" in response.text


def test_figures_show_charts_with_titles_and_tables(client, home):
    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    _referrals(12, timezone.localdate().replace(day=1) - datetime.timedelta(days=100))
    html = client.get(index.url).text
    figures_html = html[html.index('id="figures-heading"') :]
    assert figures_html.count('<svg class="rj-chart"') == 9
    assert figures_html.count("<title id=") == 9 and figures_html.count("<desc id=") == 9
    assert figures_html.count('<table class="govuk-table">') == 7
    assert "not shown" in figures_html  # the privacy note, and hidden cells
    assert "Download self-referrals by area (CSV)" in figures_html


def test_figures_csv_downloads(client, home):
    import csv
    import io

    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    _referrals(7, timezone.localdate().replace(day=1) - datetime.timedelta(days=100))
    response = client.get(index.url + "figures/route/csv/")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "Quarter",
        "Themselves, on the website",
        "Someone else, for them",
        "A professional",
        "Themselves, on a prison kiosk",
        "Themselves, on a paper form",
        "Themselves, by phone",
        "Total",
    ]
    assert ["7", "0", "0", "0", "0", "0", "7"] in [row[1:] for row in rows[1:]]
    # The channel on its own is not published (each of its counts is a sum of routes).
    assert client.get(index.url + "figures/channel/csv/").status_code == 404
    sources = list(
        csv.reader(io.StringIO(client.get(index.url + "figures/sources/csv/").content.decode()))
    )
    assert sources == [["Where people heard about us", "Self-referrals"], ["Other", "7"]]
    contact = client.get(index.url + "figures/first-contact/csv/").content.decode()
    assert "Median working days to first contact" in contact
    assert client.get(index.url + "figures/names/csv/").status_code == 404


def test_figures_csv_keeps_a_formula_in_an_area_name_inert(client, home):
    import csv
    import io

    from selfreferral.factories import AreaFactory

    AreaFactory(name="=cmd|' /C calc'!A0")
    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    _referrals(7, timezone.localdate().replace(day=1) - datetime.timedelta(days=100))
    rows = list(
        csv.reader(io.StringIO(client.get(index.url + "figures/area/csv/").content.decode()))
    )
    assert "'=cmd|' /C calc'!A0" in rows[0]
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_text_a_visitor_put_in_a_link_never_reaches_the_public_figures(client, home):
    from selfreferral.models import Referral

    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    day = timezone.localdate().replace(day=1) - datetime.timedelta(days=100)
    _referrals(6, day)
    Referral.objects.update(source_code="scam-call-0900-123456")  # as stored before the list
    html = client.get(index.url).text
    csv_text = client.get(index.url + "figures/sources/csv/").content.decode()
    for text in (html, csv_text):
        assert "scam-call" not in text
    assert "Other,6" in csv_text


def test_an_area_with_four_referrals_cannot_be_worked_out_from_the_page_or_the_csv(client, home):
    """The issue's example: 4 referrals in one area in a quarter, beside 30, 20 and 10."""
    import csv
    import io

    from selfreferral.models import Area, Referral
    from tests.selfreferral.test_suppression import Publication, worked_out

    index = ProgressIndexPageFactory(parent=home, slug="progress-test", figures_quarters=1)
    day = timezone.localdate().replace(day=1) - datetime.timedelta(days=100)
    _referrals(64, day)
    areas = {a.name: a for a in Area.objects.all()}
    references = list(Referral.objects.values_list("pk", flat=True))
    start = 0
    for name, count in [("Fenmoor North", 30), ("Fenmoor South", 20), ("Saltcombe", 4)]:
        Referral.objects.filter(pk__in=references[start : start + count]).update(area=areas[name])
        start += count
    rows = list(
        csv.reader(io.StringIO(client.get(index.url + "figures/area/csv/").content.decode()))
    )
    heading, row = rows[0], rows[-1]
    assert heading[1:4] == ["Fenmoor North", "Fenmoor South", "Saltcombe"]
    assert row[3] == "not shown" and row[-1] == "64"
    page = Publication()
    total = page.unknown(64, True)
    true = [30, 20, 4, 0, 10]
    cells = [
        page.unknown(value, shown != "not shown")
        for value, shown in zip(true, row[1:-1], strict=True)
    ]
    page.adds_up(cells, total)
    assert worked_out(page) == []
    html = client.get(index.url).text
    assert html.count(">not shown<") >= 2


def test_demo_figures_show_on_the_progress_page(client, progress_index):
    html = client.get("/progress/").text
    assert "Outcome figures" in html and "Self-referrals by area" in html
    assert "Demo person" not in html  # never any personal data


def _finished(count, outcome, day):
    from selfreferral.models import Referral, Status

    _referrals(count, day - datetime.timedelta(days=30))
    latest = Referral.objects.order_by("-pk")[:count]
    Referral.objects.filter(pk__in=list(latest.values_list("pk", flat=True))).update(
        status=Status.WITHDRAWN if outcome == "withdrew" else Status.CLOSED,
        outcome=outcome,
        status_changed_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(15))),
    )


def test_what_came_of_referrals_is_published_with_its_csv(client, home):
    import csv
    import io

    from selfreferral.figures import closed_quarters

    index = ProgressIndexPageFactory(parent=home, slug="progress-test", figures_quarters=2)
    last_quarter = closed_quarters(count=1)[0]
    day = last_quarter.end - datetime.timedelta(days=10)
    _finished(9, "meeting", day)
    _finished(6, "letter", day + datetime.timedelta(days=1))
    _finished(5, "not_suitable", day + datetime.timedelta(days=2))
    html = client.get(index.url).text
    section = html[html.index('id="figure-outcomes"') : html.index('id="figure-satisfaction"')]
    assert "What came of referrals" in section
    assert "restorative work took place for 75% of the referrals we closed" in section
    assert section.count('<svg class="rj-chart"') == 2
    assert ">75%<" in section
    # The quarter before, in which nothing was closed, says so rather than "not shown".
    first_row = section[section.index("<tbody") :].split("</tr>")[0]
    assert "none closed" in first_row
    rows = list(
        csv.reader(io.StringIO(client.get(index.url + "figures/outcomes/csv/").content.decode()))
    )
    heading, row = rows[0], rows[-1]
    assert heading[:3] == ["Quarter finished", "Face-to-face meeting", "Letter"]
    assert heading[-2:] == ["Total", "% completed"]
    assert row[1:3] == ["9", "6"] and row[-2:] == ["20", "75"]


def test_demo_outcomes_show_on_the_progress_page(client, progress_index, settings):
    from selfreferral.demo import ensure_demo_referrals

    settings.DEMO_REFERRALS = True
    ensure_demo_referrals()
    html = client.get("/progress/").text
    section = html[html.index('id="figure-outcomes"') : html.index('id="figure-satisfaction"')]
    # The share completed, in most quarters (a quarter's share is hidden when it would
    # tell apart counts hidden to protect privacy).
    assert len(re.findall(r">\d+%</td>", section)) >= 4
    assert "Face-to-face meeting" in section and "Did not go ahead: not suitable" in section
    assert "Demo person" not in html


def test_updates_filter_by_strategy_theme(client, home):
    from strategy.models import StrategicTheme

    index = ProgressIndexPageFactory(parent=home, slug="progress-test")
    partnership = StrategicTheme.objects.create(
        name="Partnership with prisons", slug="prison-partnership", summary="Working together."
    )
    linked = ProgressUpdatePageFactory(parent=index, title="Working with prisons")
    linked.themes.set([partnership])
    linked.save_revision().publish()
    ProgressUpdatePageFactory(parent=index, title="Unrelated news")
    html = client.get(index.url + "updates/", {"theme": partnership.pk}).text
    assert "Working with prisons" in html and "Unrelated news" not in html
    assert "Partnership with prisons" in client.get(linked.url).text
    bad = client.get(index.url + "updates/", {"theme": "nope"})
    assert bad.status_code == 200 and "Choose a theme from the list." in bad.text


def test_demo_updates_link_strategy_themes(progress_index):
    update = english(ProgressUpdatePage).get(slug="measuring-what-matters")
    assert sorted(update.themes.values_list("slug", flat=True)) == [
        "information-sharing",
        "quality",
    ]


def test_chart_labels_wrap_instead_of_being_cut_short(client, progress_index):
    from django.template.loader import render_to_string

    from progress.charts import bar_chart

    label = "I was harmed by a crime or by anti-social behaviour"
    chart = bar_chart("Who referred", [(label, 12), ("Someone else", None)])
    svg = render_to_string("progress/includes/bar_chart.html", {"chart": chart, "chart_id": "c"})
    lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    assert " ".join(lines[:-1]) == label and lines[-1] == "Someone else"
    assert "…" not in svg
    # Rows grow with their label, so nothing overlaps.
    first, second = chart.bars
    assert second.y >= first.y + first.height - 8 and chart.height >= second.y + second.height
