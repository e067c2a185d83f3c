"""Admin sign-in limits: short sessions, and a readable page when django-axes
has locked a username out after too many wrong passwords."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse

SIGNED_IN_AT = "rj_signed_in_at"
LAST_SEEN = "rj_last_seen"
# The last-seen time is written at most this often, not on every request.
LAST_SEEN_GRANULARITY = 60


def _remember_sign_in_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_AT] = request.session[LAST_SEEN] = now


# Connected here: this module is loaded with the middleware, before anyone signs in.
user_logged_in.connect(_remember_sign_in_time, dispatch_uid="rj_remember_sign_in_time")


def locked_out(request, original_response=None, credentials=None):
    """The Wagtail sign-in page again, saying why it refuses and for how long."""
    from wagtail.admin.forms.auth import LoginForm

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    messages.error(
        request,
        f"Too many wrong passwords for this account. For safety it is locked for {minutes} "
        "minutes. Try again later, or ask a site administrator to unlock it.",
    )
    username = (credentials or {}).get("username", "")
    return render(
        request,
        "wagtailadmin/login.html",
        {"form": LoginForm(request, initial={"username": username}), "next": ""},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class ShortAdminSessionMiddleware:
    """Signs people out after ADMIN_IDLE_MINUTES without a request, and
    SESSION_COOKIE_AGE after they signed in, whatever "remember me" said.

    Only requests that carry a session cookie are looked at: anonymous
    visitors have none, and the public page cache relies on that."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            signed_in_at = session.setdefault(SIGNED_IN_AT, now)
            last_seen = session.get(LAST_SEEN, now)
            idle = now - last_seen > settings.ADMIN_IDLE_MINUTES * 60
            too_old = now - signed_in_at > settings.SESSION_COOKIE_AGE
            if idle or too_old:
                logout(request)
                if request.path_info.startswith("/admin/"):
                    messages.info(
                        request,
                        "You were signed out because you had not used the admin for a while. "
                        "Sign in again to carry on."
                        if idle
                        else "You were signed out because you signed in a long time ago. "
                        "Sign in again to carry on.",
                    )
                    return redirect_to_login(
                        request.get_full_path(), login_url=reverse("wagtailadmin_login")
                    )
            elif now - last_seen >= LAST_SEEN_GRANULARITY or LAST_SEEN not in session:
                session[LAST_SEEN] = now
        return self.get_response(request)
