"""Routing and the coordinator email, through a real SMTP server on loopback
and the persistent task queue. Nothing is lost when the mail server is down."""

import datetime
import email
from email import policy

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from selfreferral import questions as q
from selfreferral.admin_views import COORDINATORS_GROUP
from selfreferral.factories import AreaFactory, ReferralFactory
from selfreferral.models import Area, Referral
from tests.conftest import submit

pytestmark = pytest.mark.django_db


# Routing: one test per branch of Referral.notification_recipients


def test_adults_go_to_the_area_coordinators():
    area = AreaFactory(coordinator_inboxes="a@area.example\nb@area.example, c@area.example")
    referral = ReferralFactory(area=area, age_group=q.AGE_18_OR_OVER)
    assert referral.notification_recipients() == [
        "a@area.example",
        "b@area.example",
        "c@area.example",
    ]


def test_under_18s_go_to_the_youth_inbox():
    area = AreaFactory(youth_inbox="youth@area.example")
    referral = ReferralFactory(area=area, age_group=q.AGE_UNDER_18)
    assert referral.notification_recipients() == ["youth@area.example"]


def test_under_18s_go_to_the_coordinators_when_there_is_no_youth_inbox():
    area = AreaFactory(coordinator_inboxes="team@area.example", youth_inbox="")
    referral = ReferralFactory(area=area, age_group=q.AGE_UNDER_18)
    assert referral.notification_recipients() == ["team@area.example"]


def test_not_sure_goes_to_the_default_inbox(settings):
    settings.SELF_REFERRAL_DEFAULT_INBOX = "central@rj.example"
    assert ReferralFactory(area=None).notification_recipients() == ["central@rj.example"]
    assert ReferralFactory(area=None, age_group=q.AGE_UNDER_18).notification_recipients() == [
        "central@rj.example"
    ]


def test_an_area_taken_off_the_form_goes_to_the_default_inbox(settings):
    settings.SELF_REFERRAL_DEFAULT_INBOX = "central@rj.example"
    referral = ReferralFactory(area=AreaFactory(is_active=False))
    assert referral.notification_recipients() == ["central@rj.example"]


def test_an_area_with_no_inbox_goes_to_the_default_inbox(settings):
    settings.SELF_REFERRAL_DEFAULT_INBOX = "central@rj.example"
    referral = ReferralFactory(area=AreaFactory(coordinator_inboxes=""))
    assert referral.notification_recipients() == ["central@rj.example"]


def test_the_form_routes_by_area_and_age(client, referral_page, settings):
    settings.SELF_REFERRAL_DEFAULT_INBOX = "central@rj.example"
    saltcombe = Area.objects.get(name="Saltcombe")
    submit(client, area=str(saltcombe.pk), age_group=q.AGE_UNDER_18)
    submit(client, area=str(saltcombe.pk))
    submit(client, area=q.NOT_SURE)
    assert [message.to for message in mail.outbox] == [
        ["youth@saltcombe.example"],
        ["saltcombe.rj@fenmoor-saltcombe-pcc.example"],
        ["central@rj.example"],
    ]
    assert Referral.objects.get(area=None).area_name == "Not sure"


# The email itself


def test_the_email_carries_what_first_contact_needs_and_no_more(client, referral_page):
    submit(
        client,
        name="Robin <Example>",
        support_needs="A Polish interpreter",
        what_happened="A very private account",
    )
    referral = Referral.objects.get()
    message = mail.outbox[0]
    assert message.subject == f"New self-referral {referral.reference}"
    for text in (
        referral.reference,
        "Robin <Example>",
        "07911 123456",
        "Phone call",
        "Safe to leave a message: No",
        "Weekdays after 3pm",
        "Fenmoor North",
        "A Polish interpreter",
        f"http://testserver/admin/snippets/selfreferral/referral/inspect/{referral.pk}/",
    ):
        assert text in message.body
    assert "A very private account" not in message.body
    html = message.alternatives[0][0]
    assert "Robin &lt;Example&gt;" in html and "Robin <Example>" not in html
    assert "A very private account" not in html


def test_what_happened_is_included_only_when_a_setting_says_so(client, referral_page, settings):
    settings.SELF_REFERRAL_EMAIL_INCLUDES_WHAT_HAPPENED = True
    submit(client, what_happened="Tell the <coordinator>")
    assert "Tell the <coordinator>" in mail.outbox[0].body
    assert "Tell the &lt;coordinator&gt;" in mail.outbox[0].alternatives[0][0]


def test_the_referrer_gets_no_email_unless_they_asked(client, referral_page):
    submit(client, preferred_contact="email", email="alex@example.com")
    assert [m.to for m in mail.outbox] == [["north.rj@fenmoor-saltcombe-pcc.example"]]


def test_the_referrer_gets_their_reference_when_they_asked(client, referral_page):
    submit(client, email="alex@example.com", confirmation_email="yes")
    referral = Referral.objects.get()
    confirmation = [m for m in mail.outbox if m.to == ["alex@example.com"]]
    assert len(confirmation) == 1
    assert referral.reference in confirmation[0].body
    assert "bike" not in confirmation[0].body
    assert confirmation[0].subject == "Your restorative justice referral"


def test_asking_for_an_email_needs_an_address(client, referral_page):
    response = submit(client, email="", confirmation_email="yes")
    assert "Enter an email address for your reference number" in response.text


# Real SMTP, the persistent queue, and nothing lost


def _parse(raw):
    return email.message_from_string(raw, policy=policy.default)


def test_the_coordinator_email_arrives_over_smtp(
    client, referral_page, smtp_server, database_queue
):
    submit(client)
    referral = Referral.objects.get()
    # Queued, not sent, during the request.
    assert smtp_server.messages == []
    assert referral.notified_at is None
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    assert len(smtp_server.messages) == 1
    message = _parse(smtp_server.messages[0]["data"])
    assert message["Subject"] == f"New self-referral {referral.reference}"
    assert smtp_server.messages[0]["to"] == ["north.rj@fenmoor-saltcombe-pcc.example"]
    assert message.get_body(("plain",)).get_content().count(referral.reference) >= 1
    assert message.get_body(("html",)) is not None
    referral.refresh_from_db()
    assert referral.notified_at is not None and referral.notification_attempts == 1


def test_with_smtp_down_referrals_are_kept_and_sent_exactly_once_later(
    client, referral_page, smtp_server, database_queue
):
    smtp_server.stop()
    for name in ("First Person", "Second Person", "Third Person"):
        assert submit(client, name=name).status_code == 302
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    assert Referral.objects.count() == 3
    for referral in Referral.objects.all():
        assert referral.notified_at is None
        assert referral.notification_attempts == 1
        assert "ConnectionRefusedError" in referral.notification_error
    # Still down at the next attempt.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1, seconds=5)):
        call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    assert set(Referral.objects.values_list("notification_attempts", flat=True)) == {2}
    # Back again: the retries go out, once each, and nothing more is queued.
    smtp_server.start()
    for minutes in (1, 5, 60):
        with time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes)):
            call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    subjects = sorted(_parse(m["data"])["Subject"] for m in smtp_server.messages)
    assert subjects == sorted(f"New self-referral {r.reference}" for r in Referral.objects.all())
    assert set(Referral.objects.values_list("notification_attempts", flat=True)) == {3}
    assert not Referral.objects.filter(notified_at=None).exists()
    assert Referral.objects.filter(notification_error="").count() == 3


def test_retries_wait_longer_each_time_and_stop(
    client, referral_page, smtp_server, database_queue, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.SELF_REFERRAL_NOTIFICATION_MAX_ATTEMPTS = 3
    smtp_server.stop()
    submit(client)
    start = timezone.now()
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after - start >= datetime.timedelta(minutes=1)
    for hours in range(1, 6):
        with time_machine.travel(start + datetime.timedelta(hours=hours)):
            call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    referral = Referral.objects.get()
    assert referral.notification_attempts == 3
    assert referral.notified_at is None
    assert not DBTaskResult.objects.filter(status="READY").exists()


def _run_worker():
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)


def test_a_worker_killed_mid_send_loses_nothing_and_sends_once(
    client, referral_page, smtp_server, database_queue, monkeypatch
):
    """The retry is queued before sending: a worker that dies mid-send (here the
    send raises SystemExit, which the task does not catch) leaves it behind."""
    from django_tasks_db.models import DBTaskResult

    from selfreferral.tasks import send_coordinator_email

    submit(client)
    referral = Referral.objects.get()
    # The worker took the queued task and died with it: it stays "running".
    DBTaskResult.objects.update(status="RUNNING")

    def die(*args, **kwargs):
        raise SystemExit("killed")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMultiAlternatives.send", die)
        start = timezone.now()
        with pytest.raises(SystemExit):
            send_coordinator_email.call(referral.pk)
    referral.refresh_from_db()
    assert referral.notified_at is None  # the send's transaction was rolled back
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["args"] == [referral.pk]
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after - start >= datetime.timedelta(minutes=1)

    _run_worker()  # not due yet
    assert smtp_server.messages == []
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1, seconds=5)):
        _run_worker()
    assert len(smtp_server.messages) == 1
    referral.refresh_from_db()
    assert referral.notified_at is not None and referral.notification_attempts == 2


def test_the_queued_retry_after_a_send_does_nothing(
    client, referral_page, smtp_server, database_queue
):
    from django_tasks_db.models import DBTaskResult

    submit(client)
    _run_worker()
    assert len(smtp_server.messages) == 1
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # the retry, just in case
    for minutes in (2, 10, 120):
        with time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes)):
            _run_worker()
    assert len(smtp_server.messages) == 1
    assert not DBTaskResult.objects.filter(status="READY").exists()
    sends = DBTaskResult.objects.filter(task_path__endswith="send_coordinator_email")
    assert sorted(sends.values_list("return_value", flat=True)) == ["already sent", "sent"]


def test_referral_emails_go_before_a_backlog_of_other_tasks(
    client, referral_page, smtp_server, database_queue
):
    from django_tasks_db.models import DBTaskResult

    from cms.tasks import publish_scheduled_pages

    for _ in range(5):  # queued earlier: what a bulk publish leaves behind
        publish_scheduled_pages.enqueue()
    submit(client)
    call_command("db_worker", max_tasks=1, interval=0, startup_delay=False, verbosity=0)
    assert len(smtp_server.messages) == 1
    assert DBTaskResult.objects.filter(status="READY", task_path__endswith="pages").count() == 5


def test_every_attempt_carries_the_same_message_id(settings):
    from selfreferral.emails import coordinator_email

    settings.DEFAULT_FROM_EMAIL = "RJ service <no-reply@rj.example>"
    referral = ReferralFactory()
    first, second = coordinator_email(referral).message(), coordinator_email(referral).message()
    assert first["Message-ID"] == second["Message-ID"]
    assert first["Message-ID"] == f"<referral-{referral.reference}.coordinators@rj.example>"


def test_backoff_grows_and_is_capped():
    from home.retries import backoff

    assert [backoff(n).total_seconds() / 60 for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]


def test_a_stale_notification_is_flagged_on_the_dashboard(
    client, referral_page, database_queue, settings
):
    from django.contrib.auth.models import Group, User

    coordinator = User.objects.create_user("coordinator-a", password="x" * 12)
    coordinator.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
    submit(client)
    client.force_login(coordinator)
    assert "data-stale-count" not in client.get("/admin/").text
    later = timezone.now() + datetime.timedelta(
        minutes=settings.SELF_REFERRAL_NOTIFICATION_STALE_MINUTES + 1
    )
    with time_machine.travel(later):
        dashboard = client.get("/admin/").text
    assert "<span data-stale-count>1 referral</span> still waiting" in dashboard
