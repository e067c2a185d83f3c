"""The emails about a referral: to the coordinators, to the person who referred
themselves (when they asked), to a professional who referred someone (an
acknowledgement, and updates when they asked), and a feedback invitation. Queued by
selfreferral/notifications.py, sent by selfreferral/tasks.py.

Built from templates, plain text and HTML, both escaped. The subject carries the
reference only: subjects show on lock screens and in shared inbox lists.

All are written in English whatever language the form was filled in: the tasks
may run inside the visitor's request (with its language switched on), and the
email templates, dates and answer labels must not come out half translated."""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from feedback.invitations import normalise
from home.addresses import absolute_url
from selfreferral import questions as q
from selfreferral.choices import Channel, Status
from selfreferral.details import (
    contact_first_in_words,
    due_in_words,
    received_in_words,
    referral_kind,
)

# What a professional who asked for updates is told, and when: first contact, and the end.
UPDATE_SUBJECTS = {
    Status.CONTACTED: "first contact made",
    Status.CLOSED: "closed",
    Status.WITHDRAWN: "closed",
}


def admin_url(referral):
    path = reverse("wagtailsnippets_selfreferral_referral:inspect", args=[referral.pk])
    return absolute_url(path)


def coordinator_message_id(referral):
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<referral-{referral.reference}.coordinators@{domain}>"


@translation.override("en-gb")
def coordinator_email(referral):
    # A professional's referral is read in the words of the professionals' form.
    questions = q.QUESTIONS
    if referral.channel == Channel.PROFESSIONAL:
        questions = {**q.QUESTIONS, **q.questions_for(q.PROFESSIONAL)}
    context = {
        "referral": referral,
        "role": questions["role"].choice_labels.get(referral.role, referral.role),
        "preferred_contact": questions["preferred_contact"].choice_labels.get(
            referral.preferred_contact, referral.preferred_contact
        ),
        "age_group": questions["age_group"].choice_labels.get(
            referral.age_group, referral.age_group
        ),
        "for_someone_else": referral.role == q.ROLE_FOR_SOMEONE,
        "they_agree": questions["they_agree"].choice_labels.get(referral.they_agree, ""),
        "contact_first": contact_first_in_words(referral),
        "received": received_in_words(referral),
        "due": due_in_words(referral),
        "include_what_happened": settings.SELF_REFERRAL_EMAIL_INCLUDES_WHAT_HAPPENED,
        "admin_url": admin_url(referral),
        "kind": referral_kind(referral),
        "professional": referral.channel == Channel.PROFESSIONAL,
        "offence_type": referral.get_offence_type_display(),
        "case_stage": referral.get_case_stage_display(),
    }
    return _email(
        "coordinator_notification",
        f"New {referral_kind(referral)} {referral.reference}",
        referral.notification_recipients(),
        context,
        # The same for every attempt: a repeat after a worker died mid-send can be
        # recognised (and is dropped by mail systems that de-duplicate by it).
        headers={"Message-ID": coordinator_message_id(referral)},
    )


@translation.override("en-gb")
def confirmation_email(referral):
    context = {"referral": referral}
    return _email("confirmation", "Your restorative justice referral", [referral.email], context)


def _referrer_email(referral, subject, template, context):
    """An email to the professional who referred someone: reference and status only,
    never anything about the person (it may be read by anyone in their team)."""
    context = {"referral": referral, **context}
    return _email(
        template,
        f"Restorative justice referral {referral.reference}: {subject}",
        [referral.referrer_email],
        context,
    )


@translation.override("en-gb")
def referrer_acknowledgement(referral):
    return _referrer_email(referral, "received", "referrer_acknowledgement", {})


@translation.override("en-gb")
def referrer_update(referral, status):
    return _referrer_email(
        referral, UPDATE_SUBJECTS[status], "referrer_update", {"status": UPDATE_SUBJECTS[status]}
    )


def feedback_address(code=None):
    """The survey's address: with a code, the invitation's link; without, where a slip's
    code is typed."""
    with translation.override(settings.LANGUAGE_CODE):
        if code is None:
            return absolute_url(reverse("feedback:start"))
        return absolute_url(reverse("feedback:survey", args=[normalise(code)]))


@translation.override("en-gb")
def feedback_invitation_email(referral, code):
    context = {
        "url": feedback_address(code),
        "days": settings.FEEDBACK_INVITATION_DAYS,
    }
    return _email(
        "feedback_invitation", "How did restorative justice go for you?", [referral.email], context
    )


def _email(template, subject, to, context, headers=None):
    """An email in plain text and HTML, from selfreferral/email/<template>.txt and .html."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"selfreferral/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers,
    )
    message.attach_alternative(
        render_to_string(f"selfreferral/email/{template}.html", context), "text/html"
    )
    return message
