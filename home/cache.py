"""Whole-page caching for anonymous visitors, and its invalidation.

Cached pages are keyed by a 'generation' number: publishing anything bumps it,
so every app server stops serving the old copies at once, without flushing a
cache that may be shared with sessions and rate limits."""

import logging
import secrets

from django.core.cache import caches
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)
GENERATION_KEY = "page-cache-generation"


def page_cache():
    return caches["pages"]


def read_generation(cache, key):
    """The current generation kept under `key`.

    A cache may drop the key (Redis when full, the file cache when it culls): the
    next generation then starts from a random number (one in 2^62, never the clock,
    which tests stop), so a lost key can only empty the cache, never bring old
    copies back, nor the site index a process keeps (home/site_index.py)."""
    return cache.get_or_set(key, _new_start, timeout=None)


def _new_start():
    return secrets.randbelow(2**62)


def next_generation(cache, key):
    try:
        try:
            cache.incr(key)
        except ValueError:  # dropped: start again from a number never used before
            cache.add(key, _new_start(), timeout=None)
    except Exception as error:  # noqa: BLE001 - a cache that is down must not stop a save
        # Nothing is served from a cache that is down; copies expire in PAGE_CACHE_SECONDS.
        logger.warning("Could not move the cache on (%s): %s", key, type(error).__name__)


def current_generation():
    return read_generation(page_cache(), GENERATION_KEY)


def purge_page_cache(**kwargs):
    next_generation(page_cache(), GENERATION_KEY)
    purge_cdn()


def purge_pages_when_changed(*models, also=()):
    """Clear the page cache whenever one of `models` (a snippet or setting the public
    pages show, as a model or "app.Model") is saved or deleted: the one way apps wire
    it, from their AppConfig.ready(). `also`: more handlers to call on the same changes."""
    for model in models:
        label = model if isinstance(model, str) else model._meta.label
        for signal, when in ((post_save, "save"), (post_delete, "delete")):
            for handler in (purge_page_cache, *also):
                signal.connect(
                    handler,
                    sender=model,
                    weak=False,
                    dispatch_uid=f"{handler.__module__}.{handler.__name__}:{label}:{when}",
                )


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
