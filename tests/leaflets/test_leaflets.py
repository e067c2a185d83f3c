"""Leaflets: one printable version per distribution point, each with its source code."""

import io

import pytest
from pypdf import PdfReader

from django.core.exceptions import ValidationError

from leaflets.models import LeafletDistribution, LeafletPage
from tests.conftest import english

pytestmark = pytest.mark.django_db

URL = "/leaflet-has-crime-affected-you/"


def leaflet():
    return english(LeafletPage).get(slug="leaflet-has-crime-affected-you")


def test_leaflet_page_lists_a_version_for_each_distribution_point(client, demo_site):
    page = leaflet()
    html = client.get(URL).text
    for code in ("gp", "ae", "shop", "prison", "probation"):
        assert f'href="/pdf/{page.pk}/?src={code}"' in html
        assert f'href="/pdf/{page.pk}/?src={code}&amp;size=large"' in html
    assert "GP surgeries and dentists" in html and "HMP Saltcombe" in html


def test_preview_carries_the_source_code(client, demo_site):
    html = client.get(URL + "?src=ae").text
    assert "testserver/self-referral/?src=ae" in html
    assert 'alt="QR code that opens http://testserver/self-referral/?src=ae"' in html
    assert 'src="data:image/svg+xml' in html


def test_unknown_source_codes_are_ignored(client, demo_site):
    html = client.get(URL + "?src=<script>").text
    assert "?src=" not in html.split("rj-leaflet__action")[1].split("</article>")[0]
    assert "<script>" not in html.split("<main")[1].split("</main>")[0]


def test_leaflet_pdf_is_a5_with_the_address_and_source_code(client, demo_site):
    page = leaflet()
    response = client.get(f"/pdf/{page.pk}/?src=gp")
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (420, 595)  # A5 in points
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Has a crime affected you?" in text
    # The address may wrap on paper; it is all there.
    assert "testserver/self-referral/?src=gp" in text.replace("? ", "?")
    assert "Or call 0300 555 0142" in text
    # Another distribution point is a different file.
    other = client.get(f"/pdf/{page.pk}/?src=prison").content
    assert "src=prison" in PdfReader(io.BytesIO(other)).pages[0].extract_text()


def test_a4_leaflets_print_on_a4(client, demo_site):
    page = leaflet()
    page.paper_size = "a4"
    page.save_revision().publish()
    reader = PdfReader(io.BytesIO(client.get(f"/pdf/{page.pk}/?src=gp").content))
    assert round(float(reader.pages[0].mediabox.width)) == 595


def test_source_codes_are_short_lower_case_and_unique_per_leaflet(demo_site):
    page = leaflet()
    with pytest.raises(ValidationError):
        LeafletDistribution(leaflet=page, label="Bad", code="GP Surgery!").full_clean()
    with pytest.raises(ValidationError):
        LeafletDistribution(leaflet=page, label="Again", code="gp").full_clean()
    LeafletDistribution(leaflet=page, label="Library", code="library-1").full_clean()


def test_leaflets_point_at_the_chosen_referral_page(client, demo_site):
    from wagtail.models import Page

    page = leaflet()
    page.referral_page = english(Page).get(slug="staying-safe-online")
    page.save_revision().publish()
    assert "testserver/staying-safe-online/?src=shop" in client.get(URL + "?src=shop").text


def figure_alt_texts(reader):
    """The /Alt of each Figure in a tagged PDF's structure tree."""
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict):
            if node.get("/S") == "/Figure" and "/Alt" in node:
                found.append(str(node["/Alt"]))
            kids = node.get("/K")
            if kids is not None:
                walk(kids)
        elif isinstance(node, list):
            for kid in node:
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_the_leaflet_pdfs_qr_code_has_alternative_text(client, demo_site):
    page = leaflet()
    reader = PdfReader(io.BytesIO(client.get(f"/pdf/{page.pk}/?src=gp").content))
    assert figure_alt_texts(reader) == [
        "QR code that opens http://testserver/self-referral/?src=gp"
    ]
