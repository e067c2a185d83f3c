"""Admin sign-in as production runs it: a code from an authenticator app for
everyone who can see referrals, a lockout after too many wrong passwords, and
short sessions. (The other tests sign in with these turned off: see settings_test.)"""

import datetime
import io
import re

import pytest
import time_machine
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from selfreferral.admin_views import COORDINATORS_GROUP

from .helpers import production_settings

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password"
LOGIN_URL = reverse("wagtailadmin_login")
SETUP_URL = reverse("two_factor_setup")
VERIFY_URL = reverse("two_factor_verify")
REFERRALS_URL = reverse("wagtailsnippets_selfreferral_referral:list")
BACKUP_CODES_URL = reverse("two_factor_backup_codes")


@pytest.fixture(autouse=True)
def production_sign_in(settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.AXES_ENABLED = True
    settings.ADMIN_IDLE_MINUTES = 30
    settings.SESSION_COOKIE_AGE = 8 * 60 * 60


@pytest.fixture
def coordinator():
    user = User.objects.create_user("coordinator-2fa", password=PASSWORD)
    user.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
    return user


@pytest.fixture
def comms_editor():
    group = Group.objects.create(name="Editors without referrals")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = User.objects.create_user("comms-2fa", password=PASSWORD)
    user.groups.add(group)
    return user


def sign_in(client, user, password=PASSWORD, **extra):
    return client.post(
        LOGIN_URL, {"username": user.username, "password": password, "next": "/admin/"}, **extra
    )


def code_for(device):
    device.refresh_from_db()
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    return f"{token:0{device.digits}d}"


def backup_codes_on(page):
    return re.findall(r"<li><code>(\w{4} \w{4})</code></li>", page.text)


def set_up_app(client, user):
    """Sign in with the password and set up the app, as a new coordinator does:
    returns the app and the backup codes shown once at the end."""
    sign_in(client, user)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(f"{SETUP_URL}?next=/admin/", {"otp_token": code_for(device)})
    assert response.status_code == 200
    assert "Save your backup codes" in response.text
    assert 'href="/admin/"' in response.text  # "continue" goes where they were going
    return device, backup_codes_on(response)


def reset_emails():
    return [m for m in mail.outbox if m.subject == "Your sign-in code app was reset"]


def signed_in_later(user, minutes=2):
    """Another browser, a little later (an app code is used once), after the password."""
    other = Client()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes)):
        sign_in(other, user)
    return other


def test_production_turns_every_limit_on(tmp_path):
    s = production_settings(
        tmp_path,
        "ADMIN_REQUIRE_2FA",
        "AXES_ENABLED",
        "AXES_FAILURE_LIMIT",
        "AXES_COOLOFF_TIME",
        "AXES_HANDLER",
        "SESSION_COOKIE_AGE",
        "ADMIN_IDLE_MINUTES",
        "MIDDLEWARE",
        "AUTHENTICATION_BACKENDS",
    )
    assert s["ADMIN_REQUIRE_2FA"] is True and s["AXES_ENABLED"] is True
    assert s["AXES_FAILURE_LIMIT"] == 5 and s["AXES_COOLOFF_TIME"] == "0:15:00"
    assert s["AXES_HANDLER"] == "axes.handlers.database.AxesDatabaseHandler"
    assert s["SESSION_COOKIE_AGE"] == 8 * 60 * 60 and s["ADMIN_IDLE_MINUTES"] == 30
    for middleware in (
        "django_otp.middleware.OTPMiddleware",
        "cms.two_factor.RequireTwoFactorMiddleware",
        "cms.sign_in.ShortAdminSessionMiddleware",
        "axes.middleware.AxesMiddleware",
    ):
        assert middleware in s["MIDDLEWARE"]
    assert s["AUTHENTICATION_BACKENDS"][0] == "axes.backends.AxesStandaloneBackend"


# Two-factor sign-in


def test_a_coordinator_sets_up_an_app_before_seeing_anything(client, coordinator):
    assert sign_in(client, coordinator).status_code == 302
    # Every admin page, referrals above all, sends them to the set-up page.
    for url in ("/admin/", REFERRALS_URL, "/admin/pages/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(SETUP_URL)
    page = client.get(response.url)
    assert page.status_code == 200
    html = page.text
    # The QR code is drawn on this page, from this site: no request to anyone else.
    assert re.search(r'<img src="data:image/svg\+xml[^"]+" alt="QR code', html)
    assert "http://" not in html.split("<body")[1].split("QR code")[0].replace(
        "http://www.w3.org", ""
    )
    assert 'autocomplete="one-time-code"' in html
    # The page's own admin scripts load (they are not sent to the set-up page).
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)

    wrong = client.post(f"{SETUP_URL}?next={REFERRALS_URL}", {"otp_token": "000000"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.text
    assert client.get(REFERRALS_URL).status_code == 302

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        done = client.post(
            f"{SETUP_URL}?next={REFERRALS_URL}",
            {"otp_token": code_for(device), "next": REFERRALS_URL},
        )
        # Signed in; the backup codes are shown before they go on to where they were going.
        assert done.status_code == 200 and f'href="{REFERRALS_URL}"' in done.text
        assert len(backup_codes_on(done)) == 10
        assert client.get(REFERRALS_URL).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_the_code_pages_get_the_icons_they_load_not_a_second_copy_of_themselves(
    client, coordinator
):
    """The admin fetches its icon sprite and inlines the answer: answered with the
    set-up page, every sign-in page showed two headings, two QR codes and two forms."""
    sign_in(client, coordinator)
    page = client.get(SETUP_URL).text
    sprite_url = re.search(r'data-icon-url="([^"]+)"', page).group(1)
    sprite = client.get(sprite_url)
    assert sprite.status_code == 200
    assert sprite["Content-Type"].startswith("image/svg+xml")
    assert "<form" not in sprite.text and "authenticator" not in sprite.text
    # Every other admin address still sends them to set up the app first.
    assert client.get("/admin/pages/").url.startswith(SETUP_URL)


def test_next_time_a_code_is_asked_for_and_a_password_alone_cannot_add_an_app(client, coordinator):
    device, _ = set_up_app(client, coordinator)
    later = timezone.now() + datetime.timedelta(minutes=2)
    with time_machine.travel(later):
        other = Client()
        sign_in(other, coordinator)
        response = other.get(REFERRALS_URL)
        assert response.status_code == 302 and response.url.startswith(VERIFY_URL)
        # Someone with only the password cannot set up their own app instead.
        assert other.get(SETUP_URL).url == VERIFY_URL
        assert TOTPDevice.objects.filter(user=coordinator).count() == 1
        page = other.get(response.url)
        assert "Enter the code from your authenticator app" in page.text
        signed_in = other.post(response.url, {"otp_token": code_for(device), "next": "/admin/"})
        assert signed_in.status_code == 302
        assert other.get(REFERRALS_URL).status_code == 200


def test_superusers_need_a_code_too_however_they_signed_in(client):
    admin = User.objects.create_superuser("root-2fa", "root@example.org", PASSWORD)
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith(SETUP_URL)


def test_editors_who_cannot_see_referrals_are_not_asked_but_may_set_it_up(client, comms_editor):
    sign_in(client, comms_editor)
    assert client.get("/admin/").status_code == 200
    account = client.get(reverse("wagtailadmin_account")).text
    assert f'href="{SETUP_URL}"' in account and "Set up an authenticator app" in account
    assert client.get(SETUP_URL).status_code == 200
    device = TOTPDevice.objects.get(user=comms_editor)
    assert "Save your backup codes" in client.post(SETUP_URL, {"otp_token": code_for(device)}).text
    # Once they have an app, they give a code like everyone else.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        other = Client()
        sign_in(other, comms_editor)
        assert other.get("/admin/").url.startswith(VERIFY_URL)


def test_an_admin_resets_a_lost_app(client, coordinator, django_capture_on_commit_callbacks):
    coordinator.email = "coordinator-2fa@example.org"
    coordinator.save()
    set_up_app(client, coordinator)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("reset_two_factor", coordinator.username, stdout=out)
    assert "Removed 1 authenticator app from coordinator-2fa" in out.getvalue()
    assert not StaticToken.objects.filter(device__user=coordinator).exists()
    assert [m.to for m in reset_emails()] == [["coordinator-2fa@example.org"]]
    other = Client()
    sign_in(other, coordinator)
    assert other.get("/admin/").url.startswith(SETUP_URL)


# Backup codes


def test_backup_codes_are_shown_once_and_each_signs_in_once(client, coordinator):
    _, codes = set_up_app(client, coordinator)
    assert len(codes) == len(set(codes)) == 10
    assert all(not code.replace(" ", "").isdigit() for code in codes)
    # No page shows them again: the account page says how many are left.
    page = client.get(BACKUP_CODES_URL)
    assert "You have <strong>10</strong> unused backup codes" in page.text
    assert not set(backup_codes_on(page)) and codes[0] not in page.text
    assert f'href="{BACKUP_CODES_URL}"' in client.get(reverse("wagtailadmin_account")).text

    # A lost phone: a backup code (typed any case, with or without its space) signs in.
    other = signed_in_later(coordinator)
    form = other.get(VERIFY_URL).text
    assert "Code from your authenticator app, or a backup code" in form
    response = other.post(VERIFY_URL, {"otp_token": codes[0].upper(), "next": REFERRALS_URL})
    assert response.status_code == 302 and response.url == REFERRALS_URL
    after = other.get(REFERRALS_URL, follow=True)
    assert after.status_code == 200
    assert "You signed in with a backup code: you have 9 left" in after.text

    # The same code does not work twice; the next one does.
    third = signed_in_later(coordinator, minutes=3)
    again = third.post(VERIFY_URL, {"otp_token": codes[0].replace(" ", "")})
    assert again.status_code == 200
    assert "That backup code is not right, or has been used already" in again.text
    assert third.get(REFERRALS_URL).status_code == 302
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=4)):
        assert third.post(VERIFY_URL, {"otp_token": codes[1]}).status_code == 302
        assert third.get(REFERRALS_URL).status_code == 200
    assert StaticToken.objects.filter(device__user=coordinator).count() == 8


def test_a_new_set_of_backup_codes_replaces_the_old_one(client, coordinator):
    _, old = set_up_app(client, coordinator)
    new = backup_codes_on(client.post(BACKUP_CODES_URL))
    assert len(new) == 10 and not set(new) & set(old)
    assert StaticToken.objects.filter(device__user=coordinator).count() == 10
    other = signed_in_later(coordinator)
    assert other.post(VERIFY_URL, {"otp_token": old[0]}).status_code == 200
    # (A wrong code makes the next try wait a little, as with app codes.)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=3)):
        assert other.post(VERIFY_URL, {"otp_token": new[0]}).status_code == 302
    # Someone with only the password can neither see how many are left nor make new ones.
    stranger = signed_in_later(coordinator, minutes=4)
    assert stranger.get(BACKUP_CODES_URL).url.startswith(VERIFY_URL)
    assert stranger.post(BACKUP_CODES_URL).url.startswith(VERIFY_URL)
    assert StaticToken.objects.filter(device__user=coordinator).count() == 9


# A superuser resets someone's second factor


def test_a_superuser_resets_someones_second_factor_from_the_admin(
    client, coordinator, comms_editor, django_capture_on_commit_callbacks, caplog
):
    coordinator.email = "coordinator-2fa@example.org"
    coordinator.save()
    set_up_app(Client(), coordinator)
    admin = User.objects.create_superuser("root-reset", "root-reset@example.org", PASSWORD)
    set_up_app(client, admin)
    reset_url = reverse("cms_reset_two_factor", args=[coordinator.pk])
    users = client.get(reverse("wagtailusers_users:index")).text
    assert f'href="{reset_url}"' in users
    # Not offered for their own account (Account > Backup codes is theirs).
    assert reverse("cms_reset_two_factor", args=[admin.pk]) not in users

    page = client.get(reset_url)
    assert page.status_code == 200
    assert "1 authenticator app set up and 10 unused backup codes" in " ".join(page.text.split())
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(reset_url)
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert not StaticToken.objects.filter(device__user=coordinator).exists()
    # Emailed to them, recorded in their history, logged without names.
    (email,) = reset_emails()
    assert email.to == ["coordinator-2fa@example.org"]
    assert "reset the second step of your sign-in" in email.body
    assert "http://testserver/admin/login/" in email.body or "/admin/login/" in email.body
    entry = ModelLogEntry.objects.filter(action="cms.two_factor_reset").get()
    assert entry.object_id == str(coordinator.pk) and entry.user_id == admin.pk
    history = client.get(reverse("wagtailusers_users:history", args=[coordinator.pk])).text
    assert "Two-factor sign-in reset" in history
    assert f"Second factor of user id={coordinator.pk} reset by user id={admin.pk}" in caplog.text
    # Next time, they set up an app again.
    assert signed_in_later(coordinator).get("/admin/").url.startswith(SETUP_URL)


def test_only_a_superuser_may_reset_a_second_factor(client, coordinator, comms_editor):
    set_up_app(Client(), coordinator)
    comms_editor.groups.add(Group.objects.get(name="Site administrators"))
    sign_in(client, comms_editor)
    reset_url = reverse("cms_reset_two_factor", args=[coordinator.pk])
    for response in (client.get(reset_url), client.post(reset_url)):
        assert response.status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=coordinator).exists()
    assert reset_url not in client.get(reverse("wagtailusers_users:index")).text


def test_next_never_leads_to_another_site(client, coordinator):
    sign_in(client, coordinator)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=coordinator)
    response = client.post(
        SETUP_URL, {"otp_token": code_for(device), "next": "https://evil.example/"}
    )
    assert "evil.example" not in response.text and 'href="/admin/"' in response.text


# Too many wrong passwords


def test_five_wrong_passwords_lock_the_account_with_a_clear_message(client, coordinator):
    for _ in range(4):
        assert sign_in(client, coordinator, password="wrong password").status_code == 200
    locked = sign_in(client, coordinator, password="wrong password")
    assert locked.status_code == 429
    assert "Too many wrong passwords for this account" in locked.text
    assert "locked for 15 minutes" in locked.text
    # The right password is refused now, on the Wagtail sign-in page.
    refused = sign_in(client, coordinator)
    assert refused.status_code == 429
    assert "Too many wrong passwords" in refused.text
    assert 'name="password"' in refused.text
    assert client.get("/admin/").url.startswith(LOGIN_URL)
    # After the lockout, the right password works again.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        assert sign_in(Client(), coordinator).status_code == 302


def test_the_lockout_is_for_that_username_from_that_address(client, coordinator):
    for _ in range(5):
        sign_in(client, coordinator, password="wrong password")
    assert sign_in(Client(), coordinator, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_an_admin_lifts_a_lockout(client, coordinator):
    for _ in range(5):
        sign_in(client, coordinator, password="wrong password")
    call_command("axes_reset_username", coordinator.username, stdout=io.StringIO())
    assert sign_in(client, coordinator).status_code == 302


# Short sessions


def test_half_an_hour_without_a_request_signs_you_out(client, comms_editor):
    sign_in(client, comms_editor)
    assert client.get("/admin/").status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=20)):
        assert client.get("/admin/").status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=51)):
        response = client.get("/admin/pages/")
        assert response.status_code == 302 and response.url.startswith(LOGIN_URL)
        page = client.get(response.url)
        assert "had not used the admin for a while" in page.text


def test_eight_hours_after_signing_in_you_sign_in_again(client, comms_editor):
    sign_in(client, comms_editor)
    start = timezone.now()
    for minutes in range(20, 8 * 60, 20):  # busy all day: never idle
        with time_machine.travel(start + datetime.timedelta(minutes=minutes)):
            assert client.get("/admin/").status_code == 200
    with time_machine.travel(start + datetime.timedelta(hours=8, minutes=10)):
        response = client.get("/admin/")
        assert response.status_code == 302 and response.url.startswith(LOGIN_URL)


def test_visitors_still_get_no_session_cookie_and_cached_pages(client, referral_page):  # noqa: F811
    home = client.get("/")
    assert home.status_code == 200
    assert "sessionid" not in home.cookies
    assert "public" in home["Cache-Control"]
    assert "sessionid" not in client.get(LOGIN_URL).cookies
