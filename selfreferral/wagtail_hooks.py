"""The coordinators' side of the admin: referrals, service areas and the
dashboard panels. Referrals are visible only to users with the referral
permissions, which only the "Restorative justice coordinators" group has."""

import django_filters

from django.conf import settings
from django.urls import path, reverse
from django.utils.functional import cached_property

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import log
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from feedback.models import Answer
from home.spreadsheets import csv_response
from selfreferral import questions as q
from selfreferral.admin_views import (
    FEEDBACK_LOG_ACTION,
    LOG_ACTION,
    EnterPaperReferralView,
    EnterProfessionalReferralView,
    FeedbackInvitationView,
    can_enter_referrals,
    can_see_referrals,
    feedback_button,
    format_received_on,
    only_for_referral_staff,
)
from selfreferral.choices import Channel, Outcome, Status
from selfreferral.details import EXPORT_COLUMNS, due_status, export_row, inspect_rows, received
from selfreferral.forms import recaptcha_enabled
from selfreferral.models import Area, Referral, ReferralSource
from selfreferral.notifications import queue_referrer_update


class ReferralFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    area = django_filters.ModelChoiceFilter(queryset=Area.objects.all(), empty_label="Any area")
    age_group = django_filters.ChoiceFilter(choices=q.choices_for("age_group"))
    role = django_filters.ChoiceFilter(choices=q.choices_for("role"))
    channel = django_filters.ChoiceFilter(choices=Channel.choices)
    outcome = django_filters.ChoiceFilter(choices=Outcome.choices)
    overdue = django_filters.BooleanFilter(
        label="Overdue for first contact", method="filter_overdue"
    )

    class Meta:
        model = Referral
        fields = ["status", "area", "age_group", "role", "channel", "outcome"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.overdue() if value else queryset.not_overdue()


class FirstContactDueColumn(Column):
    """The due date, marked when it has passed, is today or tomorrow and nobody has been in touch."""

    cell_template_name = "selfreferral/admin/first_contact_due_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["due"] = due_status(instance)
        return context


class ReceivedColumn(Column):
    def get_value(self, instance):
        return received(instance)


class NotificationColumn(Column):
    cell_template_name = "selfreferral/admin/notification_cell.html"


class ReferralInspectView(InspectView):
    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *feedback_button(self.object, self.request.user)]

    def get_fields_context(self):
        return [
            {"label": label, "value": value, "component": None}
            for label, value in inspect_rows(self.object)
        ]


class ReferralEditView(EditView):
    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *feedback_button(self.object, self.request.user)]

    def save_instance(self):
        old_status = Referral.objects.filter(pk=self.object.pk).values_list("status", flat=True)[0]
        instance = super().save_instance()
        if old_status != instance.status:
            # In the save's transaction: the update is queued only if the change is kept.
            queue_referrer_update(instance, old_status)
            log(
                instance,
                "selfreferral.status_change",
                user=self.request.user,
                data={"from": Status(old_status).label, "to": Status(instance.status).label},
            )
        return instance


class ReferralIndexView(IndexView):
    def to_row_dict(self, item):
        # Labels, not codes; UK times, not UTC (selfreferral/details.py).
        return export_row(item)

    def write_csv_response(self, queryset):
        # Written by the site's one CSV writer, which keeps typed-in formulas inert.
        fields = self.list_export
        headings = [self.get_heading(queryset, field) for field in fields]
        rows = (
            [self.preprocess_field_value(field, value, self.FORMAT_CSV) for field, value in row]
            for row in (self.to_row_dict(item).items() for item in queryset)
        )
        return csv_response(self.get_filename(), [headings, *rows])

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_enter_referrals(self.request.user):
            buttons.append(
                HeaderButton(
                    "Enter a paper referral",
                    url=reverse("selfreferral_enter_paper_referral"),
                    icon_name="form",
                )
            )
            buttons.append(
                HeaderButton(
                    "Enter a professional's referral",
                    url=reverse("selfreferral_enter_professional_referral"),
                    icon_name="form",
                )
            )
        return buttons


class ReferralChooserViewSet(SnippetChooserViewSet):
    def get_urlpatterns(self):
        return only_for_referral_staff(super().get_urlpatterns())


class ReferralViewSet(SnippetViewSet):
    """Every address under it, and its chooser's, is for those who can see referrals."""

    model = Referral
    chooser_viewset_class = ReferralChooserViewSet
    icon = "mail"
    menu_label = "Referrals"
    menu_name = "referrals"
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = ReferralInspectView
    edit_view_class = ReferralEditView
    index_view_class = ReferralIndexView
    filterset_class = ReferralFilterSet
    # Search the database by reference, never a search index full of personal data.
    search_fields = ["reference"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-created_at"]
    list_display = [
        "reference",
        ReceivedColumn("received", label="Received", sort_key="created_at"),
        Column("status", label="Status", accessor="get_status_display", sort_key="status"),
        Column("area_name", label="Area"),
        Column("age_group", label="Age", accessor="get_age_group_display"),
        Column("role", label="Who", accessor="get_role_display"),
        Column("channel", label="How it arrived", accessor="get_channel_display"),
        FirstContactDueColumn(
            "first_contact_due", label="First contact due", sort_key="first_contact_due"
        ),
        NotificationColumn("notified_at", label="Coordinator email"),
    ]
    list_export = [heading for heading, _value in EXPORT_COLUMNS]
    export_headings = {heading: heading for heading in list_export}
    export_filename = "referrals"

    def get_queryset(self, request):
        return Referral.objects.select_related("area")

    def get_urlpatterns(self):
        return only_for_referral_staff(super().get_urlpatterns())


class ReferralStaffOnly(BasePermissionPolicy):
    """Answers are read (and exported) by those who can see referrals, and by nobody
    else; nobody adds, changes or deletes them here."""

    def user_has_permission(self, user, action):
        return action in ("view", "export") and can_see_referrals(user)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_active=True)
        if not {"view", "export"} & set(actions):
            return users.none()
        from django.db.models import Q

        return users.filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="view_referral")
            | Q(user_permissions__codename="view_referral")
        ).distinct()


class FeedbackAnswerIndexView(IndexView):
    def get_base_queryset(self):
        # Within a quarter by the random id: never in the order answers came in.
        return super().get_base_queryset().order_by("-year", "-quarter", "id")


ANSWER_FIELDS = [
    "outcome",
    "channel",
    "role",
    "satisfaction",
    "felt_safe",
    "felt_heard",
    "would_recommend",
    "comment",
]


class FeedbackAnswerViewSet(SnippetViewSet):
    """Participants' answers, comments included, for the people who can see referrals.
    Read only: nobody edits what someone said. Comments are never published."""

    model = Answer
    chooser_viewset_class = ReferralChooserViewSet
    icon = "comment"
    menu_label = "Feedback answers"
    menu_name = "feedback-answers"
    menu_order = 152
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = FeedbackAnswerIndexView
    list_display = [
        Column("quarter_label", label="Quarter"),
        Column("outcome", label="Outcome", accessor=lambda a: _label(Outcome, a.outcome)),
        Column("satisfaction", label="Satisfaction", accessor="get_satisfaction_display"),
        Column("felt_safe", label="Felt safe", accessor="get_felt_safe_display"),
        Column("felt_heard", label="Felt listened to", accessor="get_felt_heard_display"),
        Column("would_recommend", label="Would recommend", accessor="get_would_recommend_display"),
        Column("comment", label="Comment"),
    ]
    list_export = ["quarter_label", *ANSWER_FIELDS]
    export_filename = "feedback-answers"
    inspect_view_fields = ["year", "quarter", *ANSWER_FIELDS]
    list_per_page = 50

    def get_urlpatterns(self):
        return only_for_referral_staff(super().get_urlpatterns())


def _label(choices, value):
    return dict(choices.choices).get(value, value)


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    menu_label = "Service areas"
    list_display = ["name", "coordinator_inboxes", "youth_inbox", "is_active"]


class ReferralSourceViewSet(SnippetViewSet):
    model = ReferralSource
    icon = "link"
    menu_label = "Referral links"
    list_display = ["label", "code"]


register_snippet(ReferralViewSet)
register_permission_policy(Answer, ReferralStaffOnly(Answer))
register_snippet(FeedbackAnswerViewSet)
register_snippet(AreaViewSet)
register_snippet(ReferralSourceViewSet)


class ReferralDeleteBulkAction(DeleteBulkAction):
    """The snippets' bulk delete, for referrals: its page lists the references chosen
    (or every one, with ?id=all), so it is closed to anyone who cannot see them."""

    models = [Referral]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_referrals(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


# Registered after the snippets' own bulk actions, so this one is used for referrals.
hooks.register("register_bulk_action", ReferralDeleteBulkAction, order=100)


@hooks.register("register_log_actions")
def register_referral_log_actions(actions):
    @actions.register_action("selfreferral.status_change")
    class StatusChange:
        label = "Change status"

        def format_message(self, log_entry):
            return f"Status changed from {log_entry.data.get('from')} to {log_entry.data.get('to')}"

    @actions.register_action(LOG_ACTION)
    class Entered:
        label = "Enter a paper referral"

        def format_message(self, log_entry):
            how = log_entry.data.get("channel", "Paper form").lower()
            received = format_received_on(log_entry.data.get("received_on"))
            return (
                f"Entered from a {how} received on {received}"
                if received
                else f"Entered from a {how}"
            )

    @actions.register_action(FEEDBACK_LOG_ACTION)
    class FeedbackInvitation:
        label = "Send a feedback invitation"

        def format_message(self, log_entry):
            if log_entry.data.get("how") == "email":
                return "Feedback invitation sent by email"
            return "Feedback invitation printed as a slip"

    @actions.register_action("selfreferral.purge")
    class Purge:
        label = "Erase personal details"

        def format_message(self, log_entry):
            return "Personal details erased by the retention rule"


class ReferralsPanel(Component):
    """A coordinator's work: new referrals, the soonest due first, overdue ones marked;
    and any coordinator email not sent in time."""

    name = "referrals"
    template_name = "selfreferral/admin/referrals_panel.html"
    limit = 15

    def get_context_data(self, parent_context):
        referrals = Referral.objects.all()
        new = referrals.filter(status=Status.NEW).select_related("area")
        rows = [
            {"referral": referral, "received": received(referral), "due": due_status(referral)}
            for referral in new.order_by("first_contact_due", "created_at")[: self.limit]
        ]
        return {
            "rows": rows,
            "new_count": new.count(),
            "overdue_count": referrals.overdue().count(),
            "stale_count": referrals.notification_stale().count(),
            "stale_minutes": settings.SELF_REFERRAL_NOTIFICATION_STALE_MINUTES,
        }


class RecaptchaWarningPanel(Component):
    name = "recaptcha_warning"
    template_name = "selfreferral/admin/recaptcha_warning_panel.html"


@hooks.register("construct_homepage_panels")
def add_referral_panels(request, panels):
    # The keys are set where the site is deployed: only superusers can act on it.
    if not recaptcha_enabled() and request.user.is_superuser:
        panels.append(RecaptchaWarningPanel())
    if request.user.has_perm("selfreferral.view_referral"):
        panels.append(ReferralsPanel())


@hooks.register("register_admin_urls")
def register_paper_referral_url():
    return [
        path(
            "referrals/enter/",
            EnterPaperReferralView.as_view(),
            name="selfreferral_enter_paper_referral",
        ),
        path(
            "referrals/enter/professional/",
            EnterProfessionalReferralView.as_view(),
            name="selfreferral_enter_professional_referral",
        ),
        path(
            "referrals/<int:pk>/feedback/",
            FeedbackInvitationView.as_view(),
            name="selfreferral_feedback_invitation",
        ),
    ]


class EnterPaperReferralMenuItem(MenuItem):
    def is_shown(self, request):
        return can_enter_referrals(request.user)


@hooks.register("register_admin_menu_item")
def register_paper_referral_menu_item():
    # Just below "Referrals" (menu_order 150).
    return EnterPaperReferralMenuItem(
        "Enter a paper referral",
        reverse("selfreferral_enter_paper_referral"),
        name="enter-paper-referral",
        icon_name="form",
        order=151,
    )
