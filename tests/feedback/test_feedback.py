"""Feedback from participants (#17 part 4): the coordinator sends a single-use,
expiring invitation (by email, or a printed slip with a code), the person answers
a short survey, and the answer is stored with nothing that leads back to them."""

import datetime
import email
import re
from email import policy

import pytest
import time_machine

from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from feedback import invitations
from feedback.models import Answer, Invitation
from selfreferral.factories import ReferralFactory
from selfreferral.models import Outcome, Referral, Status
from tests.selfreferral.test_admin import _edit_form, edit_url
from tests.selfreferral.test_outcomes import in_progress

pytestmark = pytest.mark.django_db

ANSWERS = {
    "satisfaction": "4",
    "felt_safe": "yes",
    "felt_heard": "partly",
    "would_recommend": "yes",
    "comment": "The facilitator was patient with me.",
}


def closed(**fields):
    """A referral closed with a meeting, whose person agreed to be asked for feedback."""
    fields = {
        "status": Status.CLOSED,
        "outcome": Outcome.MEETING,
        "feedback_agreed": True,
        "email": "sam@example.org",
        **fields,
    }
    return ReferralFactory(**fields)


def invitation_url(referral):
    return reverse("selfreferral_feedback_invitation", args=[referral.pk])


def run_worker():
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)


def link_in(message):
    parsed = email.message_from_string(message["data"], policy=policy.default)
    text = parsed.get_body(("plain",)).get_content()
    return parsed, re.search(r"http://\S+/feedback/\S+/", text).group(0)


def path_of(url):
    return "/" + url.split("/", 3)[3]


def test_closing_with_an_outcome_then_inviting_by_email_and_answering_once(
    client, coordinator, smtp_server, database_queue
):
    referral = in_progress(email="sam@example.org", channel="web", role="caused")
    client.force_login(coordinator)
    # Closed with a meeting, and the person agreed to be asked.
    response = client.post(
        edit_url(referral),
        _edit_form(referral, status="closed", outcome="meeting", feedback_agreed="on"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    edit_page = client.get(edit_url(referral)).text
    assert "Send a feedback invitation" in edit_page
    form = client.get(invitation_url(referral)).text
    assert "By email to sam@example.org" in form
    assert "A printed slip with a code" in form

    response = client.post(invitation_url(referral), {"how": "email"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.feedback_invited_on == timezone.localdate()
    # Queued, not sent in the request; and no code is written to the queue.
    assert smtp_server.messages == []
    assert Invitation.objects.count() == 0
    run_worker()
    assert len(smtp_server.messages) == 1
    assert smtp_server.messages[0]["to"] == ["sam@example.org"]
    message, url = link_in(smtp_server.messages[0])
    assert message["Subject"] == "How did restorative justice go for you?"
    assert referral.reference not in smtp_server.messages[0]["data"]
    code = url.rstrip("/").rsplit("/", 1)[1]
    # Only the hash is stored, with the outcome, channel and role: nothing else.
    invitation = Invitation.objects.get()
    assert invitation.token_hash == invitations.hash_code(code) != code
    assert (invitation.outcome, invitation.channel, invitation.role) == ("meeting", "web", "caused")

    client.logout()
    survey = client.get(path_of(url))
    assert survey.status_code == 200
    assert "private" in survey["Cache-Control"] and "no-store" in survey["Cache-Control"]
    # Nothing to other sites; "same-origin" so the browser's post passes the CSRF check.
    assert survey["Referrer-Policy"] == "same-origin"
    for question in (
        "Overall, how satisfied are you",
        "Did you feel safe",
        "Did you feel listened to?",
        "Would you recommend",
    ):
        assert question in survey.text
    response = client.post(path_of(url), ANSWERS)
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:thank_you")
    assert "Thank you for your feedback" in client.get(response["Location"]).text
    answer = Answer.objects.get()
    year, quarter = invitations.quarter_of(timezone.localdate())
    assert (answer.year, answer.quarter, answer.outcome, answer.channel, answer.role) == (
        year,
        quarter,
        "meeting",
        "web",
        "caused",
    )
    assert (answer.satisfaction, answer.felt_safe, answer.would_recommend) == (4, "yes", "yes")
    # Used: the invitation is gone, and the link is refused kindly, with no second answer.
    assert Invitation.objects.count() == 0
    again = client.get(path_of(url))
    assert again.status_code == 404
    assert "This feedback link cannot be used" in again.text
    assert "If you have already answered, thank you" in again.text
    assert client.post(path_of(url), ANSWERS).status_code == 404
    assert Answer.objects.count() == 1


def test_an_invitation_cannot_be_sent_unless_work_took_place_and_they_agreed(client, coordinator):
    client.force_login(coordinator)
    for referral in (
        closed(feedback_agreed=False),
        closed(outcome=Outcome.OTHER_DECLINED),
        in_progress(feedback_agreed=True),
    ):
        assert "Send a feedback invitation" not in client.get(edit_url(referral)).text
        response = client.post(invitation_url(referral), {"how": "slip"})
        assert response.status_code == 302
        assert response["Location"] == edit_url(referral)
    assert Invitation.objects.count() == 0


def test_only_coordinators_send_invitations(client, editor):
    referral = closed()
    client.force_login(editor)
    response = client.get(invitation_url(referral))
    assert response.status_code in (302, 403)
    assert Invitation.objects.count() == 0


def test_a_printed_slip_shows_its_code_once_and_the_code_works_at_the_short_address(
    client, coordinator, settings
):
    referral = closed(email="")
    client.force_login(coordinator)
    form = client.get(invitation_url(referral)).text
    assert "By email" not in form  # no address: the slip is the only way
    slip = client.post(invitation_url(referral), {"how": "slip"})
    assert slip.status_code == 200
    assert "no-store" in slip["Cache-Control"] or "no-cache" in slip["Cache-Control"]
    assert f"<strong>{settings.BASE_URL}/feedback/</strong>" in slip.text
    code = re.search(r'class="code">([A-Z0-9-]+)<', slip.text).group(1)
    assert len(invitations.normalise(code)) == invitations.CODE_LENGTH
    assert code not in str(list(Invitation.objects.values()))
    client.logout()

    start = client.get(reverse("feedback:start"))
    assert start.status_code == 200 and "Your feedback code" in start.text
    # A mistyped code is an ordinary error, in the error summary.
    wrong = client.post(reverse("feedback:start"), {"code": "ABCD-EFGH-JKMN"})
    assert wrong.status_code == 200
    assert "govuk-error-summary" in wrong.text and "We do not recognise this code" in wrong.text
    # Typed in small letters with spaces, as people copy from paper.
    typed = code.lower().replace("-", " ")
    response = client.post(reverse("feedback:start"), {"code": typed})
    assert response.status_code == 302
    survey = response["Location"]
    assert client.post(survey, ANSWERS).status_code == 302
    assert Answer.objects.count() == 1
    used = client.post(reverse("feedback:start"), {"code": code})
    assert "We do not recognise this code" in used.text


def test_an_expired_link_is_refused_kindly(client):
    code = invitations.invite(outcome="letter", channel="paper", role="harmed")
    url = reverse("feedback:survey", args=[code])
    later = timezone.now() + datetime.timedelta(days=43)
    with time_machine.travel(later):
        response = client.get(url)
        assert response.status_code == 410
        assert "This feedback link has expired" in response.text
        assert "Ask your coordinator for a new link or slip" in response.text
        assert client.post(url, ANSWERS).status_code == 410
        typed = client.post(reverse("feedback:start"), {"code": code})
        assert typed.status_code == 410
    assert Answer.objects.count() == 0
    # Nonsense in the address is a kind page too, never a 500.
    for nonsense in ("x", "A" * 300, "%F0%9F%98%80"):
        assert client.get(f"/feedback/{nonsense}/").status_code == 404


def test_the_survey_says_what_is_missing_and_keeps_the_answers(client):
    code = invitations.invite(outcome="letter", channel="web", role="harmed")
    url = reverse("feedback:survey", args=[code])
    response = client.post(url, {"satisfaction": "5", "comment": "Kept"})
    assert response.status_code == 200
    summary = response.text.split('class="govuk-error-summary"')[1].split("</div>")[0]
    assert summary.index("Choose whether you felt safe") < summary.index(
        "Choose whether you would recommend it"
    )
    assert 'href="#id_felt_safe"' in summary and 'id="id_felt_safe"' in response.text
    assert "<title>Error:" in response.text
    assert 'value="5" checked' in response.text and ">Kept</textarea>" in response.text
    assert Answer.objects.count() == 0
    assert Invitation.objects.count() == 1


def test_the_survey_in_arabic_is_right_to_left(client):
    code = invitations.invite(outcome="letter", channel="web", role="harmed")
    response = client.get(
        reverse("feedback:survey", args=[code]).replace("/feedback/", "/ar/feedback/")
    )
    assert response.status_code == 200
    assert 'lang="ar"' in response.text and 'dir="rtl"' in response.text
    assert "Overall, how satisfied are you" not in response.text


def test_answers_are_anonymous_in_the_database(client):
    """No foreign key, no token, no date finer than the quarter, and nothing that
    leads from an answer back to a referral or its personal details."""
    referral = closed(name="Alex Unique-Name", email="alex@example.org")
    code = invitations.invite(
        outcome=referral.outcome, channel=referral.channel, role=referral.role
    )
    token_hash = invitations.hash_code(code)
    client.post(reverse("feedback:survey", args=[code]), ANSWERS)
    answer = Answer.objects.get()

    table = Answer._meta.db_table
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, table)
        relations = connection.introspection.get_relations(cursor, table)
        columns = {column.name for column in description}
        assert columns == {
            "id",
            "year",
            "quarter",
            "outcome",
            "channel",
            "role",
            "satisfaction",
            "felt_safe",
            "felt_heard",
            "would_recommend",
            "comment",
        }
        assert relations == {}  # no foreign key from an answer
        # ...and none to it, from any table.
        for other in connection.introspection.table_names(cursor):
            for _column, (_target_column, target_table) in connection.introspection.get_relations(
                cursor, other
            ).items():
                assert target_table != table
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - a fixed table name
        row = [str(value) for value in cursor.fetchone()]
    assert not any(field.is_relation for field in Answer._meta.get_fields())
    assert not any(
        field.get_internal_type() in ("DateField", "DateTimeField", "TimeField")
        for field in Answer._meta.get_fields()
    )
    # Nothing of the invitation or the person is in the answer's row.
    assert not {code, token_hash, referral.reference, str(referral.pk)} & set(row)
    assert not any("Alex" in value or "alex@" in value for value in row)
    # The invitation is gone: nothing is left that joins the two.
    assert not Invitation.objects.filter(token_hash=token_hash).exists()
    # The referral holds nothing of the answer either.
    referral_row = list(Referral.objects.filter(pk=referral.pk).values_list())[0]
    assert str(answer.pk) not in [str(value) for value in referral_row]


def test_a_failed_email_withdraws_its_code_and_is_sent_later(
    client, coordinator, smtp_server, database_queue
):
    referral = closed()
    client.force_login(coordinator)
    smtp_server.stop()
    client.post(invitation_url(referral), {"how": "email"})
    run_worker()
    assert Invitation.objects.count() == 0  # nothing left that nobody received
    smtp_server.start()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1, seconds=5)):
        run_worker()
    assert len(smtp_server.messages) == 1
    assert Invitation.objects.count() == 1
    _message, url = link_in(smtp_server.messages[0])
    assert client.get(path_of(url)).status_code == 200


def test_coordinators_read_comments_and_nobody_else(client, coordinator, editor):
    code = invitations.invite(outcome="letter", channel="web", role="harmed")
    client.post(reverse("feedback:survey", args=[code]), ANSWERS)
    listing = reverse("wagtailsnippets_feedback_answer:list")
    client.force_login(editor)
    assert "patient with me" not in client.get(listing).text
    client.force_login(coordinator)
    page = client.get(listing)
    assert page.status_code == 200
    assert "The facilitator was patient with me." in page.text
    assert "Letter" in page.text
    answer = Answer.objects.get()
    inspect = client.get(reverse("wagtailsnippets_feedback_answer:inspect", args=[answer.pk]))
    assert "patient with me" in inspect.text
    # Read only: nobody edits or deletes what someone said.
    assert client.get(
        reverse("wagtailsnippets_feedback_answer:edit", args=[answer.pk])
    ).status_code in (302, 403)


def test_the_survey_page_sets_no_lasting_cookie(client):
    code = invitations.invite(outcome="letter", channel="web", role="harmed")
    response = client.get(reverse("feedback:survey", args=[code]))
    for morsel in response.cookies.values():
        assert not morsel["max-age"] and not morsel["expires"], morsel.key
    assert "sessionid" not in response.cookies


def test_a_slip_code_typed_at_a_kiosk_opens_the_survey_in_the_kiosks_frame(client):
    from kiosk.factories import KioskFactory
    from tests.kiosk.conftest import enrol

    enrol(client, KioskFactory())
    start = client.get("/kiosk/")
    assert 'href="/kiosk/feedback/"' in start.text and "Tell us how it went" in start.text
    code = invitations.invite(outcome="meeting", channel="kiosk", role="caused")
    response = client.post("/kiosk/feedback/", {"code": invitations.for_display(code)})
    assert response.status_code == 302
    assert response["Location"] == f"/kiosk/feedback/{code}/"
    survey = client.get(response["Location"])
    assert survey.status_code == 200
    assert "rj-kiosk" in survey.text and "no-store" in survey["Cache-Control"]
    assert 'action="/kiosk/feedback/' in survey.text
    done = client.post(response["Location"], ANSWERS)
    assert done["Location"] == "/kiosk/feedback/thank-you/"
    thanks = client.get(done["Location"]).text
    assert "Thank you for your feedback" in thanks and "I have finished" in thanks
    assert Answer.objects.get().channel == "kiosk"


def test_the_survey_pages_make_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    code = invitations.invite(outcome="meeting", channel="web", role="harmed")
    url = reverse("feedback:survey", args=[code])
    client.get(url)  # settings and menus cached
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.post(url, ANSWERS).status_code == 302
    with django_assert_max_num_queries(12):
        assert client.get(reverse("feedback:start")).status_code == 200


def test_expired_invitations_are_deleted_by_the_daily_purge():
    from selfreferral.tasks import purge_referrals

    invitations.invite(outcome="meeting", channel="web", role="harmed")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=43)):
        fresh = invitations.invite(outcome="letter", channel="web", role="harmed")
        purge_referrals.call()
    assert list(Invitation.objects.values_list("token_hash", flat=True)) == [
        invitations.hash_code(fresh)
    ]
