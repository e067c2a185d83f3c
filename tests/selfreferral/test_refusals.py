"""A form that cannot be sent now keeps every answer and says why: too many sends
(429), the same form sent again with other answers, the database not answering
(503) and a missing security cookie (403). Nothing typed is lost."""

import re

import pytest

from django.db import OperationalError
from django.test import Client

from selfreferral.models import Referral
from tests.conftest import TOKEN_RE, answers, form_token, submit

pytestmark = pytest.mark.django_db

TYPED = {
    "name": "Philippa Thornwick",
    "safe_times": "Tuesdays after four",
    "what_happened": "Someone kept kicking our gate at night.",
    "role": "someone-else",
    "their_name": "Ottoline Thornwick",
    "relationship": "She is my mother",
    "they_agree": "yes",
    "contact_first": "me",
}


def assert_answers_kept(html):
    for value in (
        TYPED["name"],
        TYPED["safe_times"],
        TYPED["what_happened"],
        TYPED["their_name"],
        TYPED["relationship"],
    ):
        assert value in html, value
    assert re.search(r'<input[^>]*value="someone-else"[^>]*checked', html) or re.search(
        r'<input[^>]*checked[^>]*value="someone-else"', html
    )
    assert 'name="website" id="id_website" value=""' in html  # the honeypot is never refilled


def test_too_many_sends_keep_the_answers_and_say_so(client, referral_page, settings):
    settings.SELF_REFERRAL_RATE_LIMIT = 1
    assert submit(client).status_code == 302
    response = submit(client, **TYPED)
    assert response.status_code == 429
    html = response.text
    assert "Too many attempts" in html and "Your answers are still in the form below." in html
    assert "You can also phone us on <strong>" in html
    assert_answers_kept(html)
    assert Referral.objects.count() == 1
    # An hour later the same page sends, as it stands.
    settings.SELF_REFERRAL_RATE_LIMIT = 10
    data = {**answers(**TYPED), "form_token": TOKEN_RE.search(html).group(1)}
    assert client.post("/self-referral/", data).status_code == 302
    assert Referral.objects.order_by("pk").last().name == TYPED["name"]


def test_the_same_form_sent_again_with_other_answers_is_not_silently_dropped(client, referral_page):
    token = form_token(client)
    first = client.post("/self-referral/", {**answers(), "form_token": token})
    assert first.status_code == 302
    changed = client.post("/self-referral/", {**answers(**TYPED), "form_token": token})
    assert changed.status_code == 200
    html = changed.text
    assert "You have already sent us this form, and we have your first answers" in html
    assert_answers_kept(html)
    new_token = TOKEN_RE.search(html).group(1)
    assert new_token != token
    assert Referral.objects.count() == 1
    # Sending the page again sends the changed answers too.
    assert (
        client.post("/self-referral/", {**answers(**TYPED), "form_token": new_token}).status_code
        == 302
    )
    assert list(Referral.objects.order_by("pk").values_list("role", flat=True)) == [
        "harmed",
        "someone-else",
    ]


def test_a_database_that_fails_while_saving_keeps_the_answers(client, referral_page, monkeypatch):
    def fail(self, *args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr("selfreferral.forms.SelfReferralForm.save", fail)
    response = submit(client, **TYPED)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, we could not send your form" in response.text
    assert_answers_kept(response.text)
    assert "no-store" in response["Cache-Control"]


def test_a_database_that_does_not_answer_at_all_still_keeps_the_answers(
    client, referral_page, monkeypatch
):
    """Not even the form's page can be drawn: a page drawn without the database keeps
    the answers in the form and sends them again with one button."""
    token = form_token(client)

    def fail(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr("selfreferral.views.SelfReferralForm", fail)
    response = client.post("/self-referral/", {**answers(**TYPED), "form_token": token})
    assert response.status_code == 503
    html = response.text
    assert "Send my answers again" in html and 'href="/exit/"' in html
    kept = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))
    assert kept["name"] == TYPED["name"] and kept["form_token"] == token
    assert "csrfmiddlewaretoken" in kept and "website" not in kept
    monkeypatch.undo()  # the database is back
    assert client.post("/self-referral/", kept).status_code == 302
    assert Referral.objects.get().name == TYPED["name"]


def test_a_form_sent_without_its_security_cookie_keeps_the_answers(referral_page):
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/self-referral/").text
    data = {
        **answers(**TYPED),
        "form_token": TOKEN_RE.search(page).group(1),
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1],
    }
    visitor.cookies.clear()  # the quick exit in another tab, say
    response = visitor.post("/self-referral/", data)
    assert response.status_code == 403
    html = response.text
    assert "Your form could not be sent" in html and "Send my answers again" in html
    kept = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))
    assert kept["what_happened"] == TYPED["what_happened"]
    assert visitor.post("/self-referral/", kept).status_code == 302  # the page set a new cookie
    assert Referral.objects.get().name == TYPED["name"]


def test_a_cache_that_fails_does_not_stop_a_referral(client, referral_page, monkeypatch):
    def fail(*args, **kwargs):
        raise ConnectionError("cache server gone")

    monkeypatch.setattr("home.guards.cache.add", fail)
    assert submit(client).status_code == 302
    assert Referral.objects.count() == 1
