"""Whole-page caching for anonymous visitors, and its invalidation.

Cached pages are keyed by a 'generation' number: publishing anything bumps it,
so every app server stops serving the old copies at once, without flushing a
cache that may be shared with sessions and rate limits."""

from django.core.cache import caches

GENERATION_KEY = "page-cache-generation"


def page_cache():
    return caches["pages"]


def current_generation():
    return page_cache().get_or_set(GENERATION_KEY, 1, timeout=None)


def purge_page_cache(**kwargs):
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)
