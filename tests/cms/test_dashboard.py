"""Each role's dashboard starts with its own work, and names every page with its language."""

import datetime
import re

import pytest

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale

from home.models import AccessibilityStatementPage, StandardPage
from selfreferral.factories import ReferralFactory
from tests.conftest import english

pytestmark = pytest.mark.django_db

PANEL_HEADINGS = [
    "New referrals",
    "Awaiting your review",
    "Your drafts",
    "Your pages and snippets in a workflow",
    "Pages due for review",
    "Kiosks",
    "Users",
    "Your most recent edits",
    "New to editing this site?",
]


def dashboard(client, user):
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).text


def panels(html):
    """The dashboard's panel headings, top to bottom."""
    found = [(html.find(f">{heading}<"), heading) for heading in PANEL_HEADINGS]
    return [heading for position, heading in sorted(found) if position >= 0]


@pytest.fixture
def in_review(client, demo_site, editor):
    """A page the editor changed and submitted to Comms review."""
    page = english(StandardPage).get(slug="is-it-safe")
    page.title = "Is it safe? (new words)"
    revision = page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return revision


@pytest.fixture
def draft(demo_site, editor):
    page = english(StandardPage).get(slug="privacy")
    page.title = "Privacy notice (draft)"
    page.save_revision(user=editor)
    return page


def test_approvers_start_with_what_awaits_their_review(client, approver, in_review):
    html = dashboard(client, approver)
    assert panels(html)[0] == "Awaiting your review"
    assert "Is it safe? (new words)" in html


def test_editors_start_with_their_drafts_then_their_pages_in_review(
    client, editor, draft, in_review
):
    AccessibilityStatementPage.objects.filter(slug="accessibility").update(
        review_by=timezone.localdate() - datetime.timedelta(days=3)
    )
    html = dashboard(client, editor)
    order = panels(html)
    assert order[:3] == [
        "Your drafts",
        "Your pages and snippets in a workflow",
        "Pages due for review",
    ]
    drafts = html[html.index(">Your drafts<") : html.index(">Your pages and snippets")]
    assert "Privacy notice (draft)" in drafts and "English" in drafts
    # A page in review is not a draft as well.
    assert "Is it safe? (new words)" not in drafts


def test_a_page_is_named_once_and_with_its_language(client, editor, demo_site):
    """The demo has every page in four languages; untranslated copies follow their English
    page and are not listed again, a translated page is listed with its language."""
    due = timezone.localdate() - datetime.timedelta(days=3)
    pages = AccessibilityStatementPage.objects.filter(slug="accessibility")
    assert pages.count() == 4
    pages.update(review_by=due)
    english_page = english(AccessibilityStatementPage).get(slug="accessibility")
    polish = english_page.get_translation(Locale.objects.get(language_code="pl"))
    AccessibilityStatementPage.objects.filter(pk=polish.pk).update(
        alias_of=None, title="Dostępność"
    )
    html = dashboard(client, editor)
    panel = html[html.index(">Pages due for review<") :]
    assert panel.count(f'href="{reverse("wagtailadmin_pages:edit", args=(english_page.pk,))}"') == 1
    assert panel.count("Dostępność") == 1
    rows = re.findall(r"<tr>(.*?)</tr>", panel, re.S)
    polish_row = next(row for row in rows if "Dostępność" in row)
    assert "Polski" in polish_row
    english_row = next(row for row in rows if "Accessibility statement" in row)
    assert "English" in english_row


def test_coordinators_start_with_new_and_overdue_referrals_and_see_no_page_tools(
    client, coordinator
):
    referral = ReferralFactory()
    html = dashboard(client, coordinator)
    assert panels(html) == ["New referrals"]
    assert referral.reference in html
    assert "Search all pages" not in html
    assert "Pages due for review" not in html and "Case studies" not in html


def test_site_administrators_start_with_kiosks_and_users(client, site_admin, coordinator):
    from kiosk.factories import KioskFactory

    kiosk = KioskFactory(name="HMP Fenmoor – visits hall")
    html = dashboard(client, site_admin)
    assert panels(html) == ["Kiosks", "Users"]
    assert kiosk.name in html
    users = html[html.index(">Users<") :]
    assert "cora" in users and "Restorative justice coordinators" in users
    assert "Search all pages" not in html


def test_only_superusers_see_the_recaptcha_warning(client, editor, coordinator, superuser):
    assert "data-recaptcha-warning" not in dashboard(client, editor)
    assert "data-recaptcha-warning" not in dashboard(client, coordinator)
    assert "data-recaptcha-warning" in dashboard(client, superuser)


def test_no_avatar_is_fetched_from_another_site(client, editor):
    html = dashboard(client, editor)
    assert "gravatar" not in html.lower()
