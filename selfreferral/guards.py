"""Guards that sit in front of the form: a per-IP rate limit in the Django cache."""

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    # Behind a proxy (BEHIND_PROXY=1), the proxy puts the visitor's address last.
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def rate_limited(request, scope="selfreferral"):
    """Count this submission; True when the address has sent too many."""
    limit = settings.SELF_REFERRAL_RATE_LIMIT
    if limit <= 0:
        return False
    key = f"ratelimit:{scope}:{client_ip(request)}"
    window = settings.SELF_REFERRAL_RATE_WINDOW_SECONDS
    if cache.add(key, 1, timeout=window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return False
    return count > limit
