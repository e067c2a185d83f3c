import re

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyIndexPage
from home.factories import StandardPageFactory
from strategy.factories import StrategicThemeFactory, StrategyPageFactory
from strategy.models import StrategicTheme, StrategyPage
from tests.conftest import english

pytestmark = pytest.mark.django_db


def test_demo_has_a_current_and_a_superseded_strategy_with_six_themes(client, demo_site):
    current = english(StrategyPage).get(slug="strategy")
    old = english(StrategyPage).get(slug="strategy-2017-2020")
    assert (current.period_start, current.period_end) == (2024, 2027)
    assert old.superseded_by == current and not current.is_superseded
    assert set(StrategicTheme.objects.values_list("name", flat=True)) == {
        "Communication and engagement",
        "Quality",
        "Sustainability and training",
        "Information sharing",
        "Innovation",
        "Partnership",
    }
    html = client.get(current.url).text
    assert "Strategy 2024 to 2027" in html
    assert html.count('class="rj-theme"') == 6
    assert "This strategy has been replaced" not in html
    old_html = client.get(old.url).text
    assert "This strategy has been replaced" in old_html
    assert f'href="{current.url}"' in old_html


def test_contents_link_to_unique_anchors(client, demo_site):
    page = StrategyPageFactory(
        parent=demo_site,
        sections=[
            {"type": "section", "value": {"heading": "Our aims", "body": []}},
            {"type": "section", "value": {"heading": "Our aims", "body": []}},
            {"type": "section", "value": {"heading": "Vision", "body": []}},
        ],
    )
    html = client.get(page.url).text
    for anchor in ("our-aims", "our-aims-2", "vision-2"):
        assert f'href="#{anchor}"' in html
        assert f'id="{anchor}"' in html
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # every anchor is unique on the page


def test_page_type_rules(demo_site):
    standard = StandardPageFactory(parent=demo_site)
    index = english(CaseStudyIndexPage).get()
    strategy = StrategyPage.objects.first()
    assert StrategyPage.can_create_at(demo_site)
    assert not StrategyPage.can_create_at(standard)
    assert not StrategyPage.can_create_at(index)
    assert not StrategyPage.can_create_at(strategy)


def test_admin_creates_a_strategy_with_themes_and_sections(client, demo_site, admin_user):
    theme = StrategicThemeFactory(name="Partnership working")
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=("strategy", "strategypage", demo_site.pk))
    data = nested_form_data(
        {
            "title": "Strategy 2028 to 2031",
            "slug": "strategy-2028-2031",
            "period_start": "2028",
            "period_end": "2031",
            "summary": "Our next plan.",
            "foreword": rich_text("<p>Welcome.</p>"),
            "foreword_by": "The Commissioner",
            "vision": "Everyone can take part.",
            "themes": inline_formset(
                [{"theme": theme.pk, "what_we_will_do": rich_text("<p>Meet partners.</p>")}]
            ),
            "sections": streamfield(
                [
                    (
                        "section",
                        {
                            "heading": "Money",
                            "body": streamfield([("text", rich_text("<p>Funding.</p>"))]),
                        },
                    )
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = english(StrategyPage).get(slug="strategy-2028-2031")
    html = client.get(page.url).text
    assert "Partnership working" in html and "Meet partners." in html
    assert 'href="#money"' in html and "Funding." in html


def test_period_must_run_forwards(demo_site):
    from django.core.exceptions import ValidationError

    page = StrategyPageFactory.build(period_start=2027, period_end=2024)
    with pytest.raises(ValidationError):
        page.clean()


def test_strategies_are_in_the_sitemap(client, demo_site):
    xml = client.get("/sitemap.xml").text
    assert "/strategy/</loc>" in xml and "/strategy-2017-2020/</loc>" in xml
