"""A professional refers someone from a phone, in Chromium: the page and the form with
its errors are axe-clean and fit 390 pixels (and in Arabic, right to left); the referral
goes through with the person's agreement and not without it; the referrer gets the
acknowledgement, then the coordinator marks first contact in the admin and the
referrer gets the update."""

import email
from email import policy

import pytest

from selfreferral.models import Referral, Status
from tests.conftest import run_axe, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REFERRER = "sam.okafor@probation.example"


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def subjects_to(smtp_server, address):
    return [
        email.message_from_string(m["data"], policy=policy.default)["Subject"]
        for m in smtp_server.messages
        if address in m["to"]
    ]


def fill_in(page):
    page.get_by_label("Your name", exact=True).fill("Sam Okafor")
    page.get_by_label("Your organisation").fill("Fenmoor Probation")
    page.get_by_label("Your role").fill("Probation officer")
    page.get_by_label("Your work email address").fill(REFERRER)
    page.get_by_label("Your work phone number").fill("020 7946 0000")
    page.get_by_label("They caused harm").check()
    page.get_by_label("Their name").fill("Robin Tallowe")
    page.get_by_label("18 or over").check()
    page.get_by_label("No, or I am not sure").check()
    page.get_by_label("Phone call").check()
    page.get_by_label("Their phone number").fill("07911 123456")
    page.locator("#id_safe_to_leave_message-2").check()  # No
    page.get_by_label("Burglary, robbery or theft").check()
    page.get_by_label("Released on licence").check()
    page.get_by_label("Safeguarding concerns").check()
    page.get_by_label("Saltcombe").check()
    page.locator("#id_wants_updates").check()  # Yes


def send(page):
    page.locator("form.rj-referral-form [type=submit]").click()
    page.wait_for_load_state()


def test_a_professional_refers_someone_from_a_phone_and_hears_back(
    live_site, browser_page, smtp_server, coordinator
):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_site.url}/professionals/")
    assert page.locator("h1").inner_text() == "For professionals"
    assert run_axe(page) == [] and fits(page)

    # Sent empty: the error summary, focused, every problem linked to its question.
    send(page)
    summary = page.locator("[data-error-summary]")
    assert summary.evaluate("element => element === document.activeElement")
    assert "Enter the name of your organisation" in summary.inner_text()
    assert page.title().startswith("Error:")
    assert run_axe(page) == [] and fits(page)

    # Without the person's agreement nothing is sent, and every answer stays.
    fill_in(page)
    send(page)
    assert "Talk to them about restorative justice first" in summary.inner_text()
    assert page.get_by_label("Your organisation").input_value() == "Fenmoor Probation"
    assert page.get_by_label("Safeguarding concerns").is_checked()
    assert not Referral.objects.exists()
    assert run_axe(page) == []

    # With it, the referral is sent and the reference shown and emailed.
    page.get_by_label("Yes, they know and they agree").check()
    send(page)
    page.get_by_role("heading", name="Your referral has been sent").wait_for()
    referral = Referral.objects.get()
    assert page.locator("[data-reference]").inner_text() == referral.reference
    assert run_axe(page) == [] and fits(page)
    assert subjects_to(smtp_server, REFERRER) == [
        f"Restorative justice referral {referral.reference}: received"
    ]

    # The coordinator marks first contact; the referrer hears of it.
    sign_in(page, live_site.url, "cora")
    page.goto(f"{live_site.url}/admin/snippets/selfreferral/referral/?channel=professional")
    assert referral.reference in page.locator("main").inner_text()
    page.goto(f"{live_site.url}/admin/snippets/selfreferral/referral/inspect/{referral.pk}/")
    main = page.locator("main").inner_text()
    assert "Sam Okafor" in main and "Fenmoor Probation" in main
    assert "from the professionals' form on the website" in main
    page.goto(f"{live_site.url}/admin/snippets/selfreferral/referral/edit/{referral.pk}/")
    page.locator("#id_status").select_option("contacted")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url("**/admin/snippets/selfreferral/referral/")
    referral.refresh_from_db()
    assert referral.status == Status.CONTACTED
    assert referral.referrer_email == REFERRER  # the edit kept the referrer's details
    assert subjects_to(smtp_server, REFERRER)[-1] == (
        f"Restorative justice referral {referral.reference}: first contact made"
    )


def test_the_arabic_form_reads_right_to_left_on_a_phone(live_site, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_site.url}/ar/professionals/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "للمهنيين"
    assert run_axe(page) == [] and fits(page)
    send(page)
    assert "أدخل اسم جهة عملك" in page.locator("[data-error-summary]").inner_text()
    assert run_axe(page) == [] and fits(page)
