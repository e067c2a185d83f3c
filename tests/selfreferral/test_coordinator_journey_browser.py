"""A coordinator's day in Chromium: a referral arrives by email, they follow its link,
sign in with an authenticator code (computed here, as their phone would), find the
referral and its due date, mark first contact and export a CSV with readable labels
and UK times."""

import csv
import io
import re

import pytest

from django.core import mail
from django.utils import timezone

from selfreferral.factories import ReferralFactory
from selfreferral.models import Area, Referral, Status
from selfreferral.notifications import queue_notifications
from tests.conftest import authenticator_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_signs_in_with_a_code_and_handles_a_new_referral(
    live_site, browser_page, settings
):
    settings.ADMIN_REQUIRE_2FA = True
    page = browser_page
    referral = ReferralFactory(
        name="Robin Example",
        area=Area.objects.get(name="Fenmoor North"),
        safe_to_leave_message=False,
        safe_times="Weekday evenings",
    )
    queue_notifications(referral)
    (email,) = [m for m in mail.outbox if referral.reference in m.subject]
    # The email's link is to the address the site is served on.
    link = re.search(r"^(http\S+/inspect/\d+/)$", email.body, re.M).group(1)
    assert link.startswith(live_site.url)

    # Following the link asks them to sign in, then to set up their authenticator app.
    page.goto(link)
    page.get_by_label("Username").fill("cora")
    page.get_by_label("Password").fill("a test password, not a real one")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/two-factor/set-up/**")
    # One page: one heading, one QR code, one form (not the page drawn twice).
    assert page.locator("h1").count() == 1
    assert page.locator("img[alt^='QR code']").count() == 1
    assert page.locator("form.login-form").count() == 1
    secret = page.locator("code").inner_text().strip()
    page.get_by_label("Code from your authenticator app").fill(authenticator_code(secret))
    page.get_by_role("button", name="Check the code and finish").click()
    # Their backup codes, shown once, then on to where they were going.
    page.get_by_role("heading", name="Save your backup codes").wait_for()
    assert page.locator(".rj-backup-codes code").count() == 10
    page.get_by_role("link", name="Continue").click()

    # Straight on to the referral: its due date, and not to leave a message.
    page.wait_for_url(link)
    main = page.locator("main").inner_text()
    due = referral.first_contact_due
    assert f"{due:%A %-d %B %Y}" in main
    assert "No: do not leave a message" in main

    # The dashboard starts with new referrals, this one among them.
    page.goto(f"{live_site.url}/admin/")
    first_panel = page.locator(".w-panel").first
    assert "New referrals" in first_panel.inner_text()
    assert referral.reference in first_panel.inner_text()

    # First contact made: the referral is marked contacted, dated today.
    page.goto(f"{live_site.url}/admin/snippets/selfreferral/referral/edit/{referral.pk}/")
    summary = page.locator(".rj-referral-summary").inner_text()
    assert "Do not leave a message" in summary and f"{due:%A %-d %B %Y}" in summary
    page.locator("#id_status").select_option("contacted")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url("**/admin/snippets/selfreferral/referral/")
    referral.refresh_from_db()
    assert referral.status == Status.CONTACTED
    assert referral.first_contacted_on == timezone.localdate()

    # The CSV: labels people read, times in UK time.
    page.get_by_role("button", name="Actions").first.click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text())))
    row = next(r for r in rows if r["Reference"] == referral.reference)
    created = timezone.localtime(Referral.objects.get(pk=referral.pk).created_at)
    assert row["Received"] == f"{created:%d/%m/%Y %H:%M}"
    assert row["Status"] == "Contacted"
    assert row["Age"] == "18 or over"
    assert row["Safe to leave a message"] == "No"
    assert row["First contacted on"] == f"{timezone.localdate():%d/%m/%Y}"
