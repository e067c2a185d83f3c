"""A new app server gets ready before its first visitor (gunicorn.conf.py, on_starting).

gunicorn loads the site once and starts its workers as copies of that process
(preload_app). What Django and the site build on first use would otherwise be
built again by every worker, on its first requests: the URL patterns and the
modules they import, compiled templates, each language's translations and
reverse URLs, the site index, the encryption keys, the bank holidays. That cost
the first visitors after each deploy or worker restart up to a second each, and
everyone queued behind them waited as long. Here it is built once, in the
parent, by asking the site for one page of each type and each language's home
page, and every worker starts with it.

The visits carry a session cookie that names no session, so they are built as a
visitor part-way through a form would see them: nothing stored is answered and
nothing is stored. Afterwards the parent closes its database and cache
connections, which its workers must not share."""

import logging
import time
from urllib.parse import unquote, urlsplit
from wsgiref.util import setup_testing_defaults

from django.conf import settings
from django.core.cache import caches
from django.db import connections

from wagtail.models import Page

from selfreferral.warm_up import warm_up as warm_up_referrals

logger = logging.getLogger(__name__)

WARM_UP_SESSION = "warm-up"  # not a session key Django makes (those are 32 characters)


def pages_to_visit():
    """One live page of each page type, and each language's home page."""
    chosen = {}
    for page in (
        Page.objects.live()
        .filter(depth__gt=1)
        .order_by("path")
        .only("id", "path", "depth", "url_path", "content_type_id", "locale_id")
    ):
        chosen.setdefault(("type", page.content_type_id), page)
        if page.depth == 2:  # a home page: each language has its own
            chosen.setdefault(("home", page.locale_id), page)
    return sorted({page.pk: page for page in chosen.values()}.values(), key=lambda p: p.path)


def paths_to_visit():
    paths = []
    for page in pages_to_visit():
        parts = page.get_url_parts()
        if parts is not None:
            paths.append(parts[2])
    return paths


def visit(application, path):
    """The status code of a GET of `path` through the WSGI `application`."""
    base = urlsplit(settings.BASE_URL)
    environ = {
        "REQUEST_METHOD": "GET",
        # WSGI gives the path as UTF-8 bytes read as Latin-1.
        "PATH_INFO": unquote(path).encode().decode("latin-1"),
        "QUERY_STRING": "",
        "SERVER_NAME": base.hostname or "localhost",
        "SERVER_PORT": str(base.port or (443 if base.scheme == "https" else 80)),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": base.netloc,
        "HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}={WARM_UP_SESSION}",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": base.scheme or "http",
    }
    setup_testing_defaults(environ)  # the rest of what a WSGI server passes
    statuses = []
    body = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        for _chunk in body:
            pass
    finally:
        if hasattr(body, "close"):
            body.close()
    return int(statuses[0].split()[0])


def warm_up(application):
    """Visit the site through `application`, then leave the process fit to fork.

    Returns {path: status}. Never raises: a site that cannot answer yet (no
    database tables, say) starts as before, cold."""
    started = time.perf_counter()
    statuses = {}
    try:
        for path in paths_to_visit():
            statuses[path] = visit(application, path)
        warm_up_referrals()
    except Exception:  # noqa: BLE001 - a server that starts cold beats one that does not start
        logger.warning("Warm-up stopped early; the workers will start cold.", exc_info=True)
    finally:
        connections.close_all()
        for cache in caches.all(initialized_only=True):
            cache.close()
    logger.info(
        "Warmed up: %d pages in %d ms", len(statuses), (time.perf_counter() - started) * 1000
    )
    return statuses
