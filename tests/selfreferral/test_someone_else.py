"""Asking for someone else: who they are, how the person asking knows them, that they
know and agree (RJ is voluntary: without it nothing is sent), and whom to contact
first. The one question list carries it to the web, kiosk, paper and admin entry;
the coordinators read it in the email, the inspect page and the CSV; the purge erases it."""

import datetime
import io
import re

import pytest

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from selfreferral import questions as q
from selfreferral.factories import ReferralFactory
from selfreferral.models import Channel, Referral
from selfreferral.paper import paper_sections
from tests.conftest import answers, form_token, submit

pytestmark = pytest.mark.django_db

FOR_SOMEONE = {
    "role": "someone-else",
    "their_name": "Morgan Quillon",
    "relationship": "I am her brother",
    "they_agree": "yes",
    "contact_first": "them",
}
ENTER_URL = reverse("selfreferral_enter_paper_referral")


def test_a_referral_for_someone_else_keeps_who_they_are_and_whom_to_contact_first(
    client, referral_page
):
    response = submit(client, **FOR_SOMEONE)
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.role == q.ROLE_FOR_SOMEONE
    assert referral.their_name == "Morgan Quillon"
    assert referral.relationship == "I am her brother"
    assert referral.they_agree == q.YES
    assert referral.contact_first == q.CONTACT_FIRST_PERSON
    # Encrypted like the other personal details: a copy of the table shows neither.
    with connection.cursor() as cursor:
        cursor.execute("SELECT their_name, relationship FROM selfreferral_referral")
        raw = cursor.fetchone()
    assert "Quillon" not in raw[0] and "brother" not in raw[1]


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("their_name", "Enter the name of the person you are asking for"),
        ("relationship", "Say how you know the person, or why you are involved"),
        ("they_agree", "Choose yes if they know about this referral and agree to it"),
        ("contact_first", "Choose who we should contact first"),
    ],
)
def test_someone_asking_for_another_person_must_answer_about_them(
    client, referral_page, missing, message
):
    response = submit(client, **{**FOR_SOMEONE, missing: None})
    assert response.status_code == 200
    assert not Referral.objects.exists()
    assert f'<a href="#id_{missing}">{message}</a>' in response.text


def test_people_asking_for_themselves_are_not_asked_about_anyone_else(client, referral_page):
    # Filled in, then the person chose "I was harmed" after all: nothing about them is kept.
    response = submit(client, role="harmed", their_name="Morgan Quillon", they_agree="no")
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.their_name == referral.relationship == referral.they_agree == ""
    assert referral.contact_first == ""


def test_without_their_agreement_nothing_is_sent_and_the_form_says_what_to_do(
    client, referral_page
):
    response = submit(client, **{**FOR_SOMEONE, "they_agree": "no"})
    assert response.status_code == 200
    assert not Referral.objects.exists()
    assert mail.outbox == []
    html = response.text
    assert "<title>Error: " in html
    assert (
        '<a href="#id_they_agree">We cannot take a referral for someone who does not know' in html
    )
    assert "show them this page so they can ask us themselves" in html
    # Why: restorative justice is voluntary (the question's hint).
    assert "Restorative justice is voluntary" in html
    # Every answer is kept, so they can send it once the person agrees.
    assert 'value="Morgan Quillon"' in html and 'value="I am her brother"' in html
    assert re.search(r'value="no"\s+checked', html) or 'value="no" checked' in html
    assert 'value="them" checked' in html
    # Once the person agrees, the same form sends.
    assert submit(client, **FOR_SOMEONE).status_code == 302
    assert Referral.objects.count() == 1


def test_the_refusal_is_in_the_visitors_language(client, demo_site):
    url = "/ar/self-referral/"
    data = answers(**{**FOR_SOMEONE, "they_agree": "no"}, form_token=form_token(client, url))
    html = client.post(url, data).text
    assert '<html lang="ar" dir="rtl"' in html
    assert "لا يمكننا قبول طلب لشخص لا يعلم به أو لم يوافق عليه" in html
    assert "الشخص الذي تطلب نيابة عنه" in html
    assert not Referral.objects.exists()


def test_the_web_form_reveals_the_questions_about_them_only_for_that_answer(client, referral_page):
    html = client.get("/self-referral/").text
    # Without JavaScript the section is there, saying when to answer it.
    assert 'data-shown-when-name="role" data-shown-when-value="someone-else"' in html
    assert "Only answer these questions if you are asking for someone else." in html
    assert html.index('name="role"') < html.index('name="their_name"')
    assert html.index('name="contact_first"') < html.index('name="preferred_contact"')


def test_every_channel_asks_about_the_person_from_the_one_list(client, referral_page):
    names = ("their_name", "relationship", "they_agree", "contact_first")
    for channel in (q.WEB, q.KIOSK, q.PAPER):
        assert set(names) <= set(q.questions_for(channel))
    asked_on_paper = [
        item["question"].name for part in paper_sections([]) for item in part["questions"]
    ]
    assert set(names) <= set(asked_on_paper)


def test_a_coordinator_typing_in_a_paper_form_gets_the_same_rules(
    client, referral_page, coordinator
):
    client.force_login(coordinator)
    paper = answers(
        **{**FOR_SOMEONE, "they_agree": "no"},
        preferred_contact="letter",
        phone="",
        address="1 Lantern Row, Fenmoor",
        received_via="paper",
    )
    response = client.post(ENTER_URL, paper)
    assert response.status_code == 200
    assert "We cannot take a referral for someone who does not know" in response.text
    assert not Referral.objects.exists()
    response = client.post(ENTER_URL, {**paper, "they_agree": "yes"})
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.channel == Channel.PAPER
    assert referral.their_name == "Morgan Quillon"


def test_coordinators_read_it_in_the_email_inspect_page_summary_and_csv(
    client, referral_page, coordinator
):
    submit(client, **FOR_SOMEONE)
    referral = Referral.objects.get()
    body = mail.outbox[0].body
    assert "Referral for: Morgan Quillon" in body
    assert "How they know them: I am her brother" in body
    assert "Person knows and agrees: Yes, they know and they agree" in body
    assert "Contact first: Morgan Quillon (the person it is for)" in body
    assert "Morgan Quillon" in mail.outbox[0].alternatives[0][0]

    client.force_login(coordinator)
    inspect = client.get(
        reverse("wagtailsnippets_selfreferral_referral:inspect", args=[referral.pk])
    ).text
    for text in ("Referral for", "Morgan Quillon", "I am her brother", "Contact first"):
        assert text in inspect
    edit = client.get(
        reverse("wagtailsnippets_selfreferral_referral:edit", args=[referral.pk])
    ).text
    summary = edit[edit.index("rj-referral-summary") :]
    assert "Morgan Quillon (the person it is for)" in summary[: summary.index('name="status"')]

    response = client.get(reverse("wagtailsnippets_selfreferral_referral:list"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode() if response.streaming else response.text
    assert "Referral for" in body.splitlines()[0]
    row = next(line for line in body.splitlines() if referral.reference in line)
    assert "Morgan Quillon" in row and "I am her brother" in row


def test_a_self_referral_shows_no_empty_rows_about_someone_else(client, coordinator):
    referral = ReferralFactory()
    client.force_login(coordinator)
    inspect = client.get(
        reverse("wagtailsnippets_selfreferral_referral:inspect", args=[referral.pk])
    ).text
    assert "Referral for" not in inspect and "Contact first" not in inspect


def test_the_purge_erases_who_they_are(settings):
    settings.SELF_REFERRAL_RETENTION_DAYS = 365
    referral = ReferralFactory(
        role=q.ROLE_FOR_SOMEONE,
        their_name="Morgan Quillon",
        relationship="I am her brother",
        they_agree=q.YES,
        contact_first=q.CONTACT_FIRST_PERSON,
    )
    Referral.objects.filter(pk=referral.pk).update(
        status="closed", status_changed_at=timezone.now() - datetime.timedelta(days=400)
    )
    call_command("purge_referrals", stdout=io.StringIO())
    referral.refresh_from_db()
    assert referral.their_name == referral.relationship == ""
    # The anonymous answers stay for the figures.
    assert referral.role == q.ROLE_FOR_SOMEONE
