"""Who can see referrals, and who may change that (cms/access.py, cms/users.py):
only superusers give or take away the coordinator, administrator and superuser
roles, nobody changes their own, bulk actions follow the same rules, every change
is recorded and emailed to the superusers, and nobody without the referral
permission reaches any referral view (list, chooser, bulk actions)."""

import pytest

from django.contrib.auth.models import Group, User
from django.core import mail
from django.urls import NoReverseMatch, reverse

from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import ModelLogEntry

from cms import access
from cms.roles import COMMS_EDITORS, SITE_ADMINISTRATORS
from selfreferral.admin_views import COORDINATORS_GROUP
from selfreferral.factories import ReferralFactory
from selfreferral.models import Referral
from tests.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db


def group(name):
    return Group.objects.get(name=name)


def edit_user(client, target, **changes):
    data = {
        "username": target.username,
        "email": target.email,
        "first_name": target.first_name or "First",
        "last_name": target.last_name or "Last",
        "is_active": "on",
        "groups": [g.pk for g in target.groups.all()],
        **changes,
    }
    return client.post(reverse("wagtailusers_users:edit", args=[target.pk]), data)


def bulk(client, action, users, **data):
    ids = "&".join(f"id={user.pk}" for user in users)
    url = reverse("wagtail_bulk_action", args=("auth", "user", action)) + f"?{ids}"
    return client.post(url, data)


def access_log(user):
    """The user's history of referral access, oldest first."""
    return list(
        ModelLogEntry.objects.filter(
            content_type__app_label="auth",
            object_id=str(user.pk),
            action__in=[access.GRANTED, access.REMOVED],
        )
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def can_export_referrals(client):
    ReferralFactory()
    response = client.get(reverse("wagtailsnippets_selfreferral_referral:list"), {"export": "csv"})
    return response.status_code == 200


# 1. A site administrator cannot give themselves (or anyone) referral access


def test_a_site_administrator_cannot_give_themselves_the_coordinator_role(client, site_admin):
    client.force_login(site_admin)
    form = client.get(reverse("wagtailusers_users:edit", args=[site_admin.pk])).context["form"]
    assert form.fields["groups"].disabled
    coordinators = group(COORDINATORS_GROUP)
    edit_user(client, site_admin, groups=[coordinators.pk, group(SITE_ADMINISTRATORS).pk])
    assert list(site_admin.groups.values_list("name", flat=True)) == [SITE_ADMINISTRATORS]
    assert not can_export_referrals(client)


def test_a_site_administrator_cannot_give_anyone_a_privileged_role(client, site_admin, editor):
    client.force_login(site_admin)
    form = client.get(reverse("wagtailusers_users:edit", args=[editor.pk])).context["form"]
    offered = set(form.fields["groups"].queryset.values_list("name", flat=True))
    assert COMMS_EDITORS in offered
    assert not offered & {COORDINATORS_GROUP, SITE_ADMINISTRATORS}
    assert "is_superuser" not in form.fields
    response = edit_user(client, editor, groups=[group(COORDINATORS_GROUP).pk])
    assert response.status_code == 200  # refused: not one of the choices
    assert not editor.groups.filter(name=COORDINATORS_GROUP).exists()
    new_user = {
        "username": "newcomer",
        "email": "newcomer@example.org",
        "first_name": "New",
        "last_name": "Comer",
        "password1": STAFF_PASSWORD,
        "password2": STAFF_PASSWORD,
        "is_active": "on",
        "groups": [group(SITE_ADMINISTRATORS).pk],
    }
    client.post(reverse("wagtailusers_users:add"), new_user)
    assert not User.objects.filter(username="newcomer", groups__name=SITE_ADMINISTRATORS).exists()


def test_a_site_administrators_edit_keeps_the_roles_they_may_not_touch(client, site_admin, editor):
    """An editor who is also a site administrator: another administrator can change
    their other roles, not take that one away."""
    editor.groups.add(group(SITE_ADMINISTRATORS))
    client.force_login(site_admin)
    response = edit_user(client, editor, groups=[])
    assert response.status_code == 302
    assert list(editor.groups.values_list("name", flat=True)) == [SITE_ADMINISTRATORS]


def test_a_site_administrator_cannot_take_over_a_coordinators_account(
    client, site_admin, coordinator
):
    client.force_login(site_admin)
    for name in ("wagtailusers_users:edit", "wagtailusers_users:delete"):
        response = client.get(reverse(name, args=[coordinator.pk]))
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    edit_user(client, coordinator, password1="a new password 123", password2="a new password 123")
    coordinator.refresh_from_db()
    assert coordinator.check_password(STAFF_PASSWORD)


def test_roles_and_their_permissions_are_for_superusers_only(client, site_admin, superuser):
    coordinators = group(COORDINATORS_GROUP)
    client.force_login(site_admin)
    for name, args in [
        ("wagtailusers_groups:index", ()),
        ("wagtailusers_groups:add", ()),
        ("wagtailusers_groups:edit", (coordinators.pk,)),
        ("wagtailusers_groups:delete", (coordinators.pk,)),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home"), name
    client.force_login(superuser)
    assert (
        client.get(reverse("wagtailusers_groups:edit", args=[coordinators.pk])).status_code == 200
    )


def test_a_superuser_gives_and_takes_away_the_role_and_every_superuser_is_told(
    client, superuser, editor
):
    client.force_login(superuser)
    mail.outbox.clear()
    coordinators = group(COORDINATORS_GROUP)
    edit_user(client, editor, groups=[coordinators.pk])
    assert editor.groups.filter(pk=coordinators.pk).exists()
    assert access_log(editor) == [access.GRANTED]
    entry = ModelLogEntry.objects.get(object_id=str(editor.pk), action=access.GRANTED)
    assert entry.user == superuser
    (message,) = mail.outbox
    assert message.subject == "Referral access changed"
    assert superuser.email in message.bcc
    assert f"{editor.username} can now see referrals" in message.body
    assert f"by {superuser.username}" in message.body
    edit_user(client, editor, groups=[])
    assert access_log(editor) == [access.GRANTED, access.REMOVED]
    assert f"{editor.username} can no longer see referrals" in mail.outbox[-1].body
    # The user's history in the admin says it in words.
    history = client.get(reverse("wagtailusers_users:history", args=[editor.pk])).text
    assert "Can now see referrals" in history and "Can no longer see referrals" in history


def test_a_superuser_cannot_change_their_own_roles(client, superuser):
    client.force_login(superuser)
    form = client.get(reverse("wagtailusers_users:edit", args=[superuser.pk])).context["form"]
    assert form.fields["groups"].disabled and "is_superuser" not in form.fields


def test_changes_made_outside_the_admin_are_recorded_and_emailed_too(editor, superuser):
    mail.outbox.clear()
    group(COORDINATORS_GROUP).user_set.add(editor)  # from the shell, say
    assert access_log(editor) == [access.GRANTED]
    assert "by a command or script run on the server" in mail.outbox[-1].body
    permission = group(COORDINATORS_GROUP).permissions.get(codename="view_referral")
    group(COMMS_EDITORS).permissions.add(permission)  # every editor can now see them
    body = mail.outbox[-1].body
    assert "april can now see referrals" not in body  # an approver, not an editor
    assert f"{editor.username} can now" not in body  # could already
    User.objects.create_superuser("another", "another@example.org", STAFF_PASSWORD)
    assert "another can now see referrals (new superuser)" in mail.outbox[-1].body
    editor.delete()
    assert "edna can no longer see referrals (account deleted)" in mail.outbox[-1].body


def test_changes_that_do_not_touch_referral_access_are_not_reported(editor, approver):
    mail.outbox.clear()
    editor.groups.add(group(COMMS_EDITORS))
    editor.first_name = "Edna"
    editor.save()
    approver.groups.remove(group(approver.groups.first().name))
    assert mail.outbox == []
    assert access_log(editor) == []


# 2. Bulk actions follow the same rules


def test_a_site_administrator_cannot_deactivate_or_delete_a_superuser_in_bulk(
    client, site_admin, superuser, coordinator, editor
):
    client.force_login(site_admin)
    bulk(client, "set_active_state", [superuser, coordinator, editor], mark_as_active="False")
    for user in (superuser, coordinator):
        user.refresh_from_db()
        assert user.is_active
    editor.refresh_from_db()
    assert not editor.is_active  # an ordinary account is still theirs to manage
    bulk(client, "delete", [superuser, coordinator])
    assert User.objects.filter(pk__in=[superuser.pk, coordinator.pk]).count() == 2
    page = client.get(
        reverse("wagtail_bulk_action", args=("auth", "user", "delete")) + f"?id={superuser.pk}"
    )
    assert "You don't have permission to delete" in page.text or superuser.username in page.text


def test_a_site_administrator_cannot_assign_a_privileged_role_in_bulk(client, site_admin, editor):
    client.force_login(site_admin)
    for name in (COORDINATORS_GROUP, SITE_ADMINISTRATORS):
        bulk(client, "assign_role", [editor, site_admin], role=group(name).pk)
        assert not editor.groups.filter(name=name).exists()
    assert not site_admin.groups.filter(name=COORDINATORS_GROUP).exists()
    bulk(client, "assign_role", [site_admin], role=group(COMMS_EDITORS).pk)
    assert not site_admin.groups.filter(name=COMMS_EDITORS).exists()  # not their own roles
    bulk(client, "assign_role", [editor], role=group(COMMS_EDITORS).pk)


def test_a_superusers_bulk_deactivation_of_a_coordinator_is_recorded(
    client, superuser, coordinator
):
    client.force_login(superuser)
    mail.outbox.clear()
    before = access_log(coordinator)
    bulk(client, "set_active_state", [coordinator, superuser], mark_as_active="False")
    coordinator.refresh_from_db()
    superuser.refresh_from_db()
    assert not coordinator.is_active and superuser.is_active  # never yourself
    assert access_log(coordinator) == [*before, access.REMOVED]
    assert "cora can no longer see referrals (account made inactive)" in mail.outbox[-1].body


# 17. Nobody without the coordinator permission reaches any referral view


def referral_urls(referral):
    """Every admin address for referrals: the snippet's views, its chooser and every
    bulk action registered for it."""
    urls = []
    names = [
        ("wagtailsnippets_selfreferral_referral", view)
        for view in ("list", "list_results", "add", "edit", "delete", "usage", "history")
        + ("history_results", "inspect")
    ] + [
        ("wagtailsnippetchoosers_selfreferral_referral", view)
        for view in ("choose", "choose_results", "chosen", "chosen_multiple", "create")
    ]
    for namespace, view in names:
        for args in ((), (referral.pk,)):
            try:
                urls.append(reverse(f"{namespace}:{view}", args=args))
            except NoReverseMatch:
                continue
    for action in bulk_action_registry.get_bulk_actions_for_model("selfreferral", "referral"):
        base = reverse("wagtail_bulk_action", args=("selfreferral", "referral", action.action_type))
        urls += [base + "?id=all", base + f"?id={referral.pk}"]
    return urls


@pytest.mark.parametrize("role", ["editor", "approver", "site_admin"])
def test_nobody_else_reaches_any_referral_view(client, request, role):
    referral = ReferralFactory()
    urls = referral_urls(referral)
    assert any("/choose/" in url for url in urls) and any("/bulk/" in url for url in urls)
    client.force_login(request.getfixturevalue(role))
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (302, 403), url
            assert referral.reference not in response.content.decode(), url
    assert Referral.objects.filter(pk=referral.pk).exists()


def test_coordinators_still_choose_and_list_referrals(client, coordinator):
    referral = ReferralFactory()
    client.force_login(coordinator)
    for name in (
        "wagtailsnippetchoosers_selfreferral_referral:choose",
        "wagtailsnippets_selfreferral_referral:list",
    ):
        response = client.get(reverse(name))
        assert response.status_code == 200 and referral.reference in response.text
