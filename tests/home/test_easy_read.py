"""Easy Read pages: structure, the link from the full page, and what editors may enter."""

import re

import pytest

from wagtail.blocks import StructBlockValidationError

from home.blocks import EasyReadRowBlock
from home.factories import StandardPageFactory
from home.models import EasyReadPage, HomePage, StandardPage
from tests.conftest import english

pytestmark = pytest.mark.django_db


def test_full_page_links_its_easy_read_version_near_the_top(client, demo_site):
    html = client.get("/what-is-restorative-justice/").text
    link = re.search(
        r'<p class="rj-easy-read-link"><a class="govuk-link" href="([^"]+)">([^<]+)</a>', html
    )
    assert link.group(1) == "/what-is-restorative-justice/easy-read/"
    assert link.group(2) == "Easy Read version of this page, with pictures"
    # Prominent: straight after the heading, before the body.
    assert html.index("rj-easy-read-link") < html.index("Who it is for")


def test_page_without_easy_read_version_shows_no_link(client, demo_site):
    assert "rj-easy-read-link" not in client.get("/is-it-safe/").text


def test_easy_read_page_rows_are_a_picture_and_short_sentences(client, demo_site):
    html = client.get("/what-is-restorative-justice/easy-read/").text
    assert len(re.findall(r"<h1[ >]", html)) == 1
    rows = re.findall(r'<div class="rj-easy-read__row">(.*?)</div>\s*</div>', html, re.S)
    assert len(rows) == 6
    for row in rows:
        alt = re.search(r'<img [^>]*alt="([^"]*)"', row).group(1)
        assert alt  # every demo picture is described
        sentences = re.findall(r'<p class="rj-easy-read__sentence">([^<]+)</p>', row)
        assert 1 <= len(sentences) <= 2
        assert all(len(s.split()) <= 12 for s in sentences)
    # And a way back to the full version.
    assert 'href="/what-is-restorative-justice/">Read the full version of this page' in html


def test_refer_yourself_easy_read_links_to_the_form(client, demo_site):
    html = client.get("/how-to-refer-yourself-easy-read/").text
    assert 'href="/self-referral/"' in html
    assert "Refer yourself" in html


def test_decorative_pictures_have_empty_alt(client, demo_site):
    page = english(EasyReadPage).get(slug="easy-read")
    rows = list(page.rows.raw_data)
    rows[0]["value"]["decorative"] = True
    rows[0]["value"]["alt_text"] = ""
    page.rows = rows
    page.save_revision().publish()
    html = client.get("/what-is-restorative-justice/easy-read/").text
    assert html.count('alt=""') == 1


def test_rows_need_a_description_or_decorative_and_at_most_two_sentences(demo_site):
    block = EasyReadRowBlock()
    image = english(EasyReadPage).get(slug="easy-read").rows[0].value["image"]
    good = block.to_python(
        {"image": image.pk, "alt_text": "A clock", "decorative": False, "text": "One.\nTwo."}
    )
    block.clean(good)
    no_alt = block.to_python({"image": image.pk, "alt_text": "", "text": "One."})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(no_alt)
    assert "alt_text" in error.value.block_errors
    too_long = block.to_python(
        {"image": image.pk, "alt_text": "A clock", "text": "One.\nTwo.\nThree."}
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(too_long)
    assert "text" in error.value.block_errors


def test_easy_read_pages_live_under_content_pages_only(demo_site):
    home = english(HomePage).get()
    assert EasyReadPage.can_create_at(home)
    assert EasyReadPage.can_create_at(StandardPageFactory(parent=home))
    assert not StandardPage.can_create_at(EasyReadPage.objects.first())


def test_admin_offers_the_easy_read_chooser_on_standard_pages(admin_client, demo_site):
    page = english(StandardPage).get(slug="what-is-restorative-justice")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert 'name="easy_read_version"' in response.text
