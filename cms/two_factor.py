"""Two-factor sign-in to the admin with django-otp (TOTP authenticator apps).

Everyone who can see referrals (superusers, and anyone given the referral
permissions: the coordinators) must confirm a six-digit code from an
authenticator app after their password, on every sign-in. The first time, they
are sent to a page with a QR code to set the app up. Anyone else may set it up
too, and then is asked for a code like everyone else. ADMIN_REQUIRE_2FA=0 turns
the requirement off (tests only: production keeps it on).

Backup codes (django-otp's own static-token device): ten one-time codes, made
when someone sets up their first app and shown on that page only, each taking
the place of an app code once. They can make a new set (the old set stops
working) under Account. Someone with neither phone nor codes asks a superuser,
who resets their second factor from the users list (`reset_second_factor`): it
is recorded in the user's history, logged, and the user is emailed."""

import base64
import logging

import segno
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import permission_denied
from wagtail.log_actions import log

from cms.tasks import email_two_factor_reset

logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"
# Pages someone part-way through signing in may reach, and what those pages load:
# the admin's script translations and its icon sprite. The admin fetches the sprite
# and inlines whatever comes back, so answering it with the code page drew that page
# (its heading, QR code and form) a second time inside every sign-in page.
OPEN_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
    "two_factor_setup",
)
DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10
# Recorded in the user's history (Settings > Users > History).
RESET_ACTION = "cms.two_factor_reset"
# Any of these lets someone see referrals (the coordinators' group has them).
REFERRAL_PERMISSIONS = ("selfreferral.view_referral", "selfreferral.change_referral")


def must_use_two_factor(user):
    """Superusers and anyone who can see referrals."""
    return user.is_superuser or any(user.has_perm(perm) for perm in REFERRAL_PERMISSIONS)


def needs_code(user):
    """A signed-in user who has yet to give a code in this session."""
    if not user.is_authenticated or user.is_verified():
        return False
    return must_use_two_factor(user) or user_has_device(user, confirmed=True)


class RequireTwoFactorMiddleware:
    """Sends a signed-in admin user who has not given a code to the code page (or,
    with no app set up yet, to the set-up page) from every admin page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.ADMIN_REQUIRE_2FA
            and request.path_info.startswith(ADMIN_PREFIX)
            and settings.SESSION_COOKIE_NAME in request.COOKIES
            and needs_code(request.user)
            and request.path_info not in {reverse(name) for name in OPEN_URL_NAMES}
        ):
            name = (
                "two_factor_verify"
                if user_has_device(request.user, confirmed=True)
                else "two_factor_setup"
            )
            return redirect(f"{reverse(name)}?next={_safe_next(request, request.get_full_path())}")
        return self.get_response(request)


def _safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


class CodeForm(forms.Form):
    otp_token = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6 digits your app shows now, for example 123456.",
        max_length=12,  # a backup code with its space, and a little slack
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, devices, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device = None
        if any(isinstance(device, StaticDevice) for device in devices):
            self.fields["otp_token"].label = "Code from your authenticator app, or a backup code"
            self.fields["otp_token"].help_text = (
                "The 6 digits your app shows now, for example 123456. No phone? "
                "Type one of your backup codes (8 letters and numbers) instead."
            )

    def clean_otp_token(self):
        token = "".join(self.cleaned_data["otp_token"].split()).lower()
        # App codes are all digits and backup codes never are: a mistyped backup code
        # does not slow down the app's next code (each device counts its failures).
        is_backup_code = not token.isdigit()
        for device in self.devices:
            if isinstance(device, StaticDevice) == is_backup_code and device.verify_token(token):
                self.device = device
                return token
        if is_backup_code:
            raise forms.ValidationError(
                "That backup code is not right, or has been used already. Each code works once."
            )
        raise forms.ValidationError(
            "That code is not right. Check the time on your phone and try the newest code."
        )


def _finish(request, device):
    otp_login(request, device)
    return redirect(_safe_next(request, request.POST.get("next") or request.GET.get("next")))


@never_cache
@login_required(login_url="wagtailadmin_login")
def verify(request):
    devices = list(devices_for_user(request.user, confirmed=True))
    if not devices:
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None, devices=devices)
    if request.method == "POST" and form.is_valid():
        if isinstance(form.device, StaticDevice):
            left = form.device.token_set.count()
            logger.warning(
                "User id=%s signed in with a backup code (%s left)", request.user.pk, left
            )
            messages.warning(
                request,
                f"You signed in with a backup code: you have {left} left. If you have lost "
                "your phone, set up your authenticator app again and make new backup codes "
                "(Account, then More actions).",
            )
        return _finish(request, form.device)
    return render(
        request,
        "wagtailadmin/two_factor/verify.html",
        {"form": form, "next": _safe_next(request, request.GET.get("next"))},
    )


@never_cache
@login_required(login_url="wagtailadmin_login")
def setup(request):
    # With an app already set up, a password alone must not add another one.
    if user_has_device(request.user, confirmed=True) and not request.user.is_verified():
        return redirect("two_factor_verify")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
        if backup_codes_left(request.user):  # a second phone: the codes they have still work
            return redirect(next_url)
        return show_backup_codes(request, make_backup_codes(request.user), next_url)
    return render(
        request,
        "wagtailadmin/two_factor/setup.html",
        {
            "form": form,
            "next": _safe_next(request, request.GET.get("next")),
            # Drawn here as an SVG image: no request to any other site.
            "qr_code": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
            "secret": base64.b32encode(device.bin_key).decode(),
        },
    )


def _new_backup_code():
    while (code := StaticToken.random_token()).isdigit():
        continue  # one in 650,000: an all-digit code would be taken for an app code
    return code


def make_backup_codes(user):
    """A new set of backup codes for `user`; any older set stops working. The codes
    are returned to be shown once; no page shows them again."""
    with transaction.atomic():
        device = StaticDevice.objects.filter(user=user).first() or StaticDevice.objects.create(
            user=user, name=BACKUP_DEVICE_NAME, confirmed=True
        )
        device.token_set.all().delete()
        codes = [_new_backup_code() for _ in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user).count()


def show_backup_codes(request, codes, next_url):
    return render(
        request,
        "wagtailadmin/two_factor/backup_codes.html",
        # Grouped in fours to read and copy; spaces are ignored when typed.
        {"codes": [f"{code[:4]} {code[4:]}" for code in codes], "next": next_url},
    )


@never_cache
@login_required(login_url="wagtailadmin_login")
def backup_codes(request):
    """How many backup codes are left, and a button to make a new set (shown once)."""
    if not request.user.is_verified():
        return redirect(
            "two_factor_verify"
            if user_has_device(request.user, confirmed=True)
            else "two_factor_setup"
        )
    if request.method == "POST":
        logger.info("User id=%s made new backup codes", request.user.pk)
        return show_backup_codes(
            request, make_backup_codes(request.user), reverse("wagtailadmin_home")
        )
    return render(
        request,
        "wagtailadmin/two_factor/backup_codes_left.html",
        {"left": backup_codes_left(request.user)},
    )


def reset_devices(user):
    """Remove someone's authenticator apps and backup codes (a lost phone): they set
    an app up again at their next sign-in."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    return deleted


def reset_second_factor(user, by=None):
    """Reset `user`'s second factor, record it in their history, log it and email them."""
    count = reset_devices(user)
    log(user, RESET_ACTION, user=by)
    logger.warning(
        "Second factor of user id=%s reset by %s",
        user.pk,
        f"user id={by.pk}" if by else "a management command",
    )
    # Queued like every email: in the same transaction as the reset (the database queue).
    email_two_factor_reset.enqueue(user.pk, by.pk if by else None)
    return count


@never_cache
def reset_screen(request, user_id):
    """A superuser resets another user's second factor (their phone is lost)."""
    if not request.user.is_superuser:
        return permission_denied(request)
    target = get_object_or_404(get_user_model(), pk=user_id)
    if target.pk == request.user.pk:
        return permission_denied(request)
    if request.method == "POST":
        reset_second_factor(target, by=request.user)
        messages.success(
            request,
            f"{target.get_full_name() or target.get_username()}'s authenticator apps and backup "
            "codes are removed. They set up an app at their next sign-in, and have been emailed.",
        )
        return redirect("wagtailusers_users:index")
    return render(
        request,
        "cms/reset_two_factor.html",
        {
            "target": target,
            "apps": TOTPDevice.objects.filter(user=target, confirmed=True).count(),
            "codes_left": backup_codes_left(target),
        },
    )
