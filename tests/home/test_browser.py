"""The demo site in a real Chromium: quick exit, no-JavaScript, focus, page weight and print
(axe and small screens on every page: tests/test_every_page_browser.py)."""

import gzip

import pytest

from tests.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_axe_check_can_fail(browser_page):
    # The harness itself: a page with a known fault must be reported.
    browser_page.set_content('<html lang="en"><body><main><img src="x.png"></main></body></html>')
    assert "image-alt" in [v["id"] for v in run_axe(browser_page)]


def test_quick_exit_button_leaves_no_history_entry(live_site, browser_page, settings):
    settings.QUICK_EXIT_URL = live_site.url + "/robots.txt"  # a stand-in for the neutral site
    browser_page.goto(live_site.url + "/")
    browser_page.goto(live_site.url + "/is-it-safe/")
    length_before = browser_page.evaluate("history.length")
    browser_page.get_by_role("button", name="Emergency Exit this page").click()
    browser_page.wait_for_url("**/robots.txt")
    assert browser_page.evaluate("history.length") == length_before
    browser_page.go_back()
    # Back skips the page the person left from.
    assert browser_page.url == live_site.url + "/"


def test_pressing_shift_three_times_exits(live_site, browser_page, settings):
    settings.QUICK_EXIT_URL = live_site.url + "/robots.txt"
    browser_page.goto(live_site.url + "/what-is-restorative-justice/")
    browser_page.evaluate("sessionStorage.setItem('draft', 'secret')")
    browser_page.keyboard.press("Shift")
    status = browser_page.locator("[data-quick-exit-status]")
    assert status.text_content() == "Shift, press 2 more times to exit."
    browser_page.keyboard.press("Shift")
    browser_page.keyboard.press("Shift")
    browser_page.wait_for_url("**/robots.txt")


def test_two_shift_presses_then_another_key_does_not_exit(live_site, browser_page, settings):
    settings.QUICK_EXIT_URL = live_site.url + "/robots.txt"
    browser_page.goto(live_site.url + "/is-it-safe/")
    browser_page.keyboard.press("Shift")
    browser_page.keyboard.press("Shift")
    browser_page.keyboard.press("a")
    browser_page.keyboard.press("Shift")
    browser_page.wait_for_timeout(300)
    assert browser_page.url.endswith("/is-it-safe/")


def test_quick_exit_skip_link_is_reachable_by_keyboard(live_site, browser_page):
    browser_page.goto(live_site.url + "/is-it-safe/")
    browser_page.keyboard.press("Tab")
    assert (
        browser_page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    )
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.textContent.trim()") == "Exit this page"


def test_quick_exit_works_without_javascript(live_site, chromium, settings):
    settings.QUICK_EXIT_URL = live_site.url + "/robots.txt"
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/is-it-safe/")
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url("**/robots.txt")
    context.close()


def test_pages_read_and_navigate_without_javascript(live_site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Is it safe?").click()
    assert page.get_by_role("heading", level=1).text_content().strip() == "Is it safe?"
    context.close()


def test_accordion_opens_without_javascript(live_site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/what-is-restorative-justice/")
    answer = page.get_by_text("Many people write a letter")
    assert not answer.is_visible()
    page.get_by_text("Do I have to meet the other person?").click()
    assert answer.is_visible()
    context.close()


def test_focus_is_visible(live_site, browser_page):
    browser_page.goto(live_site.url + "/")
    browser_page.keyboard.press("Tab")
    outline = browser_page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.backgroundColor, s.boxShadow]; })()"
    )
    # GOV.UK's focus style: yellow background with a thick underline shadow.
    assert outline[1] in ("rgb(255, 221, 0)",) or outline[0] != "none"


def test_home_page_weighs_under_100_kb(live_site, browser_page):
    sizes = {}

    def record(response):
        if response.url.startswith(live_site.url):
            body = response.body()
            # Count what travels over the wire: whitenoise and any CDN send these compressed.
            sizes[response.url] = len(gzip.compress(body))

    browser_page.on("response", record)
    browser_page.goto(live_site.url + "/")
    browser_page.wait_for_load_state("networkidle")
    assert any(url.endswith(".css") for url in sizes)
    assert sum(sizes.values()) < 100 * 1024, sizes


def test_print_stylesheet_hides_the_frame(live_site, browser_page):
    browser_page.goto(live_site.url + "/is-it-safe/")
    browser_page.emulate_media(media="print")
    assert not browser_page.locator(".rj-quick-exit").is_visible()
    assert not browser_page.get_by_role("navigation", name="Menu").is_visible()
    assert browser_page.get_by_role("heading", level=1).is_visible()


def test_on_a_phone_the_current_menu_item_has_its_bar_beside_it_in_arabic(live_site, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    for url, side in (("/events/", "left"), ("/ar/events/", "right")):
        page.goto(live_site.url + url)
        item = page.locator(".govuk-service-navigation__item--active")
        border = item.evaluate(
            "el => ({left: getComputedStyle(el).borderLeftWidth, right: getComputedStyle(el).borderRightWidth})"
        )
        assert border[side] != "0px", (url, border)
        # The bar touches its item's text: no gap wider than the item's own padding.
        link = page.locator(".govuk-service-navigation__item--active a").bounding_box()
        bar = item.bounding_box()
        gap = (
            link["x"] - bar["x"]
            if side == "left"
            else bar["x"] + bar["width"] - (link["x"] + link["width"])
        )
        assert gap <= 20, (url, gap)
