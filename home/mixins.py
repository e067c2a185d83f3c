"""What every page type on the site shares. A new page type is one line:

    class CaseStudyPage(SitePageMixin, Page):

and `tests/cms/test_page_types.py` fails if one forgets it.
"""

import calendar
import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone

from wagtail.admin.panels import CommentPanel, FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.models import PageViewRestriction

from home.site_index import site_index
from home.validators import mark_link_text_problems


def add_months(day, months):
    """`day` plus a number of months (31 January + 1 month = 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def default_review_date(published_at=None):
    published = timezone.localdate(published_at) if published_at else timezone.localdate()
    return add_months(published, settings.PAGE_REVIEW_MONTHS)


class ReviewByMixin(models.Model):
    """A date by which someone checks the page is still right.

    Left empty, it is set to 12 months (PAGE_REVIEW_MONTHS) after the page is
    first published (see home/signals.py). Pages due for review are listed on
    the admin dashboard."""

    review_by = models.DateField(
        null=True,
        blank=True,
        help_text=(
            "When someone should check this page is still correct. Leave empty and it is set to "
            "12 months after you publish. After checking the page, move the date on."
        ),
    )

    review_panels = [MultiFieldPanel([FieldPanel("review_by")], heading="Content review")]
    # Where editors find the date, and what reviewing means, for the dashboard's list.
    review_by_tab = "Settings"
    review_advice = "Check the page is still right"

    class Meta:
        abstract = True


class PreviewModesMixin:
    """Preview modes: the web page and its printout.

    Later page types add their own modes with two attributes, for example:

        extra_preview_modes = [("kiosk", "Kiosk screen"), ("easy-read", "Easy Read")]
        preview_templates = {"kiosk": "kiosk/kiosk_page.html"}

    A mode without its own template renders the page's template, which can read
    `preview_mode` from the context (the print mode does this in base.html)."""

    BASE_PREVIEW_MODES = [("", "Web page"), ("print", "Printout")]
    extra_preview_modes = []
    preview_templates = {}

    @property
    def preview_modes(self):
        return self.BASE_PREVIEW_MODES + list(self.extra_preview_modes)

    def get_preview_template(self, request, mode_name):
        return self.preview_templates.get(mode_name) or super().get_preview_template(
            request, mode_name
        )

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["preview_mode"] = mode_name
        return context

    def serve_preview(self, request, mode_name):
        response = super().serve_preview(request, mode_name)
        if isinstance(response, TemplateResponse):
            response.render()
            response.content = mark_link_text_problems(response.content.decode()).encode()
        allow_admin_frame(response)
        return response


def allow_admin_frame(response):
    """The editor's preview panel shows the preview in a frame of the admin, and the
    accessibility checker and content metrics run inside that frame. Public pages
    refuse every frame; a preview lets in this site's own admin, and nothing else."""
    response["X-Frame-Options"] = "SAMEORIGIN"
    # django-csp reads this per response instead of the site-wide "frame-ancestors 'none'".
    response._csp_replace = {"frame-ancestors": ["'self'"]}
    return response


class NativeDateTimeInput(forms.DateTimeInput):
    """The browser's own date and time picker."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class SchedulePanel(PublishingPanel):
    """Wagtail's "Set publishing schedule" dialog, with the browser's own date and time
    pickers: Wagtail's pickers opened over each other and over "Save schedule"."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for field_panel in self.children:
            field_panel.widget = NativeDateTimeInput(attrs=field_panel.widget.attrs)


# The Settings tab of every page type: the publishing schedule and comments.
PUBLISHING_PANELS = [SchedulePanel(), CommentPanel()]


class SitePageMixin(PreviewModesMixin, ReviewByMixin):
    """Everything a page type on this site needs besides its own fields."""

    settings_panels = PUBLISHING_PANELS + ReviewByMixin.review_panels

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # Every page is checked before it is served; the site index knows which live
        # pages no restriction covers, so those cost no query.
        indexed = site_index().get(self.pk) if self.pk and self.live else None
        if indexed is not None and not indexed.restricted:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def page_types_due_for_review():
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if issubclass(model, ReviewByMixin)]


def pages_due_for_review(within_days=30, limit=None):
    """Live pages whose review date has passed or falls within `within_days`, newest date first.

    An untranslated copy of a page (wagtail-localize's alias) follows its English page and
    is reviewed with it, so it is left out; a translated page is listed in its language."""
    cutoff = timezone.localdate() + datetime.timedelta(days=within_days)
    pages = {}
    for model in page_types_due_for_review():
        for page in (
            model.objects.live()
            .filter(review_by__lte=cutoff, alias_of__isnull=True)
            .only(
                "id",
                "title",
                "review_by",
                "latest_revision_created_at",
                "depth",
                "path",
                "locale",
            )
        ):
            # A page type that extends another is listed by both queries: keep one.
            pages.setdefault(page.pk, page)
    pages = list(pages.values())
    pages.sort(key=lambda page: (page.review_by, page.pk), reverse=True)
    return pages[:limit] if limit else pages
