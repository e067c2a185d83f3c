"""Each role reaches what it needs in the admin, and nothing else."""

import pytest
import wagtail_factories

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms import roles
from home.models import HomePage, StandardPage
from tests.conftest import english

pytestmark = pytest.mark.django_db


def new_page_data(title, action=None):
    data = {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "intro": "",
        "body": streamfield([("text", rich_text("<p>Plain words.</p>"))]),
    }
    if action:
        data[action] = action.removeprefix("action-")
    return nested_form_data(data)


def add_url(home):
    return reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk))


def status(client, name, *args):
    return client.get(reverse(name, args=args)).status_code


def reaches(client, name, *args):
    """Whether the user gets the page at `name` (following the admin's own redirects),
    rather than a refusal or a bounce to the dashboard."""
    url = reverse(name, args=args)
    response = client.get(url, follow=True)
    final = response.request["PATH_INFO"]
    return (
        response.status_code == 200
        and final.startswith(url)
        and final != reverse("wagtailadmin_home")
    )


def test_migration_creates_the_three_roles():
    names = set(Group.objects.values_list("name", flat=True))
    assert {roles.COMMS_EDITORS, roles.COMMS_APPROVERS, roles.SITE_ADMINISTRATORS} <= names
    # Wagtail's own starter groups are replaced by these roles.
    assert not names & {"Editors", "Moderators"}


def test_editor_can_write_pages_images_and_documents(client, demo_site, editor):
    client.force_login(editor)
    assert status(client, "wagtailadmin_home") == 200
    assert reaches(client, "wagtailadmin_explore", demo_site.pk)
    assert client.get(add_url(demo_site)).status_code == 200
    assert reaches(client, "wagtailimages:add")
    assert reaches(client, "wagtaildocs:add")
    page = english(StandardPage).get(slug="is-it-safe")
    assert reaches(client, "wagtailadmin_pages:edit", page.pk)


def test_editor_cannot_publish(client, demo_site, editor):
    client.force_login(editor)
    response = client.post(add_url(demo_site), new_page_data("Getting help", "action-publish"))
    assert response.status_code in (200, 302)
    page = english(StandardPage).get(slug="getting-help")
    assert not page.live
    assert not page.permissions_for_user(editor).can_publish()
    live = english(StandardPage).get(slug="is-it-safe")
    assert status(client, "wagtailadmin_pages:unpublish", live.pk) in (302, 403)
    live.refresh_from_db()
    assert live.live


def test_editor_cannot_reach_users_settings_or_workflows(client, demo_site, editor):
    client.force_login(editor)
    for name, args in [
        ("wagtailusers_users:index", ()),
        ("wagtailusers_groups:index", ()),
        ("wagtailsettings:edit", ("home", "contactsettings")),
        ("wagtailadmin_workflows:index", ()),
        ("wagtailredirects:index", ()),
        ("wagtailsites:index", ()),
    ]:
        assert not reaches(client, name, *args), name


def test_approver_can_publish_unpublish_and_schedule(client, demo_site, approver):
    client.force_login(approver)
    response = client.post(add_url(demo_site), new_page_data("Getting help", "action-publish"))
    assert response.status_code == 302
    page = english(StandardPage).get(slug="getting-help")
    assert page.live
    perms = page.permissions_for_user(approver)
    assert perms.can_unpublish() and perms.can_publish() and perms.can_lock()
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert reaches(client, "wagtailimages:add")


def test_approver_cannot_reach_users_or_settings(client, demo_site, approver):
    client.force_login(approver)
    for name, args in [
        ("wagtailusers_users:index", ()),
        ("wagtailsettings:edit", ("home", "contactsettings")),
        ("wagtailadmin_workflows:index", ()),
    ]:
        assert not reaches(client, name, *args), name


def test_site_administrator_manages_users_and_settings_but_not_pages(client, demo_site, site_admin):
    client.force_login(site_admin)
    assert reaches(client, "wagtailusers_users:index")
    assert reaches(client, "wagtailusers_users:add")
    assert reaches(client, "wagtailsettings:edit", "home", "contactsettings")
    assert reaches(client, "wagtailredirects:index")
    # Pages, images, documents and the review workflow are the comms team's.
    page = english(StandardPage).get(slug="is-it-safe")
    assert not reaches(client, "wagtailadmin_pages:edit", page.pk)
    assert client.post(add_url(demo_site), new_page_data("Sneaky")).status_code in (302, 403)
    assert not StandardPage.objects.filter(slug="sneaky").exists()
    assert not reaches(client, "wagtailimages:add")
    assert not reaches(client, "wagtaildocs:add")
    assert not reaches(client, "wagtailadmin_workflows:index")


def test_site_administrator_cannot_make_or_take_over_a_superuser(
    client, site_admin, admin_user, editor
):
    client.force_login(site_admin)
    response = client.get(reverse("wagtailusers_users:add"))
    assert "is_superuser" not in response.context["form"].fields
    response = client.get(reverse("wagtailusers_users:edit", args=(editor.pk,)))
    assert "is_superuser" not in response.context["form"].fields
    response = client.post(
        reverse("wagtailusers_users:edit", args=(editor.pk,)),
        {
            "username": editor.username,
            "email": editor.email,
            "first_name": "Edna",
            "last_name": "Editor",
            "is_active": "on",
            "is_superuser": "on",
            "groups": [g.pk for g in editor.groups.all()],
        },
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.first_name == "Edna" and not editor.is_superuser
    # A superuser's account is out of reach: no password change, no deletion.
    assert not reaches(client, "wagtailusers_users:edit", admin_user.pk)
    assert not reaches(client, "wagtailusers_users:delete", admin_user.pk)


def test_superuser_can_still_make_superusers(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailusers_users:add"))
    assert "is_superuser" in response.context["form"].fields


def test_nobody_outside_the_roles_reaches_the_admin(client, django_user_model):
    user = django_user_model.objects.create_user(username="visitor", password="x" * 14)
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302


def test_images_and_documents_in_every_collection_are_the_comms_teams(editor, approver, site_admin):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection
    from wagtail.permissions import policy_registry

    root = Collection.get_first_root_node()
    leaflets = root.add_child(name="Leaflets")
    image = wagtail_factories.ImageFactory(collection=leaflets)
    images = policy_registry.get_by_type(get_image_model())
    documents = policy_registry.get_by_type(get_document_model())
    assert images.user_has_permission_for_instance(editor, "change", image)
    assert images.user_has_permission_for_instance(approver, "change", image)
    assert documents.user_has_permission(editor, "add")
    assert not images.user_has_permission(site_admin, "add")
    assert not documents.user_has_permission(site_admin, "add")


def test_roles_are_granted_again_after_migrate_without_duplicates():
    from django.core.management import call_command

    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    counts = (GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count())
    call_command("migrate", verbosity=0)
    assert (
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    ) == counts


def test_every_snippet_and_setting_is_looked_after_by_a_role():
    """A snippet added later must be given to a role in cms/roles.py (or be listed
    here as deliberately kept from every role, e.g. one holding personal data)."""
    from wagtail.contrib.settings.registry import registry as settings_registry

    # Referrals, and participants' feedback (comments may say who someone is): only for
    # those who can see referrals (selfreferral/wagtail_hooks.py), never a role's own.
    kept_from_roles = {"selfreferral.referral", "feedback.answer"}
    granted = {
        perm.rsplit("_", 1)[-1]
        for role in roles.ROLES.values()
        for perm in role["permissions"]
        if perm.split(".")[1].startswith("change_")
    }
    granted_labels = {
        f"{perm.split('.')[0]}.{perm.split('.')[1].removeprefix('change_')}"
        for role in roles.ROLES.values()
        for perm in role["permissions"]
        if perm.split(".")[1].startswith("change_")
    }
    assert granted
    models = set(get_snippet_models()) | set(settings_registry)
    missing = [
        model._meta.label_lower
        for model in models
        if model._meta.label_lower not in granted_labels | kept_from_roles
    ]
    assert missing == []


def test_page_permissions_are_granted_on_the_root_so_they_cover_every_page_type():
    from wagtail.models import GroupPagePermission

    root = Page.get_first_root_node()
    assert set(
        GroupPagePermission.objects.filter(group__name=roles.COMMS_EDITORS).values_list(
            "page_id", flat=True
        )
    ) == {root.pk}
    assert HomePage in get_page_models()


def test_comms_team_cannot_start_a_second_home_page(client, demo_site, approver, admin_user):
    root = Page.get_first_root_node()
    url = reverse("wagtailadmin_pages:add", args=("home", "homepage", root.pk))
    client.force_login(approver)
    assert client.get(url).status_code in (302, 403)
    client.force_login(admin_user)
    assert client.get(url).status_code == 200
