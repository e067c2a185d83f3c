"""PDFs of pages: text, large print, tagging, caching until republished, and safety."""

import io
import re
from unittest import mock

import pytest
from pypdf import PdfReader

from wagtail.models import PageViewRestriction

from home import pdf as page_pdf_module
from home.factories import StandardPageFactory
from home.models import EasyReadPage, HomePage, StandardPage
from tests.conftest import english
from tests.pdf_helpers import font_sizes

pytestmark = pytest.mark.django_db


def read_pdf(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def text_of(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_url(page, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/pdf/{page.pk}/" + (f"?{query}" if query else "")


def test_every_page_offers_a_pdf_and_a_large_print_pdf(client, demo_site):
    page = english(StandardPage).get(slug="is-it-safe")
    html = client.get("/is-it-safe/").text
    assert f'href="/pdf/{page.pk}/"' in html and "Download this page as a PDF" in html
    assert f'href="/pdf/{page.pk}/?size=large"' in html
    assert "Download this page as a large-print PDF" in html


def test_pdf_has_the_page_text_and_link_targets_but_not_the_frame(client, demo_site):
    page = english(StandardPage).get(slug="what-is-restorative-justice")
    response = client.get(pdf_url(page))
    assert (
        response["Content-Disposition"] == 'attachment; filename="what-is-restorative-justice.pdf"'
    )
    reader = read_pdf(response)
    text = text_of(reader)
    assert "What is restorative justice?" in text
    assert "It is your choice" in text
    # Collapsed answers are printed open.
    assert "Many people write a letter" in text
    # The frame is left out: no quick exit, menu or download links.
    assert "Exit this page" not in text and "Download this page" not in text
    # Where the page lives online is printed, with the contact phone.
    assert "http://testserver/what-is-restorative-justice/" in text
    assert "0300 555 0142" in text
    # Tagged PDF with the page's title and language.
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-gb"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title.startswith("What is restorative justice?")


def test_link_targets_are_printed(client, demo_site):
    home = english(HomePage).get()
    target = english(StandardPage).get(slug="privacy")
    page = StandardPageFactory(
        parent=home,
        title="Links",
        body=[
            {
                "type": "text",
                "value": f'<p>Read <a linktype="page" id="{target.pk}">our privacy notice</a>.</p>',
            }
        ],
    )
    text = text_of(read_pdf(client.get(pdf_url(page))))
    assert re.search(r"our privacy notice\s*\(http://testserver/privacy/\)", text)


def test_fonts_are_embedded(client, demo_site):
    page = english(StandardPage).get(slug="is-it-safe")
    reader = read_pdf(client.get(pdf_url(page)))
    fonts = [
        font.get_object()
        for pdf_page in reader.pages
        for font in pdf_page["/Resources"]["/Font"].values()
    ]
    assert fonts
    for font in fonts:
        descriptor = (font.get("/DescendantFonts") or [font])[0].get_object()["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_large_print_body_text_is_at_least_16_points(client, demo_site):
    page = english(StandardPage).get(slug="what-is-restorative-justice")
    standard = font_sizes(read_pdf(client.get(pdf_url(page))))
    large = font_sizes(read_pdf(client.get(pdf_url(page, size="large"))))
    assert min(standard) < 16  # the check can tell the difference
    assert min(large) >= 16, sorted(set(large))
    response = client.get(pdf_url(page, size="large"))
    assert "large-print" in response["Content-Disposition"]
    # The title a PDF reader shows says which version this is.
    assert read_pdf(response).metadata.title.startswith(
        "What is restorative justice? (large print)"
    )
    assert "large print" not in read_pdf(client.get(pdf_url(page))).metadata.title


def test_images_are_embedded(client, demo_site):
    easy_read = english(EasyReadPage).get(slug="easy-read")
    reader = read_pdf(client.get(pdf_url(easy_read)))
    images = [image for pdf_page in reader.pages for image in pdf_page.images]
    assert len(images) >= 6
    assert "Crime can hurt people." in text_of(reader)


def test_pdf_is_cached_until_the_page_is_published_again(client, demo_site):
    page = english(StandardPage).get(slug="is-it-safe")
    url = pdf_url(page)
    with mock.patch.object(
        page_pdf_module, "render_page_pdf", wraps=page_pdf_module.render_page_pdf
    ) as render:
        first = client.get(url).content
        from django.core.cache import caches

        caches["pages"].clear()  # past the whole-page cache, to the PDF cache
        assert client.get(url).content == first
        assert render.call_count == 1
        # Large print is its own file.
        client.get(url + "?size=large")
        assert render.call_count == 2
        page.intro = "A brand new introduction."
        page.save_revision().publish()
        text = text_of(read_pdf(client.get(url)))
        assert render.call_count == 3
    assert "A brand new introduction." in text


def test_draft_and_private_pages_have_no_pdf(client, demo_site):
    home = english(HomePage).get()
    draft = StandardPageFactory(parent=home, title="Draft", live=False)
    assert client.get(pdf_url(draft)).status_code == 404
    private = english(StandardPage).get(slug="privacy")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert client.get(pdf_url(private)).status_code == 404
    assert client.get("/pdf/999999/").status_code == 404


def test_pdf_never_fetches_from_other_sites():
    fetcher = page_pdf_module.SiteOnlyURLFetcher("http://testserver/")
    for url in (
        "https://example.com/tracker.png",
        "file:///etc/passwd",
        "http://testserver/../etc/passwd",
        "http://testserver/static/../../site/settings.py",
        "http://testserver/admin/",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    css = fetcher.fetch("http://testserver/static/pdf/page.css")
    assert b"@page" in css.read()


def test_arabic_pdf_is_in_arabic_and_right_to_left(client, demo_site):
    from wagtail.models import Page

    page = Page.objects.get(slug="what-is-restorative-justice", locale__language_code="ar")
    reader = read_pdf(client.get(pdf_url(page)))
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    assert "ما هي العدالة التصالحية؟" in text_of(reader)
