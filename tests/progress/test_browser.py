import pytest

from tests.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_progress_pages_have_no_axe_violations(live_site, browser_page):
    failures = {}
    for url in [
        "/progress/",
        "/progress/updates/",
        "/progress/updates/?recommendation=bad",
        "/progress/yearly-update/",
    ]:
        browser_page.goto(live_site.url + url)
        violations = run_axe(browser_page)
        if violations:
            failures[url] = violations
    assert failures == {}


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
