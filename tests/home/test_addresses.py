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
    from selfreferral.emails import admin_url
    from selfreferral.factories import ReferralFactory

    leaflet = english(LeafletPage).live().first()
    html = client.get(leaflet.url + "?src=gp", **OTHER_HOST).text
    assert f"QR code that opens {BASE}/self-referral/?src=gp" in html
    assert admin_url(ReferralFactory()).startswith(f"{BASE}/admin/")


@pytest.mark.parametrize("document", ["page", "leaflet", "paper form"])
def test_pdfs_asked_for_through_other_hosts_and_ports_are_built_once(
    client, demo_site, base_url, monkeypatch, document
):
    """A new Host or port neither changes what a cached PDF says nor forces a new build."""
    import io

    from pypdf import PdfReader

    from home import pdf as home_pdf
    from leaflets.models import LeafletPage
    from selfreferral import paper
    from selfreferral.models import SelfReferralPage

    builds = []
    real = home_pdf.html_to_pdf

    def counted(html, request):
        builds.append(request.get_host())
        return real(html, request)

    monkeypatch.setattr(home_pdf, "html_to_pdf", counted)
    monkeypatch.setattr(paper, "html_to_pdf", counted)
    if document == "page":
        url = f"/pdf/{english(StandardPage).get(slug='what-is-restorative-justice').pk}/"
    elif document == "leaflet":
        url = f"/pdf/{english(LeafletPage).live().first().pk}/?src=gp"
    else:
        url = paper.paper_form_url(english(SelfReferralPage).get())
    hosts = ["localhost:6666", "localhost:6667", "127.0.0.1:9", "localhost"]
    bodies = [client.get(url, HTTP_HOST=host).content for host in hosts]
    assert len(builds) == 1, builds
    assert len(set(bodies)) == 1
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(bodies[0])).pages)
    assert "localhost" not in text and "127.0.0.1" not in text
    printed = {"page": BASE, "leaflet": "rj.example.org/self-referral/?src=gp"}
    if document in printed:
        assert printed[document] in text.replace("\n", "")
