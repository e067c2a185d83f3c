"""Kiosks: shared touch-screen devices in prisons, enrolled by a site administrator.

A device becomes a kiosk by opening a one-time enrolment link made in the admin.
The link sets a signed cookie holding the kiosk's id and `cookie_version`;
revoking the kiosk bumps the version, so the cookie stops working at once."""

import hashlib
import secrets
from datetime import timedelta

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, PageChooserPanel

ENROLMENT_LINK_HOURS = 24


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class Kiosk(models.Model):
    name = models.CharField(
        max_length=120,
        help_text='Where the kiosk is, so you can tell kiosks apart. For example, "HMP Fenmoor – '
        'visits hall".',
    )
    eligibility_notice = models.TextField(
        blank=True,
        help_text="Shown above the form on this kiosk. For example, who this prison cannot take "
        "self-referrals from. Use plain words. Leave empty if there is nothing to say.",
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text='The page the "What is restorative justice?" button opens on this kiosk.',
    )
    created_at = models.DateTimeField(auto_now_add=True)
    enrolled_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Only a hash of the one-time link is kept: the link itself is shown once.
    enrolment_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    enrolment_token_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    # In the device's signed cookie; changed on revoke and on every new enrolment.
    cookie_version = models.PositiveIntegerField(default=1, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("eligibility_notice"),
        PageChooserPanel("about_page", ["home.StandardPage", "home.EasyReadPage"]),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def source_code(self):
        """What the referral records as where it came from (no link to this model)."""
        return f"kiosk-{self.pk}"

    @property
    def status(self):
        if self.revoked_at:
            return "Revoked"
        if self.enrolled_at:
            return "Enrolled"
        return "Not enrolled"

    def new_enrolment_token(self):
        """Make a one-time enrolment token (only its hash is stored) and return it.
        An earlier unused token stops working."""
        token = secrets.token_urlsafe(32)
        self.enrolment_token_hash = hash_token(token)
        self.enrolment_token_expires_at = timezone.now() + timedelta(hours=ENROLMENT_LINK_HOURS)
        self.save(update_fields=["enrolment_token_hash", "enrolment_token_expires_at"])
        return token

    def revoke(self):
        self.revoked_at = timezone.now()
        self.enrolment_token_hash = ""
        self.enrolment_token_expires_at = None
        self.cookie_version += 1
        self.save()

    @classmethod
    def for_enrolment_token(cls, token):
        """The kiosk an unused, unexpired enrolment token is for, or None."""
        if not token or len(token) > 100:
            return None
        return cls.objects.filter(
            enrolment_token_hash=hash_token(token), enrolment_token_expires_at__gt=timezone.now()
        ).first()

    @classmethod
    def enrol_with_token(cls, token):
        """Use up a one-time enrolment token: the kiosk it enrols, or None when the
        token is unknown, used or expired. Starts a new cookie version, so a device
        enrolled before with this kiosk stops being a kiosk."""
        if not token or len(token) > 100:
            return None
        now = timezone.now()
        token_hash = hash_token(token)
        kiosk = cls.objects.filter(
            enrolment_token_hash=token_hash, enrolment_token_expires_at__gt=now
        ).first()
        if kiosk is None:
            return None
        # Conditional on the hash still being there, so two devices cannot both use one link.
        claimed = cls.objects.filter(pk=kiosk.pk, enrolment_token_hash=token_hash).update(
            enrolment_token_hash="",
            enrolment_token_expires_at=None,
            enrolled_at=now,
            revoked_at=None,
            cookie_version=models.F("cookie_version") + 1,
        )
        if not claimed:
            return None
        kiosk.refresh_from_db()
        return kiosk
