"""Anonymous figures about self-referrals, for other apps (progress reports,
outcome pages). This is the only way other apps learn about referrals: they
never import `Referral`.

Every count below SELF_REFERRAL_SUPPRESS_BELOW (default 5), other than zero,
is returned as None ("fewer than 5"), so that nobody can be picked out of a
small group. Figures count every referral, including those whose personal
details have been erased."""

import datetime as _dt
import statistics
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, Count, IntegerField, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone, translation

from home.cache import next_generation, read_generation
from selfreferral import questions as q
from selfreferral.models import Channel, Referral
from selfreferral.sources import known_sources, label_for
from selfreferral.working_days import is_working_day


def suppress(count):
    """The count, or None when it is small enough to identify someone."""
    if 0 < count < settings.SELF_REFERRAL_SUPPRESS_BELOW:
        return None
    return count


def _referrals(start=None, end=None):
    referrals = Referral.objects.order_by()
    if start is not None:
        referrals = referrals.filter(created_on__gte=start)
    if end is not None:
        referrals = referrals.filter(created_on__lte=end)
    return referrals


def _english_choices(name):
    # The question list's answers are translated for the form; the published figures
    # (pages, charts, CSV) are in English, like the rest of the progress pages.
    with translation.override("en-gb"):
        return [(key, str(label)) for key, label in q.choices_for(name)]


def total(start=None, end=None):
    return suppress(_referrals(start, end).count())


def _counts(field, labels, start, end):
    rows = dict(
        _referrals(start, end).values_list(field).annotate(n=Count("pk")).values_list(field, "n")
    )
    return [
        {"key": key, "label": label, "count": suppress(rows.get(key, 0))} for key, label in labels
    ]


def by_channel(start=None, end=None):
    return _counts("channel", Channel.choices, start, end)


def by_role(start=None, end=None):
    return _counts("role", _english_choices("role"), start, end)


def by_age_group(start=None, end=None):
    return _counts("age_group", _english_choices("age_group"), start, end)


def by_area(start=None, end=None):
    from selfreferral.models import Area

    labels = [(area.pk, area.name) for area in Area.objects.all()] + [(None, "Not sure")]
    return _counts("area", labels, start, end)


def by_quarter(start=None, end=None):
    """Counts per calendar quarter, oldest first: [{"year", "quarter", "count"}]."""
    # From the stored local date: no time-zone conversion per row, and the figures index covers it.
    rows = (
        _referrals(start, end)
        .annotate(year=ExtractYear("created_on"), month=ExtractMonth("created_on"))
        .values_list("year", "month")
        .annotate(n=Count("pk"))
    )
    quarters = {}
    for year, month, count in rows:
        key = (year, (month - 1) // 3 + 1)
        quarters[key] = quarters.get(key, 0) + count
    return [
        {"year": year, "quarter": quarter, "count": suppress(count)}
        for (year, quarter), count in sorted(quarters.items())
    ]


# --- Outcome figures for public reporting (the progress pages) -------------
# Only closed quarters are reported, every cell is suppressed below the
# threshold, and results are cached until a referral changes.


GENERATION_KEY = "referral-figures-generation"


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @property
    def start(self):
        return _dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self):
        following = self.next()
        return following.start - _dt.timedelta(days=1)

    def next(self):
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    @property
    def label(self):
        return f"{self.year} Q{self.number}"

    @classmethod
    def containing(cls, day):
        return cls(day.year, (day.month - 1) // 3 + 1)


def closed_quarters(first_day=None, count=8, today=None):
    """Up to `count` quarters that have ended, oldest first, starting no earlier
    than the quarter holding `first_day`."""
    today = today or timezone.localdate()
    last = Quarter.containing(today)
    quarters = []
    quarter = Quarter.containing(first_day) if first_day else None
    if quarter is None:
        # Count back from the last closed quarter.
        back = last
        for _ in range(count):
            back = (
                Quarter(back.year - 1, 4)
                if back.number == 1
                else Quarter(back.year, back.number - 1)
            )
            quarters.insert(0, back)
        return quarters
    while quarter != last and len(quarters) < count:
        quarters.append(quarter)
        quarter = quarter.next()
    return quarters


def bump_generation(**kwargs):
    next_generation(cache, GENERATION_KEY)


def _cached(name, quarters, compute):
    generation = read_generation(cache, GENERATION_KEY)
    first = f"{quarters[0].year}-{quarters[0].number}" if quarters else "none"
    key = f"figures:{generation}:{name}:{first}:{len(quarters)}"
    return cache.get_or_set(key, compute, timeout=24 * 3600)


def _labels(dimension):
    from selfreferral.models import Area

    if dimension == "channel":
        return list(Channel.choices)
    if dimension == "role":
        return _english_choices("role")
    if dimension == "area":
        return [(area.pk, area.name) for area in Area.objects.all()] + [(None, "Not sure")]
    raise ValueError(dimension)


DIMENSIONS = {"channel": "How people referred themselves", "role": "Who referred", "area": "Area"}


def _quarter_bucket(quarters):
    """The position of each referral's quarter, worked out in the database by
    comparing dates (no per-row date functions, which are slow on SQLite)."""
    return Case(
        *[
            When(created_on__gte=quarter.start, created_on__lte=quarter.end, then=Value(position))
            for position, quarter in enumerate(quarters)
        ],
        output_field=IntegerField(),
    )


def _quarter_counts(quarters):
    """Referrals per quarter, channel, role and area: one grouped query shared by
    every table, at most a few hundred rows however many referrals there are."""

    def compute():
        rows = (
            _referrals(quarters[0].start, quarters[-1].end)
            .annotate(bucket=_quarter_bucket(quarters))
            .values_list("bucket", *DIMENSIONS)
            .annotate(n=Count("pk"))
        )
        return list(rows)

    return _cached("by-quarter", quarters, compute)


def quarterly(dimension, quarters):
    """Referrals per quarter split by `dimension` (channel, role or area):
    {"columns": [labels], "rows": [{"quarter", "cells": [count|None], "total": count|None}],
     "totals": [count|None]} with every count suppressed."""

    def compute():
        labels = _labels(dimension)
        if not quarters:
            return {"columns": [label for _, label in labels], "rows": [], "totals": []}
        position = list(DIMENSIONS).index(dimension) + 1
        counts = {}
        for row in _quarter_counts(quarters):
            bucket = (quarters[row[0]], row[position])
            counts[bucket] = counts.get(bucket, 0) + row[-1]
        table = []
        for quarter in quarters:
            cells = [counts.get((quarter, key), 0) for key, _ in labels]
            table.append(
                {
                    "quarter": quarter.label,
                    "cells": [suppress(c) for c in cells],
                    "total": suppress(sum(cells)),
                }
            )
        totals = [suppress(sum(counts.get((qr, key), 0) for qr in quarters)) for key, _ in labels]
        return {"columns": [label for _, label in labels], "rows": table, "totals": totals}

    return _cached(f"quarterly-{dimension}", quarters, compute)


def _working_day_index(first, last):
    """For each day from `first` to `last`, how many working days have passed."""
    index, running, day = {}, 0, first
    while day <= last:
        if is_working_day(day):
            running += 1
        index[day] = running
        day += _dt.timedelta(days=1)
    return index


def first_contact(quarters, today=None):
    """Per quarter: how many referrals could be judged (contacted, or past the
    target date), the share first contacted within the target, and the median
    working days to first contact."""

    def compute():
        now = today or timezone.localdate()
        if not quarters:
            return []
        rows = list(
            _referrals(quarters[0].start, quarters[-1].end)
            .values_list("created_on", "first_contacted_on", "first_contact_due")
            .annotate(n=Count("pk"))
        )
        days = [d for row in rows for d in row[:3] if d is not None]
        index = _working_day_index(min(days), max(days)) if days else {}
        judged, within, durations = {}, {}, {}
        for created, contacted, due, n in rows:
            quarter = Quarter.containing(created)
            if contacted is None and due >= now:
                continue  # not yet due: too early to judge
            judged[quarter] = judged.get(quarter, 0) + n
            if contacted is not None:
                if contacted <= due:
                    within[quarter] = within.get(quarter, 0) + n
                elapsed = max(0, index[contacted] - index[created])
                durations.setdefault(quarter, []).extend([elapsed] * n)
        threshold = settings.SELF_REFERRAL_SUPPRESS_BELOW
        result = []
        for quarter in quarters:
            n_judged = judged.get(quarter, 0)
            times = durations.get(quarter, [])
            result.append(
                {
                    "quarter": quarter.label,
                    "judged": suppress(n_judged),
                    "within_target_percent": (
                        round(100 * within.get(quarter, 0) / n_judged)
                        if n_judged >= threshold
                        else None
                    ),
                    "median_working_days": statistics.median(times)
                    if len(times) >= threshold
                    else None,
                }
            )
        return result

    return _cached("first-contact", quarters, compute)


def sources(quarters):
    """Referrals by the link, leaflet or kiosk that brought them, largest first, named
    as the list of sources names them; any code not on the list counts as "Other"."""

    def compute():
        if not quarters:
            return []
        rows = (
            _referrals(quarters[0].start, quarters[-1].end)
            .exclude(source_code="")
            .values_list("source_code")
            .annotate(n=Count("pk"))
        )
        known = known_sources()
        counts = {}
        for code, n in rows:
            label = label_for(code, known)
            counts[label] = counts.get(label, 0) + n
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [{"label": label, "count": suppress(n)} for label, n in ordered]

    return _cached("sources", quarters, compute)
