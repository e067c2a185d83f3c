"""The paper self-referral form (a PDF in standard and large print, built from the
same question list as the web form) and the coordinators' "Enter a paper referral"
view, which saves, routes, emails and records a referral as the website does."""

import datetime
import email
import io
import re
from dataclasses import replace
from email import policy
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import ModelLogEntry, Site

from home.models import ContactSettings
from selfreferral import questions as q
from selfreferral.factories import AreaFactory
from selfreferral.models import Area, Channel, Referral
from selfreferral.paper import render_paper_form_html
from tests.conftest import answers
from tests.pdf_helpers import font_sizes, text_as_written

pytestmark = pytest.mark.django_db

FORM_URL = "/self-referral/"
PAPER_URL = "/self-referral/paper-form/"
ENTER_URL = reverse("selfreferral_enter_paper_referral")
LONDON = ZoneInfo("Europe/London")


def flat(text):
    """Text with every run of spaces and line breaks made one space (the PDF wraps lines),
    without the invisible isolates around example numbers (they draw no glyph)."""
    return " ".join(re.sub("[\u2066-\u2069]", "", str(text)).split())


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return reader, flat(" ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def contact(referral_page):
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "0300 555 0142"
    contact.address = "Restorative Justice Service\nPO Box 2017\nSaltcombe\nSC1 4RJ"
    contact.referral_form_address = "Freepost RJ SERVICE"
    contact.save()
    return contact


# The paper form


@pytest.mark.parametrize("size", ["standard", "large"])
def test_the_paper_form_asks_every_paper_question(client, contact, size, settings):
    settings.BROWSER_CACHE_SECONDS = 60
    response = client.get(PAPER_URL + ("?size=large" if size == "large" else ""))
    reader, text = pdf_text(response)
    questions = q.questions_for(q.PAPER)
    assert questions, "the paper form asks questions"
    for question in questions.values():
        assert flat(question.label) in text
        if question.hint:
            assert flat(question.hint) in text
        for choice in question.choices:
            assert flat(choice.label) in text
            if choice.hint:
                assert flat(choice.hint) in text
    # The area question lists the areas on the web form, and "not sure".
    for area in Area.objects.filter(is_active=True):
        assert area.name in text
    assert "I am not sure" in text
    # Questions the paper form does not ask are left out.
    assert "Email me my reference number" not in text
    assert "Through my key worker or offender manager" not in text
    # How to fill it in, that it is voluntary, what happens next, and where to send it.
    assert "Tick one box." in text
    assert "Restorative justice is voluntary" in text and "stop at any time" in text
    assert "What happens next" in text and "A coordinator reads your form" in text
    assert "Freepost RJ SERVICE" in text and "You do not need a stamp." in text
    assert "Your signature" in text
    # A tagged PDF in the page's language, cacheable by anyone: it holds no personal data.
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-gb"
    assert "/StructTreeRoot" in root
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]


def test_large_print_is_16_point_or_more(client, contact):
    standard, _ = pdf_text(client.get(PAPER_URL))
    large, _ = pdf_text(client.get(PAPER_URL + "?size=large"))
    assert min(font_sizes(large)) >= 16
    # The standard form is smaller, so more fits on a page.
    assert min(font_sizes(standard)) < 16
    assert len(large.pages) > len(standard.pages)


def test_the_paper_form_has_tick_boxes_and_writing_lines_sized_by_each_question(rf, referral_page):
    html = render_paper_form_html(referral_page, rf.get(PAPER_URL))
    blocks = dict(
        re.findall(r'id="question-([a-z_]+)">(.*?)(?=id="question-|</section>)', html, re.DOTALL)
    )
    assert list(blocks) == list(q.questions_for(q.PAPER))
    for name, question in q.questions_for(q.PAPER).items():
        if question.kind in (q.TEXT, q.TEXTAREA, q.TEL, q.EMAIL):
            assert blocks[name].count('class="rj-paper__line"') == question.paper_lines, name
        elif question.kind == q.AREA:
            areas = Area.objects.filter(is_active=True).count()
            assert blocks[name].count("rj-paper__tick-box") == areas + 1
        else:
            assert blocks[name].count("rj-paper__tick-box") == len(question.choices), name


def test_large_print_css_sets_the_body_text_to_18_point(rf, referral_page):
    standard = render_paper_form_html(referral_page, rf.get(PAPER_URL))
    large = render_paper_form_html(referral_page, rf.get(PAPER_URL), large=True)
    assert 'class="rj-paper rj-paper--large"' in large
    assert "font-size: 18pt" in large and "font-size: 18pt" not in standard


def test_the_address_comes_from_the_contact_settings(client, contact):
    contact.referral_form_address = ""
    contact.save()
    _, text = pdf_text(client.get(PAPER_URL))
    assert "Restorative Justice Service PO Box 2017 Saltcombe SC1 4RJ" in text
    assert "You do not need a stamp." not in text
    # Changed in the settings: the next PDF has the new address, not a cached old one.
    contact.referral_form_address = "Freepost FENMOOR RJ"
    contact.save()
    _, text = pdf_text(client.get(PAPER_URL))
    assert "Freepost FENMOOR RJ" in text and "PO Box 2017" not in text


def test_the_demo_site_has_a_freepost_address(client, demo_site):
    _, text = pdf_text(client.get(PAPER_URL))
    assert "Freepost RJ SERVICE" in text and "You do not need a stamp." in text


def test_a_new_area_is_on_the_next_paper_form(client, contact):
    pdf_text(client.get(PAPER_URL))
    AreaFactory(name="Marsh End")
    _, text = pdf_text(client.get(PAPER_URL))
    assert "Marsh End" in text


def test_the_web_and_paper_forms_share_one_question_list(client, contact, monkeypatch):
    """Change a question in the list, and add one: both renderings change."""
    sections = list(q.SECTIONS)
    about_you = sections[0]
    renamed = tuple(
        replace(question, label="What should we call you?") if question.name == "name" else question
        for question in about_you.questions
    )
    added = q.Question(
        name="best_day",
        kind=q.RADIOS,
        label="Which day suits you best?",
        hint="We will try to call on that day.",
        choices=(q.Choice("monday", "Monday mornings"), q.Choice("friday", "Friday afternoons")),
    )
    sections[0] = replace(about_you, questions=(*renamed, added))
    monkeypatch.setattr(q, "SECTIONS", tuple(sections))

    web = client.get(FORM_URL).text
    _, paper = pdf_text(client.get(PAPER_URL))
    for text in (
        "What should we call you?",
        "Which day suits you best?",
        "We will try to call on that day.",
        "Monday mornings",
        "Friday afternoons",
    ):
        assert text in web
        assert text in paper
    assert "Your name" not in paper


def test_the_form_page_links_to_the_paper_forms(client, contact):
    html = client.get(FORM_URL).text
    assert f'href="{PAPER_URL}"' in html and f'href="{PAPER_URL}?size=large"' in html
    assert "Print a paper form (PDF)" in html
    assert "Print a large-print paper form (PDF)" in html
    # Once built, the link says how big the file is.
    size = len(client.get(PAPER_URL).content)
    html = client.get(FORM_URL).text
    assert f"Print a paper form (PDF, {round(size / 1024)} KB)" in html


def test_a_translated_page_has_its_paper_form_in_its_language(client, contact, referral_page):
    from wagtail.models import Locale

    polish = referral_page.get_translation(Locale.objects.get(language_code="pl"))
    response = client.get(polish.url + "paper-form/")
    assert polish.url.startswith("/pl/")
    reader, _ = pdf_text(response)
    assert reader.trailer["/Root"]["/Lang"] == "pl"


def test_the_nepali_paper_forms_text_copies_and_reads_as_written(client, contact, referral_page):
    """Devanagari reorders and joins glyphs: each line carries its text as /ActualText."""
    from wagtail.models import Locale

    nepali = referral_page.get_translation(Locale.objects.get(language_code="ne"))
    pdf = client.get(nepali.url + "paper-form/").content
    text = " ".join(text_as_written(pdf).split())
    assert "आफैं अनुरोध गर्नुहोस्" in text  # the title: "र्" is before "नु" as typed
    assert "पुनर्स्थापनात्मक न्यायका लागि अनुरोध गर्न यो फारम प्रयोग गर्नुहोस्।" in text
    assert "गनुर्" not in text and "पच्छिर्" not in text  # what the glyph map alone gave
    # Latin lines need no help, and get none.
    assert pdf.count(b"/ActualText") < len(text.split())


def test_the_paper_form_only_answers_get(client, contact):
    assert client.post(PAPER_URL).status_code == 405


# Entering a paper referral in the admin


def paper_answers(**changes):
    data = answers(
        preferred_contact="letter",
        phone="",
        safe_times="",
        address="HMP Fenmoor\nWing C",
        prison_number="A1234BC",
        **changes,
    )
    data.setdefault("received_via", "paper")
    return data


def test_only_coordinators_can_enter_referrals(client, referral_page, editor):
    assert client.get(ENTER_URL).status_code == 302  # to the sign-in page
    client.force_login(editor)
    for response in (client.get(ENTER_URL), client.post(ENTER_URL, paper_answers())):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert not Referral.objects.exists()
    assert "Enter a paper referral" not in client.get(reverse("wagtailadmin_home")).text


def test_coordinators_find_the_view_on_the_referral_list(client, referral_page, coordinator):
    client.force_login(coordinator)
    listing = client.get(reverse("wagtailsnippets_selfreferral_referral:list")).text
    assert f'href="{ENTER_URL}"' in listing
    page = client.get(ENTER_URL)
    assert page.status_code == 200
    # The paper form's questions, in the admin's own form.
    for question in q.questions_for(q.PAPER).values():
        assert f'name="{question.name}"' in page.text
    assert 'name="confirmation_email"' not in page.text
    assert 'name="received_via"' in page.text and 'name="received_on"' in page.text
    assert "date-time-chooser.js" in page.text  # the date picker
    assert 'name="website"' not in page.text  # no honeypot for coordinators


def test_a_coordinator_enters_a_paper_referral(
    client, referral_page, coordinator, smtp_server, database_queue
):
    client.force_login(coordinator)
    response = client.post(ENTER_URL, paper_answers())
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailsnippets_selfreferral_referral:inspect", args=[referral.pk]
    )
    assert referral.channel == Channel.PAPER
    assert referral.prison_number == "A1234BC"
    assert referral.address == "HMP Fenmoor\nWing C"
    assert referral.submission_token is None
    # The reference is shown to the coordinator.
    assert referral.reference in client.get(response["Location"]).text
    # History: who entered it, and how it came.
    entry = ModelLogEntry.objects.get(object_id=str(referral.pk), action="selfreferral.entered")
    assert entry.user == coordinator
    assert entry.data["channel"] == "Paper form"
    history = client.get(
        reverse("wagtailsnippets_selfreferral_referral:history", args=[referral.pk])
    ).text
    assert "Entered from a paper form received on" in history
    # Routed and emailed through the task queue, as a web referral is.
    assert smtp_server.messages == []
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    assert [m["to"] for m in smtp_server.messages] == [["north.rj@fenmoor-saltcombe-pcc.example"]]
    message = email.message_from_string(smtp_server.messages[0]["data"], policy=policy.default)
    assert "How it came: Paper form" in message.get_body(("plain",)).get_content()


def test_a_phone_call_is_entered_with_its_channel(client, referral_page, coordinator):
    client.force_login(coordinator)
    saltcombe = Area.objects.get(name="Saltcombe")
    client.post(
        ENTER_URL,
        paper_answers(received_via="phone", area=str(saltcombe.pk), age_group=q.AGE_UNDER_18),
    )
    referral = Referral.objects.get()
    assert referral.channel == Channel.PHONE
    assert referral.notification_recipients() == ["youth@saltcombe.example"]


@time_machine.travel(datetime.datetime(2026, 11, 27, 10, 0, tzinfo=LONDON))
def test_first_contact_counts_from_the_date_received(
    client, referral_page, coordinator, smtp_server, database_queue, settings
):
    settings.SELF_REFERRAL_FIRST_CONTACT_WORKING_DAYS = 2
    client.force_login(coordinator)
    # Received on Monday 23 November: due two working days later, on Wednesday.
    client.post(ENTER_URL, paper_answers(received_on="2026-11-23"))
    referral = Referral.objects.get()
    assert referral.first_contact_due == datetime.date(2026, 11, 25)
    assert referral.is_overdue
    # It is shown as received on the day the paper form came, not the day it was typed in.
    assert referral.created_on == datetime.date(2026, 11, 23)
    assert "23/11/2026" in client.get(reverse("wagtailsnippets_selfreferral_referral:list")).text
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    body = email.message_from_string(smtp_server.messages[0]["data"], policy=policy.default)
    text = body.get_body(("plain",)).get_content()
    assert (
        "Received: Monday 23 November 2026, by paper form "
        "(typed in on Friday 27 November 2026)" in text
    )
    # The email says why it is already past due.
    assert "First contact due by: Wednesday 25 November 2026 (overdue)" in text
    assert "from the day the paper form came in, so it had passed before it was typed in" in text


@time_machine.travel(datetime.datetime(2026, 11, 27, 10, 0, tzinfo=LONDON))
def test_a_date_received_in_the_future_is_refused(client, referral_page, coordinator):
    client.force_login(coordinator)
    response = client.post(ENTER_URL, paper_answers(received_on="2026-12-01"))
    assert response.status_code == 200
    assert "The date received must be today or in the past" in response.text
    assert not Referral.objects.exists()


def test_errors_are_shown_by_their_fields_and_answers_kept(client, referral_page, coordinator):
    client.force_login(coordinator)
    response = client.post(
        ENTER_URL,
        paper_answers(name="", consent=None, what_happened="Kept <words> & all"),
    )
    assert response.status_code == 200
    assert not Referral.objects.exists()
    html = response.text
    assert "The referral could not be saved." in html
    # Each message in the admin's error styling, next to its field.
    for name, message in (
        ("name", "Enter your name"),
        ("consent", "Tick the box to agree to be contacted"),
    ):
        field = re.search(
            rf'<div class="w-field [^"]*w-field--error"[^>]*data-contentpath="{name}">'
            r'\s*(?:<[^>]*>\s*)*?<div class="w-field__errors".*?<p class="error-message">\s*'
            rf"{message}",
            html,
            re.DOTALL,
        )
        assert field, name
    # Answers kept, and escaped.
    assert "Kept &lt;words&gt; &amp; all" in html
    assert "HMP Fenmoor\nWing C" in html
    assert 'value="A1234BC"' in html
