"""Anonymous figures about self-referrals, for other apps (progress reports,
outcome pages). This is the only way other apps learn about referrals: they
never import `Referral`.

Every count below SELF_REFERRAL_SUPPRESS_BELOW (default 5), other than zero,
is returned as None ("not shown"), so that nobody can be picked out of a small
group, and so is any other count that would let a hidden one be worked out from
a row, a column or a total (selfreferral/suppression.py). Figures count every
referral, including those whose personal details have been erased."""

import datetime as _dt
import statistics
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, Count, IntegerField, Value, When
from django.utils import timezone, translation

from feedback.models import Answer
from home.cache import next_generation, read_generation
from selfreferral import questions as q
from selfreferral import suppression
from selfreferral.choices import COMPLETED_OUTCOMES, FINISHED_STATUSES, Channel, Outcome
from selfreferral.models import Area, Referral
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


# The ways referrals reach the service, from the channel and the role. Someone asking
# for another person is "someone else" however they sent it, so this column is the
# role table's "someone else" column too (see SAME_CELLS); the others split the rest by
# channel.
ROUTE_SOMEONE_ELSE = "someone-else"
ROUTES = [
    ("self", "Themselves, on the website"),
    (ROUTE_SOMEONE_ELSE, "Someone else, for them"),
    ("professional", "A professional"),
    ("kiosk", "Themselves, on a prison kiosk"),
    ("paper", "Themselves, on a paper form"),
    ("phone", "Themselves, by phone"),
]
ROUTE_FROM_CHANNEL = {Channel.WEB: "self", Channel.PROFESSIONAL: "professional"}


def route_of(channel, role):
    # By role first, whatever the channel: the column must equal the role table's.
    # (Professionals' referrals give the role of the person referred, never this one.)
    if role == q.ROLE_FOR_SOMEONE:
        return ROUTE_SOMEONE_ELSE
    return ROUTE_FROM_CHANNEL.get(channel, channel)


def _shared_cells(labels):
    """The cells two tables both show: the route and the role "someone else"."""
    route = [key for key, _ in labels["route"]].index(ROUTE_SOMEONE_ELSE)
    role = [key for key, _ in labels["role"]].index(q.ROLE_FOR_SOMEONE)
    return [(("route", route), ("role", role))]


def _labels(dimension):
    if dimension == "route":
        return list(ROUTES)
    if dimension == "role":
        return _english_choices("role")
    if dimension == "area":
        return [(area.pk, area.name) for area in Area.objects.all()] + [(None, "Not sure")]
    raise ValueError(dimension)


# The published splits. The channel on its own is not one: each of its counts is a
# sum of route counts, which suppression.py cannot protect together (the route
# table says everything the channel table said, and who asked).
DIMENSIONS = {"route": "Route", "role": "Who referred", "area": "Area"}


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
    """Referrals per quarter, route, role and area: one grouped query shared by
    every table, at most a few hundred rows however many referrals there are."""

    def compute():
        rows = (
            _referrals(quarters[0].start, quarters[-1].end)
            .annotate(bucket=_quarter_bucket(quarters))
            .values_list("bucket", "channel", "role", "area")
            .annotate(n=Count("pk"))
        )
        return [
            (bucket, route_of(channel, role), role, area, n)
            for bucket, channel, role, area, n in rows
        ]

    return _cached("by-quarter", quarters, compute)


def quarterly(dimension, quarters):
    """Referrals per quarter split by `dimension` (route, role or area):
    {"columns": [labels], "rows": [{"quarter", "cells": [count|None], "total": count|None}],
     "totals": [count|None]}, protected together with the other dimensions' tables of
    the same quarters (they count the same referrals)."""
    return _protected_tables(quarters)[dimension]


def _protected_tables(quarters):
    def compute():
        labels = {name: _labels(name) for name in DIMENSIONS}
        if not quarters:
            return {
                name: {"columns": [label for _, label in labels[name]], "rows": [], "totals": []}
                for name in DIMENSIONS
            }
        counts = {}
        totals = [0] * len(quarters)
        for bucket, *keys, n in _quarter_counts(quarters):
            totals[bucket] += n
            for name, key in zip(DIMENSIONS, keys, strict=True):
                counts[(name, bucket, key)] = counts.get((name, bucket, key), 0) + n
        tables = {}
        for name in DIMENSIONS:
            rows = [
                [counts.get((name, bucket, key), 0) for key, _ in labels[name]]
                for bucket in range(len(quarters))
            ]
            # A value no label names (one from before a choice was renamed) still counts.
            residue = [total - sum(row) for total, row in zip(totals, rows, strict=True)]
            if any(residue):
                labels[name] = [*labels[name], ("", "Not recorded")]
                rows = [[*row, extra] for row, extra in zip(rows, residue, strict=True)]
            tables[name] = rows
        published = suppression.protected_tables(
            tables, settings.SELF_REFERRAL_SUPPRESS_BELOW, same=_shared_cells(labels)
        )
        return {
            name: {
                "columns": [label for _, label in labels[name]],
                "rows": [
                    {"quarter": quarter.label, **row}
                    for quarter, row in zip(quarters, published[name]["rows"], strict=True)
                ],
                "totals": published[name]["totals"],
            }
            for name in DIMENSIONS
        }

    return _cached("quarterly", quarters, compute)


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
        # Once a quarter has ended, nearly every referral in it can be judged: the
        # count would give back the quarter's total where that is hidden.
        total_hidden = {
            row["quarter"] for row in quarterly("route", quarters)["rows"] if row["total"] is None
        }
        result = []
        for quarter in quarters:
            n_judged = judged.get(quarter, 0)
            times = durations.get(quarter, [])
            result.append(
                {
                    "quarter": quarter.label,
                    "judged": None if quarter.label in total_hidden else suppress(n_judged),
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


def _finished_bucket(quarters):
    """The position of the quarter each referral finished in (closed or withdrawn),
    compared as local midnight boundaries, like _quarter_bucket."""

    def boundary(day):
        return timezone.make_aware(_dt.datetime.combine(day, _dt.time.min))

    return Case(
        *[
            When(
                status_changed_at__gte=boundary(quarter.start),
                status_changed_at__lt=boundary(quarter.next().start),
                then=Value(position),
            )
            for position, quarter in enumerate(quarters)
        ],
        output_field=IntegerField(),
    )


def _completed_share(cells, total, completed_positions):
    """The share completed, as a whole percentage, or None when it could give away a
    hidden count. The completed count is the sum of some cells: it tells nothing new
    when all hidden cells are on one side (completed, or not); if hidden cells are on
    both sides, it would split what is hidden between them, so it is not shown."""
    if total is None or total == 0:
        return None
    hidden = {i for i, value in enumerate(cells) if value is None}
    if hidden & completed_positions and hidden - completed_positions:
        return None
    if hidden <= completed_positions:
        not_completed = sum(v for i, v in enumerate(cells) if i not in completed_positions)
        completed = total - not_completed
    else:
        completed = sum(cells[i] for i in completed_positions)
    return round(100 * completed / total)


def outcomes(quarters):
    """What came of the referrals finished in each quarter, by outcome:
    {"columns", "rows": [{"quarter", "cells", "total", "completed_percent"}], "totals",
    "completed_percent"}, with the same suppression as the other tables. Counted in
    the quarter a referral was closed or withdrawn; anonymous data, so referrals
    whose personal details were erased still count."""

    def compute():
        labels = list(Outcome.choices)
        completed = {i for i, (key, _) in enumerate(labels) if key in COMPLETED_OUTCOMES}
        if not quarters:
            return {"columns": [label for _, label in labels], "rows": [], "totals": []}
        start = timezone.make_aware(_dt.datetime.combine(quarters[0].start, _dt.time.min))
        end = timezone.make_aware(_dt.datetime.combine(quarters[-1].next().start, _dt.time.min))
        counts = dict.fromkeys(
            ((bucket, key) for bucket in range(len(quarters)) for key, _ in labels), 0
        )
        rows = (
            Referral.objects.order_by()
            .filter(
                status__in=FINISHED_STATUSES,
                status_changed_at__gte=start,
                status_changed_at__lt=end,
            )
            .exclude(outcome="")
            .annotate(bucket=_finished_bucket(quarters))
            .values_list("bucket", "outcome")
            .annotate(n=Count("pk"))
        )
        for bucket, key, n in rows:
            if (bucket, key) in counts:
                counts[(bucket, key)] += n
        table = [[counts[(bucket, key)] for key, _ in labels] for bucket in range(len(quarters))]
        threshold = settings.SELF_REFERRAL_SUPPRESS_BELOW
        published = suppression.protected_tables({"outcome": table}, threshold)["outcome"]
        rows = [
            {
                "quarter": quarter.label,
                **row,
                "completed_percent": _completed_share(row["cells"], row["total"], completed),
            }
            for quarter, row in zip(quarters, published["rows"], strict=True)
        ]
        # Over all the quarters: only when each quarter's share is shown, so the count
        # completed in each quarter can already be worked out and their sum tells nothing new.
        finished = sum(map(sum, table))
        overall = None
        if finished and all(
            row["completed_percent"] is not None or not sum(counts)
            for row, counts in zip(rows, table, strict=True)
        ):
            done = sum(row[i] for row in table for i in completed)
            overall = round(100 * done / finished)
        return {
            "columns": [label for _, label in labels],
            "rows": rows,
            "totals": published["totals"],
            "completed_percent": overall,
        }

    return _cached("outcomes", quarters, compute)


# --- Satisfaction: what participants said in the feedback survey (feedback/) ---

# Each question's field, the answers each column of its table counts, and the column
# its share counts. The five-point scale is grouped before suppression (satisfied,
# neither, dissatisfied): the page shows only the share satisfied, and with small
# numbers five columns would hide it in most quarters.
SATISFACTION_QUESTIONS = {
    "satisfied": ("satisfaction", [(5, 4), (3,), (2, 1)], {(5, 4)}),
    "felt_safe": ("felt_safe", [("yes",), ("partly",), ("no",)], {("yes",)}),
    "felt_heard": ("felt_heard", [("yes",), ("partly",), ("no",)], {("yes",)}),
    "would_recommend": ("would_recommend", [("yes",), ("not_sure",), ("no",)], {("yes",)}),
}


def satisfaction(quarters):
    """What people who took part said, per quarter they answered in:
    {"rows": [{"quarter", "answers": count|None, "<share>_percent": int|None...}],
    "overall": {"answers", "<share>_percent"...}}, for the shares satisfied, felt safe,
    felt listened to and would recommend.

    Each question's answers are a table (protected together: they count the same
    answers); a share is the sum of some of its cells, shown only when that tells
    nothing about a hidden cell (the rule of `_completed_share`). Comments are never
    counted or shown here."""

    def compute():
        if not quarters:
            return {"rows": [], "overall": {}}
        position = {(quarter.year, quarter.number): i for i, quarter in enumerate(quarters)}
        tables = {
            name: [[0] * len(choices) for _ in quarters]
            for name, (_field, choices, _counted) in SATISFACTION_QUESTIONS.items()
        }
        fields = [field for field, _choices, _counted in SATISFACTION_QUESTIONS.values()]
        rows = (
            Answer.objects.order_by()
            .filter(year__gte=quarters[0].year, year__lte=quarters[-1].year)
            .values_list("year", "quarter", *fields)
            .annotate(n=Count("pk"))
        )
        for year, number, *answers, n in rows:
            bucket = position.get((year, number))
            if bucket is None:
                continue
            for (name, (_field, choices, _counted)), value in zip(
                SATISFACTION_QUESTIONS.items(), answers, strict=True
            ):
                for column, values in enumerate(choices):
                    if value in values:
                        tables[name][bucket][column] += n
        threshold = settings.SELF_REFERRAL_SUPPRESS_BELOW
        published = suppression.protected_tables(tables, threshold)
        counted = {
            name: {i for i, choice in enumerate(choices) if choice in chosen}
            for name, (_field, choices, chosen) in SATISFACTION_QUESTIONS.items()
        }
        result_rows = []
        for bucket, quarter in enumerate(quarters):
            first = published["satisfied"]["rows"][bucket]
            row = {"quarter": quarter.label, "answers": first["total"]}
            for name in SATISFACTION_QUESTIONS:
                shown = published[name]["rows"][bucket]
                row[f"{name}_percent"] = _completed_share(
                    shown["cells"], shown["total"], counted[name]
                )
            result_rows.append(row)
        # Over all the quarters, as for the outcomes: only when every quarter with
        # answers shows its share, so the sum tells nothing new.
        answered = sum(map(sum, tables["satisfied"]))
        every_total = all(row["answers"] is not None for row in result_rows)
        overall = {"answers": answered if every_total else None}
        for name in SATISFACTION_QUESTIONS:
            every_shown = all(
                row[f"{name}_percent"] is not None or not sum(counts)
                for row, counts in zip(result_rows, tables[name], strict=True)
            )
            overall[f"{name}_percent"] = (
                round(100 * sum(row[i] for row in tables[name] for i in counted[name]) / answered)
                if answered and every_shown and overall["answers"] is not None
                else None
            )
        return {"rows": result_rows, "overall": overall}

    return _cached("satisfaction", quarters, compute)
