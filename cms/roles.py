"""Who may do what in the admin: the roles (Django groups) and their permissions.

Each role lists permissions as "app_label.codename". `sync_roles` creates the
groups and gives them every listed permission that exists. It runs in the data
migration that first creates the groups, and again after every `migrate`
(see `cms.apps`), so a permission belonging to an app installed later (for
example wagtailmedia's "add_media", or the self-referral app's areas and
inboxes) is granted as soon as that app's tables exist. It only ever adds:
taking a permission away from a role needs a data migration.

The group "Restorative justice coordinators" belongs to the self-referral app,
which creates it in its own migration.
"""

from wagtail.permission_policies.pages import PagePermissionPolicy

COMMS_EDITORS = "Comms editors"
COMMS_APPROVERS = "Comms approvers"
SITE_ADMINISTRATORS = "Site administrators"

# Pages: granted on the root page, so they cover the whole tree.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
APPROVER_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + [
    "publish_page",
    "bulk_delete_page",
    "unlock_page",
]

# Images, documents and media: granted on the root collection.
EDITOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    # wagtailmedia (films): granted once that app is installed.
    "wagtailmedia.add_media",
    "wagtailmedia.change_media",
    "wagtailmedia.choose_media",
]
# In Wagtail, "change" on a collection already lets people edit and delete its files.
APPROVER_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS

ADMIN_ACCESS = "wagtailadmin.access_admin"
# wagtail-localize's "Translate this page" and "Sync translated pages". The translated
# words then go through Comms review like any change (cms/translation_review.py).
TRANSLATE = "wagtail_localize.submit_translation"


def _crud(label):
    app_label, model = label.split(".")
    return [f"{app_label}.{action}_{model}" for action in ("add", "change", "delete", "view")]


# Models that Site administrators look after: users, site settings and the
# snippets that configure the service. Snippets that hold no personal data go
# here; `tests/cms/test_roles.py` fails if a snippet is registered that no role
# looks after, so a new one is a deliberate decision.
SITE_ADMINISTRATOR_MODELS = [
    "auth.user",
    "home.contactsettings",
    "wagtailredirects.redirect",
    # The self-referral areas and where their referrals are sent (no personal data).
    "selfreferral.area",
    # Prison kiosks: enrolling a device and revoking it are for administrators only.
    "kiosk.kiosk",
]

# Snippets that are public content (no personal data): the comms team keeps them up to date.
COMMS_CONTENT_MODELS = [
    "events.awarenessweek",
    # The one list of public areas stories and events are labelled with.
    "home.area",
    "strategy.strategictheme",
    "progress.recommendation",
    # The comms team's own referral links and their source codes (no personal data).
    "selfreferral.referralsource",
]
COMMS_CONTENT_PERMISSIONS = [perm for label in COMMS_CONTENT_MODELS for perm in _crud(label)]
# Content that goes through Comms review: only approvers publish it (editors submit it).
APPROVER_PUBLISH_PERMISSIONS = ["progress.publish_recommendation"]

ROLES = {
    COMMS_EDITORS: {
        "permissions": [ADMIN_ACCESS, TRANSLATE] + COMMS_CONTENT_PERMISSIONS,
        "page_permissions": EDITOR_PAGE_PERMISSIONS,
        "collection_permissions": EDITOR_COLLECTION_PERMISSIONS,
    },
    COMMS_APPROVERS: {
        "permissions": [ADMIN_ACCESS, TRANSLATE]
        + COMMS_CONTENT_PERMISSIONS
        + APPROVER_PUBLISH_PERMISSIONS,
        "page_permissions": APPROVER_PAGE_PERMISSIONS,
        "collection_permissions": APPROVER_COLLECTION_PERMISSIONS,
    },
    SITE_ADMINISTRATORS: {
        "permissions": [ADMIN_ACCESS]
        + [perm for label in SITE_ADMINISTRATOR_MODELS for perm in _crud(label)],
        "page_permissions": [],
        "collection_permissions": [],
    },
}


def can_edit_pages(user):
    """Whether `user` works on pages (the dashboard's page panels, the editors' guide)."""
    return user.is_superuser or PagePermissionPolicy().user_has_any_permission(
        user, ["add", "change", "publish"]
    )


# Wagtail's install creates these two groups and a "Moderators approval"
# workflow; this site's roles replace them.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def _permissions(apps, labels):
    """The Permission rows for `labels` that exist (apps not installed are skipped)."""
    permission_model = apps.get_model("auth", "Permission")
    found = []
    for label in labels:
        app_label, codename = label.split(".")
        permission = permission_model.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def sync_roles(apps):
    """Create the roles and grant every permission they list that exists. Safe to repeat."""
    group_model = apps.get_model("auth", "Group")
    page_model = apps.get_model("wagtailcore", "Page")
    collection_model = apps.get_model("wagtailcore", "Collection")
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = page_model.objects.filter(depth=1).first()
    root_collection = collection_model.objects.filter(depth=1).first()
    groups = {}
    for name, role in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*_permissions(apps, role["permissions"]))
        if root_page is not None:
            page_perms = _permissions(apps, [f"wagtailcore.{c}" for c in role["page_permissions"]])
            for permission in page_perms:
                page_permission_model.objects.get_or_create(
                    group=group, page=root_page, permission=permission
                )
        if root_collection is not None:
            for permission in _permissions(apps, role["collection_permissions"]):
                collection_permission_model.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
    return groups
