"""Awareness events: the events listing, each event's page, Restorative Justice
Week programmes.

Editors type dates and times as people say them in Europe/London. The aware
start and end (`starts_at`, `ends_at`) are worked out on save, so listings sort
and filter in the database, and clock changes are handled by zoneinfo."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from events.calendar import calendar_response
from events.calendar import google_calendar_url as google_calendar_link
from events.choices import Audience, Booking, Online, Status
from events.forms import EventFilterForm
from events.structured_data import event_structured_data
from home.addresses import page_url
from home.blocks import BodyBlock
from home.dates import LONDON, format_day, format_time
from home.listings import paginate
from home.mixins import SitePageMixin
from home.models import Area

# Paths the events listing answers itself, so no event may take them as its slug.
RESERVED_SLUGS = {"past", "rj-week"}


def third_full_week_of_november(year):
    """International Restorative Justice Week runs Sunday to Saturday in the
    third full week of November. Returns (first day, last day)."""
    first = datetime.date(year, 11, 1)
    first_sunday = first + datetime.timedelta(days=(6 - first.weekday()) % 7)
    start = first_sunday + datetime.timedelta(weeks=2)
    return start, start + datetime.timedelta(days=6)


class AwarenessWeek(models.Model):
    """One year's Restorative Justice Week: its dates and a short introduction.
    Events that belong to it make up that year's programme."""

    name = models.CharField(
        max_length=120,
        default="Restorative Justice Week",
        help_text="The name of the week, without the year.",
    )
    year = models.PositiveSmallIntegerField(
        unique=True, help_text="The year, e.g. 2026. Each year has one week."
    )
    start_date = models.DateField(
        help_text="The first day. International RJ Week is usually the third full week of November, Sunday to Saturday."
    )
    end_date = models.DateField(help_text="The last day.")
    intro = models.TextField(
        max_length=600,
        blank=True,
        help_text="One or two sentences shown at the top of the programme, in plain words.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("year"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("intro"),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = "awareness week"

    def __str__(self):
        return f"{self.name} {self.year}"

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The last day must be on or after the first day."
        if self.start_date and self.year and self.start_date.year != self.year:
            errors["start_date"] = f"The first day must be in {self.year}."
        if errors:
            raise ValidationError(errors)

    @property
    def dates_text(self):
        return _("%(start)s to %(end)s") % {
            "start": format_day(self.start_date, with_year=False),
            "end": format_day(self.end_date),
        }

    def contains(self, day):
        return self.start_date <= day <= self.end_date


class EventQuerySet(PageQuerySet):
    def for_listing(self):
        return self.select_related("area", "awareness_week").order_by("starts_at", "pk")

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())


class EventIndexPage(RoutablePageMixin, SitePageMixin, Page):
    """The events listing at /events/: what is coming up, with filters; the
    archive of past events; the calendar feed; and each year's RJ Week programme."""

    intro = models.TextField(
        max_length=500,
        blank=True,
        help_text="One or two sentences at the top of the events page.",
    )
    no_events_message = models.TextField(
        max_length=400,
        blank=True,
        help_text=(
            "Shown when nothing is coming up. Leave empty for: 'There are no events planned "
            "just now. Please check again soon, or phone us to ask about a talk for your group.'"
        ),
    )
    body = StreamField(
        BodyBlock(), blank=True, help_text="Optional content shown below the list of events."
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    search_fields = Page.search_fields + [index.SearchField("intro")]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("no_events_message"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "events listing"

    def events(self):
        return EventPage.objects.child_of(self).live().public().for_listing()

    def filtered(self, request):
        events = self.events()
        form = EventFilterForm(request.GET or None, events=events)
        return form, form.apply(events)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, events = self.filtered(request)
        context["filter_form"] = form
        context["events"] = events
        # Calendar apps subscribe with webcal://, on the site's own address (not the Host header).
        context["calendar_subscribe_url"] = (
            "webcal://" + page_url(self, request).split("://", 1)[1] + "calendar.ics"
        )
        return context

    @path("")
    def upcoming_view(self, request):
        context = self.get_context(request)
        context["events"] = list(context["events"].upcoming())
        context["archive"] = False
        # The newest RJ Week that has events, for a link to its programme.
        context["latest_week"] = (
            AwarenessWeek.objects.filter(
                pk__in=EventPage.objects.child_of(self).live().values("awareness_week")
            )
            .order_by("-year")
            .first()
        )
        return TemplateResponse(request, self.get_template(request), context)

    @path("past/")
    def past_view(self, request):
        context = self.get_context(request)
        listing = paginate(
            request,
            context["events"].past().order_by("-starts_at", "-pk"),
            settings.PAST_EVENTS_PER_PAGE,
        )
        context.update(listing, events=list(listing["page_obj"].object_list), archive=True)
        return TemplateResponse(request, self.get_template(request), context)

    @path("rj-week/<int:year>/")
    def rj_week_view(self, request, year):
        context = self.programme_context(request, year)
        return TemplateResponse(request, "events/rj_week_programme.html", context)

    @path("rj-week/<int:year>/pdf/")
    def rj_week_pdf_view(self, request, year):
        from events.pdf import programme_pdf_response

        return programme_pdf_response(request, self.programme_context(request, year))

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = page_url(self, request)
        urls.append({"location": base + self.reverse_subpage("past_view")})
        years = (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .filter(awareness_week__isnull=False)
            .values_list("awareness_week__year", flat=True)
            .distinct()
        )
        for year in sorted(set(years)):
            urls.append({"location": base + self.reverse_subpage("rj_week_view", args=(year,))})
        return urls

    def programme_context(self, request, year):
        week = AwarenessWeek.objects.filter(year=year).first()
        if week is None:
            raise Http404("No Restorative Justice Week for that year")
        events = list(self.events().filter(awareness_week=week))
        days = []
        for event in events:
            day = event.local_start.date()
            if not days or days[-1][0] != day:
                days.append((day, []))
            days[-1][1].append(event)
        # The page's own context, without the listing's filters.
        context = Page.get_context(self, request)
        programme_url = page_url(self, request) + self.reverse_subpage("rj_week_view", args=(year,))
        context.update(week=week, days=days, events=events, programme_url=programme_url)
        return context

    def serve_calendar(self, request):
        form, events = self.filtered(request)
        name = _("Events from %(service)s") % {"service": self.get_site().site_name or self.title}
        return calendar_response(
            list(events.upcoming()), request, name=name, filename="events.ics", attachment=False
        )


class EventPage(SitePageMixin, Page):
    """One event: when and where, who it is for, how to book and how accessible
    the venue is. It can be added to a calendar and may be part of RJ Week."""

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences saying what the event is and who it is for. Shown in the list of events.",
    )
    description = StreamField(
        BodyBlock(), blank=True, help_text="Everything else people need to know about the event."
    )

    start_date = models.DateField(help_text="The day the event starts.")
    start_time = models.TimeField(
        null=True,
        blank=True,
        help_text="UK time, e.g. 10:00. Leave empty for an all-day event.",
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="Only if the event goes on for more than one day: the last day.",
    )
    end_time = models.TimeField(
        null=True,
        blank=True,
        help_text="UK time the event finishes, e.g. 12:30. Leave empty for an all-day event.",
    )
    starts_at = models.DateTimeField(
        editable=False,
        db_index=True,
        help_text="Worked out from the start date and time, in UK time.",
    )
    ends_at = models.DateTimeField(
        editable=False,
        db_index=True,
        help_text="Worked out from the end date and time, in UK time.",
    )

    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.SCHEDULED,
        help_text="Cancelled and postponed events stay listed, with the status shown clearly.",
    )
    status_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional. Say why, or what to do instead, e.g. 'Moved to Thursday 3 December'.",
    )

    venue_name = models.CharField(
        max_length=120,
        blank=True,
        help_text="Where it is, e.g. 'Saltcombe Library'. Leave empty for an online-only event.",
    )
    venue_address = models.TextField(
        max_length=300,
        blank=True,
        help_text="The address with postcode, one line per part.",
    )
    online = models.CharField(
        max_length=20,
        choices=Online.choices,
        default=Online.NONE,
        verbose_name="online joining",
        help_text=(
            "Can people join online? For private or sensitive sessions, send the joining "
            "details to people who book instead of showing the link to everyone."
        ),
    )
    online_link = models.URLField(
        blank=True,
        help_text="The joining link, shown to everyone. Only used when the link is public.",
    )

    step_free = models.BooleanField(
        default=False, verbose_name="step-free access", help_text="No steps, or a ramp or lift."
    )
    hearing_loop = models.BooleanField(
        default=False,
        verbose_name="hearing loop",
        help_text="Tick if the room has a working hearing loop.",
    )
    bsl = models.BooleanField(
        default=False,
        verbose_name="British Sign Language interpreter",
        help_text="A BSL interpreter will be there.",
    )
    quiet_room = models.BooleanField(
        default=False, verbose_name="quiet room", help_text="A quiet space to take a break."
    )
    accessibility_notes = models.TextField(
        max_length=400,
        blank=True,
        help_text="Anything else, e.g. nearest accessible parking, or how to ask for an adjustment.",
    )

    audience = models.CharField(
        max_length=20,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text="Who the event is for.",
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="The area the event is in. Leave empty for online events or events for the whole county.",
    )
    cost = models.CharField(
        max_length=100,
        default="Free",
        help_text="What it costs, e.g. 'Free' or '£10, lunch included'.",
    )

    booking = models.CharField(
        max_length=20,
        choices=Booking.choices,
        default=Booking.TURN_UP,
        help_text="How people get a place.",
    )
    booking_url = models.URLField(blank=True, help_text="The booking page, if people book online.")
    booking_phone = models.CharField(
        max_length=40, blank=True, help_text="The number to call, if people book by phone."
    )
    booking_notes = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional, e.g. 'Places are limited to 20' or 'Book by 1 December'.",
    )

    awareness_week = models.ForeignKey(
        AwarenessWeek,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name="part of Restorative Justice Week",
        help_text="Choose the year's RJ Week if this event is part of its programme.",
    )

    objects = PageManager.from_queryset(EventQuerySet)()

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.FilterField("starts_at"),
        index.FilterField("audience"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content="Times are UK time. Leave both times empty for an all-day event."
                ),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("awareness_week"),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note")], heading="Is it going ahead?"
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("area"),
                FieldPanel("online"),
                FieldPanel("online_link"),
            ],
            heading="Where",
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free"),
                FieldPanel("hearing_loop"),
                FieldPanel("bsl"),
                FieldPanel("quiet_room"),
                FieldPanel("accessibility_notes"),
            ],
            heading="Accessibility",
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("cost"),
                FieldPanel("booking"),
                FieldPanel("booking_url"),
                FieldPanel("booking_phone"),
                FieldPanel("booking_notes"),
            ],
            heading="Who it is for and booking",
        ),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = "event"

    # --- dates and times -------------------------------------------------

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def multi_day(self):
        return self.last_day != self.start_date

    def compute_datetimes(self):
        """The aware start and end in UTC. All-day events run from midnight UK
        time on the first day to midnight after the last day."""
        if self.all_day:
            start = datetime.datetime.combine(self.start_date, datetime.time(), LONDON)
            end = datetime.datetime.combine(
                self.last_day + datetime.timedelta(days=1), datetime.time(), LONDON
            )
        else:
            start = datetime.datetime.combine(self.start_date, self.start_time, LONDON)
            end = datetime.datetime.combine(self.last_day, self.end_time, LONDON)
        return start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, LONDON)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, LONDON)

    @property
    def when(self):
        """The date and time in words, e.g. 'Saturday 21 November 2026, 10am to 1pm'."""
        if self.all_day:
            if self.multi_day:
                return _("%(start)s to %(end)s") % {
                    "start": format_day(self.start_date),
                    "end": format_day(self.last_day),
                }
            return _("%(day)s, all day") % {"day": format_day(self.start_date)}
        if self.multi_day:
            return _("%(start_day)s, %(start_time)s to %(end_day)s, %(end_time)s") % {
                "start_day": format_day(self.start_date),
                "start_time": format_time(self.start_time),
                "end_day": format_day(self.last_day),
                "end_time": format_time(self.end_time),
            }
        return _("%(day)s, %(start)s to %(end)s") % {
            "day": format_day(self.start_date),
            "start": format_time(self.start_time),
            "end": format_time(self.end_time),
        }

    @property
    def times_text(self):
        """Just the times, for the RJ Week programme where the day is a heading."""
        if self.all_day or self.multi_day:
            return self.when
        return _("%(start)s to %(end)s") % {
            "start": format_time(self.start_time),
            "end": format_time(self.end_time),
        }

    def is_past(self, now=None):
        return self.ends_at < (now or timezone.now())

    # --- what the page shows ---------------------------------------------

    @property
    def is_cancelled(self):
        return self.status == Status.CANCELLED

    @property
    def is_postponed(self):
        return self.status == Status.POSTPONED

    @property
    def accessibility_features(self):
        labels = {
            "step_free": _("Step-free access"),
            "hearing_loop": _("Hearing loop"),
            "bsl": _("British Sign Language (BSL) interpreter"),
            "quiet_room": _("Quiet room"),
        }
        return [label for field, label in labels.items() if getattr(self, field)]

    @property
    def in_person(self):
        return bool(self.venue_name or self.venue_address)

    @property
    def shows_online_link(self):
        return self.online == Online.PUBLIC_LINK and bool(self.online_link)

    @property
    def is_free(self):
        return self.cost.strip().lower() in ("free", "free of charge", "")

    @cached_property
    def calendar_url(self):
        return self.url + "calendar.ics"

    # --- validation -------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}

        def add(field, message):
            errors.setdefault(field, []).append(message)

        if self.slug in RESERVED_SLUGS:
            add("slug", f"'{self.slug}' is used by the events listing. Choose another slug.")
        if self.start_date:
            if (self.start_time is None) != (self.end_time is None):
                field = "end_time" if self.end_time is None else "start_time"
                add(
                    field,
                    "Give both a start and an end time, or leave both empty for an all-day event.",
                )
            elif self.end_date and self.end_date < self.start_date:
                add("end_date", "The end must be after the start: check the last day.")
            elif not self.all_day:
                for field, day, time in (
                    ("start_time", self.start_date, self.start_time),
                    ("end_time", self.last_day, self.end_time),
                ):
                    if not _exists_in_london(day, time):
                        add(
                            field,
                            f"The clocks go forward on {format_day(day)}, so "
                            f"{format_time(time)} does not exist in the UK that day. Choose another time.",
                        )
                if "start_time" not in errors and "end_time" not in errors:
                    start, end = self.compute_datetimes()
                    if end <= start:
                        add("end_time", "The end must be after the start: check the end time.")
            if self.awareness_week_id and "end_date" not in errors:
                week = self.awareness_week
                if not (week.contains(self.start_date) and week.contains(self.last_day)):
                    add(
                        "awareness_week",
                        f"{week} runs from {week.dates_text}. Change the dates, or leave this empty.",
                    )
        if self.online == Online.PUBLIC_LINK and not self.online_link:
            add("online_link", "Add the joining link, or choose to send it to people who book.")
        if self.online == Online.NONE and not self.in_person:
            add("venue_name", "Add where the event is, or say how people join online.")
        if self.booking == Booking.LINK and not self.booking_url:
            add("booking_url", "Add the booking page's web address.")
        if self.booking == Booking.PHONE and not self.booking_phone:
            add("booking_phone", "Add the phone number people call to book.")
        if errors:
            raise ValidationError(errors)
        # Work out the aware times now too, so a preview (which is never saved) has them.
        if self.start_date and (self.start_time is None) == (self.end_time is None):
            self.starts_at, self.ends_at = self.compute_datetimes()

    def save(self, *args, **kwargs):
        if self.start_date and (self.all_day or self.end_time is not None):
            self.starts_at, self.ends_at = self.compute_datetimes()
        super().save(*args, **kwargs)

    # --- what the page and its calendar file show ---------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["is_past"] = self.is_past()
        context["google_calendar_url"] = self.google_calendar_url(request)
        return context

    def structured_data(self, request=None):
        return event_structured_data(self, request)

    def google_calendar_url(self, request):
        return google_calendar_link(self, request)

    def serve_calendar(self, request):
        return calendar_response(
            [self], request, name=self.title, filename=f"{slugify(self.slug)}.ics", attachment=True
        )


def _exists_in_london(day, time):
    """False for the hour the clocks skip on the last Sunday of March."""
    local = datetime.datetime.combine(day, time, LONDON)
    return local.astimezone(datetime.UTC).astimezone(LONDON).replace(tzinfo=None) == (
        local.replace(tzinfo=None)
    )
