"""Which kiosk (if any) a request comes from: a signed cookie checked against the database."""

from django.conf import settings
from django.core import signing

from kiosk.models import Kiosk

COOKIE_NAME = "rj_kiosk"
COOKIE_SALT = "kiosk.device"
# Long-lived: a kiosk stays enrolled until an administrator revokes it.
COOKIE_MAX_AGE = 5 * 365 * 24 * 60 * 60


def set_kiosk_cookie(response, kiosk):
    response.set_signed_cookie(
        COOKIE_NAME,
        f"{kiosk.pk}:{kiosk.cookie_version}",
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Strict",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def was_enrolled(request):
    """Whether this device carries a kiosk cookie this site signed, valid or not: a
    device that was a kiosk until it was revoked (or enrolled again elsewhere)."""
    try:
        request.get_signed_cookie(COOKIE_NAME, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)
    except (KeyError, signing.BadSignature):
        return False
    return True


def kiosk_for_request(request):
    """The enrolled, unrevoked kiosk this request comes from, or None."""
    if hasattr(request, "_kiosk"):
        return request._kiosk
    request._kiosk = None
    try:
        value = request.get_signed_cookie(COOKIE_NAME, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE)
    except (KeyError, signing.BadSignature):
        return None
    kiosk_id, _, version = value.partition(":")
    if not (kiosk_id.isdigit() and version.isdigit()):
        return None
    request._kiosk = Kiosk.objects.filter(
        pk=int(kiosk_id),
        cookie_version=int(version),
        enrolled_at__isnull=False,
        revoked_at__isnull=True,
    ).first()
    return request._kiosk
