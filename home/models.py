from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.blocks import (
    RICH_TEXT_FEATURES,
    AccessibilityProblemBlock,
    BodyBlock,
    CallToActionBlock,
    EasyReadRowBlock,
    FeaturedPageBlock,
)
from home.choices import REASON_HEADINGS, Compliance, PhoneDays
from home.dates import format_time
from home.mixins import SitePageMixin
from home.validators import validate_heading_order


class EasyReadLinkMixin(models.Model):
    """Lets a page link its Easy Read version, shown as a prominent link near the top.

    Add it to a page type and put `easy_read_panels` in its content panels; the
    page template includes "includes/easy_read_link.html"."""

    easy_read_version = models.ForeignKey(
        "home.EasyReadPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. The Easy Read version of this page, with pictures and short sentences.",
    )

    easy_read_panels = [PageChooserPanel("easy_read_version", "home.EasyReadPage")]

    class Meta:
        abstract = True


class HomePage(EasyReadLinkMixin, SitePageMixin, Page):  # noqa: DJ008 (Page gives __str__)
    """The front door of the site: says in a few words what restorative justice is,
    and sends people to the next step (refer yourself, films, stories, events)."""

    hero_heading = models.CharField(
        max_length=120,
        help_text="The main heading people see first. Keep it short, for example 'Talk, be heard, move on'.",
    )
    hero_text = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the heading. Plain words; no jargon.",
    )
    summary_heading = models.CharField(
        max_length=120,
        default="What is restorative justice?",
        help_text="Heading for the short explanation of restorative justice.",
    )
    summary = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        validators=[validate_heading_order],
        help_text="A short explanation of restorative justice, in three or four sentences.",
    )
    summary_link = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. The page with the full explanation.",
    )
    calls_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        blank=True,
        max_num=4,
        help_text="Up to four next steps, for example: refer yourself, watch the films, read stories, events.",
    )
    featured = StreamField(
        [("page", FeaturedPageBlock())],
        blank=True,
        max_num=6,
        help_text="Up to six pages to show as cards, such as a new case study or this year's events.",
    )
    body = StreamField(
        BodyBlock(), blank=True, help_text="Optional extra content at the bottom of the page."
    )

    parent_page_types = ["wagtailcore.Page"]

    search_fields = Page.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("summary"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text")], heading="Top of the page"
        ),
        MultiFieldPanel(
            [
                FieldPanel("summary_heading"),
                FieldPanel("summary"),
                PageChooserPanel("summary_link"),
            ],
            heading="What is restorative justice",
        ),
        FieldPanel("calls_to_action"),
        FieldPanel("featured"),
        FieldPanel("body"),
        *EasyReadLinkMixin.easy_read_panels,
    ]

    class Meta:
        verbose_name = "home page"


class StandardPage(EasyReadLinkMixin, SitePageMixin, Page):  # noqa: DJ008 (Page gives __str__)
    """A general content page, such as 'What is restorative justice', 'Is it safe?',
    the accessibility statement or the privacy notice."""

    intro = models.TextField(
        max_length=500,
        blank=True,
        help_text="Optional. One or two sentences shown in larger text under the heading.",
    )
    body = StreamField(BodyBlock(), blank=True, help_text="The main content of the page.")

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "home.EasyReadPage"]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        *EasyReadLinkMixin.easy_read_panels,
    ]

    class Meta:
        verbose_name = "standard page"


class EasyReadPage(SitePageMixin, Page):
    """An Easy Read version of another page, for people who find reading hard:
    each row is a picture beside one or two short sentences in large text."""

    intro = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional. One short sentence saying what this page is about.",
    )
    rows = StreamField(
        [("row", EasyReadRowBlock()), ("call_to_action", CallToActionBlock())],
        help_text="Pictures and sentences, one idea per row, in the order people should read them. "
        "End with a button to the next step if there is one.",
    )
    full_version = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. The full version of this page, linked at the bottom for people who want more.",
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("rows"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("rows"),
        PageChooserPanel("full_version"),
    ]

    class Meta:
        verbose_name = "Easy Read page"


class AccessibilityStatementPage(SitePageMixin, Page):
    """The site's accessibility statement, in the shape the Public Sector Bodies
    (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 ask for:
    how accessible the site is, what is not and why, how to ask for another format or
    report a problem, the enforcement procedure, how it was tested, and when the
    statement was prepared and last reviewed. The comms team keeps it current here;
    the enforcement procedure and contact details are filled in by the site."""

    organisation = models.CharField(
        max_length=200,
        help_text="Who runs the site, as the statement names them, for example "
        "'The Office of the Police and Crime Commissioner for Fenmoor and Saltcombe'.",
    )
    using_this_website = RichTextField(
        features=RICH_TEXT_FEATURES,
        validators=[validate_heading_order],
        help_text="What people should be able to do (zoom to 400%, use a keyboard or screen reader) "
        "and where to get help making their device easier to use, such as AbilityNet.",
    )
    compliance = models.CharField(
        max_length=20,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
        help_text="How far the site meets WCAG 2.2 level AA. 'Partially' when anything is listed below.",
    )
    problems = StreamField(
        [("problem", AccessibilityProblemBlock())],
        blank=True,
        help_text="Each thing that is not accessible yet, and why. The statement groups them by reason.",
    )
    feedback = RichTextField(
        features=RICH_TEXT_FEATURES,
        validators=[validate_heading_order],
        help_text="How to ask for information in another format (large print, Easy Read, audio, "
        "braille) and how long you take to reply. The phone number and email are added from "
        "Settings > Contact details.",
    )
    how_tested = RichTextField(
        features=RICH_TEXT_FEATURES,
        validators=[validate_heading_order],
        help_text="How the site was tested, by whom, and which pages: for example automated checks "
        "on every page and a manual test with a keyboard and a screen reader.",
    )
    last_tested_on = models.DateField(help_text="When the site was last tested.")
    improvements = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        validators=[validate_heading_order],
        help_text="Optional. What you are doing to make the site more accessible.",
    )
    prepared_on = models.DateField(help_text="When this statement was first prepared.")
    reviewed_on = models.DateField(
        help_text="When the statement was last reviewed. Review it at least once a year."
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    search_fields = Page.search_fields + [
        index.SearchField("using_this_website"),
        index.SearchField("problems"),
        index.SearchField("feedback"),
        index.SearchField("how_tested"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("using_this_website"),
        MultiFieldPanel(
            [FieldPanel("compliance"), FieldPanel("problems")],
            heading="Compliance status and what is not accessible",
        ),
        FieldPanel("feedback"),
        MultiFieldPanel(
            [FieldPanel("how_tested"), FieldPanel("last_tested_on")], heading="How it was tested"
        ),
        FieldPanel("improvements"),
        MultiFieldPanel(
            [FieldPanel("prepared_on"), FieldPanel("reviewed_on")],
            heading="Preparation of this statement",
        ),
    ]

    class Meta:
        verbose_name = "accessibility statement"

    def clean(self):
        super().clean()
        errors = {}
        if self.prepared_on and self.reviewed_on and self.reviewed_on < self.prepared_on:
            errors["reviewed_on"] = "The review cannot be before the statement was prepared."
        if self.compliance == Compliance.FULL and len(self.problems):
            errors["compliance"] = (
                "A site with problems listed is not fully compliant: choose 'Partially compliant'."
            )
        if errors:
            raise ValidationError(errors)

    def problems_by_reason(self):
        """[(reason label, [problem values])] in the order the regulations' model statement uses."""
        grouped = {reason: [] for reason in REASON_HEADINGS}
        for block in self.problems:
            grouped.setdefault(block.value["reason"], []).append(block)
        return [(REASON_HEADINGS[reason], items) for reason, items in grouped.items() if items]


@register_snippet
class Area(models.Model):
    """A part of the force area people know by name: the one list that case studies
    and events are labelled and filtered by. The self-referral routing table
    (`selfreferral.Area`, with its inboxes) points at these."""

    name = models.CharField(
        max_length=80,
        unique=True,
        help_text="The place name people know, for example 'Saltcombe' or 'Fenmoor North'.",
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in web addresses when people filter stories and events by area. "
        "Lowercase letters, numbers and hyphens.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = "area"

    def __str__(self):
        return self.name


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """How people reach the service, shown in every page's footer."""

    service_name = models.CharField(
        max_length=120,
        default="Restorative Justice Service",
        help_text="The name shown at the top of every page.",
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="Phone number people can call, for example 0300 123 4567.",
    )
    phone_days = models.CharField(
        max_length=20,
        choices=PhoneDays.choices,
        blank=True,
        help_text="Which days the phone is answered. Shown in every language, so chosen from a list.",
    )
    phone_opens = models.TimeField(
        null=True, blank=True, help_text="When the phone is first answered, for example 09:00."
    )
    phone_closes = models.TimeField(
        null=True, blank=True, help_text="When the phone stops being answered, for example 17:00."
    )
    email = models.EmailField(blank=True, help_text="The service's public email address.")
    address = models.TextField(
        blank=True, help_text="Postal address for letters. One line per part of the address."
    )
    referral_form_address = models.TextField(
        blank=True,
        help_text="Freepost address for paper self-referral forms, printed on the form. "
        "One line per part of the address. If empty, the postal address is used.",
    )
    staying_safe_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The 'Staying safe online' page linked beside the quick exit button.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked in the footer.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked in the footer.",
    )

    panels = [
        FieldPanel("service_name"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldRowPanel(
                    [
                        FieldPanel("phone_days"),
                        FieldPanel("phone_opens"),
                        FieldPanel("phone_closes"),
                    ],
                    heading="When the phone is answered",
                ),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("referral_form_address"),
            ],
            heading="Contact details",
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("staying_safe_page"),
                PageChooserPanel("accessibility_page", "home.AccessibilityStatementPage"),
                PageChooserPanel("privacy_page"),
            ],
            heading="Pages linked on every page",
        ),
    ]

    class Meta:
        verbose_name = "contact details"

    def clean(self):
        super().clean()
        given = [bool(self.phone_days), self.phone_opens is not None, self.phone_closes is not None]
        if any(given) and not all(given):
            raise ValidationError(
                {
                    "phone_days": "Give the days, the opening time and the closing time, or none of them."
                }
            )
        if all(given) and self.phone_closes <= self.phone_opens:
            raise ValidationError({"phone_closes": "The phone must close after it opens."})

    @property
    def opening_hours(self):
        """When the phone is answered, in the visitor's language ("Monday to Friday, 9am to 5pm"),
        or "" when not given."""
        if not (self.phone_days and self.phone_opens and self.phone_closes):
            return ""
        return gettext("%(days)s, %(opens)s to %(closes)s") % {
            "days": self.get_phone_days_display(),
            "opens": format_time(self.phone_opens),
            "closes": format_time(self.phone_closes),
        }

    @property
    def paper_form_return_address(self):
        """Where paper self-referral forms are posted: the freepost address, else the postal one."""
        return self.referral_form_address.strip() or self.address.strip()
