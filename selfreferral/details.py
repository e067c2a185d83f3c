"""How a referral reads to a coordinator: the inspect page, the CSV export and the
dashboard show the same words from here, never the stored codes ("18-or-over",
"False") or UTC times."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import override

from selfreferral import questions as q
from selfreferral.choices import ENTERED_BY_HAND, Channel, Status

# Dates and times as people in the UK write them, which spreadsheets read as dates.
DATE = "%d/%m/%Y"
DATE_TIME = "%d/%m/%Y %H:%M"
LONG_DATE = "%A %-d %B %Y"

NOT_GIVEN = "Not given"


@dataclass(frozen=True)
class DueStatus:
    """Where a referral stands against its first-contact target."""

    label: str  # "Overdue", "Due today", "Due tomorrow", or "" when there is nothing to flag
    kind: str  # "overdue", "today", "tomorrow", or ""


def due_status(referral, today=None):
    if referral.status != Status.NEW:
        return DueStatus("", "")
    today = today or timezone.localdate()
    due = referral.first_contact_due
    if due < today:
        return DueStatus("Overdue", "overdue")
    if due == today:
        return DueStatus("Due today", "today")
    if due == today + datetime.timedelta(days=1):
        return DueStatus("Due tomorrow", "tomorrow")
    return DueStatus("", "")


def received(referral):
    """When the referral arrived (UK time): the day a paper form or call came in, which
    may be before it was typed in, or the time the website or a kiosk sent it."""
    if referral.channel in ENTERED_BY_HAND:
        return referral.created_on.strftime(DATE)
    return timezone.localtime(referral.created_at).strftime(DATE_TIME)


def received_in_words(referral):
    """The same, for a person to read: "Friday 20 November 2026, by paper form (typed in
    on Wednesday 25 November 2026)"."""
    how = referral.get_channel_display().lower()
    if referral.channel == Channel.PROFESSIONAL:
        how = "professionals' form on the website"
    if referral.channel not in ENTERED_BY_HAND:
        when = timezone.localtime(referral.created_at)
        return f"{when.strftime(LONG_DATE)} at {when.strftime('%H:%M')}, from the {how}"
    text = f"{referral.created_on.strftime(LONG_DATE)}, by {how}"
    entered = timezone.localtime(referral.created_at).date()
    if entered != referral.created_on:
        text += f" (typed in on {entered.strftime(LONG_DATE)})"
    return text


def due_in_words(referral, today=None, with_status=True):
    """The first-contact target, and why it may already have passed on arrival."""
    text = referral.first_contact_due.strftime(LONG_DATE)
    status = due_status(referral, today)
    if status.label and with_status:
        text += f" ({status.label.lower()})"
    if (
        referral.channel in ENTERED_BY_HAND
        and timezone.localtime(referral.created_at).date() > referral.first_contact_due
    ):
        text += (
            f". The target counts {settings.SELF_REFERRAL_FIRST_CONTACT_WORKING_DAYS} working "
            f"days from the day the {referral.get_channel_display().lower()} came in, "
            "so it had passed before it was typed in"
        )
    return text


def contact_first_in_words(referral):
    """Whom to contact first, when someone asked for another person ("" otherwise)."""
    if referral.contact_first == q.CONTACT_FIRST_PERSON:
        return f"{referral.their_name or 'The person it is for'} (the person it is for)"
    if referral.contact_first == q.CONTACT_FIRST_REFERRER:
        return f"{referral.name or 'The person who asked'} (the person who asked for them)"
    return ""


def referral_kind(referral):
    """What the coordinators call it: "professional referral" or "self-referral"."""
    return "professional referral" if referral.channel == Channel.PROFESSIONAL else "self-referral"


def yes_no(value):
    return "Yes" if value else "No"


def date_or(value, empty=""):
    return value.strftime(DATE) if value else empty


def _choice(referral, name):
    with override("en-gb"):
        return str(getattr(referral, f"get_{name}_display")())


# The CSV's columns, in order: heading, and the readable value for one referral.
EXPORT_COLUMNS = [
    ("Reference", lambda r: r.reference),
    ("Received", received),
    ("How it arrived", lambda r: r.get_channel_display()),
    ("Status", lambda r: r.get_status_display()),
    ("Outcome", lambda r: r.get_outcome_display()),
    ("Area", lambda r: r.area_name),
    ("Age", lambda r: _choice(r, "age_group")),
    ("Who", lambda r: _choice(r, "role")),
    ("Referral for", lambda r: r.their_name),
    ("How they know them", lambda r: r.relationship),
    ("Person knows and agrees", lambda r: _choice(r, "they_agree")),
    ("Contact first", contact_first_in_words),
    ("First contact due", lambda r: date_or(r.first_contact_due)),
    ("First contacted on", lambda r: date_or(r.first_contacted_on)),
    ("Overdue", lambda r: yes_no(r.is_overdue)),
    ("Where they found us (source code)", lambda r: r.source_code),
    ("Name", lambda r: r.name),
    ("How to contact them", lambda r: _choice(r, "preferred_contact")),
    ("Phone", lambda r: r.phone),
    ("Email", lambda r: r.email),
    ("Address or supporter", lambda r: r.address),
    ("Safe to leave a message", lambda r: yes_no(r.safe_to_leave_message)),
    ("Safe times to contact", lambda r: r.safe_times),
    ("Prison number", lambda r: r.prison_number),
    ("Support needs", lambda r: r.support_needs),
    # From a professional's referral.
    ("Referred by", lambda r: r.referrer_name),
    ("Referrer's organisation", lambda r: r.referrer_organisation),
    ("Referrer's role", lambda r: r.referrer_role),
    ("Referrer's work email", lambda r: r.referrer_email),
    ("Referrer's work phone", lambda r: r.referrer_phone),
    ("Referrer wants updates", lambda r: yes_no(r.wants_updates)),
    ("Offence type", lambda r: _choice(r, "offence_type")),
    ("Case stage", lambda r: _choice(r, "case_stage")),
    ("Known risks", lambda r: r.known_risks_in_words),
    ("About the risks", lambda r: r.risk_details),
]


def export_row(referral):
    """One referral as the CSV (and spreadsheet) export writes it: heading -> text.

    Every cell of the export comes from here."""
    return {heading: value(referral) or "" for heading, value in EXPORT_COLUMNS}


def inspect_rows(referral):
    """What the coordinator's "Inspect" page shows, in order: (label, text)."""
    erased = referral.personal_data_erased_at
    rows = [
        ("Reference", referral.reference),
        ("Status", referral.get_status_display()),
        ("Outcome", referral.get_outcome_display() or "Not recorded yet"),
        ("Received", received_in_words(referral)),
        ("First contact due", due_in_words(referral)),
        ("First contacted on", date_or(referral.first_contacted_on, "Not yet")),
        (
            "Safe to leave a message",
            "Yes" if referral.safe_to_leave_message else "No: do not leave a message",
        ),
        ("Safe times to contact", referral.safe_times or NOT_GIVEN),
        ("Who", _choice(referral, "role")),
        ("Name", referral.name or NOT_GIVEN),
    ]
    if referral.role == q.ROLE_FOR_SOMEONE:
        rows += [
            ("Referral for", referral.their_name or NOT_GIVEN),
            ("How they know them", referral.relationship or NOT_GIVEN),
            ("Person knows and agrees", _choice(referral, "they_agree") or NOT_GIVEN),
            ("Contact first", contact_first_in_words(referral) or NOT_GIVEN),
        ]
    if referral.channel == Channel.PROFESSIONAL:
        rows += [
            ("Referred by", referral.referrer_name or NOT_GIVEN),
            ("Referrer's organisation", referral.referrer_organisation or NOT_GIVEN),
            ("Referrer's role", referral.referrer_role or NOT_GIVEN),
            ("Referrer's work email", referral.referrer_email or NOT_GIVEN),
            ("Referrer's work phone", referral.referrer_phone or NOT_GIVEN),
            ("Referrer wants updates", yes_no(referral.wants_updates)),
            ("Person knows and agrees", _choice(referral, "they_agree") or NOT_GIVEN),
            ("Offence type", _choice(referral, "offence_type") or NOT_GIVEN),
            ("Case stage", _choice(referral, "case_stage") or NOT_GIVEN),
            ("Known risks", referral.known_risks_in_words or NOT_GIVEN),
            ("About the risks", referral.risk_details or NOT_GIVEN),
        ]
    rows += [
        ("Age", _choice(referral, "age_group")),
        ("Area", referral.area_name),
        ("How to contact them", _choice(referral, "preferred_contact")),
        ("Phone", referral.phone or NOT_GIVEN),
        ("Email", referral.email or NOT_GIVEN),
        ("Address or supporter", referral.address or NOT_GIVEN),
        ("Prison number", referral.prison_number or NOT_GIVEN),
        ("Wants an email with their reference", yes_no(referral.confirmation_email)),
        ("What happened", referral.what_happened or NOT_GIVEN),
        ("Support needs", referral.support_needs or "None given"),
        ("Coordinator notes", referral.coordinator_notes or "None yet"),
        ("Where they found us (source code)", referral.source_code or NOT_GIVEN),
        ("Coordinator email", notification_in_words(referral)),
    ]
    if erased:
        rows.append(
            ("Personal details", f"Erased on {timezone.localtime(erased).strftime(LONG_DATE)}")
        )
    return rows


def notification_in_words(referral):
    if referral.notified_at:
        sent = timezone.localtime(referral.notified_at)
        return f"Sent on {sent.strftime(LONG_DATE)} at {sent.strftime('%H:%M')}"
    if referral.notification_attempts:
        return (
            f"Not sent yet: {referral.notification_attempts} attempt"
            f"{'s' if referral.notification_attempts != 1 else ''} failed. The task worker "
            "keeps trying; check the email settings."
        )
    return "Waiting to be sent"
