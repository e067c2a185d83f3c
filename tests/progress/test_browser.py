"""/progress/ in a real Chromium: the updates filter works without JavaScript."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_updates_filter_works_without_javascript(live_site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/progress/updates/")
    page.get_by_label("Show updates about").select_option(
        label="(c) Help people in prison and on probation ask for it"
    )
    page.get_by_role("button", name="Show updates").click()
    assert page.get_by_role("link", name="Information sessions in prison").is_visible()
    assert page.get_by_role("link", name="Leaflets now in GP surgeries").count() == 0
    context.close()


def test_at_a_glance_cards_hold_their_words_on_a_phone(live_site, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    for url in ("/progress/", "/pl/progress/"):
        page.goto(live_site.url + url)
        overflowing = page.eval_on_selector_all(
            ".rj-stat",
            "cards => cards.filter(c => c.scrollWidth > c.clientWidth).map(c => c.textContent.trim())",
        )
        assert page.locator(".rj-stat").count() == 4
        assert overflowing == [], url
