"""CDN invalidation through Wagtail's frontend cache, against a purging proxy on loopback."""

import http.server
import socket
import threading
import time

import pytest

from wagtail.models import Page

from home.models import ContactSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def purging_proxy():
    """A stand-in for Varnish: records every PURGE it receives."""
    purged = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            purged.append(f"{self.headers['Host']}{self.path}")
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.purged = purged
    yield server
    server.shutdown()


def test_a_change_shown_on_every_page_purges_every_page_at_the_cdn(
    demo_site, purging_proxy, settings
):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "home.frontend_cache.TimeoutHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{purging_proxy.server_port}",
        }
    }
    contact = ContactSettings.for_site(demo_site.get_site())
    contact.phone = "0300 555 0199"
    contact.save()  # the footer of every page changes

    paths = {url.split("testserver", 1)[-1] for url in purging_proxy.purged}
    public = [p.url for p in Page.objects.live().public().filter(depth__gt=1).specific()]
    assert public and set(public) <= paths


def test_without_a_cdn_nothing_is_sent(demo_site, purging_proxy, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    ContactSettings.for_site(demo_site.get_site()).save()
    assert purging_proxy.purged == []


def test_a_proxy_that_never_answers_gives_up_after_the_timeout(caplog):
    from home.frontend_cache import TimeoutHTTPBackend

    # Accepts the connection, then says nothing.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    backend = TimeoutHTTPBackend(
        {"LOCATION": f"http://127.0.0.1:{listener.getsockname()[1]}", "TIMEOUT": 0.5}
    )
    started = time.monotonic()
    backend.purge("http://testserver/events/")
    assert time.monotonic() - started < 3
    assert "Could not purge http://testserver/events/" in caplog.text
    listener.close()
