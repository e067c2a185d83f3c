"""The self-referral form in Polish, Nepali and Arabic: translated questions, errors
and pages, a referral sent in another language, an English coordinator email,
and axe-core in every language."""

import io
import re

import pytest
from pypdf import PdfReader

from django.core import mail

from selfreferral.models import Channel, Referral
from tests.conftest import answers, form_token

pytestmark = pytest.mark.django_db


def send(client, code, **changes):
    url = f"/{code}/self-referral/"
    data = answers(**changes)
    data["form_token"] = form_token(client, url)
    return client.post(url, data)


def test_the_polish_form_asks_its_questions_in_polish(client, demo_site):
    response = client.get("/pl/self-referral/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="pl" dir="ltr"' in html
    for text in [
        # The page's own words, translated by its editors (wagtail-localize).
        '<h1 class="govuk-heading-xl">Zgłoś się</h1>',
        "Ten formularz służy do zgłoszenia się po sprawiedliwość naprawczą.",
        "Koordynator czyta Twój formularz, zwykle w ciągu 2 dni roboczych.",
        '<a href="/privacy/">informację o prywatności</a>',
        # The questions, hints and answers, from the interface translations.
        '<h2 class="govuk-fieldset__heading">O Tobie</h2>',
        "Które z tych zdań Cię opisuje?",
        "Imię, którego mamy używać, gdy się z Tobą skontaktujemy.",
        "Twoje imię i nazwisko",
        "Co się stało? (opcjonalnie)",
        "Nie jestem pewien / pewna",
        "Zgadzam się na kontakt w sprawie sprawiedliwości naprawczej.",
        '<h2 class="govuk-heading-m">Co będzie dalej</h2>',
        ">Wyślij zgłoszenie</button>",
        # The quick exit and its staying-safe advice.
        "Opuść tę stronę",
        "Aby szybko opuścić tę stronę",
        "Szukaj w tym serwisie",
    ]:
        assert text in html, text
    for english in ["Which of these describes you?", "Send referral", "Use this form to ask"]:
        assert english not in html, english
    # The answers sent are the same codes in every language.
    assert 'name="role" type="radio" value="harmed"' in html


def test_arabic_errors_are_in_arabic_right_to_left(client, demo_site):
    response = send(
        client,
        "ar",
        name="",
        consent=None,
        phone="12",
        safe_times="x" * 201,
        what_happened="Bell \x07",
    )
    assert response.status_code == 200
    html = response.text
    assert '<html lang="ar" dir="rtl"' in html
    assert re.search(r"<title>خطأ: ", html)
    start = html.index("data-error-summary")
    summary = html[start : html.index("</ul>", start)]
    assert "هناك مشكلة" in summary
    expected = {
        "name": "أدخل اسمك",
        # The example numbers are isolated left to right, so they read in order in Arabic.
        "phone": "أدخل رقم هاتف، مثل \u206607911 123456\u2069 أو \u2066020 7946 0000\u2069، أو اختر طريقة أخرى للتواصل معك",
        "safe_times": "يجب ألا يزيد حقل «متى يكون التواصل معك آمناً» على 200 حرف",
        "what_happened": "يحتوي حقل «ماذا حدث» على رموز لا يمكننا قراءتها.",
        "consent": "ضع علامة في المربع للموافقة على التواصل معك",
    }
    for name, message in expected.items():
        # In the summary, linked to the question, and beside the question itself.
        assert f'<a href="#id_{name}">{message}' in summary, name
        beside = re.search(rf'id="id_{name}-error"[^>]*>(.*?)</p>', html, re.S).group(1)
        assert "خطأ:" in beside and message in beside, name
    assert "There is a problem" not in html and "Enter your name" not in html
    # Answers are kept.
    assert "x" * 201 in html
    assert not Referral.objects.exists()


def test_a_referral_sent_in_nepali_is_stored_and_coordinators_read_english(client, demo_site):
    response = send(
        client,
        "ne",
        preferred_contact="email",
        phone="",
        email="alex@example.com",
        confirmation_email="yes",
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/ne/self-referral/thank-you/?ref=")
    referral = Referral.objects.get()
    assert referral.channel == Channel.WEB
    assert referral.name == "Alex Example"
    assert referral.preferred_contact == "email"

    confirmation = next(m for m in mail.outbox if m.to == [referral.email])
    coordinator = next(m for m in mail.outbox if m.to != [referral.email])
    assert coordinator.subject == f"New self-referral {referral.reference}"
    body = coordinator.body
    assert "Who they are: I was harmed by a crime or by anti-social behaviour" in body
    assert "How to contact them: Email" in body
    assert "Age: 18 or over" in body
    assert referral.first_contact_due.strftime("%A %-d %B %Y") in body
    html_body = coordinator.alternatives[0][0]
    for text in (body, html_body, confirmation.body, confirmation.subject):
        assert not re.search("[\u0900-\u097f]", text)  # no Devanagari: all English
    assert referral.reference in confirmation.body

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    html = thanks.text
    assert '<html lang="ne" dir="ltr"' in html
    for text in [
        '<h1 class="govuk-panel__title">तपाईंको अनुरोध पठाइएको छ</h1>',
        "तपाईंको सन्दर्भ नम्बर",
        referral.reference,
        "सम्ममा तपाईंले छानेको तरिकाले सम्पर्क गर्ने प्रयास गर्नुहुनेछ",
        '<h2 class="govuk-heading-m">अब के हुन्छ</h2>',
        "हामीलाई फोन गरेर आफ्नो सन्दर्भ नम्बर बताउनुहोस्।",
    ]:
        assert text in html, text
    assert "Your reference number" not in html


def test_the_thank_you_date_is_written_the_way_each_language_writes_dates(client, demo_site):
    response = send(client, "pl")
    html = client.get(response["Location"]).text
    referral = Referral.objects.get()
    assert "Twoje zgłoszenie zostało wysłane" in html
    due = referral.first_contact_due
    # Polish months take their "of" form in a date: "1 grudnia 2026", not "1 Grudzień 2026".
    polish_months = "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września "
    polish_months += "października listopada grudnia"
    month = polish_months.split()[due.month - 1]
    assert f"{due.day} {month} {due.year}</strong>" in html


def test_the_english_form_is_unchanged_beside_the_other_languages(client, demo_site):
    url = "/self-referral/"
    data = answers(what_happened="x" * 5001, name="")
    data["form_token"] = form_token(client, url)
    html = client.post(url, data).text
    assert re.search(r'<html lang="en-gb" dir="ltr"', html, re.I)
    assert "There is a problem" in html and "Enter your name" in html
    assert "What happened must be 5,000 characters or fewer" in html


def test_an_untranslated_page_marks_the_form_as_the_visitors_language(client, demo_site):
    from wagtail.models import Page

    from demo.languages import ensure_locales, synchronise

    # As when an admin switches a language on before the page is translated.
    Page.objects.get(slug="self-referral", locale__language_code="ar").delete()
    synchronise(*ensure_locales(["ar"]))
    html = send(client, "ar", name="").text
    assert '<html lang="ar" dir="rtl"' in html
    # The page's own words are English, and marked so; the form's are Arabic, and marked so.
    assert 'lang="en-GB" dir="ltr"' in html
    assert "Use this form to ask for restorative justice." in html
    assert '<div lang="ar" dir="rtl"><div class="govuk-error-summary"' in html
    fieldset = re.search(r'<fieldset class="govuk-fieldset rj-referral-section"([^>]*)>', html)
    assert ' lang="ar" dir="rtl"' in fieldset.group(1)
    assert re.search(r'dir="rtl">أرسل الطلب</button>', html)


def test_published_figures_keep_their_english_labels_in_other_languages(db):
    from django.utils import translation

    from selfreferral import figures

    with translation.override("pl"):
        columns = figures.quarterly("role", [])["columns"]
    assert columns[0] == "I was harmed by a crime or by anti-social behaviour"
    assert all(type(label) is str for label in columns)


def test_too_many_attempts_is_said_in_polish_with_the_answers_kept(client, demo_site, settings):
    settings.SELF_REFERRAL_RATE_LIMIT = 1
    assert send(client, "pl").status_code == 302
    response = send(client, "pl", name="Another")
    assert response.status_code == 429
    assert '<h2 class="govuk-error-summary__title">Zbyt wiele prób</h2>' in response.text
    assert "Możesz też do nas zadzwonić: <strong>" in response.text
    assert 'value="Another"' in response.text
    assert "Twoje odpowiedzi nadal są w formularzu poniżej." in response.text
    assert "Too many attempts" not in response.text


def test_a_form_too_large_to_read_gets_a_polish_400_page(client, demo_site, settings):
    settings.SELF_REFERRAL_MAX_BODY_BYTES = 10_000_000  # so Django's own limit refuses it
    response = send(client, "pl", what_happened="x" * 1_100_000)
    assert response.status_code == 400
    assert "Przepraszamy, wystąpił problem" in response.text
    assert "Wróć, sprawdź odpowiedzi i spróbuj jeszcze raz." in response.text
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    ("code", "heading", "kept", "exit_label", "direction"),
    [
        (
            "pl",
            "Twój formularz był za długi",
            "nie mogliśmy zachować Twoich odpowiedzi",
            "Opuść tę stronę",
            "ltr",
        ),
        (
            "ar",
            "كان النموذج أطول من اللازم",
            "لم نتمكن من الاحتفاظ بإجاباتك",
            "اخرج من هذه الصفحة",
            "rtl",
        ),
    ],
)
def test_a_form_over_the_referral_limit_gets_the_400_page_in_that_language(
    client, demo_site, code, heading, kept, exit_label, direction
):
    """Over SELF_REFERRAL_MAX_BODY_BYTES the form is not read, so the answers are lost:
    the page says so plainly, in the visitor's language, with the quick exit."""
    response = send(client, code, what_happened="x" * 300_000)
    assert response.status_code == 400
    html = response.text
    assert f'<html lang="{code}" dir="{direction}"' in html
    assert heading in html and kept in html
    assert exit_label in html and "data-quick-exit" in html
    assert f'href="/{code}/self-referral/"' in html
    assert "too large" not in html and "too long" not in html
    assert "no-store" in response["Cache-Control"]
    assert not Referral.objects.exists()


def test_the_polish_paper_form_is_in_polish(client, demo_site):
    # People in prison may only read Polish: the printed form must speak it too.
    html = client.get("/pl/self-referral/").text
    assert "Możesz też wypełnić formularz papierowy ręcznie i wysłać go do nas pocztą." in html
    assert "Wydrukuj formularz papierowy z dużym drukiem" in html
    response = client.get("/pl/self-referral/paper-form/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for polish in [
        "Formularz papierowy",
        "Udział zależy od Ciebie.",
        "Jak wypełnić ten formularz",
        "Pisz długopisem.",
        "Możesz pominąć każde pytanie, przy którym jest napisane (opcjonalnie).",
        "Zaznacz jedną kratkę.",
        "Twój podpis",
        "Gdzie wysłać ten formularz",
        "Które z tych zdań Cię opisuje?",
    ]:
        assert polish in text, polish
    for english in ["Tick one box.", "How to fill in this form", "Your signature", "Use a pen."]:
        assert english not in text, english
