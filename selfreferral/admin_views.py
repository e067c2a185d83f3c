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
from django.conf import settings
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

    # The questions asked; the paper form's also serve a phone call (see SelfReferralForm).
    entry_channel = Channel.PAPER

    def __init__(self, *args, **kwargs):
        super().__init__(*args, channel=self.entry_channel, guarded=False, **kwargs)
        if self.entry_channel == Channel.PAPER:
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
            elif question.kind == q.CHECKBOXES:
                field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
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
        return [self[name] for name in ("received_via", "received_on") if name in self.fields]


class ProfessionalEntryForm(PaperReferralForm):
    """A professional's referral that came by email or phone, typed in by a coordinator:
    the professionals' form's questions, with their rules (the person must agree)."""

    entry_channel = Channel.PROFESSIONAL


@method_decorator(user_passes_test(can_enter_referrals), name="dispatch")
class EnterPaperReferralView(WagtailAdminTemplateMixin, FormView):
    form_class = PaperReferralForm
    template_name = "selfreferral/admin/enter_paper_referral.html"
    page_title = "Enter a paper referral"
    header_icon = "doc-full"
    url_name = "selfreferral_enter_paper_referral"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_selfreferral_referral:list"), "label": "Referrals"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            action_url=reverse(self.url_name),
            submit_button_label="Save referral",
            submit_button_active_label="Saving…",
            **kwargs,
        )
        # The date picker's script.
        context["media"] = context["form"].media
        return context

    def form_valid(self, form):
        channel = Channel(form.cleaned_data.get("received_via", form.entry_channel))
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


class EnterProfessionalReferralView(EnterPaperReferralView):
    """A professional's referral sent by email or given on the phone, typed in."""

    form_class = ProfessionalEntryForm
    page_title = "Enter a professional's referral"
    url_name = "selfreferral_enter_professional_referral"


FEEDBACK_LOG_ACTION = "selfreferral.feedback_invitation"
BY_EMAIL, BY_SLIP = "email", "slip"


class FeedbackInvitationForm(forms.Form):
    how = forms.ChoiceField(label="How should we send it?", widget=forms.RadioSelect)

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        if referral.email:
            choices.append(
                (BY_EMAIL, f"By email to {referral.email} (sent by the task worker, with retries)")
            )
        choices.append((BY_SLIP, "A printed slip with a code, to post or hand over"))
        self.fields["how"].choices = choices
        self.fields["how"].initial = choices[0][0]


def feedback_button(referral, user):
    """The 'Send a feedback invitation' button on a referral's pages, when it may be sent."""
    from wagtail.admin.widgets import HeaderButton

    if not (can_enter_referrals(user) and referral.can_be_asked_for_feedback):
        return []
    url = reverse("selfreferral_feedback_invitation", args=[referral.pk])
    return [HeaderButton("Send a feedback invitation", url=url, icon_name="mail")]


@method_decorator(user_passes_test(can_enter_referrals), name="dispatch")
class FeedbackInvitationView(WagtailAdminTemplateMixin, FormView):
    """Send a participant a single-use, expiring invitation to the feedback survey, by
    email or as a printed slip. The code is shown once (on the slip, or in the email)
    and only its hash is kept, in feedback/, with no link back to this referral."""

    form_class = FeedbackInvitationForm
    template_name = "selfreferral/admin/feedback_invitation.html"
    page_title = "Send a feedback invitation"
    header_icon = "mail"

    def dispatch(self, request, pk, *args, **kwargs):
        from django.shortcuts import get_object_or_404

        from selfreferral.models import Referral

        self.referral = get_object_or_404(Referral, pk=pk)
        if not self.referral.can_be_asked_for_feedback:
            messages.error(
                request,
                "A feedback invitation can be sent only when the referral is closed with "
                "restorative work done and the person agreed to be asked.",
            )
            return redirect("wagtailsnippets_selfreferral_referral:edit", self.referral.pk)
        return super().dispatch(request, pk, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "referral": self.referral}

    def get_page_subtitle(self):
        return self.referral.reference

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_selfreferral_referral:list"), "label": "Referrals"},
            {
                "url": reverse(
                    "wagtailsnippets_selfreferral_referral:edit", args=[self.referral.pk]
                ),
                "label": self.referral.reference,
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            referral=self.referral,
            action_url=reverse("selfreferral_feedback_invitation", args=[self.referral.pk]),
            submit_button_label="Send the invitation",
            days=settings.FEEDBACK_INVITATION_DAYS,
            **kwargs,
        )

    def form_valid(self, form):
        from django.template.response import TemplateResponse
        from django.utils.cache import add_never_cache_headers

        from feedback import invitations
        from selfreferral.emails import feedback_address
        from selfreferral.models import Referral
        from selfreferral.tasks import send_feedback_invitation

        referral = self.referral
        how = form.cleaned_data["how"]
        with transaction.atomic():
            Referral.objects.filter(pk=referral.pk).update(feedback_invited_on=timezone.localdate())
            log(
                instance=referral,
                action=FEEDBACK_LOG_ACTION,
                user=self.request.user,
                data={"how": how},
            )
            if how == BY_EMAIL:
                send_feedback_invitation.enqueue(referral.pk)
            else:
                code = invitations.invite(
                    outcome=referral.outcome, channel=referral.channel, role=referral.role
                )
        if how == BY_EMAIL:
            messages.success(self.request, "The feedback invitation is on its way by email.")
            return redirect("wagtailsnippets_selfreferral_referral:edit", referral.pk)
        expires = timezone.localdate() + datetime.timedelta(days=settings.FEEDBACK_INVITATION_DAYS)
        # The code exists only on this page: it is not stored, so it is never cached either.
        response = TemplateResponse(
            self.request,
            "selfreferral/admin/feedback_slip.html",
            {
                "referral": referral,
                "code": invitations.for_display(code),
                "address": feedback_address(),
                "expires": expires,
                "service_name": _service_name(self.request),
            },
        )
        add_never_cache_headers(response)
        return response


def _service_name(request):
    from home.models import ContactSettings

    return ContactSettings.for_request(request).service_name
