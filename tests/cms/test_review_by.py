"""Every page has a "review by" date, and the dashboard lists pages due for review."""

import datetime

import pytest
import time_machine

from django.urls import reverse

from home.factories import StandardPageFactory
from home.mixins import add_months
from home.models import AccessibilityStatementPage, StandardPage
from tests.conftest import english

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.datetime(2027, 1, 31, 10, 0, tzinfo=datetime.UTC)


def test_add_months_keeps_to_the_end_of_short_months():
    assert add_months(datetime.date(2027, 1, 31), 1) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2028, 2, 29), 12) == datetime.date(2029, 2, 28)
    assert add_months(datetime.date(2027, 11, 15), 3) == datetime.date(2028, 2, 15)


def test_publishing_sets_review_date_twelve_months_on(demo_site):
    with time_machine.travel(PUBLISHED, tick=False):
        page = StandardPageFactory(parent=demo_site, live=False)
        revision = page.save_revision()
        revision.publish()
    page.refresh_from_db()
    assert page.review_by == datetime.date(2028, 1, 31)
    # The editor sees the date next time they open the page.
    assert page.get_latest_revision_as_object().review_by == datetime.date(2028, 1, 31)


def test_a_date_the_editor_chose_is_kept(demo_site):
    with time_machine.travel(PUBLISHED, tick=False):
        page = StandardPageFactory(parent=demo_site, live=False)
        page.review_by = datetime.date(2027, 6, 1)
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.review_by == datetime.date(2027, 6, 1)


def test_review_date_is_on_the_settings_tab_with_help_text(client, demo_site, admin_user):
    client.force_login(admin_user)
    page = english(StandardPage).get(slug="is-it-safe")
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    form = response.context["form"]
    assert "review_by" in form.fields
    assert "12 months" in str(form.fields["review_by"].help_text)


def dashboard(client, user):
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).text


def test_dashboard_lists_pages_due_for_review_newest_first(client, demo_site, editor):
    StandardPage.objects.filter(slug="is-it-safe").update(review_by=datetime.date(2026, 1, 10))
    StandardPage.objects.filter(slug="privacy").update(review_by=datetime.date(2026, 3, 5))
    AccessibilityStatementPage.objects.update(review_by=datetime.date(2099, 1, 1))
    with time_machine.travel(datetime.datetime(2026, 4, 1, 9, 0, tzinfo=datetime.UTC)):
        html = dashboard(client, editor)
    assert "Pages due for review" in html
    panel = html[html.index("Pages due for review") :]
    assert panel.index("Privacy notice") < panel.index("Is it safe?")
    assert "Accessibility statement" not in panel
    assert "Overdue" in panel


def test_review_panel_is_for_editors_and_approvers_only(client, demo_site, approver, site_admin):
    assert "Pages due for review" in dashboard(client, approver)
    assert "Pages due for review" not in dashboard(client, site_admin)


def test_review_panel_queries_do_not_grow_with_pages(client, demo_site, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.mixins import page_types_due_for_review, pages_due_for_review

    StandardPage.objects.update(review_by=datetime.date(2020, 1, 1))
    client.force_login(editor)
    client.get(reverse("wagtailadmin_home"))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            pages = pages_due_for_review()
            [page.title for page in pages]
        return len(captured), pages

    before, _ = queries()
    for _ in range(10):
        StandardPageFactory(parent=demo_site, review_by=datetime.date(2020, 1, 1))
    after, pages = queries()
    # One query per page type that has a review date, however many pages there are.
    assert before == after <= len(page_types_due_for_review()) + 1
    assert len(pages) >= 15
