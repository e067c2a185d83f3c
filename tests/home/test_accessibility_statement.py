"""The accessibility statement: a page type with every part the Public Sector Bodies
Accessibility Regulations 2018 ask for, kept current by the comms team."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import Page

from home.choices import Compliance
from home.models import AccessibilityStatementPage, ContactSettings, HomePage
from tests.conftest import english

pytestmark = pytest.mark.django_db

REQUIRED_PARTS = [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Equality and Human Rights Commission",
    "Equality Advisory and Support Service",
    "Technical information about this website’s accessibility",
    "Compliance status",
    "Non-accessible content",
    "How we tested this website",
    "Preparation of this accessibility statement",
]


def statement():
    return english(AccessibilityStatementPage).get()


def test_the_statement_has_every_part_the_regulations_ask_for(client, demo_site):
    page = statement()
    html = client.get(page.url).text
    for part in REQUIRED_PARTS:
        assert part in html, part
    assert (
        "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA" in html
    )
    # Problems under the model statement's headings, with the fix and the criterion.
    assert "Non-compliance with the accessibility regulations" in html
    assert "Content that is not within the scope of the accessibility regulations" in html
    assert "Disproportionate burden" not in html  # nothing listed for it
    # Contact details from the site setting; dates as people write them.
    assert 'href="tel:03005550142" dir="ltr">0300 555 0142</a>' in html
    assert f"It was last reviewed on {page.reviewed_on:%-d %B %Y}." in html
    assert f"The website was last tested on {page.last_tested_on:%-d %B %Y}." in html


def test_the_footer_links_the_statement(client, demo_site):
    contact = ContactSettings.for_site(demo_site.get_site())
    assert contact.accessibility_page_id == statement().pk
    assert f'href="{statement().url}">Accessibility</a>' in client.get("/").text


def test_fully_compliant_with_problems_listed_is_refused_and_reviews_follow_preparation(
    demo_site,
):
    page = statement()
    page.compliance = Compliance.FULL
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "compliance" in error.value.message_dict
    page = statement()
    page.reviewed_on = page.prepared_on - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "reviewed_on" in error.value.message_dict


def test_one_statement_per_site_under_the_home_page(demo_site):
    home = english(HomePage).get()
    assert not AccessibilityStatementPage.can_create_at(home)  # the demo has one already
    statement().delete()
    assert AccessibilityStatementPage.can_create_at(home)
    assert not AccessibilityStatementPage.can_create_at(
        Page.objects.get(slug="privacy", locale=home.locale)
    )


def test_the_comms_team_can_edit_the_statement(client, demo_site, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(statement().pk,)))
    assert response.status_code == 200
    fields = response.context["form"].fields
    for field in ("compliance", "problems", "how_tested", "prepared_on", "reviewed_on"):
        assert field in fields and str(fields[field].help_text), field
