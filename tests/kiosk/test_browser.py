"""The kiosk in a real Chromium: enrolment, revocation, the idle reset (with and
without JavaScript), touch target sizes, and a referral sent from every kiosk page type."""

import pytest

from kiosk.models import Kiosk
from selfreferral.models import Channel, Referral
from tests.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_KIOSK = "HMP Fenmoor (demo kiosk)"


def enrol_browser(page, base_url, name=DEMO_KIOSK):
    kiosk = Kiosk.objects.get(name=name)
    page.goto(f"{base_url}/kiosk/enrol/{kiosk.new_enrolment_token()}/")
    page.get_by_role("button", name="Make this device a kiosk").click()
    page.wait_for_url(f"{base_url}/kiosk/")
    return kiosk


def small_targets(page):
    """Buttons, links and form controls on screen smaller than 48px tall."""
    return page.evaluate(
        """() => [...document.querySelectorAll(
              'main a, main button, main input:not([type=hidden]), main textarea, '
              + '.rj-kiosk-bar a, .govuk-radios__item, .govuk-checkboxes__item')]
            .filter(el => el.offsetParent !== null && !el.closest('.rj-honeypot'))
            .filter(el => !el.matches('.govuk-radios__input, .govuk-checkboxes__input'))
            .map(el => ({html: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height}))
            .filter(t => t.h < 48)"""
    )


def test_enrolment_then_revocation(live_site, browser_page):
    page = browser_page
    enrol_browser(page, live_site.url)
    assert page.locator("body.rj-kiosk").count() == 1
    assert page.get_by_role("search").count() == 0
    for label in (
        "What is restorative justice?",
        "Films",
        "Stories",
        "Ask for restorative justice",
    ):
        assert page.get_by_role("button", name=label).count() == 1
    assert small_targets(page) == []

    # The enrolment link worked once: a second device gets nothing.
    other = page.context.browser.new_context().new_page()
    kiosk = Kiosk.objects.get(name=DEMO_KIOSK)
    other.goto(f"{live_site.url}/kiosk/")
    assert other.url == f"{live_site.url}/self-referral/"
    other.context.close()

    # Revoked, the device shows a locked screen: not the public site, nothing to leave by.
    kiosk.revoke()
    page.goto(f"{live_site.url}/kiosk/")
    assert page.url == f"{live_site.url}/kiosk/"
    assert page.get_by_role("heading", level=1).inner_text() == "This kiosk is not in use"
    assert page.get_by_role("search").count() == 0
    assert page.locator("form").count() == 0


def test_start_again_goes_back_to_the_kiosk_start(live_site, browser_page):
    page = browser_page
    enrol_browser(page, live_site.url)
    page.get_by_role("button", name="Ask for restorative justice").click()
    page.locator("#id_name").fill("Sam Example")
    page.get_by_role("button", name="Start again").click()
    page.wait_for_url(f"{live_site.url}/kiosk/")


def test_idle_kiosk_warns_then_clears_the_form_and_goes_back_to_the_start(
    live_site, browser_page, settings
):
    settings.KIOSK_IDLE_SECONDS = 10  # the warning shows for the last 5 seconds
    page = browser_page
    enrol_browser(page, live_site.url)
    page.get_by_role("button", name="Ask for restorative justice").click()
    page.wait_for_url(f"{live_site.url}/kiosk/referral/")
    history_length = page.evaluate("history.length")
    page.locator("#id_name").fill("Sam Example")
    page.locator("#id_what_happened").fill("Something private")
    # A warning first, with a way to stay.
    page.locator("[data-kiosk-idle-warning]").wait_for(state="visible", timeout=8000)
    page.get_by_role("button", name="I am still here").click()
    assert page.locator("[data-kiosk-idle-warning]").is_hidden()
    assert page.url == f"{live_site.url}/kiosk/referral/"
    # Then, with nobody touching it, back to the start with nothing kept.
    page.locator("[data-kiosk-idle-warning]").wait_for(state="visible", timeout=8000)
    assert run_axe(page) == []
    page.wait_for_url(f"{live_site.url}/kiosk/", timeout=8000)
    assert page.evaluate("history.length") == history_length  # replaced, not added
    page.goto(f"{live_site.url}/kiosk/referral/")
    assert page.locator("#id_name").input_value() == ""
    assert page.locator("#id_what_happened").input_value() == ""


def test_typing_keeps_the_kiosk_awake(live_site, browser_page, settings):
    settings.KIOSK_IDLE_SECONDS = 4
    page = browser_page
    enrol_browser(page, live_site.url)
    page.goto(f"{live_site.url}/kiosk/referral/")
    for _ in range(6):
        page.locator("#id_what_happened").press_sequentially("slow ", delay=150)
        page.wait_for_timeout(1000)
    assert page.url == f"{live_site.url}/kiosk/referral/"
    assert "slow slow" in page.locator("#id_what_happened").input_value()


def test_without_javascript_kiosk_pages_go_back_to_the_start(live_site, chromium, settings):
    settings.KIOSK_NO_SCRIPT_REFRESH_SECONDS = 2
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        enrol_browser(page, live_site.url)
        page.get_by_role("button", name="Films").click()
        page.wait_for_url(f"{live_site.url}/kiosk/", timeout=8000)
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_reading_the_privacy_notice_keeps_the_answers(live_site, chromium, javascript):
    """The short notice's link opens the full notice on the form's own page (a
    disclosure), in the kiosk's language: the answers typed so far stay."""
    context = chromium.new_context(
        java_script_enabled=javascript, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    try:
        enrol_browser(page, live_site.url)
        form_url = f"{live_site.url}/ar/kiosk/referral/"
        page.goto(form_url)
        page.locator("#id_name").fill("سام")
        notice = page.locator("details.rj-kiosk-privacy")
        assert not notice.evaluate("el => el.open")
        page.locator(".rj-privacy-notice a").click()
        assert page.url == f"{form_url}#privacy-notice"
        assert notice.evaluate("el => el.open")
        assert page.locator("#privacy-notice").is_visible()
        assert page.locator("#id_name").input_value() == "سام"
        assert page.locator("html").get_attribute("dir") == "rtl"
        if javascript:
            assert run_axe(page) == []
    finally:
        context.close()


def test_refresh_is_left_to_javascript_when_it_runs(live_site, browser_page, settings):
    settings.KIOSK_NO_SCRIPT_REFRESH_SECONDS = 1
    settings.KIOSK_IDLE_SECONDS = 60
    page = browser_page
    enrol_browser(page, live_site.url)
    page.goto(f"{live_site.url}/kiosk/referral/")
    page.wait_for_timeout(2500)
    assert page.url == f"{live_site.url}/kiosk/referral/"  # a slow typist keeps their work


def test_every_kiosk_page_type_and_a_referral_arrives_as_kiosk(live_site, browser_page):
    # axe-core runs over every kiosk screen in tests/test_every_page_browser.py.
    page = browser_page
    kiosk = enrol_browser(page, live_site.url)

    # Films, then one film, with captions.
    page.get_by_role("button", name="Films").click()
    page.locator("main h3 a").first.click()
    page.locator("video track[kind=captions]").first.wait_for(state="attached")
    assert page.url.startswith(f"{live_site.url}/kiosk/pages/")
    assert page.locator("main a[href^='http'], main a[download]").count() == 0
    assert small_targets(page) == []

    # Stories, then one story.
    page.goto(f"{live_site.url}/kiosk/")
    page.get_by_role("button", name="Stories").click()
    page.locator("main h3 a").first.click()
    assert page.url.startswith(f"{live_site.url}/kiosk/pages/")

    # What is restorative justice?
    page.goto(f"{live_site.url}/kiosk/")
    page.get_by_role("button", name="What is restorative justice?").click()
    assert (
        page.locator("main a[href^='http'], main a[href^='mailto'], main a[href^='tel']").count()
        == 0
    )

    # The form: eligibility notice, errors, then a referral.
    page.goto(f"{live_site.url}/kiosk/")
    page.get_by_role("button", name="Ask for restorative justice").click()
    assert page.get_by_text("we cannot take a self-referral about a sexual offence").count() == 1
    assert page.locator("form.rj-referral-form").get_attribute("autocomplete") == "off"
    assert small_targets(page) == []
    page.get_by_role("button", name="Send referral").click()
    page.wait_for_selector("[data-error-summary]")

    page.get_by_label("I caused harm and want to put things right").check()
    page.get_by_label("Your name").fill("Sam Example")
    page.get_by_label("18 or over").check()
    page.get_by_label("Through my key worker or offender manager").check()
    page.get_by_label("Where should we write to you?").fill("Jo Smith, my offender manager")
    page.get_by_label("Your prison number, if you are in prison (optional)").fill("A1234BC")
    page.locator("#id_safe_to_leave_message").check()
    page.get_by_label("Fenmoor North").check()
    page.get_by_label("I agree to be contacted").check()
    page.get_by_role("button", name="Send referral").click()
    page.wait_for_url(f"{live_site.url}/kiosk/referral/thank-you/**")
    referral = Referral.objects.get()
    assert referral.channel == Channel.KIOSK
    assert referral.source_code == f"kiosk-{kiosk.pk}"
    assert referral.prison_number == "A1234BC"
    assert page.locator("[data-reference]").inner_text() == referral.reference
    assert run_axe(page) == []
    page.get_by_role("button", name="I have finished").click()
    page.wait_for_url(f"{live_site.url}/kiosk/")
