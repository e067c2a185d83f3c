"""The feedback survey in a real Chromium, as a participant answers it on a phone:
axe-clean, the error summary focused, answers sent once, and the link then refused."""

import pytest

from feedback import invitations
from feedback.models import Answer, Invitation
from tests.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_participant_answers_on_a_phone_and_the_link_then_stops_working(live_site, browser_page):
    page = browser_page
    page.set_viewport_size(PHONE)
    code = invitations.invite(outcome="meeting", channel="web", role="harmed")
    url = f"{live_site.url}/feedback/{code}/"
    page.goto(url)
    assert page.locator("h1").inner_text() == "How did it go?"
    assert run_axe(page) == [] and _fits(page)
    # Sent with one answer only: the summary says what is missing, and has the focus.
    page.get_by_label("Very satisfied").check()
    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert "Choose whether you felt safe" in page.locator("[data-error-summary]").inner_text()
    assert page.title().startswith("Error:")
    assert page.get_by_label("Very satisfied").is_checked()
    assert run_axe(page) == [] and _fits(page)
    # The summary's link takes them to the question.
    page.get_by_role("link", name="Choose whether you felt safe").click()
    assert page.evaluate("document.activeElement.id") == "id_felt_safe"
    for group, answer in (
        ("felt_safe", "Yes"),
        ("felt_heard", "Partly"),
        ("would_recommend", "Yes"),
    ):
        page.locator(f".govuk-radios__item:has(input[name='{group}'])").get_by_text(
            answer, exact=True
        ).click()
    page.get_by_label("Is there anything else").fill("Thank you for listening.")
    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_url(f"{live_site.url}/feedback/thank-you/")
    assert page.locator("h1").inner_text() == "Thank you for your feedback"
    assert run_axe(page) == [] and _fits(page)
    answer = Answer.objects.get()
    assert (answer.satisfaction, answer.felt_heard, answer.comment) == (
        5,
        "partly",
        "Thank you for listening.",
    )
    assert not Invitation.objects.exists()
    # The same link again: a kind page, not the form.
    page.goto(url)
    assert page.locator("h1").inner_text() == "This feedback link cannot be used"
    assert run_axe(page) == [] and _fits(page)
    # No cookie outlives the visit.
    for cookie in page.context.cookies():
        assert cookie["expires"] == -1, cookie["name"]


def test_the_survey_in_arabic_reads_right_to_left_on_a_phone(live_site, browser_page):
    page = browser_page
    page.set_viewport_size(PHONE)
    code = invitations.invite(outcome="letter", channel="kiosk", role="caused")
    page.goto(f"{live_site.url}/ar/feedback/{code}/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("h1").inner_text() == "كيف سارت الأمور؟"
    page.get_by_role("button", name="أرسل إجاباتي").click()
    page.wait_for_selector("[data-error-summary]")
    assert "اختر مدى رضاك بشكل عام" in page.locator("[data-error-summary]").inner_text()
    assert run_axe(page) == [] and _fits(page)
    page.goto(f"{live_site.url}/ar/feedback/")
    page.get_by_label("رمز إبداء الرأي الخاص بك").fill(invitations.for_display(code).lower())
    page.get_by_role("button", name="متابعة").click()
    page.wait_for_url(f"{live_site.url}/ar/feedback/{code}/")
    assert run_axe(page) == [] and _fits(page)
