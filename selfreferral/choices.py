"""The choices a referral's own fields offer (its status, outcome and channel). The
answers people give on the form are defined with their questions (questions.py)."""

from django.db import models


class Status(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    IN_PROGRESS = "in_progress", "In progress"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The status workflow: where each status may go next.
NEXT_STATUSES = {
    Status.NEW: {Status.CONTACTED, Status.WITHDRAWN},
    Status.CONTACTED: {Status.IN_PROGRESS, Status.CLOSED, Status.WITHDRAWN},
    Status.IN_PROGRESS: {Status.CLOSED, Status.WITHDRAWN},
    Status.CLOSED: {Status.IN_PROGRESS},
    Status.WITHDRAWN: {Status.IN_PROGRESS},
}
FINISHED_STATUSES = (Status.CLOSED, Status.WITHDRAWN)


class Outcome(models.TextChoices):
    """What came of a finished referral: anonymous, kept after the personal details are
    erased, and counted in the public figures (figures.py)."""

    # Restorative work took place.
    MEETING = "meeting", "Face-to-face meeting"
    LETTER = "letter", "Letter"
    INDIRECT = "indirect", "Shuttle or other indirect communication"
    OTHER_RESTORATIVE = "other_restorative", "Other restorative work"
    # It did not go ahead, and why.
    NOT_SUITABLE = "not_suitable", "Did not go ahead: not suitable"
    OTHER_DECLINED = "other_declined", "Did not go ahead: the other person declined"
    WITHDREW = "withdrew", "Did not go ahead: the person withdrew"
    NOT_CONTACTED = "not_contacted", "Did not go ahead: could not be contacted"


COMPLETED_OUTCOMES = (
    Outcome.MEETING,
    Outcome.LETTER,
    Outcome.INDIRECT,
    Outcome.OTHER_RESTORATIVE,
)


class Channel(models.TextChoices):
    WEB = "web", "Website"
    KIOSK = "kiosk", "Kiosk"
    PAPER = "paper", "Paper form"
    PHONE = "phone", "Phone call"
    PROFESSIONAL = "professional", "Professional referral"


# Referrals a coordinator enters from a paper form or a phone call.
ENTERED_BY_HAND = (Channel.PAPER, Channel.PHONE)
