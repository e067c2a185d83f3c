"""One base URL: every absolute address the site writes comes from BASE_URL, never
from the Host header a request sent, and `migrate` keeps Wagtail's Site record in step."""

import re

import pytest

from django.core.management import call_command

from wagtail.models import Site

from events.models import EventPage
from home.addresses import sync_default_site
from home.models import StandardPage
from tests.conftest import english

pytestmark = pytest.mark.django_db

BASE = "https://rj.example.org"
OTHER_HOST = {"HTTP_HOST": "localhost:6666"}  # allowed, but not the site's address


@pytest.fixture
def base_url(settings):
    settings.BASE_URL = settings.WAGTAILADMIN_BASE_URL = BASE
    return BASE


def test_migrate_gives_the_default_site_the_base_urls_host_and_port(base_url, settings):
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("rj.example.org", 443, BASE)
    settings.BASE_URL = "http://127.0.0.1:8080"
    sync_default_site()
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8080"


def test_pages_feeds_and_calendars_ignore_the_host_header(client, demo_site, base_url):
    sync_default_site()  # as `migrate` does on a deployment with this BASE_URL
    robots = client.get("/robots.txt", **OTHER_HOST).text
    assert f"Sitemap: {BASE}/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml", **OTHER_HOST).text
    assert f"<loc>{BASE}/what-is-restorative-justice/</loc>" in sitemap
    feed = client.get("/progress/updates/feed/", **OTHER_HOST).text
    assert "localhost:6666" not in feed and f'href="{BASE}/progress/updates/"' in feed
    event = english(EventPage).live().first()
    ics = client.get(event.url + "calendar.ics", **OTHER_HOST).text
    assert f"URL:{BASE}{event.url}" in ics.replace("\r\n ", "")
    html = client.get(event.url, **OTHER_HOST).text
    assert "localhost:6666" not in html
    assert f'"url": "{BASE}{event.url}"' in html  # structured data
    translated = client.get("/what-is-restorative-justice/", **OTHER_HOST).text
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', translated)
    )
    assert alternates["pl"] == f"{BASE}/pl/what-is-restorative-justice/"


def test_a_pdf_asked_for_through_another_host_prints_the_base_url(client, demo_site, base_url):
    import io

    from pypdf import PdfReader

    page = english(StandardPage).get(slug="what-is-restorative-justice")
    response = client.get(f"/pdf/{page.pk}/", **OTHER_HOST)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert f"{BASE}/what-is-restorative-justice/" in text.replace("\n", "")
    assert "localhost" not in text


def test_leaflet_qr_codes_and_coordinator_links_use_the_base_url(client, demo_site, base_url):
    from leaflets.models import LeafletPage
    from selfreferral.factories import ReferralFactory
    from selfreferral.notifications import admin_url

    leaflet = english(LeafletPage).live().first()
    html = client.get(leaflet.url + "?src=gp", **OTHER_HOST).text
    assert f"QR code that opens {BASE}/self-referral/?src=gp" in html
    assert admin_url(ReferralFactory()).startswith(f"{BASE}/admin/")
