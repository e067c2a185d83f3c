"""Whole-page caching for anonymous visitors, and its invalidation.

Cached pages are keyed by a 'generation' number: publishing anything bumps it,
so every app server stops serving the old copies at once, without flushing a
cache that may be shared with sessions and rate limits."""

import logging
import time

from django.core.cache import caches

logger = logging.getLogger(__name__)
GENERATION_KEY = "page-cache-generation"


def page_cache():
    return caches["pages"]


def read_generation(cache, key):
    """The current generation kept under `key`.

    A cache may drop the key (Redis when full, the file cache when it culls): the
    next generation then starts from the clock, a number never used before, so a
    lost key can only empty the cache, never bring old copies back."""
    return cache.get_or_set(key, time.time_ns(), timeout=None)


def next_generation(cache, key):
    try:
        try:
            cache.incr(key)
        except ValueError:  # dropped: start again from a number never used before
            cache.add(key, time.time_ns(), timeout=None)
    except Exception as error:  # noqa: BLE001 - a cache that is down must not stop a save
        # Nothing is served from a cache that is down; copies expire in PAGE_CACHE_SECONDS.
        logger.warning("Could not move the cache on (%s): %s", key, type(error).__name__)


def current_generation():
    return read_generation(page_cache(), GENERATION_KEY)


def purge_page_cache(**kwargs):
    next_generation(page_cache(), GENERATION_KEY)
    purge_cdn()


def purge_cdn():
    """Ask the CDN, when one is configured, to drop every public page.

    Wagtail purges a published page's own URLs; this covers the changes shown on
    every page (menus, contact details) and listings. The purge requests are
    sent by the task worker, off the request path."""
    from django.conf import settings

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
    from wagtail.models import Page

    purge_pages_from_cache(Page.objects.live().public().filter(depth__gt=1).specific())
