"""A site administrator's kiosk, end to end in Chromium: they add a kiosk (choosing its
page with each result's language shown), make its one-time link, copy it or scan its
QR code on the device, the device becomes the kiosk, and once revoked it shows a
locked screen, not the public website."""

import io

import pytest
import zxingcpp
from PIL import Image

from kiosk.models import Kiosk
from tests.conftest import run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_site_administrator_enrols_a_kiosk_and_revokes_it(live_site, chromium):
    admin_context = chromium.new_context(device_scale_factor=2)
    admin_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_site.url)
    # A phone-sized screen: kiosks vary, and the locked screen must fit any of them.
    device_context = chromium.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    try:
        page = admin_context.new_page()
        page.set_default_timeout(15_000)
        sign_in(page, live_site.url, "sam")
        first_panel = page.locator(".w-panel").first
        assert "Kiosks" in first_panel.inner_text()
        first_panel.get_by_role("link", name="Add a kiosk").click()

        # The kiosk, and the page its "What is restorative justice?" button opens.
        page.locator("#id_name").fill("HMP Fenmoor – chapel")
        page.get_by_role("button", name="Choose a page").click()
        modal = page.locator(".modal")
        modal.get_by_role("textbox", name="Search term").fill("Easy Read")
        results = modal.locator("tbody tr")
        results.first.wait_for()
        # Every result names its own language beside its title: choose the English one.
        titles = [results.nth(i).locator("td.title").inner_text() for i in range(results.count())]
        languages = ("English", "Polski", "नेपाली", "العربية")
        assert all(any(language in title for language in languages) for title in titles), titles
        english_title = results.locator("td.title").filter(has_text="English").first
        english_title.locator("a.choose-page").click()
        page.get_by_role("button", name="Save").first.click()
        page.wait_for_url("**/admin/snippets/kiosk/kiosk/")
        kiosk = Kiosk.objects.get(name="HMP Fenmoor – chapel")
        assert kiosk.about_page.locale.language_code == "en-gb"

        # A one-time link: copied with a button, and as a QR code for the device.
        page.goto(f"{live_site.url}/admin/kiosks/{kiosk.pk}/enrolment-link/")
        page.get_by_role("button", name="Make an enrolment link").click()
        link = page.locator("[data-enrolment-link]").input_value()
        page.get_by_role("button", name="Copy the link").click()
        page.get_by_text("Copied.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == link
        qr = Image.open(io.BytesIO(page.locator("[data-enrolment-qr]").screenshot()))
        codes = zxingcpp.read_barcodes(qr)
        assert [code.text for code in codes] == [link]

        # The device opens the scanned link and becomes the kiosk.
        device = device_context.new_page()
        device.goto(codes[0].text)
        device.get_by_role("button", name="Make this device a kiosk").click()
        device.wait_for_url(f"{live_site.url}/kiosk/")
        assert device.get_by_role("button", name="What is restorative justice?").count() == 1

        # Revoked: the device shows a locked screen, with nothing to go on to.
        page.goto(f"{live_site.url}/admin/kiosks/{kiosk.pk}/revoke/")
        page.get_by_role("button", name="Revoke").click()
        page.wait_for_url("**/admin/snippets/kiosk/kiosk/")
        device.reload()
        assert device.locator("h1").inner_text() == "This kiosk is not in use"
        assert device.get_by_role("search").count() == 0
        assert device.locator("form").count() == 0
        assert device.locator(f"a[href^='http']:not([href^='{live_site.url}'])").count() == 0
        assert device.locator("a[href='/exit/'], a[hreflang]").count() == 0
        assert run_axe(device) == []
    finally:
        admin_context.close()
        device_context.close()
