"""The route for professionals: a page that says what restorative justice can do, who
can be referred and how referrals are assessed, and a referral form built from the one
question list. The referrer gets an acknowledgement and, if they asked, a short update
at first contact and at the close (reference and status only); coordinators see the
channel "professional" and the referrer's details; the purge erases them."""

import datetime
import email
from email import policy

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from rjsite.log_filters import PERSONAL_NAMES
from selfreferral import questions as q
from selfreferral.factories import AreaFactory
from selfreferral.models import (
    PERSONAL_FIELDS,
    Area,
    Channel,
    ProfessionalReferralPage,
    Referral,
    Status,
)
from tests.conftest import english, form_token
from tests.selfreferral.test_admin import LIST_URL, _edit_form, edit_url, export

pytestmark = pytest.mark.django_db

URL = "/professionals/"
PERSON_NAME = "Robin Tallowe"
PERSON_PHONE = "07911 123456"


def professional_answers(**changes):
    """A complete, valid professional referral (area: Saltcombe from the demo)."""
    data = {
        "referrer_name": "Sam Okafor",
        "referrer_organisation": "Fenmoor Probation",
        "referrer_role": "Probation officer",
        "referrer_email": "sam.okafor@probation.example",
        "referrer_phone": "020 7946 0000",
        "role": "caused",
        "name": PERSON_NAME,
        "age_group": "18-or-over",
        "they_agree": "yes",
        "preferred_contact": "phone",
        "phone": PERSON_PHONE,
        "safe_to_leave_message": "no",
        "safe_times": "Mornings",
        "offence_type": "theft",
        "case_stage": "licence",
        "known_risks": ["safeguarding", "language-access"],
        "risk_details": "Needs a Polish interpreter",
        "area": str(Area.objects.get(name="Saltcombe").pk),
        "what_happened": "Burglary of a neighbour's shed",
        "wants_updates": "yes",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def refer(client, url=URL, **changes):
    data = professional_answers(**changes)
    data.setdefault("form_token", form_token(client, url))
    return client.post(url, data)


def _parse(message):
    return email.message_from_string(message["data"], policy=policy.default)


def _to(smtp_server, address):
    return [_parse(m) for m in smtp_server.messages if address in m["to"]]


def test_the_page_says_what_rj_can_do_who_is_eligible_and_how_referrals_are_assessed(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.text
    assert html.count("<h1") == 1
    for heading in (
        "What restorative justice can do",
        "Who can be referred",
        "How we assess a referral",
        "Refer someone",
    ):
        assert heading in html
    # The professions it is for, in the demo's words.
    assert "probation" in html and "schools" in html
    # The form's sections, in order, from the one question list.
    positions = [html.index(str(section.title)) for section in q.sections_for(q.PROFESSIONAL)]
    assert positions == sorted(positions)
    for name in q.questions_for(q.PROFESSIONAL):
        assert f'name="{name}"' in html
    # Nothing the self-referral form asks the person about themselves.
    assert 'name="consent"' not in html and 'name="confirmation_email"' not in html
    assert "no-store" in response["Cache-Control"]


def test_the_page_is_drawn_in_a_bounded_number_of_queries(client):
    client.get(URL)  # warm the site's caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    # At most 10, as every page (tests/home/test_query_bounds.py), and not one more for
    # more areas (once the site index is built again after the change).
    assert len(queries) <= 10, [query["sql"] for query in queries]
    for name in ("Marsh End", "Upper Holloway"):
        AreaFactory(name=name, coordinator_inboxes=f"{name[:4]}@example.org")
    client.get(URL)
    with CaptureQueriesContext(connection) as more:
        assert "Upper Holloway" in client.get(URL).text
    assert len(more) == len(queries)


def test_the_page_type_is_for_the_home_page_and_searchable():
    page = english(ProfessionalReferralPage).get()
    assert ProfessionalReferralPage.parent_page_types == ["home.HomePage"]
    assert ProfessionalReferralPage.subpage_types == []
    searched = {field.field_name for field in ProfessionalReferralPage.search_fields}
    assert {"what_rj_can_do", "who_is_eligible", "how_assessed"} <= searched
    assert page.live and page.url == URL


def test_a_professional_refers_someone_and_gets_an_acknowledgement(client, smtp_server):
    response = refer(client)
    assert response.status_code == 302, response.text[:3000]
    referral = Referral.objects.get()
    assert referral.channel == Channel.PROFESSIONAL
    assert (referral.name, referral.phone) == (PERSON_NAME, PERSON_PHONE)
    assert referral.referrer_name == "Sam Okafor"
    assert referral.referrer_organisation == "Fenmoor Probation"
    assert referral.referrer_phone == "020 7946 0000"
    assert referral.they_agree == q.YES and referral.wants_updates
    assert (referral.offence_type, referral.case_stage) == ("theft", "licence")
    assert referral.known_risks == "safeguarding,language-access"
    assert referral.first_contact_due is not None
    # Encrypted like every personal detail.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT referrer_name, referrer_email, risk_details FROM selfreferral_referral"
        )
        raw = " ".join(cursor.fetchone())
    assert "Okafor" not in raw and "interpreter" not in raw
    # The thank-you page gives the reference.
    thanks = client.get(response["Location"])
    assert referral.reference in thanks.text
    assert "aim to contact the person by" in thanks.text
    # Routed to the area's coordinators, as a professional referral.
    (coordinators,) = _to(smtp_server, "saltcombe.rj@fenmoor-saltcombe-pcc.example")
    assert coordinators["Subject"] == f"New professional referral {referral.reference}"
    text = coordinators.get_body(("plain",)).get_content()
    for shown in (
        "Referred by: Sam Okafor",
        "Organisation: Fenmoor Probation",
        "sam.okafor@probation.example",
        "Case stage: Released on licence",
        "Known risks: Safeguarding concerns, Language or access needs",
        "Who they are: They caused harm",
    ):
        assert shown in text
    # The referrer's acknowledgement: the reference, nothing about the person.
    (acknowledgement,) = _to(smtp_server, "sam.okafor@probation.example")
    assert referral.reference in acknowledgement["Subject"]
    body = acknowledgement.get_body(("plain",)).get_content()
    assert referral.reference in body
    assert PERSON_NAME not in acknowledgement.as_string()
    assert PERSON_PHONE not in acknowledgement.as_string()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"referrer_organisation": ""}, "referrer_organisation", "Enter the name of your"),
        ({"referrer_email": "sam at probation"}, "referrer_email", "correct format"),
        ({"referrer_phone": "12"}, "referrer_phone", "Enter your work phone number, like"),
        ({"case_stage": None}, "case_stage", "Choose where the case is now"),
        ({"known_risks": None}, "known_risks", "Tick what you know of, or tick none known"),
        (
            {"known_risks": ["none-known", "safeguarding"]},
            "known_risks",
            "Tick none known, or tick what you know of, but not both",
        ),
        ({"phone": ""}, "phone", "Enter their phone number"),
        ({"wants_updates": None}, "wants_updates", "Choose yes if you want email updates"),
    ],
)
def test_each_answer_is_checked_with_a_message_that_says_what_to_do(
    client, changes, field, message
):
    response = refer(client, **changes)
    assert response.status_code == 200
    assert not Referral.objects.exists()
    assert response.text.startswith("<!DOCTYPE html>")
    assert "<title>Error:" in response.text
    assert f'<a href="#id_{field}">' in response.text and message in response.text
    # Every answer stays in the form.
    assert "Sam Okafor" in response.text


def test_without_the_persons_agreement_nothing_is_sent(client):
    response = refer(client, they_agree="no")
    assert response.status_code == 200
    assert not Referral.objects.exists()
    assert mail.outbox == []
    assert "Talk to them about restorative justice first" in response.text
    assert '<a href="#id_they_agree">' in response.text
    assert PERSON_NAME in response.text  # the answers are kept


def test_the_refusal_is_in_the_visitors_language(client):
    response = refer(client, url="/ar/professionals/", they_agree="no")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl"' in response.text
    assert "تحدّث معه أولًا عن العدالة التصالحية" in response.text
    assert not Referral.objects.exists()


def test_the_same_guards_as_the_self_referral_form(client, settings):
    # Sent too fast: refused, with the answers kept.
    settings.SELF_REFERRAL_MIN_FILL_SECONDS = 60
    response = refer(client)
    assert response.status_code == 200 and not Referral.objects.exists()
    assert "Take a moment to check your answers" in response.text
    settings.SELF_REFERRAL_MIN_FILL_SECONDS = 0
    # The same form sent twice makes one referral.
    token = form_token(client, URL)
    refer(client, form_token=token)
    refer(client, form_token=token)
    assert Referral.objects.count() == 1
    # Too large: not read.
    response = refer(client, risk_details="x" * (settings.SELF_REFERRAL_MAX_BODY_BYTES + 1))
    assert response.status_code == 400
    # Too many sends from one address.
    settings.SELF_REFERRAL_RATE_LIMIT = 1
    response = refer(client, name="Someone Else Entirely")
    assert response.status_code == 429
    assert "Someone Else Entirely" in response.text
    assert Referral.objects.count() == 1


def test_the_form_asks_for_a_captcha_when_the_site_has_keys(client, settings):
    settings.RECAPTCHA_PUBLIC_KEY = "public"
    settings.RECAPTCHA_PRIVATE_KEY = "private"  # noqa: S105
    response = client.get(URL)
    assert 'id="id_captcha"' in response.text
    assert "https://www.google.com/recaptcha/" in response["Content-Security-Policy"]


def _close(client, referral, **changes):
    return client.post(edit_url(referral), _edit_form(referral, **_kept(referral), **changes))


def _kept(referral):
    """What the edit form sends for a professional referral's own fields."""
    return {
        field: getattr(referral, field)
        for field in (
            "referrer_name",
            "referrer_organisation",
            "referrer_role",
            "referrer_email",
            "referrer_phone",
        )
    }


def test_the_referrer_hears_of_first_contact_and_the_close_and_nothing_personal(
    client, coordinator, smtp_server
):
    refer(client)
    referral = Referral.objects.get()
    client.force_login(coordinator)
    # The coordinator sees the channel, can filter by it, and reads the referrer's details.
    listing = client.get(LIST_URL + "?channel=professional").text
    assert referral.reference in listing and "Professional referral" in listing
    assert referral.reference not in client.get(LIST_URL + "?channel=web").text
    inspect = client.get(
        reverse("wagtailsnippets_selfreferral_referral:inspect", args=[referral.pk])
    ).text
    for shown in ("Sam Okafor", "Fenmoor Probation", "Probation officer", "Released on licence"):
        assert shown in inspect
    edit = client.get(edit_url(referral)).text
    assert "sam.okafor@probation.example" in edit
    assert "Sam Okafor, Probation officer, Fenmoor Probation (020 7946 0000)" in edit
    assert "Safeguarding concerns, Language or access needs" in edit
    rows = export(client)
    (row,) = [row for row in rows if row["Reference"] == referral.reference]
    assert row["How it arrived"] == "Professional referral"
    assert row["Referred by"] == "Sam Okafor"
    assert row["Known risks"] == "Safeguarding concerns, Language or access needs"

    before = len(smtp_server.messages)
    response = _close(client, referral, status="contacted")
    assert response.status_code == 302
    updates = _to(smtp_server, "sam.okafor@probation.example")[1:]
    assert len(smtp_server.messages) == before + 1
    (contacted,) = updates
    assert contacted["Subject"] == (
        f"Restorative justice referral {referral.reference}: first contact made"
    )
    referral.refresh_from_db()
    _close(client, referral, status="in_progress")  # no update for this step
    referral.refresh_from_db()
    _close(client, referral, status="closed", outcome="meeting")
    updates = _to(smtp_server, "sam.okafor@probation.example")[1:]
    assert [m["Subject"].rsplit(": ", 1)[1] for m in updates] == ["first contact made", "closed"]
    for update in updates:
        whole = update.as_string()
        assert referral.reference in whole
        for personal in (
            PERSON_NAME,
            "Tallowe",
            PERSON_PHONE,
            "Saltcombe",
            "interpreter",
            "meeting",
        ):
            assert personal not in whole


def test_no_updates_when_the_referrer_did_not_ask(client, coordinator, smtp_server):
    refer(client, wants_updates="no")
    referral = Referral.objects.get()
    assert len(_to(smtp_server, "sam.okafor@probation.example")) == 1  # the acknowledgement
    client.force_login(coordinator)
    _close(client, referral, status="contacted")
    referral.refresh_from_db()
    _close(client, referral, status="closed", outcome="not_suitable")
    referral.refresh_from_db()
    assert referral.status == Status.CLOSED
    assert len(_to(smtp_server, "sam.okafor@probation.example")) == 1


def test_a_failed_update_is_tried_again_later(client, coordinator, smtp_server, database_queue):
    refer(client)
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    referral = Referral.objects.get()
    client.force_login(coordinator)
    smtp_server.stop()
    _close(client, referral, status="contacted")
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    smtp_server.start()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    subjects = [m["Subject"] for m in _to(smtp_server, "sam.okafor@probation.example")]
    assert subjects == [
        f"Restorative justice referral {referral.reference}: {what}"
        for what in ("received", "first contact made")
    ]


def test_the_purge_erases_the_referrers_details(client, settings):
    refer(client)
    referral = Referral.objects.get()
    Referral.objects.filter(pk=referral.pk).update(
        status=Status.CLOSED,
        outcome="letter",
        status_changed_at=timezone.now()
        - datetime.timedelta(days=settings.SELF_REFERRAL_RETENTION_DAYS + 1),
    )
    call_command("purge_referrals", verbosity=0)
    referral.refresh_from_db()
    for field in PERSONAL_FIELDS:
        assert getattr(referral, field) == "", field
    assert referral.referrer_email == referral.referrer_name == referral.risk_details == ""
    # The anonymous answers stay for the figures.
    assert (referral.channel, referral.case_stage, referral.outcome) == (
        Channel.PROFESSIONAL,
        "licence",
        "letter",
    )


def test_the_referrers_details_are_personal_fields_and_kept_out_of_the_logs():
    referrer = {
        "referrer_name",
        "referrer_organisation",
        "referrer_role",
        "referrer_email",
        "referrer_phone",
        "risk_details",
    }
    assert referrer <= set(PERSONAL_FIELDS)
    assert referrer <= PERSONAL_NAMES


def test_a_coordinator_types_in_a_professionals_referral_with_the_same_questions_and_rules(
    client, coordinator, smtp_server
):
    url = reverse("selfreferral_enter_professional_referral")
    client.force_login(coordinator)
    assert url in client.get(LIST_URL).text
    form = client.get(url).text
    for name in q.questions_for(q.PROFESSIONAL):
        assert f'name="{name}"' in form
    assert 'name="received_via"' not in form
    # The same rule as the web form: not without the person's agreement.
    refused = client.post(url, professional_answers(they_agree="no"))
    assert refused.status_code == 200 and not Referral.objects.exists()
    assert "Talk to them about restorative justice first" in refused.text
    response = client.post(url, professional_answers(received_on="2026-11-02"))
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.channel == Channel.PROFESSIONAL
    assert referral.created_on == datetime.date(2026, 11, 2)
    assert referral.known_risks == "safeguarding,language-access"
    assert [m["to"] for m in smtp_server.messages] == [
        ["saltcombe.rj@fenmoor-saltcombe-pcc.example"],
        ["sam.okafor@probation.example"],
    ]


def test_the_form_is_told_whether_to_ask_for_a_captcha(client, settings):
    """One view class for every public form: each says whether its form asks for a
    reCAPTCHA, and the form leaves the field out (nothing takes it off afterwards)."""
    from kiosk.views import KioskReferralFormView
    from selfreferral.forms import SelfReferralForm
    from selfreferral.views import ProfessionalReferralFormView, ReferralFormView

    settings.RECAPTCHA_PUBLIC_KEY = "public"
    settings.RECAPTCHA_PRIVATE_KEY = "private"  # noqa: S105
    assert "captcha" in SelfReferralForm().fields
    assert "captcha" not in SelfReferralForm(channel=Channel.KIOSK, captcha=False).fields
    assert issubclass(KioskReferralFormView, ReferralFormView)
    assert issubclass(ProfessionalReferralFormView, ReferralFormView)
    assert (ReferralFormView.captcha, ProfessionalReferralFormView.captcha) == (True, True)
    assert KioskReferralFormView.captcha is False
    kiosk_form = KioskReferralFormView(kiosk=None).get_form()
    assert "captcha" not in kiosk_form.fields and kiosk_form.channel == Channel.KIOSK
