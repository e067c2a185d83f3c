"""Every route in, in a real Chromium: Arabic mirrors, the language switcher, Easy Read
reads large, leaflets print alone and their QR codes open the form."""

import io

import pytest
import zxingcpp
from PIL import Image

from tests.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_arabic_pages_mirror_the_english_layout(live_site, chromium):
    width = 1024
    context = chromium.new_context(viewport={"width": width, "height": 900})
    ltr, rtl = context.new_page(), context.new_page()
    ltr.goto(live_site.url + "/what-is-restorative-justice/")
    rtl.goto(live_site.url + "/ar/what-is-restorative-justice/")
    assert rtl.evaluate("document.documentElement.dir") == "rtl"
    scrollbar = ltr.evaluate("window.innerWidth - document.documentElement.clientWidth")
    page_width = width - scrollbar

    # The same elements sit at mirrored places: start edge in English is end edge in Arabic.
    for selector in (
        ".rj-header__name",
        ".govuk-exit-this-page__button",
        "main h1",
        ".rj-easy-read-link",
    ):
        left, right = box(ltr, selector), box(rtl, selector)
        assert abs(left["x"] - (page_width - right["x"] - right["width"])) <= 3, selector
    # The service name starts at the left edge in English and at the right edge in Arabic.
    name_l, name_r = box(ltr, ".rj-header__name"), box(rtl, ".rj-header__name")
    assert name_l["x"] < 100 and name_r["x"] + name_r["width"] > page_width - 100
    assert name_r["x"] > name_l["x"] + 50

    # Screenshots: the blue bar of the Easy Read link is on the start side in both.
    brand = (29, 79, 110)

    def edge_colours(page):
        shot = Image.open(io.BytesIO(page.locator(".rj-easy-read-link").screenshot())).convert(
            "RGB"
        )
        middle = shot.height // 2
        return shot.getpixel((2, middle)), shot.getpixel((shot.width - 3, middle))

    ltr_start, ltr_end = edge_colours(ltr)
    rtl_start, rtl_end = edge_colours(rtl)
    assert ltr_start == brand and ltr_end != brand
    assert rtl_end == brand and rtl_start != brand

    # GOV.UK components mirror too: the details arrow sits at the start of the line.
    summary_l = box(ltr, ".govuk-details__summary")
    summary_r = box(rtl, ".govuk-details__summary")
    assert abs(summary_l["x"] - (page_width - summary_r["x"] - summary_r["width"])) <= 3
    context.close()


def test_language_switcher_keeps_you_on_the_same_page(live_site, browser_page):
    browser_page.goto(live_site.url + "/what-is-restorative-justice/")
    browser_page.get_by_role("navigation", name="Choose a language").get_by_role(
        "link", name="العربية"
    ).click()
    browser_page.wait_for_url("**/ar/what-is-restorative-justice/")
    assert browser_page.get_by_role("heading", level=1).text_content() == "ما هي العدالة التصالحية؟"
    # An untranslated page keeps the Arabic frame and says the words are in English.
    browser_page.goto(live_site.url + "/ar/privacy/")
    assert browser_page.get_by_role("region", name="لم تُترجم بعد").is_visible()
    assert browser_page.locator("main [lang='en-GB'] h1").text_content() == "Privacy notice"


def test_easy_read_page_reads_large_and_passes_axe(live_site, browser_page):
    browser_page.goto(live_site.url + "/what-is-restorative-justice/easy-read/")
    assert run_axe(browser_page) == []
    rows = browser_page.locator(".rj-easy-read__row")
    assert rows.count() == 6
    sizes = browser_page.eval_on_selector_all(
        ".rj-easy-read__sentence", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert min(sizes) >= 24
    for i in range(rows.count()):
        picture = rows.nth(i).locator("img")
        assert picture.get_attribute("alt")
        assert picture.bounding_box()["width"] >= 100  # pictures big enough to read


def test_leaflet_qr_code_opens_the_form_with_its_source_code(live_site, chromium):
    context = chromium.new_context(viewport={"width": 1024, "height": 900}, device_scale_factor=2)
    page = context.new_page()
    page.goto(live_site.url + "/leaflet-has-crime-affected-you/?src=prison")
    shot = Image.open(io.BytesIO(page.locator(".rj-leaflet__qr").screenshot()))
    codes = zxingcpp.read_barcodes(shot)
    assert [code.format.name for code in codes] == ["QRCode"]
    url = codes[0].text
    assert url == live_site.url + "/self-referral/?src=prison"
    # Scanning it opens the self-referral page with the code in the address.
    page.goto(url)
    assert page.url.endswith("/self-referral/?src=prison")
    assert page.locator("h1").count() == 1
    context.close()


def test_printing_a_leaflet_gives_the_leaflet_alone(live_site, browser_page):
    browser_page.goto(live_site.url + "/leaflet-has-crime-affected-you/?src=gp")
    browser_page.emulate_media(media="print")
    assert browser_page.locator(".rj-leaflet").is_visible()
    assert browser_page.locator("img.rj-leaflet__qr").is_visible()
    for hidden in (".rj-leaflet-versions", ".rj-quick-exit", ".rj-languages", "main h1"):
        assert not browser_page.locator(hidden).first.is_visible(), hidden


def test_printing_a_page_leaves_out_downloads_and_languages(live_site, browser_page):
    browser_page.goto(live_site.url + "/pl/what-is-restorative-justice/")
    assert browser_page.locator(".rj-downloads").is_visible()
    browser_page.emulate_media(media="print")
    assert not browser_page.locator(".rj-downloads").is_visible()
    assert not browser_page.locator(".rj-languages").is_visible()
    assert browser_page.locator("main h1").is_visible()
