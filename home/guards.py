"""Guards that sit in front of public forms (the self-referral form, the feedback
code): a rate limit in the Django cache, per IP address (or per device, for
callers that know which device it is)."""

import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_ip(request):
    # Behind a proxy (BEHIND_PROXY=1), the proxy puts the visitor's address last.
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def rate_limited(request, scope="selfreferral", key=None, limit=None):
    """Count this submission; True when the address has sent too many.

    `key` counts by something other than the IP address (a prison kiosk: many
    kiosks may share one address), with its own `limit`."""
    if limit is None:
        limit = settings.SELF_REFERRAL_RATE_LIMIT
    if limit <= 0:
        return False
    key = f"ratelimit:{scope}:{key if key is not None else client_ip(request)}"
    try:
        return _count(key, limit)
    except Exception as error:  # noqa: BLE001 - a cache that fails must not lose a referral
        logger.warning("Rate limit not counted, cache unavailable: %s", type(error).__name__)
        return False


def _count(key, limit):
    window = settings.SELF_REFERRAL_RATE_WINDOW_SECONDS
    if cache.add(key, 1, timeout=window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return False
    return count > limit
