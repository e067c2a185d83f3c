"""Wagtail's PURGE backend for a caching proxy (Varnish, nginx), with a timeout.

Wagtail's own HTTPBackend calls `urlopen` with no timeout: a proxy that accepts the
connection and never answers would hold the task worker, and the referral emails
queued behind the purge, for ever. Every network call the site makes has a timeout.
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger("wagtail.frontendcache")


class TimeoutHTTPBackend(HTTPBackend):
    """Sends PURGE for each URL to the proxy at LOCATION, giving up after TIMEOUT seconds."""

    def __init__(self, params):
        self.timeout = params.pop("TIMEOUT", 10)
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"},
        )
        try:
            # The scheme comes from the configured LOCATION, not from a visitor.
            with urlopen(request, timeout=self.timeout):  # noqa: S310
                pass
        except (URLError, TimeoutError, OSError) as error:
            # URLError covers HTTP errors; the cached copy simply expires later.
            logger.error("Could not purge %s from the caching proxy: %s", url, error)
