"""Two-factor sign-in to the admin with django-otp (TOTP authenticator apps).

Everyone who can see referrals (superusers, and anyone given the referral
permissions: the coordinators) must confirm a six-digit code from an
authenticator app after their password, on every sign-in. The first time, they
are sent to a page with a QR code to set the app up. Anyone else may set it up
too, and then is asked for a code like everyone else. ADMIN_REQUIRE_2FA=0 turns
the requirement off (tests only: production keeps it on)."""

import base64

import segno
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

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
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, devices, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device = None

    def clean_otp_token(self):
        token = "".join(self.cleaned_data["otp_token"].split())
        for device in self.devices:
            if device.verify_token(token):
                self.device = device
                return token
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
        return _finish(request, device)
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


def reset_devices(user):
    """Remove someone's authenticator apps (a lost phone): they set one up again at sign-in."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    return deleted
