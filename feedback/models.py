"""Feedback from people who took part in restorative justice.

Two tables, and nothing personal in either:

- `Invitation`: a single-use, expiring code (only its hash is kept) with the four
  things an answer may be counted by. It has no link to the referral it was sent
  for, and it is deleted in the same transaction that stores the answer.
- `Answer`: what the person said, with the outcome type, channel and role copied
  from the invitation and the quarter it was given in. No foreign key, no token,
  no date finer than the quarter, and a random primary key (so an answer's id
  does not say when it came in).

Personal details stay in `selfreferral/`; coordinators read comments in the admin
(only those who can see referrals), and comments are never published."""

import uuid

from django.db import models

from feedback.choices import Satisfaction, YesNoNotSure, YesPartlyNo


class Invitation(models.Model):
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(db_index=True, editable=False)
    # What the answer will be counted by (codes from selfreferral's choices).
    outcome = models.CharField(max_length=20, editable=False)
    channel = models.CharField(max_length=20, editable=False)
    role = models.CharField(max_length=20, editable=False)

    def __str__(self):
        return "Feedback invitation"


class Answer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    year = models.PositiveSmallIntegerField(editable=False)
    quarter = models.PositiveSmallIntegerField(editable=False)
    outcome = models.CharField(max_length=20, editable=False)
    channel = models.CharField(max_length=20, editable=False)
    role = models.CharField(max_length=20, editable=False)

    satisfaction = models.PositiveSmallIntegerField(
        choices=Satisfaction.choices, verbose_name="Overall satisfaction"
    )
    felt_safe = models.CharField(max_length=8, choices=YesPartlyNo.choices)
    felt_heard = models.CharField(max_length=8, choices=YesPartlyNo.choices)
    would_recommend = models.CharField(max_length=8, choices=YesNoNotSure.choices)
    comment = models.TextField(blank=True, max_length=2000)

    class Meta:
        # Within a quarter by the random id: never in the order answers came in.
        ordering = ["-year", "-quarter", "id"]
        indexes = [models.Index(fields=["year", "quarter"], name="feedback_answer_quarter_idx")]

    def __str__(self):
        return f"Feedback, {self.year} Q{self.quarter}"

    @property
    def quarter_label(self):
        return f"{self.year} Q{self.quarter}"
