"""The comms team's work end to end in Chromium, as each role does it: an editor writes,
previews and submits a case study; an approver asks for changes, then approves it with
a go-live date and the public page appears when the schedule fires; an editor
translates a page into Polish and it is reviewed and published at /pl/…."""

import datetime
import re

import pytest
import time_machine
from playwright.sync_api import expect

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import StandardPage
from tests.conftest import english, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def messages(page):
    return page.locator(".messages").inner_text()


def test_an_editor_writes_previews_and_submits_a_case_study(live_site, browser_page, approver):
    page = browser_page
    index = english(CaseStudyIndexPage).get()
    # A page of theirs with a vague link, to see the checker at work first.
    checked = english(StandardPage).get(slug="is-it-safe")
    checked.body = [
        {"type": "text", "value": '<p>To find out more <a href="/">click here</a>.</p>'}
    ]
    checked.save_revision()

    sign_in(page, live_site.url, "edna")
    assert "Your drafts" in page.locator(".w-panel").first.inner_text()

    # The Checks panel runs inside the preview frame: it counts words and finds the link.
    page.goto(f"{live_site.url}/admin/pages/{checked.pk}/edit/")
    page.get_by_role("button", name="Toggle checks").click()
    page.wait_for_function(
        "() => /[1-9]/.test(document.querySelector('.w-content-checker__count')?.textContent)"
    )
    assert page.get_by_text("Link text does not say where the link goes").count() >= 1
    page.wait_for_function(
        "() => /^\\d+$/.test(document.querySelector('[data-content-word-count]').textContent)"
    )

    # Closing the panel again: Wagtail reopens the last side panel on the next page, and
    # a preview that starts as the Checks panel there is not refreshed as the form changes.
    page.get_by_role("button", name="Toggle checks").click()

    # A new story, written in the editor.
    page.goto(f"{live_site.url}/admin/pages/add/casestudies/casestudypage/{index.pk}/")
    assert page.locator("[data-w-autosave-interval-value]").count() == 0
    page.fill("#id_title", "A stone through the window, then a conversation")
    page.fill("#id_summary", "A neighbour's window was broken. They met and agreed what to do.")
    page.select_option("#id_perspective", label="Person harmed")
    page.select_option("#id_setting", label="Neighbourhood")
    page.fill("#id_type_of_harm", "criminal damage at home")
    page.select_option("#id_restorative_approach", label="Face-to-face conference")
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Text").click()
    text = page.locator(".public-DraftEditor-content").first
    text.wait_for()
    text.click()
    text.press_sequentially("Sam found a stone through the front window one evening.")
    expect(text).to_contain_text("Sam found a stone")
    page.get_by_role("tab", name="Consent").click()
    # The date is typed in without focusing the field: focused, its calendar opens over
    # the next box, and under load it was still there when the click came.
    page.locator("#id_consent_recorded_on").evaluate(
        "(field, day) => { field.value = day;"
        " field.dispatchEvent(new Event('change', {bubbles: true})); }",
        "2026-11-01",
    )
    page.check("#id_anonymised")
    page.get_by_role("tab", name="Content").click()
    # Nothing is saved until the editor saves (no autosave making pages as they type).
    assert not CaseStudyPage.objects.filter(title__startswith="A stone through the window").exists()

    # The preview panel shows the page as visitors will see it (opened once the text
    # editor has written what was typed into the form, as it does when left).
    page.wait_for_function(
        "() => [...document.querySelectorAll('form input, form textarea')]"
        ".some(field => field.value.includes('Sam found a stone'))"
    )
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(
        "A stone through the window, then a conversation", timeout=15_000
    )
    expect(preview.locator("main")).to_contain_text("Sam found a stone", timeout=15_000)

    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation():  # the action has been done when the next page loads
        page.get_by_role("button", name="Submit to Comms review").click()
    assert "submitted" in messages(page)
    story = english(CaseStudyPage).get(title="A stone through the window, then a conversation")
    assert story.locale.language_code == "en-gb"
    assert story.current_workflow_state.status == "in_progress"
    assert not story.live
    # The approvers were emailed, with a link to the site's own address.
    to_approvers = [m for m in mail.outbox if approver.email in m.to]
    assert to_approvers and f"{live_site.url}/admin/pages/{story.pk}/" in to_approvers[0].body


def test_an_approver_asks_for_changes_then_approves_with_a_schedule(
    live_site, browser_page, editor, settings
):
    page = browser_page
    index = english(CaseStudyIndexPage).get()
    story = CaseStudyPageFactory(parent=index, title="A letter after a burglary", live=False)
    story.save_revision(user=editor)
    story.get_workflow().start(story, editor)
    mail.outbox.clear()

    sign_in(page, live_site.url, "april")
    # Their dashboard starts with what awaits their review, named with its language.
    first_panel = page.locator(".w-panel").first
    assert "Awaiting your review" in first_panel.inner_text()
    assert "A letter after a burglary" in first_panel.inner_text()
    assert "English" in first_panel.inner_text()
    first_panel.get_by_role("link", name="A letter after a burglary").click()

    # Request changes, with a comment.
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Request changes").click()
    modal = page.locator(".modal")
    modal.locator("textarea[name='comment']").fill("Please say how long the meeting took.")
    with page.expect_navigation():  # the action has been done when the next page loads
        modal.get_by_role("button", name="Request changes").click()
    (email,) = [m for m in mail.outbox if editor.email in m.to]
    assert email.subject == 'Changes requested: "A letter after a burglary"'
    assert "Please say how long the meeting took." in email.body
    assert f"{live_site.url}/admin/pages/{story.pk}/edit/" in email.body

    # The editor changes it and submits again (once the approver's browser is quiet: the
    # live server and this test share one in-memory database).
    page.wait_for_load_state("networkidle")
    story.refresh_from_db()
    story.summary = "A letter, then a meeting of an hour, helped them both."
    story.save_revision(user=editor)
    story.current_workflow_state.resume(editor)

    # The approver approves it to go live tomorrow at 9am.
    go_live = (timezone.localtime() + datetime.timedelta(days=1)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    page.goto(f"{live_site.url}/admin/pages/{story.pk}/edit/")
    footer = page.locator("footer").last.inner_text()
    assert "Approve and Publish" in footer
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").first.click()
    page.locator("#id_go_live_at").fill(f"{go_live:%Y-%m-%dT%H:%M}")
    page.get_by_role("button", name="Save schedule").click()
    with page.expect_navigation():  # the action has been done when the next page loads
        page.get_by_role("button", name="Approve and Publish").click()
    assert page.url.endswith(f"/admin/pages/{story.pk}/edit/")
    assert f"will go live on {go_live:%A %-d %B %Y} at 09:00" in messages(page)

    visitor = page.context.browser.new_context().new_page()
    try:
        url = live_site.url + story.get_url()
        assert visitor.goto(url).status == 404

        # The schedule fires: the clock moves on and the task worker runs.
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        from cms.tasks import publish_scheduled_pages

        with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
            publish_scheduled_pages.enqueue()
            call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
            response = visitor.goto(url)
            assert response.status == 200
            assert visitor.locator("h1").inner_text() == "A letter after a burglary"
            assert "a meeting of an hour" in visitor.locator("main").inner_text()
    finally:
        visitor.context.close()


def test_an_editor_translates_a_page_into_polish_through_review(live_site, browser_page):
    page = browser_page
    english_page = english(StandardPage).get(slug="staying-safe-online")
    polish = english_page.get_translation(Locale.objects.get(language_code="pl"))

    sign_in(page, live_site.url, "edna")
    page.goto(f"{live_site.url}/admin/pages/{english_page.pk}/edit/")
    # The status panel's language switch leads to the Polish copy, which offers translation.
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Switch locales").click()
    page.get_by_role("link", name="Polski").click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url(f"**/admin/pages/{polish.pk}/edit/")

    # The translation editor: type the Polish title, then submit it for review.
    assert "Comms review of the Polski page" in page.locator("main").inner_text()
    if page.locator("[data-side-panel='status']").first.is_visible():
        page.get_by_role("button", name="Toggle status").click()
    strings = page.locator(".js-translation-editor")
    strings.get_by_role("button", name="Translate").first.click()
    strings.locator("textarea").first.fill("Jak bezpiecznie korzystać z internetu")
    strings.get_by_role("button", name="Save").first.click()
    strings.get_by_text("Translated manually").first.wait_for()
    with page.expect_navigation():  # the action has been done when the next page loads
        page.get_by_role("button", name="Submit to Comms review").click()
    assert "has been submitted to Comms review" in messages(page)
    visitor = page.context.browser.new_context().new_page()
    try:
        visitor.goto(f"{live_site.url}/pl/staying-safe-online/")
        assert visitor.locator("h1").inner_text() != "Jak bezpiecznie korzystać z internetu"

        # The approver finds it on their dashboard, in Polish, and approves it.
        page.context.clear_cookies()
        sign_in(page, live_site.url, "april")
        review = page.locator(".w-panel").first
        assert "Awaiting your review" in review.inner_text()
        assert (
            "Jak bezpiecznie korzystać z internetu" in review.inner_text()
            and "Polski" in review.inner_text()
        )
        review.get_by_role("link", name="Jak bezpiecznie korzystać z internetu").click()
        with page.expect_navigation():  # the action has been done when the next page loads
            page.get_by_role("button", name="Approve and publish").click()
        assert "is approved and published" in messages(page)

        # A new visitor (browsers may keep the page they saw for a minute).
        visitor.context.close()
        visitor = page.context.browser.new_context().new_page()
        visitor.goto(f"{live_site.url}/pl/staying-safe-online/")
        assert visitor.locator("h1").inner_text() == "Jak bezpiecznie korzystać z internetu"
        assert visitor.locator("html").get_attribute("lang") == "pl"
        assert re.search(r"\bpl\b", visitor.url)
    finally:
        visitor.context.close()
