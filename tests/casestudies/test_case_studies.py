import datetime
import json
import re

import pytest
import wagtail_factories

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.factories import AreaFactory, StandardPageFactory
from tests.conftest import english

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(demo_site):
    return english(CaseStudyIndexPage).get()


def test_demo_has_stories_across_settings_and_perspectives(client, index):
    stories = CaseStudyPage.objects.live().child_of(index)
    assert stories.count() >= 6
    assert len({s.setting for s in stories}) >= 5
    assert len({s.perspective for s in stories}) == 4
    assert all(s.consent_recorded_on and s.anonymised for s in stories)
    assert index.url == "/case-studies/"


def test_page_type_rules(index, demo_site):
    standard = StandardPageFactory(parent=demo_site)
    assert CaseStudyPage.can_create_at(index)
    assert not CaseStudyPage.can_create_at(demo_site)
    assert not CaseStudyPage.can_create_at(standard)
    # Only one list of stories per site; it lives under the home page.
    assert not CaseStudyIndexPage.can_create_at(demo_site)
    assert not CaseStudyIndexPage.can_create_at(standard)
    assert CaseStudyIndexPage.subpage_types == ["casestudies.CaseStudyPage"]
    assert CaseStudyPage.subpage_types == []


def _admin_post(client, index, **overrides):
    url = reverse("wagtailadmin_pages:add", args=("casestudies", "casestudypage", index.pk))
    data = {
        "title": "A stolen bike",
        "slug": "a-stolen-bike",
        "summary": "A boy took a bike and gave it back.",
        "story": streamfield([("text", rich_text("<p>He said sorry to the owner.</p>"))]),
        "perspective": "harmed",
        "setting": "neighbourhood",
        "type_of_harm": "theft of a bike",
        "restorative_approach": "letter",
        "consent_recorded_on": "",
        "review_by": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    data = {k: v for k, v in data.items() if v is not None}
    return client.post(url, nested_form_data(data))


def test_admin_refuses_to_publish_without_consent_and_anonymisation(client, index, admin_user):
    client.force_login(admin_user)
    response = _admin_post(client, index)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "consent_recorded_on" in errors and "anonymised" in errors
    assert "Enter the date consent was recorded" in response.text
    assert not CaseStudyPage.objects.filter(slug="a-stolen-bike").exists()


def test_admin_refuses_to_publish_with_consent_but_no_anonymisation(client, index, admin_user):
    client.force_login(admin_user)
    response = _admin_post(client, index, consent_recorded_on="2026-10-01")
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["anonymised"]


def test_admin_can_save_a_draft_without_consent(client, index, admin_user):
    client.force_login(admin_user)
    response = _admin_post(client, index, **{"action-publish": None})
    assert response.status_code == 302
    page = english(CaseStudyPage).get(slug="a-stolen-bike")
    assert not page.live


def test_admin_publishes_with_consent_and_anonymisation(client, index, admin_user):
    client.force_login(admin_user)
    response = _admin_post(client, index, consent_recorded_on="2026-10-01", anonymised="on")
    assert response.status_code == 302
    page = english(CaseStudyPage).get(slug="a-stolen-bike")
    assert page.live
    public = client.get(page.url)
    assert "He said sorry to the owner." in public.text
    # The consent details are for the comms team only.
    assert "2026-10-01" not in public.text and "1 October 2026" not in public.text


def test_publishing_a_draft_without_consent_by_any_route_is_refused(index):
    from django.core.exceptions import ValidationError

    page = CaseStudyPageFactory(parent=index, live=False, consent_recorded_on=None)
    with pytest.raises(ValidationError):
        page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live


def test_dashboard_lists_case_studies_past_review_once_with_where_to_look(
    client, index, admin_user
):
    overdue = CaseStudyPageFactory(
        parent=index,
        title="An overdue story",
        review_by=timezone.localdate() - datetime.timedelta(days=1),
    )
    CaseStudyPageFactory(
        parent=index,
        title="A story reviewed recently",
        review_by=timezone.localdate() + datetime.timedelta(days=100),
    )
    overdue.save_revision().publish()
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_home")).text
    # One list of pages due for review, case studies included (not a second panel).
    assert "Case studies to review" not in html
    panel = html[html.index("Pages due for review") :]
    assert panel.count("An overdue story") == 1
    assert reverse("wagtailadmin_pages:edit", args=(overdue.pk,)) in panel
    assert "consent still stands; the date is on the Consent tab" in panel
    assert "A story reviewed recently" not in html


def test_story_page_shows_facts_and_article_json_ld(client, index):
    area = AreaFactory(name="Upper Marsh", slug="upper-marsh")
    story = CaseStudyPageFactory(
        parent=index,
        title="A fence and <a> hard word",
        area=area,
        setting="school",
        perspective="both",
        restorative_approach="shuttle",
        search_description="A story about a fence.",
        story=[
            {"type": "text", "value": "<p>They talked.</p>"},
            {"type": "quote", "value": {"quote": "It helped.", "attribution": "A neighbour"}},
            {"type": "what_changed", "value": {"heading": "What changed", "text": "Peace."}},
        ],
    )
    html = client.get(story.url).text
    assert "Upper Marsh" in html and "School" in html and "Shuttle mediation" in html
    assert 'class="rj-what-changed"' in html and "Peace." in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="description" content="A story about a fence.">' in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<a>" not in block  # escaped, so the data can never close the element
    data = json.loads(block)
    assert data["@type"] == "Article" and data["headline"] == "A fence and <a> hard word"
    # Search engines want an author and an image: the service, and its card without a picture.
    assert data["author"] == {
        "@type": "Organization",
        "name": "Fenmoor and Saltcombe Restorative Justice Service",
        "url": "http://testserver/",
    }
    assert data["image"].startswith("http://testserver/static/images/share-card")
    assert client.get(data["image"].removeprefix("http://testserver")).status_code == 200
    assert data["inLanguage"] == "en-GB"
    assert "consent" not in block.lower()


def test_index_filters_by_setting_perspective_and_area(client, index):
    area = AreaFactory(name="Upper Marsh", slug="upper-marsh")
    CaseStudyPageFactory(parent=index, title="Marsh school story", setting="school", area=area)
    CaseStudyPageFactory(parent=index, title="Marsh prison story", setting="prison", area=area)
    CaseStudyPageFactory(
        parent=index,
        title="Other school story",
        setting="school",
        perspective="practitioner",
    )
    html = client.get(index.url, {"setting": "school", "area": "upper-marsh"}).text
    assert "Marsh school story" in html
    assert "Marsh prison story" not in html and "Other school story" not in html
    assert "1 story" in html
    assert '<option value="school" selected>' in html  # keeps what was chosen
    html = client.get(index.url, {"perspective": "practitioner"}).text
    assert "Other school story" in html and "Marsh school story" not in html
    assert "Clear filters" in html


def test_unknown_filter_values_drop_that_filter_and_say_so_beside_it(client, index):
    response = client.get(index.url, {"setting": "moon", "area": "nowhere", "page": "x"})
    assert response.status_code == 200
    assert CaseStudyPage.objects.live().first().title in response.text
    html = response.text
    assert "There is a problem" in html
    assert 'href="#id_setting">Choose where it happened from the list.</a>' in html
    assert 'id="setting-error"' in html and 'aria-describedby="setting-error"' in html
    assert "Choose an area from the list." in html and "moon" not in html


def test_the_filters_speak_the_visitor_s_language_on_a_page_not_translated_yet(client, demo_site):
    html = client.get("/ar/case-studies/").text
    start = html.rindex("<form", 0, html.index('id="filter-heading"'))
    form = html[start : html.index("</form>", start)]
    assert 'lang="ar" dir="rtl"' in form.split(">")[0]  # the page's words are English
    for arabic in ("تصفية القصص", "أين حدث ذلك", "كل الأماكن", "كل المناطق", "اعرض القصص"):
        assert arabic in form
    for english_words in ("Where it happened", "All settings", "Whose story", "All areas"):
        assert english_words not in form


def test_index_paginates_and_keeps_filters_in_page_links(client, index):
    for n in range(settings.CASE_STUDIES_PER_PAGE + 3):
        CaseStudyPageFactory(parent=index, title=f"Workplace story {n}", setting="workplace")
    first = client.get(index.url, {"setting": "workplace"}).text
    assert first.count('class="rj-story-list__item"') == settings.CASE_STUDIES_PER_PAGE
    assert 'class="govuk-pagination"' in first
    assert 'href="?setting=workplace&amp;page=2" rel="next"' in first
    total = english(CaseStudyPage).live().filter(setting="workplace").count()
    second = client.get(index.url, {"setting": "workplace", "page": 2}).text
    assert second.count('class="rj-story-list__item"') == total - settings.CASE_STUDIES_PER_PAGE
    assert 'aria-current="page">2</a>' in second


def _queries(client, url, params):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    caches["pages"].clear()  # measure the page being built, not the cached copy
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params).status_code == 200
    return len(context.captured_queries)


def test_index_query_count_does_not_grow_with_stories(client, index):
    few = _queries(client, index.url, {})
    filtered_few = _queries(client, index.url, {"area": "saltcombe"})
    for _ in range(settings.CASE_STUDIES_PER_PAGE + 5):
        CaseStudyPageFactory(parent=index, listing_image=wagtail_factories.ImageFactory())
    # The first visit to each page makes the image renditions.
    _queries(client, index.url, {})
    _queries(client, index.url, {"page": 2})
    many = _queries(client, index.url, {})
    second_page = _queries(client, index.url, {"page": 2})
    assert many <= few + 1  # one query fetches every rendition on the page
    assert second_page <= few + 1
    assert _queries(client, index.url, {"area": "saltcombe"}) == filtered_few
    assert many <= 25


def test_case_studies_are_in_the_sitemap(client, index):
    xml = client.get("/sitemap.xml").text
    assert "/case-studies/</loc>" in xml
    for story in english(CaseStudyPage).live():
        assert f"{story.url}</loc>" in xml


def test_consent_fields_are_not_searchable(index):
    story = CaseStudyPage.objects.live().first()
    names = {f.field_name for f in story.search_fields}
    assert not names & {"consent_recorded_on", "anonymised", "review_by"}
    assert Page.objects.live().search(story.type_of_harm).count() >= 1
