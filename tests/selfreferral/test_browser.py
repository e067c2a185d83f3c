"""The self-referral form in a real Chromium: keyboard only, the error summary,
kept answers, the thank-you page, Back after sending, and axe-core."""

import pytest

from selfreferral.admin_views import COORDINATORS_GROUP
from selfreferral.models import Referral
from tests.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _active(page):
    return page.evaluate(
        "({id: document.activeElement.id, tag: document.activeElement.tagName,"
        " summary: document.activeElement.hasAttribute('data-error-summary'),"
        " text: document.activeElement.textContent.trim().slice(0, 80)})"
    )


def _tab_to(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if predicate(_active(page)):
            return
    raise AssertionError("could not reach the element with the keyboard")


def test_keyboard_only_errors_are_summarised_focused_and_answers_kept(live_site, browser_page):
    page = browser_page
    page.goto(live_site.url + "/self-referral/")
    assert run_axe(page) == []
    # Answer two questions, leave the rest, and send, using only the keyboard.
    _tab_to(page, lambda el: el["id"] == "id_role")
    page.keyboard.press("Space")
    _tab_to(page, lambda el: el["id"] == "id_name")
    page.keyboard.type("Morgan Keyboard")
    _tab_to(page, lambda el: el["id"] == "id_safe_times")
    page.keyboard.type("Mornings <only>")
    _tab_to(page, lambda el: el["tag"] == "BUTTON" and el["text"] == "Send referral")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-error-summary]")
    assert page.title().startswith("Error: ")
    # Focus moved to the summary, which lists each problem as a link.
    assert _active(page)["summary"] is True
    links = page.locator(".govuk-error-summary__list a").all_inner_texts()
    assert links[0] == "Choose under 18 or 18 or over"
    assert "Tick the box to agree to be contacted" in links
    # Kept answers.
    assert page.locator("#id_name").input_value() == "Morgan Keyboard"
    assert page.locator("#id_safe_times").input_value() == "Mornings <only>"
    assert page.locator("#id_role").is_checked()
    # The first link takes the keyboard to the question.
    page.keyboard.press("Tab")
    assert _active(page)["text"] == "Choose under 18 or 18 or over"
    page.keyboard.press("Enter")
    assert _active(page)["id"] == "id_age_group"
    assert run_axe(page) == []
    assert not Referral.objects.exists()


def test_without_javascript_the_summary_comes_first(live_site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/self-referral/")
    page.get_by_role("button", name="Send referral").click()
    page.wait_for_selector("[data-error-summary]")
    assert page.title().startswith("Error: ")
    first_in_main = page.evaluate(
        "document.querySelector('main').querySelector('h1, h2, [data-error-summary]')"
        ".closest('[data-error-summary]') !== null"
    )
    assert first_in_main
    context.close()


def _fill_in(page):
    page.get_by_label("I was harmed by a crime or by anti-social behaviour").check()
    page.get_by_label("Your name").fill("Riley Browser")
    page.get_by_label("18 or over").check()
    page.get_by_label("Phone call").check()
    page.get_by_label("Phone number").fill("020 7946 0000")
    page.locator("#id_safe_to_leave_message-2").check()
    page.get_by_label("Saltcombe").check()
    page.get_by_label("I agree to be contacted about restorative justice").check()


def test_thank_you_page_and_back_does_not_show_the_answers(live_site, browser_page):
    page = browser_page
    page.goto(live_site.url + "/self-referral/?src=shop")
    _fill_in(page)
    page.get_by_role("button", name="Send referral").click()
    page.wait_for_url("**/self-referral/thank-you/**")
    referral = Referral.objects.get()
    assert referral.source_code == "shop"
    assert page.locator("[data-reference]").inner_text() == referral.reference
    assert page.get_by_role("heading", level=1).inner_text() == "Your referral has been sent"
    assert run_axe(page) == []
    page.go_back()
    page.wait_for_load_state()
    # The form comes back fresh from the server, empty.
    assert page.locator("#id_name").input_value() == ""
    assert Referral.objects.count() == 1


def test_form_fits_a_small_screen(live_site, chromium):
    context = chromium.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(live_site.url + "/self-referral/")
    page.get_by_role("button", name="Send referral").click()
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_a_coordinator_signs_in_and_updates_a_referral_in_chromium(live_site, browser_page):
    from django.contrib.auth.models import Group, Permission, User

    from selfreferral.factories import ReferralFactory

    # Transactional tests empty the database, data migrations included: the
    # group is made again as its migration makes it.
    group, _ = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    group.permissions.set(
        Permission.objects.filter(codename__in=["access_admin", "view_referral", "change_referral"])
    )
    user = User.objects.create_user("coordinator-c", password="a long test password")
    user.groups.add(group)
    referral = ReferralFactory(name="Drew Chromium")
    page = browser_page
    page.goto(live_site.url + "/admin/login/")
    page.get_by_label("Username").fill("coordinator-c")
    page.get_by_label("Password").fill("a long test password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_site.url + "/admin/")
    assert page.locator("[data-new-count]").inner_text() == "1 new referral"
    page.goto(live_site.url + f"/admin/snippets/selfreferral/referral/edit/{referral.pk}/")
    page.locator("#id_status").select_option("contacted")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url("**/admin/snippets/selfreferral/referral/")
    referral.refresh_from_db()
    assert referral.status == "contacted"


def test_a_form_whose_cookie_was_cleared_is_sent_again_with_its_answers(live_site, browser_page):
    """The quick exit in another tab clears this site's cookies: the form is then
    refused, and its answers come back on a page that sends them again."""
    page = browser_page
    page.goto(live_site.url + "/self-referral/?src=gp")
    _fill_in(page)
    page.context.clear_cookies()
    page.get_by_role("button", name="Send referral").click()
    page.wait_for_selector("h1")
    assert page.get_by_role("heading", level=1).inner_text() == "Your form could not be sent"
    assert page.get_by_role("button", name="Exit this page").count() == 1
    assert run_axe(page) == []
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.get_by_role("button", name="Send my answers again").click()
    page.wait_for_url("**/self-referral/thank-you/**")
    referral = Referral.objects.get()
    assert referral.name == "Riley Browser" and referral.source_code == "gp"
