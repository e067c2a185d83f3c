import datetime

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_lazy

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Orderable, Page, RevisionMixin, WorkflowMixin
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.listings import ListingFilterForm, paginate
from home.mixins import SitePageMixin
from home.spreadsheets import csv_response
from progress import charts
from progress.choices import FINISHED_STATUSES, RecommendationStatus
from selfreferral import figures
from strategy.models import StrategicTheme

# Headings of the figures, by selfreferral.figures.DIMENSIONS name, in the visitor's language.
DIMENSION_HEADINGS = {
    "route": gettext_lazy("Referrals by route"),
    "role": gettext_lazy("Self-referrals by who referred"),
    "area": gettext_lazy("Self-referrals by area"),
}

# The shares of feedback answers, by selfreferral.figures.SATISFACTION_QUESTIONS name.
SATISFACTION_HEADINGS = {
    "satisfied": gettext_lazy("Satisfied overall"),
    "felt_safe": gettext_lazy("Felt safe"),
    "felt_heard": gettext_lazy("Felt listened to"),
    "would_recommend": gettext_lazy("Would recommend it"),
}


def outcome_figures(quarters):
    """Every figure for these quarters, each as a chart plus the table behind it."""
    tables = {name: figures.quarterly(name, quarters) for name in figures.DIMENSIONS}
    contact = figures.first_contact(quarters)
    source_rows = figures.sources(quarters)
    outcome_table = figures.outcomes(quarters)
    said = figures.satisfaction(quarters)
    per_quarter = [(row["quarter"], row["total"]) for row in tables["route"]["rows"]]
    return {
        "quarters": quarters,
        "first_label": quarters[0].label if quarters else "",
        "last_label": quarters[-1].label if quarters else "",
        "per_quarter": charts.bar_chart(gettext("Self-referrals each quarter"), per_quarter),
        "dimensions": [
            {
                "name": name,
                "heading": heading,
                "table": tables[name],
                "chart": charts.bar_chart(
                    gettext("%(heading)s, all quarters shown") % {"heading": heading},
                    zip(tables[name]["columns"], tables[name]["totals"], strict=True),
                ),
            }
            for name, heading in (
                (name, str(DIMENSION_HEADINGS.get(name, f"Self-referrals by {label.lower()}")))
                for name, label in figures.DIMENSIONS.items()
            )
        ],
        "first_contact": contact,
        "first_contact_chart": charts.bar_chart(
            gettext("Share first contacted within %(days)s working days")
            % {"days": settings.SELF_REFERRAL_FIRST_CONTACT_WORKING_DAYS},
            [(row["quarter"], row["within_target_percent"]) for row in contact],
            unit="%",
            none_text=gettext("too few to show"),
        ),
        "outcomes": outcome_table,
        "outcomes_chart": charts.bar_chart(
            gettext("What came of referrals, all quarters shown"),
            zip(outcome_table["columns"], outcome_table["totals"], strict=True),
        ),
        "completed_chart": charts.bar_chart(
            gettext("Share of finished referrals where restorative work took place"),
            # Quarters in which nothing was closed have no share to show.
            [
                (row["quarter"], row["completed_percent"])
                for row in outcome_table["rows"]
                if row["total"] != 0
            ],
            unit="%",
            none_text=gettext("not shown"),
        ),
        "satisfaction": said,
        "satisfaction_columns": [str(label) for label in SATISFACTION_HEADINGS.values()],
        "satisfaction_rows": [
            {
                "quarter": row["quarter"],
                "answers": row["answers"],
                "shares": [row[f"{name}_percent"] for name in SATISFACTION_HEADINGS],
            }
            for row in said["rows"]
        ],
        "satisfaction_chart": charts.bar_chart(
            gettext("Share of people who answered who were satisfied or very satisfied"),
            # Quarters with no answers have no share to show.
            [
                (row["quarter"], row["satisfied_percent"])
                for row in said["rows"]
                if row["answers"] != 0
            ],
            unit="%",
            none_text=gettext("not shown"),
        ),
        "sources": source_rows,
        "sources_chart": charts.bar_chart(
            gettext("Self-referrals by where people heard about us"),
            [(r["label"], r["count"]) for r in source_rows],
        ),
    }


STATUS_TAG_CLASSES = {
    RecommendationStatus.ACCEPTED: "govuk-tag--light-blue",
    RecommendationStatus.IN_PROGRESS: "govuk-tag--blue",
    RecommendationStatus.DONE: "govuk-tag--green",
    RecommendationStatus.NOT_ACCEPTED: "govuk-tag--grey",
}


class LiveRecommendations(models.Manager):
    """What visitors may see: recommendations published (approved in Comms review)."""

    def get_queryset(self):
        return super().get_queryset().filter(live=True)


class Recommendation(
    WorkflowMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """A recommendation made to the Commissioner (for example by the Police and
    Crime Panel), the response to it, and how it has moved on since.

    Changes go through Comms review like pages do: an editor's change (a new status,
    say) is a draft until an approver approves it; /progress/ shows the published one."""

    made_by = models.CharField(
        max_length=120,
        default="Police and Crime Panel",
        help_text="Who made the recommendation, for example 'Police and Crime Panel'.",
    )
    made_on = models.DateField(
        help_text="The date of the letter or report that made the recommendation."
    )
    letter = models.CharField(
        max_length=4,
        help_text="The recommendation's letter or number in that letter, for example 'a'.",
    )
    title = models.CharField(
        max_length=120, help_text="A short name, for example 'Reach people who are not online'."
    )
    summary = models.TextField(
        max_length=800,
        help_text="What was asked for, in your own plain words. Two or three sentences.",
    )
    response = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What the Commissioner said they would do.",
    )
    owner = models.CharField(
        max_length=120,
        blank=True,
        help_text="Who is responsible, for example 'Restorative Justice Coordinator'.",
    )
    due_by = models.DateField(
        null=True,
        blank=True,
        help_text="Optional. When it should be done. If this date passes before it is done, it shows as overdue.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("made_by"), FieldPanel("made_on"), FieldPanel("letter")],
            heading="Where it came from",
        ),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("response"),
        MultiFieldPanel([FieldPanel("owner"), FieldPanel("due_by")], heading="Who and when"),
        InlinePanel(
            "status_changes",
            heading="Status history",
            label="Status change",
            min_num=1,
            help_text="Add a row each time the status changes. The newest date is the current status.",
        ),
    ]

    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.FilterField("letter"),
    ]

    # Deleting a recommendation deletes its drafts and reviews too.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="recommendation")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="recommendation",
        for_concrete_model=False,
    )

    objects = models.Manager()
    published = LiveRecommendations()

    class Meta:
        ordering = ["made_on", "letter"]
        verbose_name = "recommendation"

    @property
    def revisions(self):
        return self._revisions

    def __str__(self):
        return f"({self.letter}) {self.title}"

    @cached_property
    def timeline(self):
        """Status changes, oldest first (uses prefetched rows when present)."""
        return sorted(
            self.status_changes.all(), key=lambda change: (change.changed_on, change.pk or 0)
        )

    @property
    def current(self):
        return self.timeline[-1] if self.timeline else None

    @property
    def status(self):
        return self.current.status if self.current else RecommendationStatus.ACCEPTED

    def get_status_display(self):
        return RecommendationStatus(self.status).label

    def status_tag_class(self):
        return STATUS_TAG_CLASSES[self.status]

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return bool(self.due_by and self.due_by < today and self.status not in FINISHED_STATUSES)


class RecommendationStatusChange(Orderable):
    recommendation = ParentalKey(
        Recommendation, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(
        max_length=20, choices=RecommendationStatus.choices, help_text="The new status."
    )
    changed_on = models.DateField(help_text="The date the status changed.")
    note = models.CharField(
        max_length=300, blank=True, help_text="Optional. One sentence on what changed."
    )

    panels = [FieldPanel("status"), FieldPanel("changed_on"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = "status change"


class UpdateFilterForm(ListingFilterForm):
    lookups = {"theme": "themes", "recommendation": "recommendations"}

    theme = forms.ModelChoiceField(
        queryset=StrategicTheme.objects.all(),
        required=False,
        label=gettext_lazy("Strategy theme"),
        empty_label=gettext_lazy("All themes"),
        error_messages={"invalid_choice": gettext_lazy("Choose a theme from the list.")},
    )
    recommendation = forms.ModelChoiceField(
        queryset=Recommendation.published.all(),
        required=False,
        label=gettext_lazy("Show updates about"),
        empty_label=gettext_lazy("All recommendations"),
        error_messages={"invalid_choice": gettext_lazy("Choose a recommendation from the list.")},
    )


# What a list of updates (the page, its list, the feed) reads of each update.
UPDATE_LIST_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "published_on",
    "summary",
    "last_published_at",
)


class ProgressIndexPage(RoutablePageMixin, SitePageMixin, Page):
    """/progress/: for panel members and the public. Answers at a glance how the
    panel's recommendations stand, and lists the latest progress updates."""

    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="One or two sentences at the top of the page saying what it is for.",
    )
    figures_from = models.DateField(
        null=True,
        blank=True,
        help_text="Optional. Show outcome figures from the quarter that holds this date. "
        "Leave empty to show the most recent quarters.",
    )
    figures_quarters = models.PositiveSmallIntegerField(
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="How many quarters of figures to show (1 to 20). Only quarters that have ended are shown.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["progress.ProgressUpdatePage", "progress.AnnualUpdatePage"]
    max_count_per_parent = 1

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("figures_from"), FieldPanel("figures_quarters")], heading="Outcome figures"
        ),
    ]

    class Meta:
        verbose_name = "progress index page"

    def quarters(self):
        return figures.closed_quarters(self.figures_from, self.figures_quarters)

    def outcome_figures(self):
        return outcome_figures(self.quarters())

    def updates(self):
        return (
            ProgressUpdatePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-published_on", "-pk")
            .only(*UPDATE_LIST_FIELDS)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        recommendations = list(Recommendation.published.prefetch_related("status_changes"))
        today = timezone.localdate()
        context.update(
            recommendations=recommendations,
            count_done=sum(1 for r in recommendations if r.status == RecommendationStatus.DONE),
            count_in_progress=sum(
                1
                for r in recommendations
                if r.status in (RecommendationStatus.IN_PROGRESS, RecommendationStatus.ACCEPTED)
            ),
            overdue=[r for r in recommendations if r.is_overdue(today)],
            latest_updates=self.updates()[:3],
            figures=self.outcome_figures(),
            target_days=settings.SELF_REFERRAL_FIRST_CONTACT_WORKING_DAYS,
        )
        return context

    @path("figures/<slug:name>/csv/")
    def figures_csv(self, request, name):
        """Each figure as a CSV download, with the same suppression as the page."""
        quarters = self.quarters()

        def cell(value):
            return "not shown" if value is None else value

        if name in figures.DIMENSIONS:
            table = figures.quarterly(name, quarters)
            rows = [["Quarter", *table["columns"], "Total"]] + [
                [row["quarter"], *map(cell, row["cells"]), cell(row["total"])]
                for row in table["rows"]
            ]
        elif name == "first-contact":
            days = settings.SELF_REFERRAL_FIRST_CONTACT_WORKING_DAYS
            rows = [
                [
                    "Quarter",
                    "Referrals judged",
                    f"% first contacted within {days} working days",
                    "Median working days to first contact",
                ]
            ] + [
                [
                    row["quarter"],
                    cell(row["judged"]),
                    "too few to show"
                    if row["within_target_percent"] is None
                    else row["within_target_percent"],
                    "too few to show"
                    if row["median_working_days"] is None
                    else row["median_working_days"],
                ]
                for row in figures.first_contact(quarters)
            ]
        elif name == "outcomes":
            table = figures.outcomes(quarters)
            rows = [["Quarter finished", *table["columns"], "Total", "% completed"]] + [
                [
                    row["quarter"],
                    *map(cell, row["cells"]),
                    cell(row["total"]),
                    cell(row["completed_percent"]),
                ]
                for row in table["rows"]
            ]
        elif name == "satisfaction":
            said = figures.satisfaction(quarters)
            rows = [
                [
                    "Quarter answered",
                    "Answers",
                    "% satisfied overall",
                    "% felt safe",
                    "% felt listened to",
                    "% would recommend it",
                ]
            ] + [
                [
                    row["quarter"],
                    cell(row["answers"]),
                    *(cell(row[f"{key}_percent"]) for key in SATISFACTION_HEADINGS),
                ]
                for row in said["rows"]
            ]
        elif name == "sources":
            rows = [["Where people heard about us", "Self-referrals"]] + [
                [row["label"], cell(row["count"])] for row in figures.sources(quarters)
            ]
        else:
            raise Http404
        return csv_response(f"self-referrals-{name}", rows)

    @path("updates/")
    def update_list(self, request):
        form = UpdateFilterForm(request.GET or None)
        updates = form.apply(self.updates())
        listing = paginate(request, updates, settings.PROGRESS_UPDATES_PER_PAGE)
        return render(
            request,
            "progress/update_list.html",
            {"page": self, "form": form, "updates": listing["page_obj"].object_list, **listing},
        )

    @path("updates/feed/")
    def update_feed(self, request):
        from progress.feeds import ProgressUpdatesFeed

        return ProgressUpdatesFeed(self)(request)


class ProgressUpdatePage(SitePageMixin, Page):
    """A dated news-style post on progress against the strategy and the panel's
    recommendations."""

    published_on = models.DateField(
        default=datetime.date.today,
        help_text="The date shown on the update. Newest updates are listed first.",
    )
    summary = models.TextField(
        max_length=400, help_text="One or two sentences shown in lists and in the feed."
    )
    body = StreamField(BodyBlock(), blank=True, help_text="The full update.")
    recommendations = ParentalManyToManyField(
        Recommendation,
        blank=True,
        related_name="updates",
        help_text="The recommendations this update reports on.",
    )
    themes = ParentalManyToManyField(
        StrategicTheme,
        blank=True,
        related_name="progress_updates",
        help_text="The strategy's themes this update is about.",
    )

    parent_page_types = ["progress.ProgressIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("published_on"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("recommendations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = "progress update"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["linked_recommendations"] = self.recommendations.filter(live=True).prefetch_related(
            "status_changes"
        )
        context["linked_themes"] = self.themes.all()
        return context


class AnnualUpdatePage(SitePageMixin, Page):
    """The Commissioner's yearly public update, published in Restorative Justice
    Week: what happened this year and where each recommendation stands, on one
    printable page."""

    year = models.PositiveSmallIntegerField(
        help_text="The year this update covers, for example 2026."
    )
    summary = models.TextField(
        max_length=400, help_text="One or two sentences shown in lists and search results."
    )
    foreword = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="A short message from the Commissioner."
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="The rest of the update: highlights, stories, what comes next.",
    )

    parent_page_types = ["progress.ProgressIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("foreword"),
        index.SearchField("body"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("summary"),
        FieldPanel("foreword"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "annual public update"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        recommendations = list(Recommendation.published.prefetch_related("status_changes"))
        for recommendation in recommendations:
            recommendation.changes_this_year = [
                c for c in recommendation.timeline if c.changed_on.year == self.year
            ]
        context.update(
            recommendations=recommendations,
            count_done=sum(1 for r in recommendations if r.status == RecommendationStatus.DONE),
            figures=outcome_figures(figures.closed_quarters(datetime.date(self.year, 1, 1), 4)),
            target_days=settings.SELF_REFERRAL_FIRST_CONTACT_WORKING_DAYS,
            year_updates=ProgressUpdatePage.objects.sibling_of(self)
            .live()
            .public()
            .filter(published_on__year=self.year)
            .order_by("published_on"),
        )
        return context
