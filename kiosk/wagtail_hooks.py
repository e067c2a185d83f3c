"""Kiosks in the admin (Site administrators only, see cms/roles.py): add a kiosk,
make its one-time enrolment link, and revoke it."""

import segno

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from home.addresses import absolute_url
from kiosk.models import ENROLMENT_LINK_HOURS, Kiosk


def _can_change(request):
    if not request.user.has_perm("kiosk.change_kiosk"):
        raise PermissionDenied


def enrolment_link_view(request, pk):
    """GET asks; POST makes a new one-time link and shows it, once (only its hash is kept)."""
    _can_change(request)
    kiosk = get_object_or_404(Kiosk, pk=pk)
    link = qr_code = None
    if request.method == "POST":
        token = kiosk.new_enrolment_token()
        link = absolute_url(reverse("kiosk:enrol", args=[token]))
        # Drawn here as an SVG image: the link goes to no other site.
        qr_code = segno.make(link, error="m").svg_data_uri(scale=4, border=2)
        log(kiosk, "kiosk.enrolment_link", user=request.user)
    response = TemplateResponse(
        request,
        "kiosk/admin/enrolment_link.html",
        {"kiosk": kiosk, "link": link, "qr_code": qr_code, "hours": ENROLMENT_LINK_HOURS},
    )
    add_never_cache_headers(response)
    return response


def revoke_view(request, pk):
    _can_change(request)
    kiosk = get_object_or_404(Kiosk, pk=pk)
    if request.method == "POST":
        kiosk.revoke()
        log(kiosk, "kiosk.revoke", user=request.user)
        messages.success(request, f"{kiosk.name} is no longer a kiosk.")
        return redirect("wagtailsnippets_kiosk_kiosk:list")
    return TemplateResponse(request, "kiosk/admin/revoke.html", {"kiosk": kiosk})


def _kiosk_buttons(kiosk, user):
    if not user.has_perm("kiosk.change_kiosk"):
        return []
    buttons = [
        Button(
            "Make an enrolment link",
            url=reverse("kiosk_enrolment_link", args=[kiosk.pk]),
            icon_name="link",
            priority=15,
        )
    ]
    if kiosk.enrolled_at and not kiosk.revoked_at:
        buttons.append(
            Button(
                "Revoke",
                url=reverse("kiosk_revoke", args=[kiosk.pk]),
                icon_name="cross",
                priority=16,
            )
        )
    return buttons


class KioskIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + _kiosk_buttons(instance, self.request.user)


class KioskEditView(EditView):
    @property
    def header_more_buttons(self):
        return super().header_more_buttons + _kiosk_buttons(self.object, self.request.user)


class KioskViewSet(SnippetViewSet):
    model = Kiosk
    icon = "desktop"
    menu_label = "Kiosks"
    menu_name = "kiosks"
    menu_order = 900
    add_to_settings_menu = True
    index_view_class = KioskIndexView
    edit_view_class = KioskEditView
    copy_view_enabled = False
    list_display = [
        "name",
        Column("status", label="Status"),
        Column("enrolled_at", label="Enrolled"),
        Column("revoked_at", label="Revoked"),
    ]


register_snippet(KioskViewSet)


class KiosksPanel(Component):
    """For site administrators, on the dashboard: every kiosk and whether it is in use."""

    name = "kiosks"
    template_name = "kiosk/admin/kiosks_panel.html"

    def get_context_data(self, parent_context=None):
        return {"kiosks": Kiosk.objects.all()}


@hooks.register("construct_homepage_panels")
def add_kiosks_panel(request, panels):
    if request.user.has_perm("kiosk.change_kiosk"):
        panels.append(KiosksPanel())


@hooks.register("register_admin_urls")
def register_kiosk_admin_urls():
    return [
        path("kiosks/<int:pk>/enrolment-link/", enrolment_link_view, name="kiosk_enrolment_link"),
        path("kiosks/<int:pk>/revoke/", revoke_view, name="kiosk_revoke"),
    ]


@hooks.register("register_log_actions")
def register_kiosk_log_actions(actions):
    actions.register_action("kiosk.enrolment_link", "Make an enrolment link", "Enrolment link made")
    actions.register_action("kiosk.revoke", "Revoke", "Kiosk revoked")


@hooks.register("register_referral_sources")
def kiosk_source_codes():
    """Each kiosk's referrals are counted under its own code (selfreferral/sources.py)."""
    return [(kiosk.source_code, f"Prison kiosk: {kiosk.name}") for kiosk in Kiosk.objects.all()]
