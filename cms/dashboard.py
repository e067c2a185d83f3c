"""The admin dashboard: each role's own work first.

Panels come from the apps that own them (the referrals from selfreferral/, the
kiosks from kiosk/, Wagtail's own review panels); this module adds the comms
team's and the site administrators' panels, then orders everyone's dashboard by
the panels' names, so it starts with that person's own work:

- coordinators: new and overdue referrals;
- approvers: pages awaiting their review;
- editors: their drafts, their pages in review, pages due for review;
- site administrators: kiosks and users.

Panels about pages are left off for people who cannot edit pages."""

from django.contrib.auth import get_user_model
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from cms.roles import can_edit_pages
from cms.two_factor import REFERRAL_PERMISSIONS
from home.mixins import pages_due_for_review

# Dashboard order, first to last. Panels not named here keep their place after these.
ORDER = [
    "recaptcha_warning",
    "referrals",
    "workflow_objects_to_moderate",  # Wagtail's "Awaiting your review"
    "your_drafts",
    "user_objects_in_workflow_moderation",  # Wagtail's "Your pages and snippets in a workflow"
    "pages_due_for_review",
    "kiosks",
    "users",
    "recent_edits",
    "locked_pages",
    "editors_guide",
]
PAGE_PANELS = {
    "workflow_objects_to_moderate",
    "your_drafts",
    "user_objects_in_workflow_moderation",
    "pages_due_for_review",
    "recent_edits",
    "locked_pages",
    "editors_guide",
}


def arrange_panels(request, panels):
    """Runs after every app's panels are added (hook order 1000)."""
    pages = can_edit_pages(request.user)
    panels[:] = [panel for panel in panels if pages or panel.name not in PAGE_PANELS]
    for panel in panels:
        if panel.name in ORDER:
            panel.order = ORDER.index(panel.name)
        else:
            panel.order = len(ORDER) + panel.order


class PagesDueForReviewPanel(Component):
    """Live pages whose "review by" date has passed or is within 30 days, newest date first."""

    name = "pages_due_for_review"
    template_name = "cms/dashboard/pages_due_for_review.html"
    limit = 20

    def get_context_data(self, parent_context=None):
        return {"pages": pages_due_for_review(limit=self.limit), "today": timezone.localdate()}


class YourDraftsPanel(Component):
    """Pages this editor changed last that are not live as they left them, and not in review."""

    name = "your_drafts"
    template_name = "cms/dashboard/your_drafts.html"
    limit = 10

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        in_review = WorkflowState.objects.active().filter(base_content_type__model="page")
        pages = (
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=self.user)
            # A workflow names its object by text (generic relation): PostgreSQL needs the cast.
            .exclude(
                pk__in=in_review.annotate(page_id=Cast("object_id", IntegerField())).values(
                    "page_id"
                )
            )
            .select_related("locale")
            .order_by("-latest_revision_created_at")[: self.limit]
        )
        return {"pages": pages}


class EditorsGuidePanel(Component):
    name = "editors_guide"
    template_name = "cms/dashboard/editors_guide.html"


class UsersPanel(Component):
    """For site administrators: who can use the admin, in which role, and whether the
    people who must sign in with an authenticator app have set one up."""

    name = "users"
    template_name = "cms/dashboard/users.html"

    limit = 50

    def get_context_data(self, parent_context=None):
        user_model = get_user_model()
        see_referrals = Q()
        for label in REFERRAL_PERMISSIONS:
            app_label, codename = label.split(".")
            see_referrals |= Q(
                groups__permissions__codename=codename,
                groups__permissions__content_type__app_label=app_label,
            ) | Q(
                user_permissions__codename=codename,
                user_permissions__content_type__app_label=app_label,
            )
        must_use_app = set(
            user_model.objects.filter(see_referrals | Q(is_superuser=True)).values_list(
                "pk", flat=True
            )
        )
        users = (
            user_model.objects.filter(is_active=True)
            .prefetch_related("groups", "totpdevice_set")
            .order_by(F("last_login").desc(nulls_last=True), "username")[: self.limit]
        )
        rows = []
        for user in users:
            roles = [group.name for group in user.groups.all()]
            if user.is_superuser:
                roles.insert(0, "Administrator (superuser)")
            rows.append(
                {
                    "user": user,
                    "roles": roles,
                    "needs_app": user.pk in must_use_app,
                    "has_app": any(device.confirmed for device in user.totpdevice_set.all()),
                }
            )
        return {"rows": rows}
