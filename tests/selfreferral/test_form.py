"""The self-referral form over HTTP: answers, errors, kept values, bad input,
POST-redirect-GET, caching and double submissions."""

from urllib.parse import urlsplit

import pytest

from django.core import mail

from selfreferral.models import Channel, Referral
from tests.conftest import answers, form_token, submit

pytestmark = pytest.mark.django_db


def test_a_complete_form_makes_one_referral_and_shows_its_reference(client, referral_page):
    response = submit(client, src="gp")
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.reference.startswith("RJ-")
    assert referral.name == "Alex Example"
    assert referral.phone == "07911 123456"
    assert referral.area.name == "Fenmoor North"
    assert referral.channel == Channel.WEB
    assert referral.source_code == "gp"
    assert referral.consent_at is not None
    assert referral.safe_to_leave_message is False
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert referral.reference in thanks.text
    assert referral.first_contact_due.strftime("%-d %B %Y") in thanks.text


def test_no_personal_data_in_the_address_bar(client, referral_page):
    response = submit(client, name="Alex Unusualname", phone="020 7946 0000")
    location = response["Location"]
    assert "Unusualname" not in location and "7946" not in location
    referral = Referral.objects.get()
    # Not even the reference: it is signed and opaque.
    assert referral.reference not in location
    assert urlsplit(location).path == "/self-referral/thank-you/"


def test_form_and_thank_you_page_are_never_stored(client, referral_page):
    form = client.get("/self-referral/")
    thanks = client.get(submit(client)["Location"])
    for response in (form, thanks):
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_anonymous_page_cache_never_keeps_the_form(client, referral_page):
    # Other public pages are cached whole; this one must be rendered each time
    # (a fresh form token, and nothing a visitor typed shared with another).
    first = form_token(client)
    client.cookies.clear()
    second = form_token(client)
    assert first != second


def test_errors_are_summarised_linked_and_answers_kept(client, referral_page):
    response = submit(client, name="", phone="12345", safe_times="After <b>6pm</b>", consent=None)
    assert response.status_code == 200
    assert not Referral.objects.exists()
    html = response.text
    assert "<title>Error: " in html
    assert 'class="govuk-error-summary"' in html
    assert '<a href="#id_name">Enter your name</a>' in html
    assert '<a href="#id_phone">Enter a phone number' in html
    assert '<a href="#id_consent">Tick the box to agree to be contacted</a>' in html
    # Beside each field too, and the summary in question order.
    assert html.count("govuk-error-message") == 3
    assert html.index("#id_name") < html.index("#id_phone") < html.index("#id_consent")
    # Kept, and escaped.
    assert 'value="After &lt;b&gt;6pm&lt;/b&gt;"' in html
    assert "My bike was stolen from outside my flat.</textarea>" in html
    assert 'value="harmed" checked' in html


@pytest.mark.parametrize(
    ("method", "detail", "message"),
    [
        ("phone", "phone", "Enter a phone number, or choose another way to contact you"),
        ("email", "email", "Enter an email address, or choose another way to contact you"),
        ("letter", "address", "Enter a postal address, or choose another way to contact you"),
        (
            "professional",
            "address",
            "Enter the name and contact details of the person who supports you",
        ),
    ],
)
def test_the_chosen_contact_method_needs_its_detail(client, referral_page, method, detail, message):
    response = submit(client, preferred_contact=method, phone="", email="", address="")
    assert message in response.text
    assert f'href="#id_{detail}"' in response.text
    assert not Referral.objects.exists()


def test_other_contact_details_are_optional(client, referral_page):
    response = submit(
        client, preferred_contact="letter", phone="", address="1 High Street\nSaltcombe"
    )
    assert response.status_code == 302
    assert Referral.objects.get().address == "1 High Street\nSaltcombe"


@pytest.mark.parametrize("phone", ["12345", "0791112345678", "not a number", "+44 20 7946"])
def test_phone_numbers_are_checked(client, referral_page, phone):
    response = submit(client, phone=phone)
    assert "Enter a phone number, like" in response.text


def test_phone_numbers_are_stored_in_a_standard_form(client, referral_page):
    submit(client, phone="+447911123456")
    assert Referral.objects.get().phone == "07911 123456"


@pytest.mark.parametrize("email", ["name@", "name@example", "a b@example.com", "x@y..com"])
def test_email_addresses_are_checked(client, referral_page, email):
    response = submit(client, preferred_contact="email", email=email)
    assert "Enter an email address in the correct format" in response.text


def test_what_happened_is_at_most_5000_characters(client, referral_page):
    response = submit(client, what_happened="a" * 5001)
    assert "What happened must be 5,000 characters or fewer" in response.text
    assert submit(client, what_happened="é" * 5000).status_code == 302


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Alex\x00Example"),
        ("name", "Alex\x1bExample"),
        ("name", "Alex\r\nBcc: victim@example.com"),
        ("safe_times", "after\u2028six"),
        ("what_happened", "bell\x07"),
        ("name", "Alex\ufffdExample"),
    ],
)
def test_control_characters_get_a_clear_message(client, referral_page, field, value):
    response = submit(client, **{field: value})
    assert response.status_code == 200
    assert (
        "contains characters we cannot read" in response.text or "Null characters" in response.text
    )
    assert not Referral.objects.exists()


def test_line_breaks_are_fine_in_long_answers(client, referral_page):
    assert submit(client, what_happened="Line one\r\nLine two\tTabbed").status_code == 302
    assert Referral.objects.get().what_happened == "Line one\nLine two\tTabbed"


def test_invalid_utf8_gets_a_clear_message_not_a_500(client, referral_page):
    token = form_token(client)
    body = "&".join(f"{key}={value}" for key, value in answers().items() if key != "name")
    body = body.encode() + b"&name=Alex%FF%FEExample&form_token=" + token.encode()
    response = client.post(
        "/self-referral/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "Your name contains characters we cannot read" in response.text


def test_an_oversized_body_gets_a_400_page(client, referral_page):
    response = submit(client, what_happened="x" * 300_000)
    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_a_body_over_the_site_limit_gets_a_400(client, referral_page, settings):
    settings.SELF_REFERRAL_MAX_BODY_BYTES = 10_000_000
    response = submit(client, what_happened="x" * 1_100_000)
    assert response.status_code == 400


def test_header_injection_never_reaches_an_email(client, referral_page):
    response = submit(
        client,
        preferred_contact="email",
        email="alex@example.com\r\nBcc: someone@example.com",
        confirmation_email="yes",
    )
    assert response.status_code == 200
    assert mail.outbox == []


def test_sending_the_same_form_twice_makes_one_referral(client, referral_page):
    data = answers()
    data["form_token"] = form_token(client)
    first = client.post("/self-referral/", data)
    second = client.post("/self-referral/", data)
    assert first.status_code == second.status_code == 302
    assert Referral.objects.count() == 1
    assert client.get(second["Location"]).status_code == 200
    assert len(mail.outbox) == 1


def test_two_forms_make_two_referrals(client, referral_page):
    submit(client)
    submit(client)
    assert Referral.objects.count() == 2
    first, second = Referral.objects.order_by("pk")
    assert first.reference != second.reference


def test_source_code_is_kept_through_the_form_without_cookies(client, referral_page):
    page = client.get("/self-referral/?src=gp")
    assert 'name="src" value="gp"' in page.text
    assert "sessionid" not in page.cookies


@pytest.mark.parametrize(
    "src", ["<script>", "a" * 41, "GP Leaflet", "../../etc", "scam-call-0900-123456", "gp2"]
)
def test_codes_not_on_the_list_are_kept_only_as_other(client, referral_page, src):
    page = client.get("/self-referral/", {"src": src})
    assert 'name="src" value="other">' in page.text
    submit(client, src=src)
    assert Referral.objects.get().source_code == "other"


def test_codes_on_the_list_are_kept(client, referral_page):
    from kiosk.factories import KioskFactory
    from selfreferral.models import ReferralSource

    ReferralSource.objects.create(code="newsletter", label="Our newsletter")
    kiosk = KioskFactory()
    for code in ("gp", "newsletter", kiosk.source_code):  # a leaflet's, the comms team's, a kiosk's
        submit(client, src=code)
    assert list(Referral.objects.order_by("pk").values_list("source_code", flat=True)) == [
        "gp",
        "newsletter",
        kiosk.source_code,
    ]


def test_thank_you_page_with_a_changed_link_goes_back_to_the_form(client, referral_page):
    response = client.get("/self-referral/thank-you/?ref=RJ-2026-000001")
    assert response.status_code == 302
    assert response["Location"] == "/self-referral/"


def test_form_page_has_the_quick_exit_and_one_h1(client, referral_page):
    html = client.get("/self-referral/").text
    assert html.count("<h1") == 1
    assert "data-quick-exit" in html


def test_other_methods_are_refused(client, referral_page):
    assert client.put("/self-referral/").status_code == 405


def test_each_channel_asks_its_own_questions_from_the_one_list():
    from selfreferral import questions as q

    web, kiosk, paper = (q.questions_for(c) for c in (q.WEB, q.KIOSK, q.PAPER))
    # A kiosk in a prison has no phone or email, and offers the prison's own go-betweens.
    assert "phone" not in kiosk and "email" not in kiosk and "prison_number" in kiosk
    assert [c.label for c in kiosk["preferred_contact"].choices] == [
        "Letter",
        "Through my key worker or offender manager",
    ]
    assert "prison_number" not in web and "prison_number" in paper
    # Everything else is the same question, worded once.
    for name in set(web) & set(paper):
        assert web[name] == paper[name]
    assert set(web) - set(kiosk) == {"phone", "email", "safe_times", "confirmation_email"}


def test_search_engines_may_index_the_form_but_not_what_comes_after(client, referral_page):
    # The page the awareness campaign points to must be findable.
    assert 'name="robots"' not in client.get(referral_page.url).text
    response = submit(client)
    assert response.status_code == 302
    thank_you = client.get(response["Location"]).text
    assert '<meta name="robots" content="noindex">' in thank_you
