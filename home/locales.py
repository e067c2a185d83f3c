"""The languages admins have switched on (Settings > Locales), kept in the cache because
every page shows them; home/signals.py forgets them when a locale is added or removed."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from wagtail.models import Locale

LOCALES_CACHE_KEY = "live-locales:v1"


@dataclass(frozen=True)
class LiveLocale:
    pk: int
    language_code: str


def live_locales():
    """The locales admins have switched on, in the order of settings.LANGUAGES.

    Kept in the cache (every page shows the switcher); home/signals.py clears it
    when a locale is added or removed."""
    rows = cache.get(LOCALES_CACHE_KEY)
    if rows is None:
        rows = list(Locale.objects.values_list("pk", "language_code"))
        cache.set(LOCALES_CACHE_KEY, rows, timeout=None)
    order = [code for code, _ in settings.LANGUAGES]
    locales = [LiveLocale(pk, code) for pk, code in rows if code in order]
    return sorted(locales, key=lambda locale: order.index(locale.language_code))


def forget_live_locales(**kwargs):
    cache.delete(LOCALES_CACHE_KEY)


def active_locale_pk():
    active = translation.get_language()
    return next((lo.pk for lo in live_locales() if lo.language_code == active), None)
