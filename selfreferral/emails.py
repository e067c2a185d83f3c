"""The emails a new referral sends: the coordinator email, and the referrer's own
email only when they asked for it (queued by selfreferral/notifications.py, sent by
selfreferral/tasks.py).

Built from templates, plain text and HTML, both escaped. The subject carries the
reference only: subjects show on lock screens and in shared inbox lists.

Both are written in English whatever language the form was filled in: the tasks
may run inside the visitor's request (with its language switched on), and the
email templates, dates and answer labels must not come out half translated."""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from home.addresses import absolute_url
from selfreferral import questions as q
from selfreferral.details import contact_first_in_words, due_in_words, received_in_words


def admin_url(referral):
    path = reverse("wagtailsnippets_selfreferral_referral:inspect", args=[referral.pk])
    return absolute_url(path)


def coordinator_message_id(referral):
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<referral-{referral.reference}.coordinators@{domain}>"


@translation.override("en-gb")
def coordinator_email(referral):
    questions = q.QUESTIONS
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
    }
    message = EmailMultiAlternatives(
        subject=f"New self-referral {referral.reference}",
        body=render_to_string("selfreferral/email/coordinator_notification.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=referral.notification_recipients(),
        # The same for every attempt: a repeat after a worker died mid-send can be
        # recognised (and is dropped by mail systems that de-duplicate by it).
        headers={"Message-ID": coordinator_message_id(referral)},
    )
    message.attach_alternative(
        render_to_string("selfreferral/email/coordinator_notification.html", context), "text/html"
    )
    return message


@translation.override("en-gb")
def confirmation_email(referral):
    context = {"referral": referral}
    message = EmailMultiAlternatives(
        subject="Your restorative justice referral",
        body=render_to_string("selfreferral/email/confirmation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[referral.email],
    )
    message.attach_alternative(
        render_to_string("selfreferral/email/confirmation.html", context), "text/html"
    )
    return message
