"""Self-referrals: the page people use to ask for restorative justice, the areas
that route a referral to the right team, and the referral itself.

Personal data lives only in `Referral`, seen only by coordinators (admin views
and the notification email). Other apps read `selfreferral.figures`."""

import datetime
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone, translation

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.mixins import SitePageMixin
from home.models import EasyReadLinkMixin
from home.validators import source_code_validator
from selfreferral import questions as q
from selfreferral.choices import (
    COMPLETED_OUTCOMES,
    FINISHED_STATUSES,
    NEXT_STATUSES,
    Channel,
    Outcome,
    Status,
)
from selfreferral.details import (
    contact_first_in_words,
    due_in_words,
    due_status,
    received_in_words,
)
from selfreferral.encryption import EncryptedCharField, EncryptedEmailField, EncryptedTextField
from selfreferral.working_days import add_working_days


def _inbox_list(text):
    return [address.strip() for address in text.replace(",", "\n").splitlines() if address.strip()]


def validate_inboxes(text):
    for address in _inbox_list(text):
        validate_email(address)


class Area(models.Model):
    """Where referrals from one of the public areas (`home.Area`) go: its
    coordinators, or its youth service when the person is under 18."""

    public_area = models.OneToOneField(
        "home.Area",
        on_delete=models.PROTECT,
        related_name="service_area",
        verbose_name="area",
        help_text="The area people choose on the form. Add or rename areas under Snippets, Areas: "
        "the same list labels case studies and events.",
    )
    # The public area's name, copied on save and when the public area is renamed
    # (selfreferral/signals.py), so the form, the paper form and the figures read it in
    # the same query as the areas.
    name = models.CharField(max_length=80, unique=True, editable=False)
    coordinator_inboxes = models.TextField(
        validators=[validate_inboxes],
        help_text="Email addresses of this area's restorative justice coordinators, one a line. "
        "New referrals for adults are sent here.",
    )
    youth_inbox = models.EmailField(
        blank=True,
        help_text="The youth service's email address. Referrals for under-18s are sent here. "
        "If empty, they go to the coordinators above.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Areas are listed on the form in this order, lowest first."
    )
    is_active = models.BooleanField(
        default=True,
        help_text="Untick to take this area off the form. Its past referrals are kept.",
    )

    panels = [
        FieldPanel("public_area"),
        # Only trusted users may change where referrals (personal data) are sent.
        FieldPanel("coordinator_inboxes", permission="superuser"),
        FieldPanel("youth_inbox", permission="superuser"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "service area"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = self.public_area.name
        super().save(*args, **kwargs)

    @property
    def coordinator_inbox_list(self):
        return _inbox_list(self.coordinator_inboxes)


class ReferralSource(models.Model):
    """A link the comms team hands out with its own `?src=` code (a partner's website,
    a newsletter), so the figures can count the referrals it brings. Leaflets and
    kiosks register their own codes (see selfreferral/sources.py); any other code a
    visitor sends is counted as "Other"."""

    code = models.CharField(
        max_length=20,
        unique=True,
        validators=[source_code_validator],
        help_text="The code added to the web address, for example 'partner-site' in "
        "/self-referral/?src=partner-site. Do not change it once the link is in use.",
    )
    label = models.CharField(
        max_length=80,
        help_text="What the figures call it, for example 'Victim Support's website'.",
    )

    panels = [FieldPanel("code"), FieldPanel("label")]

    class Meta:
        ordering = ["label"]
        verbose_name = "referral link"

    def __str__(self):
        return f"{self.label} ({self.code})"


OUTCOME_REQUIRED_MESSAGE = "Choose what came of it before closing or withdrawing the referral."
OUTCOME_FOR_WITHDRAWN_MESSAGE = (
    "A withdrawn referral did not go ahead: choose why, or close it if restorative work took place."
)


class ReferralSummaryPanel(Panel):
    """What a coordinator needs before calling: when first contact is due (and whether
    that is today, tomorrow or past), how and when it arrived, and whether a message
    may be left. At the top of the referral's edit page."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "selfreferral/admin/referral_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            referral = self.instance
            context.update(
                referral=referral,
                received=received_in_words(referral),
                # The status is shown as a tag beside it.
                due=due_in_words(referral, with_status=False),
                due_status=due_status(referral),
                contact_first=contact_first_in_words(referral),
            )
            return context


# An unticked box read as "no answer"; the answer is a safety matter, so say it both ways.
SAFE_TO_LEAVE_MESSAGE_WIDGET = forms.RadioSelect(
    choices=[(True, "Yes, it is safe to leave a message"), (False, "No, do not leave a message")]
)


class ReferralQuerySet(models.QuerySet):
    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(status=Status.NEW, first_contact_due__lt=today)

    def not_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.exclude(status=Status.NEW, first_contact_due__lt=today)

    def notification_stale(self, now=None):
        now = now or timezone.now()
        cutoff = now - datetime.timedelta(minutes=settings.SELF_REFERRAL_NOTIFICATION_STALE_MINUTES)
        return self.filter(notified_at__isnull=True, created_at__lt=cutoff)

    def due_for_purge(self, now=None):
        now = now or timezone.now()
        cutoff = now - datetime.timedelta(days=settings.SELF_REFERRAL_RETENTION_DAYS)
        return self.filter(
            status__in=FINISHED_STATUSES,
            status_changed_at__lt=cutoff,
            personal_data_erased_at__isnull=True,
        )


# Erased by the retention purge; everything else is anonymous and kept for figures.
PERSONAL_FIELDS = (
    "name",
    "their_name",
    "relationship",
    "phone",
    "email",
    "address",
    "safe_times",
    "prison_number",
    "what_happened",
    "support_needs",
    "coordinator_notes",
    "source_code",
    "risk_details",
    "referrer_name",
    "referrer_organisation",
    "referrer_role",
    "referrer_email",
    "referrer_phone",
)


class Referral(models.Model):
    """A request for restorative justice, from the form, a kiosk, paper or a phone call.

    Personal details are encrypted in the database (selfreferral/encryption.py)."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    # The local (UK) date it was made: the figures group by it in the database,
    # which is far faster than converting every timestamp on each count.
    created_on = models.DateField(editable=False)
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.WEB)
    source_code = models.CharField(
        max_length=40,
        blank=True,
        help_text="The code on the link or leaflet that brought the person here, if any.",
    )
    # One submitted form makes one referral, however often it is sent.
    # NULL (not "") when there is none, e.g. paper referrals: unique ignores NULLs.
    submission_token = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )

    role = models.CharField(max_length=20, choices=q.choices_for("role"))
    name = EncryptedCharField(max_length=120, blank=True)
    preferred_contact = models.CharField(max_length=20, choices=q.choices_for("preferred_contact"))
    phone = EncryptedCharField(max_length=30, blank=True)
    email = EncryptedEmailField(blank=True)
    address = EncryptedTextField(blank=True)
    safe_to_leave_message = models.BooleanField(default=False)
    safe_times = EncryptedCharField(max_length=200, blank=True)
    prison_number = EncryptedCharField(
        max_length=20, blank=True, help_text="Given on a kiosk or paper form from a prison."
    )
    confirmation_email = models.BooleanField(
        default=False, help_text="The person asked for an email with their reference."
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals",
        help_text="Empty when the person was not sure.",
    )
    age_group = models.CharField(max_length=12, choices=q.choices_for("age_group"))
    # When someone asks for another person: who that is, how they know them, that the
    # person agreed (a referral without it is never sent), and whom to contact first.
    their_name = EncryptedCharField(
        max_length=120, blank=True, help_text="The person the referral is for."
    )
    relationship = EncryptedCharField(
        max_length=200,
        blank=True,
        help_text="How the person who asked knows them, or why they are involved.",
    )
    they_agree = models.CharField(
        max_length=5,
        blank=True,
        choices=q.choices_for("they_agree"),
        help_text="Whether the person knows about the referral and agrees to it.",
    )
    contact_first = models.CharField(
        max_length=5,
        blank=True,
        choices=q.choices_for("contact_first"),
        help_text="Whom to contact first: the person who asked, or the person it is for.",
    )
    what_happened = EncryptedTextField(blank=True)
    support_needs = EncryptedTextField(blank=True)
    # From a professional (channel "professional"): who referred the person, and the case.
    referrer_name = EncryptedCharField(
        max_length=120, blank=True, help_text="The professional who referred the person."
    )
    referrer_organisation = EncryptedCharField(max_length=120, blank=True)
    referrer_role = EncryptedCharField(max_length=120, blank=True)
    referrer_email = EncryptedEmailField(
        blank=True,
        help_text="The professional's work email: the acknowledgement and any updates go here.",
    )
    referrer_phone = EncryptedCharField(max_length=30, blank=True)
    wants_updates = models.BooleanField(
        default=False,
        help_text="The professional asked for an email when first contact is made and when "
        "the case closes (reference and status only).",
    )
    offence_type = models.CharField(
        max_length=20, blank=True, choices=q.choices_for("offence_type")
    )
    case_stage = models.CharField(max_length=20, blank=True, choices=q.choices_for("case_stage"))
    # The risks the professional knows of, as their codes separated by commas.
    known_risks = models.CharField(max_length=100, blank=True)
    risk_details = EncryptedTextField(blank=True)
    consent_at = models.DateTimeField(null=True, blank=True, editable=False)

    status = models.CharField(
        max_length=12,
        choices=Status.choices,
        default=Status.NEW,
        db_index=True,
        help_text="New → contacted → in progress → closed or withdrawn.",
    )
    status_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    first_contact_due = models.DateField(
        editable=False, help_text="The date by which a coordinator should first contact them."
    )
    first_contacted_on = models.DateField(
        null=True,
        blank=True,
        help_text="The date a coordinator first spoke to or wrote to the person. "
        "Filled in with today's date when you mark the referral as contacted.",
    )
    outcome = models.CharField(
        max_length=20,
        blank=True,
        choices=Outcome.choices,
        help_text="What came of it. Needed to close or withdraw the referral. It has no "
        "personal details, so it is kept when they are erased and counted in the "
        "published figures.",
    )
    feedback_agreed = models.BooleanField(
        default=False,
        verbose_name="They agreed to be asked for feedback",
        help_text="Tick if the person said we may ask them how it went. Once the referral is "
        "closed with restorative work done, you can then send them a feedback invitation.",
    )
    feedback_invited_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="When a feedback invitation was last sent or printed. Their answers are "
        "not linked to the referral.",
    )
    coordinator_notes = EncryptedTextField(
        blank=True,
        help_text="Notes for the team. Only coordinators can see them. "
        "They are deleted with the personal details when the referral is purged.",
    )

    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    notification_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    notification_error = models.CharField(max_length=300, blank=True, editable=False)
    personal_data_erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ReferralQuerySet.as_manager()

    panels = [
        ReferralSummaryPanel(heading="At a glance"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("outcome"),
                FieldPanel("first_contacted_on"),
                FieldPanel("feedback_agreed"),
                FieldPanel("coordinator_notes"),
            ],
            heading="Progress",
        ),
        MultiFieldPanel(
            [
                FieldPanel("safe_to_leave_message", widget=SAFE_TO_LEAVE_MESSAGE_WIDGET),
                FieldPanel("safe_times"),
                FieldPanel("contact_first"),
                FieldPanel("name"),
                FieldPanel("preferred_contact"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("prison_number"),
            ],
            heading="Contact details (correct them if the person tells you they have changed)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("referrer_name"),
                FieldPanel("referrer_organisation"),
                FieldPanel("referrer_role"),
                FieldPanel("referrer_email"),
                FieldPanel("referrer_phone"),
                FieldPanel("wants_updates", read_only=True),
            ],
            heading="The professional who referred them (professional referrals only)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("role", read_only=True),
                FieldPanel("their_name"),
                FieldPanel("relationship"),
                FieldPanel("they_agree", read_only=True),
                FieldPanel("age_group", read_only=True),
                FieldPanel("area", read_only=True),
                FieldPanel("channel", read_only=True),
                FieldPanel("source_code", read_only=True),
                FieldPanel("offence_type", read_only=True),
                FieldPanel("case_stage", read_only=True),
                FieldPanel("known_risks", read_only=True),
                FieldPanel("risk_details", read_only=True),
                FieldPanel("what_happened", read_only=True),
                FieldPanel("support_needs", read_only=True),
            ],
            heading="What they told us",
        ),
    ]

    class Meta:
        ordering = ["-created_at"]
        # Covers the grouped counts behind the public figures (see figures.py).
        indexes = [
            models.Index(
                fields=["created_on", "channel", "role", "area"], name="referral_figures_idx"
            )
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if self.created_on is None:
            self.created_on = timezone.localtime(self.created_at).date()
        if self.first_contact_due is None:
            created = timezone.localtime(self.created_at)
            self.first_contact_due = add_working_days(
                created, settings.SELF_REFERRAL_FIRST_CONTACT_WORKING_DAYS
            )
        if self.pk is not None:
            old = Referral.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if old is not None and old != self.status:
                self.status_changed_at = timezone.now()
                if self.status != Status.NEW and self.first_contacted_on is None:
                    self.first_contacted_on = timezone.localdate()
        if self.status not in FINISHED_STATUSES:
            # Reopened: what came of it is decided again when it next finishes.
            self.outcome = ""
        if not self.reference:
            with transaction.atomic():
                # The reference comes from the row's id, so it is unique without a lock.
                self.reference = f"pending-{uuid.uuid4().hex[:12]}"
                super().save(*args, **kwargs)
                year = timezone.localtime(self.created_at).year
                self.reference = f"RJ-{year}-{self.pk:06d}"
                Referral.objects.filter(pk=self.pk).update(reference=self.reference)
            return
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        old = Referral.objects.filter(pk=self.pk).values_list("status", flat=True).first()
        if old and old != self.status and self.status not in NEXT_STATUSES[Status(old)]:
            allowed = ", ".join(str(Status(s).label).lower() for s in NEXT_STATUSES[Status(old)])
            raise ValidationError(
                {"status": f"A {Status(old).label.lower()} referral can only become: {allowed}."}
            )
        if self.status in FINISHED_STATUSES and not self.outcome:
            raise ValidationError({"outcome": OUTCOME_REQUIRED_MESSAGE})
        if self.status == Status.WITHDRAWN and self.outcome in COMPLETED_OUTCOMES:
            raise ValidationError({"outcome": OUTCOME_FOR_WITHDRAWN_MESSAGE})

    # Reading the referral

    @property
    def is_overdue(self):
        return self.status == Status.NEW and self.first_contact_due < timezone.localdate()

    @property
    def can_be_asked_for_feedback(self):
        """Restorative work took place, the person agreed to be asked, and we can still
        reach them (their details have not been erased)."""
        return (
            self.status == Status.CLOSED
            and self.outcome in COMPLETED_OUTCOMES
            and self.feedback_agreed
            and self.personal_data_erased_at is None
        )

    @property
    def contact_detail(self):
        field = q.CONTACT_DETAIL_FOR.get(self.preferred_contact)
        return getattr(self, field) if field else ""

    @property
    def area_name(self):
        return self.area.name if self.area else "Not sure"

    @property
    def known_risks_in_words(self):
        """The risks a professional knows of, as words ("" when none were asked)."""
        labels = q.QUESTIONS["known_risks"].choice_labels
        with translation.override("en-gb"):
            return ", ".join(
                str(labels.get(code, code)) for code in self.known_risks.split(",") if code
            )

    def notification_recipients(self):
        """Where the coordinator email goes. Every routing rule is here.

        - An area's youth inbox for under-18s (its coordinators when it has none).
        - An area's coordinator inboxes for adults.
        - The default inbox when the person was not sure, the area is no longer
          active, or it has no inbox at all."""
        area = self.area
        if area is not None and area.is_active:
            if self.age_group == q.AGE_UNDER_18 and area.youth_inbox:
                return [area.youth_inbox]
            if area.coordinator_inbox_list:
                return area.coordinator_inbox_list
        return [settings.SELF_REFERRAL_DEFAULT_INBOX]

    def erase_personal_data(self):
        for field in PERSONAL_FIELDS:
            setattr(self, field, "")
        self.confirmation_email = False
        self.submission_token = None
        self.personal_data_erased_at = timezone.now()
        Referral.objects.filter(pk=self.pk).update(
            **{field: "" for field in PERSONAL_FIELDS},
            confirmation_email=False,
            submission_token=None,
            personal_data_erased_at=self.personal_data_erased_at,
        )


class SelfReferralPage(RoutablePageMixin, EasyReadLinkMixin, SitePageMixin, Page):
    """The self-referral form: people ask for restorative justice for themselves
    (or for someone they support). The questions are set in code; editors write
    the words around them."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Shown above the form: who can ask, that it is free and voluntary, "
        "and how long the form takes.",
    )
    what_happens_next = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="What happens after someone sends the form. Shown before the form "
        "and again on the thank-you page.",
    )
    # Before the form: who may use it, the policies that decide whether it can help,
    # and where to go instead. Each is shown only when it has words.
    who_can_use = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Under the heading 'Who can use this form': who can ask (people harmed, "
        "people who caused harm, someone asking for another person who agrees), where it "
        "must have happened, and that it can be at any time, reported to the police or not.",
    )
    sensitive_cases = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Folded away under 'Domestic abuse, sexual harm and sexual offences': how "
        "these cases are handled (specially trained facilitators, extra safety checks) and "
        "the policy on self-referrals from people convicted of sexual offences.",
    )
    victims_code = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Folded away under 'Your right to information about restorative justice': "
        "what the Victims' Code entitles people to, and whom to ask.",
    )
    where_else = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Under the heading 'If we cannot help, or you need help now': what to do "
        "in danger, if it happened in another area, and the support services to contact.",
    )
    privacy_notice = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="A short privacy notice shown just above the send button: who sees the "
        "answers and how long they are kept. Link to the full privacy notice.",
    )
    thank_you_heading = models.CharField(
        max_length=120,
        default="Your referral has been sent",
        help_text="The heading of the thank-you page people see after sending the form.",
    )
    thank_you_text = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Shown on the thank-you page under the reference number, for example "
        "what to do if they need help sooner.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("what_happens_next"),
        index.SearchField("who_can_use"),
        index.SearchField("where_else"),
    ]

    # A form's PDF would be a blank form that cannot be sent; the paper form is its own thing.
    offers_pdf = False

    content_panels = (
        Page.content_panels
        + EasyReadLinkMixin.easy_read_panels
        + [
            FieldPanel("intro"),
            MultiFieldPanel(
                [
                    FieldPanel("who_can_use"),
                    FieldPanel("what_happens_next"),
                    FieldPanel("sensitive_cases"),
                    FieldPanel("victims_code"),
                    FieldPanel("where_else"),
                ],
                heading="Before the form",
                help_text="Read before anyone starts the form, in this order: who can use it, "
                "what happens, the policies on sensitive cases, people's rights, and where "
                "to go instead. Write plainly: many readers are upset or in a hurry.",
            ),
            FieldPanel("privacy_notice"),
            MultiFieldPanel(
                [FieldPanel("thank_you_heading"), FieldPanel("thank_you_text")],
                heading="Thank-you page",
            ),
        ]
    )

    class Meta:
        verbose_name = "self-referral page"

    @path("")
    def form_view(self, request):
        from selfreferral.views import ReferralFormView

        return ReferralFormView.as_view(page=self)(request)

    @path("thank-you/")
    def thank_you_view(self, request):
        from selfreferral.views import thank_you

        return thank_you(request, self)

    @path("paper-form/")
    def paper_form_view(self, request):
        """The paper form to print and post, as a PDF; `?size=large` for large print."""
        from selfreferral.paper import paper_form_response

        return paper_form_response(request, self)

    def paper_form_downloads(self):
        from selfreferral.paper import paper_form_downloads

        return paper_form_downloads(self)


class ProfessionalReferralPage(RoutablePageMixin, SitePageMixin, Page):
    """For professionals (police, probation, prisons, Victim Support, youth justice,
    schools, health): what restorative justice can do, who is eligible, how referrals
    are assessed, and the professional referral form. The form's questions are set in
    code (selfreferral/questions.py); editors write the words around them."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Shown first: who this page is for (the professions you work with) and "
        "that a referral needs the person's agreement.",
    )
    what_rj_can_do = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Under the heading 'What restorative justice can do': what it offers the "
        "people you work with, and the forms it takes (a meeting, a letter, messages passed on).",
    )
    who_is_eligible = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Under the heading 'Who can be referred': who may be referred, at which "
        "stage of a case, and the cases handled by specialists.",
    )
    how_assessed = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Under the heading 'How we assess a referral': the checks a facilitator "
        "makes before anything happens, and how long the first contact takes.",
    )
    what_happens_next = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Shown on the thank-you page after a professional sends the form.",
    )
    privacy_notice = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="A short privacy notice shown just above the send button: who sees the "
        "answers, about the person and about the professional, and how long they are kept.",
    )
    thank_you_heading = models.CharField(
        max_length=120,
        default="Your referral has been sent",
        help_text="The heading of the thank-you page after a professional sends the form.",
    )
    thank_you_text = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Shown on the thank-you page under the reference number, for example how "
        "to reach the team about the referral.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("what_rj_can_do"),
        index.SearchField("who_is_eligible"),
        index.SearchField("how_assessed"),
    ]

    offers_pdf = False

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("what_rj_can_do"),
                FieldPanel("who_is_eligible"),
                FieldPanel("how_assessed"),
            ],
            heading="Before the form",
            help_text="Read by professionals before they refer someone, in this order. Say "
            "plainly what the service offers, whom it can take and how it decides.",
        ),
        FieldPanel("privacy_notice"),
        MultiFieldPanel(
            [
                FieldPanel("thank_you_heading"),
                FieldPanel("what_happens_next"),
                FieldPanel("thank_you_text"),
            ],
            heading="Thank-you page",
        ),
    ]

    class Meta:
        verbose_name = "page for professionals"

    @path("")
    def form_view(self, request):
        from selfreferral.views import ProfessionalReferralFormView

        return ProfessionalReferralFormView.as_view(page=self)(request)

    @path("thank-you/")
    def thank_you_view(self, request):
        from selfreferral.views import thank_you

        return thank_you(request, self)
