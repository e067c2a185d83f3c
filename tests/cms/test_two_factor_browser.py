"""Two-factor recovery in Chromium, through the admin: a coordinator keeps the backup
codes shown once at set-up and signs in with one after losing her phone; a superuser
resets her second factor from the users list, and she sets up her app again."""

import pytest

from django.core import mail
from django.urls import reverse

from tests.conftest import authenticator_code, run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def set_up_app(page):
    """On the set-up page: add the site to the 'app', confirm, and keep the backup codes."""
    page.wait_for_url("**/admin/two-factor/set-up/**")
    secret = page.locator("code").inner_text().strip()
    page.get_by_label("Code from your authenticator app").fill(authenticator_code(secret))
    page.get_by_role("button", name="Check the code and finish").click()
    page.get_by_role("heading", name="Save your backup codes").wait_for()
    codes = page.locator(".rj-backup-codes code").all_inner_texts()
    assert run_axe(page) == []
    page.get_by_role("link", name="Continue").click()
    page.wait_for_url("**/admin/")
    return codes


def test_backup_codes_and_a_superusers_reset_through_the_admin(
    live_site, browser_page, chromium, settings, coordinator, superuser
):
    settings.ADMIN_REQUIRE_2FA = True
    coordinator.email = "cora@rj-service.example"
    coordinator.save()

    # Cora sets up her authenticator app and is shown ten backup codes, once.
    sign_in(browser_page, live_site.url, "cora")
    codes = set_up_app(browser_page)
    assert len(codes) == len(set(codes)) == 10

    # She loses her phone: on another computer, a backup code signs her in.
    lost_phone = chromium.new_context().new_page()
    sign_in(lost_phone, live_site.url, "cora")
    lost_phone.wait_for_url("**/admin/two-factor/**")
    field = lost_phone.get_by_label("Code from your authenticator app, or a backup code")
    field.fill(codes[0])
    lost_phone.get_by_role("button", name="Sign in").click()
    lost_phone.wait_for_url(f"{live_site.url}/admin/")
    assert "You signed in with a backup code: you have 9 left" in lost_phone.content()
    # The same code does not sign in twice.
    again = chromium.new_context().new_page()
    sign_in(again, live_site.url, "cora")
    again.get_by_label("Code from your authenticator app, or a backup code").fill(codes[0])
    again.get_by_role("button", name="Sign in").click()
    again.locator(".messages").get_by_text(
        "That backup code is not right, or has been used"
    ).wait_for()

    # A superuser resets her second factor from the users list.
    admin = chromium.new_context().new_page()
    sign_in(admin, live_site.url, superuser.username)
    set_up_app(admin)
    admin.goto(f"{live_site.url}/admin/users/?q=cora")
    row = admin.locator("tr", has_text="cora")
    row.get_by_role("button", name="More options").click()
    row.get_by_role("link", name="Reset two-factor sign-in").click()
    admin.get_by_role("heading", name="Reset two-factor sign-in").wait_for()
    assert "9 unused backup codes" in " ".join(admin.locator("main").inner_text().split())
    admin.get_by_role("button", name="Reset two-factor sign-in").click()
    admin.wait_for_url("**/admin/users/")
    assert "authenticator apps and backup codes are removed" in admin.content()
    (email,) = [m for m in mail.outbox if m.to == ["cora@rj-service.example"]]
    assert email.subject == "Your sign-in code app was reset"

    # Her history says so; her old codes no longer work, and she sets up an app again.
    admin.goto(live_site.url + reverse("wagtailusers_users:history", args=[coordinator.pk]))
    assert "Two-factor sign-in reset" in admin.locator("main").inner_text()
    fresh = chromium.new_context().new_page()
    sign_in(fresh, live_site.url, "cora")
    assert len(set_up_app(fresh)) == 10
    for other in (lost_phone, again, admin, fresh):
        other.context.close()
