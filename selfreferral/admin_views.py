"""The coordinators' "Enter a paper referral" view.

A paper form that arrived in the post, or a referral taken over the phone, is
typed in here. It is the same form as the website's (`SelfReferralForm`, with the
paper form's questions and without the public form's guards), saved the same
way: same routing, same coordinator email, same first-contact target. The
referral's history records who entered it and how it arrived.

Only users who can see and update referrals may use it (the coordinators'
group). They are deliberately not given Django's "add referral" permission,
which would open the generic snippet create form."""

import datetime

from django import forms
from django.db import transaction
from django.shortcuts import redirect
from django.urls import URLPattern, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.auth import user_passes_test
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput
from wagtail.log_actions import log

from selfreferral import questions as q
from selfreferral.choices import ENTERED_BY_HAND, Channel
from selfreferral.forms import SelfReferralForm

# The role that sees referrals (created in migration 0002; cms/access.py guards who gets it).
COORDINATORS_GROUP = "Restorative justice coordinators"
VIEW_PERMISSION = "selfreferral.view_referral"
ENTRY_PERMISSIONS = (VIEW_PERMISSION, "selfreferral.change_referral")
LOG_ACTION = "selfreferral.entered"


def can_see_referrals(user):
    return user.has_perm(VIEW_PERMISSION)


def can_enter_referrals(user):
    return user.has_perms(ENTRY_PERMISSIONS)


def only_for_referral_staff(urlpatterns):
    """The same addresses, each refused (as the admin refuses) to anyone who cannot see referrals.

    Wagtail checks permissions in most of a snippet's views, but not in its chooser
    (which lists every referral's reference and the total to anyone in the admin)."""
    guard = user_passes_test(can_see_referrals)
    return [
        URLPattern(pattern.pattern, guard(pattern.callback), pattern.default_args, pattern.name)
        for pattern in urlpatterns
    ]


class PaperReferralForm(SelfReferralForm):
    """The self-referral form as a coordinator fills it in from a paper form or a call."""

    def __init__(self, *args, **kwargs):
        # The phone call channel asks the paper form's questions (see SelfReferralForm).
        super().__init__(*args, channel=Channel.PAPER, guarded=False, **kwargs)
        self.fields["received_via"] = forms.ChoiceField(
            label="How did the referral arrive?",
            choices=[(channel.value, channel.label) for channel in ENTERED_BY_HAND],
            initial=Channel.PAPER,
            widget=forms.RadioSelect,
        )
        self.fields["received_on"] = forms.DateField(
            label="Date it was received (optional)",
            help_text="Leave empty if it arrived today. For example, 2026-11-23. "
            "The first-contact target counts from this date.",
            required=False,
            widget=AdminDateInput,
        )
        # Widgets like the paper form: one choice from a list, room to write.
        for question in self.questions.values():
            field = self.fields[question.name]
            if question.kind in (q.RADIOS, q.AREA):
                field.widget = forms.RadioSelect(choices=field.choices)
            elif question.kind == q.TEXTAREA:
                field.widget = forms.Textarea(attrs={"rows": max(2, question.paper_lines)})
            elif question.kind == q.CHECKBOX and question.choices and not question.hint:
                field.help_text = question.choices[0].label

    def clean_received_on(self):
        received_on = self.cleaned_data.get("received_on")
        if received_on and received_on > timezone.localdate():
            raise forms.ValidationError("The date received must be today or in the past")
        return received_on

    @property
    def entry_fields(self):
        return [self["received_via"], self["received_on"]]


@method_decorator(user_passes_test(can_enter_referrals), name="dispatch")
class EnterPaperReferralView(WagtailAdminTemplateMixin, FormView):
    form_class = PaperReferralForm
    template_name = "selfreferral/admin/enter_paper_referral.html"
    page_title = "Enter a paper referral"
    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_selfreferral_referral:list"), "label": "Referrals"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            action_url=reverse("selfreferral_enter_paper_referral"),
            submit_button_label="Save referral",
            submit_button_active_label="Saving…",
            **kwargs,
        )
        # The date picker's script.
        context["media"] = context["form"].media
        return context

    def form_valid(self, form):
        channel = Channel(form.cleaned_data["received_via"])
        received_on = form.cleaned_data.get("received_on")
        with transaction.atomic():
            form.channel = channel
            # Saved as the website saves it: routing, and the coordinator email queued.
            referral = form.save(received_on=received_on)
            log(
                instance=referral,
                action=LOG_ACTION,
                user=self.request.user,
                data={
                    "channel": channel.label,
                    "received_on": (received_on or referral.created_on).isoformat(),
                },
            )
        messages.success(
            self.request,
            f"Referral {referral.reference} saved. The coordinators' email is on its way.",
            buttons=[
                messages.button(
                    reverse("wagtailsnippets_selfreferral_referral:list"), "Back to referrals"
                )
            ],
        )
        return redirect("wagtailsnippets_selfreferral_referral:inspect", referral.pk)

    def form_invalid(self, form):
        messages.validation_error(self.request, "The referral could not be saved.", form)
        return super().form_invalid(form)


def format_received_on(value):
    try:
        return datetime.date.fromisoformat(value).strftime("%-d %B %Y")
    except (TypeError, ValueError):
        return ""
