"""Feedback invitations: minting a single-use, expiring code, finding it again
from what someone typed or clicked, and turning it into an anonymous answer.

The code is shown once (in the email, or on the printed slip) and only its
SHA-256 hash is stored. Twelve characters from 32 (no 0/O, 1/I/L) give about
60 bits: far too many to guess, and the public code page is rate limited too."""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from feedback.models import Answer, Invitation

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
GROUP = 4


def normalise(typed):
    """What someone typed, as the code is stored: capitals, without spaces or dashes."""
    return "".join(ch for ch in str(typed).upper() if ch.isalnum())[:40]


def for_display(code):
    """ABCD-EFGH-JKMN: easier to copy from a slip."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def hash_code(code):
    return hashlib.sha256(normalise(code).encode()).hexdigest()


def invite(*, outcome, channel, role, now=None):
    """A new invitation; returns its code, which is kept nowhere."""
    now = now or timezone.now()
    code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    Invitation.objects.create(
        token_hash=hash_code(code),
        expires_at=now + datetime.timedelta(days=settings.FEEDBACK_INVITATION_DAYS),
        outcome=outcome,
        channel=channel,
        role=role,
    )
    return code


def withdraw(code):
    """Forget an invitation that was never delivered (an email that failed)."""
    Invitation.objects.filter(token_hash=hash_code(code)).delete()


VALID, EXPIRED, UNKNOWN = "valid", "expired", "unknown"


@dataclass
class Found:
    state: str
    invitation: Invitation | None = None


def find(code, now=None):
    """VALID, EXPIRED, or UNKNOWN (never sent, mistyped, or already answered: an
    answered invitation no longer exists)."""
    now = now or timezone.now()
    code = normalise(code)
    if len(code) != CODE_LENGTH:
        return Found(UNKNOWN)
    invitation = Invitation.objects.filter(token_hash=hash_code(code)).first()
    if invitation is None:
        return Found(UNKNOWN)
    if invitation.expires_at <= now:
        return Found(EXPIRED, invitation)
    return Found(VALID, invitation)


def quarter_of(day):
    return day.year, (day.month - 1) // 3 + 1


def answer(code, answers, now=None):
    """Store the answers and delete the invitation, in one transaction; None if the
    code was used (or expired) in the meantime, so a double send stores one answer."""
    now = now or timezone.now()
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(token_hash=hash_code(code), expires_at__gt=now)
            .first()
        )
        if invitation is None:
            return None
        deleted, _ = Invitation.objects.filter(pk=invitation.pk).delete()
        if not deleted:
            return None
        year, quarter = quarter_of(timezone.localdate(now))
        return Answer.objects.create(
            year=year,
            quarter=quarter,
            outcome=invitation.outcome,
            channel=invitation.channel,
            role=invitation.role,
            **answers,
        )


def purge_expired(now=None):
    """Expired invitations are of no use to anyone: delete them."""
    now = now or timezone.now()
    return Invitation.objects.filter(expires_at__lte=now).delete()[0]
