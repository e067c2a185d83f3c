from modelcluster.fields import ParentalKey

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.mixins import SitePageMixin


@register_snippet
class StrategicTheme(index.Indexed, models.Model):
    """One of the service's strategic themes, such as 'Partnership'.

    A snippet so that strategies, and later progress updates, can point at the same theme."""

    name = models.CharField(
        max_length=80,
        unique=True,
        help_text="The theme's short name, for example 'Communication and engagement'.",
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in web addresses and page anchors. Lowercase words joined by hyphens.",
    )
    summary = models.TextField(
        max_length=400,
        help_text="One or two plain sentences saying what this theme is about.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("summary")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "strategic theme"

    def __str__(self):
        return self.name


class StrategySectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120,
        help_text="The section heading. It appears in the list of contents at the top of the page.",
    )
    body = BodyBlock(
        help_text="What this section says. Use headings 'h3' and smaller inside a section."
    )

    class Meta:
        icon = "doc-full"
        label = "Section"
        template = "blocks/strategy_section_block.html"
        description = "A titled part of the strategy, listed in the contents."
        preview_value = {
            "heading": "Why restorative justice matters",
            "body": [
                {
                    "type": "text",
                    "value": "<p>People harmed by crime tell us they want answers. Meeting the person "
                    "responsible, safely, can give them.</p>",
                }
            ],
        }


class StrategyPage(SitePageMixin, Page):
    """A strategy of the restorative justice service, as a readable web page.

    Older strategies stay published and are marked as replaced by the newer one."""

    period_start = models.PositiveSmallIntegerField(
        help_text="The first year the strategy covers, for example 2024."
    )
    period_end = models.PositiveSmallIntegerField(
        help_text="The last year the strategy covers, for example 2027."
    )
    summary = models.TextField(
        max_length=500,
        help_text="One or two sentences saying what this strategy is for. Shown under the title and in search results.",
    )
    foreword = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Optional. A short welcome, usually from the Police and Crime Commissioner.",
    )
    foreword_by = models.CharField(
        max_length=120,
        blank=True,
        help_text="Optional. Who wrote the foreword, for example 'Police and Crime Commissioner'.",
    )
    vision = models.TextField(
        max_length=600,
        help_text="The vision in one or two sentences: what the service wants to be true at the end.",
    )
    sections = StreamField(
        [("section", StrategySectionBlock())],
        blank=True,
        help_text="The parts of the strategy. Each section's heading is listed in the contents.",
    )
    original_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. The original strategy document (for example a PDF) people can download.",
    )
    superseded_by = models.ForeignKey(
        "strategy.StrategyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="If a newer strategy replaced this one, choose it here. The page then says it is out of date and links to the new one.",
    )

    # Under the home page, beside each other, so older strategies keep their addresses.
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("foreword"),
        index.SearchField("vision"),
        index.SearchField("sections"),
        index.RelatedFields(
            "themes",
            [
                index.SearchField("what_we_will_do"),
                index.RelatedFields(
                    "theme", [index.SearchField("name"), index.SearchField("summary")]
                ),
            ],
        ),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading="Period"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("foreword"), FieldPanel("foreword_by")], heading="Foreword"),
        FieldPanel("vision"),
        InlinePanel("themes", heading="Strategic themes", label="Theme"),
        FieldPanel("sections"),
        FieldPanel("original_document"),
        FieldPanel("superseded_by"),
    ]

    class Meta:
        verbose_name = "strategy page"

    @property
    def period(self):
        return f"{self.period_start} to {self.period_end}"

    @property
    def is_superseded(self):
        return self.superseded_by_id is not None

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "The last year cannot be before the first year."})
        if self.superseded_by_id and self.pk and self.superseded_by_id == self.pk:
            raise ValidationError({"superseded_by": "A strategy cannot replace itself."})

    def contents(self):
        """The sections with a unique anchor each, in order, for the list of contents."""
        used = {"foreword", "vision", "themes", "main-content"}
        items = []
        for block in self.sections:
            base = slugify(block.value["heading"]) or "section"
            anchor, n = base, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            items.append({"anchor": anchor, "heading": block.value["heading"], "block": block})
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.contents()
        context["theme_items"] = list(self.themes.select_related("theme"))
        return context


class StrategyPageTheme(Orderable):
    """A strategic theme as this strategy sets it out: what will be done under it."""

    page = ParentalKey(StrategyPage, on_delete=models.CASCADE, related_name="themes")
    theme = models.ForeignKey(
        StrategicTheme,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Choose the theme. Add new themes under Snippets, Strategic themes.",
    )
    what_we_will_do = RichTextField(
        features=["bold", "italic", "ol", "ul", "link"],
        help_text="What the service will do under this theme during this strategy. Short sentences or a list.",
    )

    panels = [FieldPanel("theme"), FieldPanel("what_we_will_do")]

    class Meta(Orderable.Meta):
        verbose_name = "strategic theme"
