from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from casestudies.choices import Perspective, RestorativeApproach, Setting
from home.addresses import absolute_url, page_url
from home.blocks import ImageBlock, QuoteBlock, RichTextBlock
from home.listings import ListingFilterForm, paginate
from home.mixins import PUBLISHING_PANELS, SitePageMixin
from home.models import Area
from home.schema import default_image, in_language, publisher


class WhatChangedBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=80,
        default="What changed",
        help_text="A short heading for the box, for example 'What changed'.",
    )
    text = blocks.TextBlock(
        max_length=600,
        help_text="In one to three sentences, what was different for the people afterwards.",
    )

    class Meta:
        icon = "tick"
        label = "What changed"
        template = "blocks/what_changed_block.html"
        description = "A highlighted box saying what changed for the people involved."
        preview_value = {
            "heading": "What changed",
            "text": "She stopped checking the locks every night. He finished his course.",
        }


class StoryBlock(blocks.StreamBlock):
    text = RichTextBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    what_changed = WhatChangedBlock()


class CaseStudyFilterForm(ListingFilterForm):
    """The filters above the list of stories."""

    lookups = {"setting": "setting", "perspective": "perspective", "area": "area__slug"}

    setting = forms.ChoiceField(
        label=_("Where it happened"),
        required=False,
        choices=[("", _("All settings")), *Setting.choices],
        error_messages={"invalid_choice": _("Choose where it happened from the list.")},
    )
    perspective = forms.ChoiceField(
        label=_("Whose story"),
        required=False,
        choices=[("", _("Everyone")), *Perspective.choices],
        error_messages={"invalid_choice": _("Choose whose story from the list.")},
    )
    area = forms.ChoiceField(
        label=_("Area"),
        required=False,
        error_messages={"invalid_choice": _("Choose an area from the list.")},
    )

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("All areas"))] + [(a.slug, a.name) for a in areas]


class CaseStudyIndexPage(SitePageMixin, Page):
    """The list of local case studies, filtered by setting, perspective and area."""

    intro = models.TextField(
        max_length=500,
        blank=True,
        help_text="One or two sentences above the list, saying what these stories are.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]
    max_count_per_parent = 1

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "case study list"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        live_stories = CaseStudyPage.objects.live().public().child_of(self)
        # The areas list is shared with events: offer only the areas stories are told in.
        areas = list(Area.objects.filter(case_studies__in=live_stories).distinct())
        form = CaseStudyFilterForm(request.GET or None, areas=areas)
        stories = (
            live_stories.select_related("area", "listing_image")
            .prefetch_related("listing_image__renditions")
            .order_by("-first_published_at", "-pk")
        )
        listing = paginate(request, form.apply(stories), settings.CASE_STUDIES_PER_PAGE)
        context.update(listing, filter_form=form, stories=listing["page_obj"])
        return context


class CaseStudyPageForm(WagtailAdminPageForm):
    """Stops a case study going live without consent and anonymisation."""

    def clean(self):
        cleaned_data = super().clean()
        if "action-publish" in self.data:
            for field, message in CaseStudyPage.publishing_problems(
                cleaned_data.get("consent_recorded_on"), cleaned_data.get("anonymised")
            ).items():
                self.add_error(field, message)
        return cleaned_data


class CaseStudyPage(SitePageMixin, Page):
    """A true local story of restorative justice, told with consent and without names."""

    # Shown only beside the title (or as the video poster), so always with empty alt text.
    decorative_image_fields = ("listing_image",)

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences saying what happened and what changed. Shown in the list of stories.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. A picture for the list of stories and for links shared on social media. Never a photo of the people involved.",
    )
    story = StreamField(
        StoryBlock(),
        help_text="The story in short paragraphs, with quotes, pictures and a 'what changed' box.",
    )
    perspective = models.CharField(
        max_length=20,
        choices=Perspective.choices,
        help_text="Whose point of view the story is told from.",
    )
    setting = models.CharField(
        max_length=20, choices=Setting.choices, help_text="Where the harm happened."
    )
    type_of_harm = models.CharField(
        max_length=120,
        help_text="The harm in plain words, for example 'burglary at home' or 'bullying at school'.",
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
        help_text="Optional. The area it happened in. Leave empty if naming the area could identify someone.",
    )
    restorative_approach = models.CharField(
        "kind of restorative justice",
        max_length=20,
        choices=RestorativeApproach.choices,
        help_text="How the people communicated.",
    )
    # Only for the comms team: never shown on the site, in search or in shared data.
    consent_recorded_on = models.DateField(
        null=True,
        blank=True,
        help_text="The date the people in the story gave written consent to publish it. Needed before publishing.",
    )
    anonymised = models.BooleanField(
        "anonymisation confirmed",
        default=False,
        help_text="Tick when you have checked that no name, place, date or detail could identify anyone. Needed before publishing.",
    )
    review_by = models.DateField(
        null=True,
        blank=True,
        help_text="The date to check the story is still accurate and consent still stands. Stories past this date are listed on the dashboard.",
    )

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []
    base_form_class = CaseStudyPageForm
    review_by_tab = "Consent"
    review_advice = "Check the story is still accurate and consent still stands"

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("type_of_harm"),
        index.SearchField("story"),
        index.FilterField("setting"),
        index.FilterField("perspective"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        MultiFieldPanel(
            [
                FieldPanel("perspective"),
                FieldPanel("setting"),
                FieldPanel("type_of_harm"),
                FieldPanel("area"),
                FieldPanel("restorative_approach"),
            ],
            heading="About this story",
        ),
        FieldPanel("story"),
    ]
    consent_panels = [
        MultiFieldPanel(
            [FieldPanel("consent_recorded_on"), FieldPanel("anonymised"), FieldPanel("review_by")],
            heading="Consent and anonymity (never shown on the site)",
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(consent_panels, heading="Consent"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(PUBLISHING_PANELS, heading="Settings"),
        ]
    )

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    @staticmethod
    def publishing_problems(consent_recorded_on, anonymised):
        problems = {}
        if not consent_recorded_on:
            problems["consent_recorded_on"] = (
                "Enter the date consent was recorded before you publish this case study."
            )
        if not anonymised:
            problems["anonymised"] = (
                "Confirm the story is anonymised before you publish this case study."
            )
        return problems

    def clean(self):
        super().clean()
        # Every way of going live (publish button, workflow approval, scheduled
        # publishing) saves the page with live=True: refuse it without consent.
        if self.pk and self.live:
            problems = self.publishing_problems(self.consent_recorded_on, self.anonymised)
            if problems:
                raise ValidationError(problems)

    def social_image(self):
        return self.listing_image

    def structured_data(self, request=None):
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.search_description or self.summary,
            "url": page_url(self, request),
            "about": self.type_of_harm,
            "inLanguage": in_language(self),
            # Stories are anonymous: the service wrote them up, so it is the author.
            "author": publisher(request),
            "publisher": publisher(request),
            "image": absolute_url(self.listing_image.get_rendition("fill-1200x630").url)
            if self.listing_image_id
            else default_image(),
        }
        if self.first_published_at:
            data["datePublished"] = self.first_published_at.date().isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.date().isoformat()
        return data
