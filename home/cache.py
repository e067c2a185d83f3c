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
