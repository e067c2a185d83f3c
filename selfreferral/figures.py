"""Anonymous figures about self-referrals, for other apps (progress reports,
outcome pages). This is the only way other apps learn about referrals: they
never import `Referral`.

Every count below SELF_REFERRAL_SUPPRESS_BELOW (default 5), other than zero,
is returned as None ("fewer than 5"), so that nobody can be picked out of a
small group. Figures count every referral, including those whose personal
details have been erased."""

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear

from selfreferral import questions as q
from selfreferral.models import Channel, Referral


def suppress(count):
    """The count, or None when it is small enough to identify someone."""
    if 0 < count < settings.SELF_REFERRAL_SUPPRESS_BELOW:
        return None
    return count


def _referrals(start=None, end=None):
    referrals = Referral.objects.all()
    if start is not None:
        referrals = referrals.filter(created_at__date__gte=start)
    if end is not None:
        referrals = referrals.filter(created_at__date__lte=end)
    return referrals


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
    return _counts("role", q.choices_for("role"), start, end)


def by_age_group(start=None, end=None):
    return _counts("age_group", q.choices_for("age_group"), start, end)


def by_area(start=None, end=None):
    from selfreferral.models import Area

    labels = [(area.pk, area.name) for area in Area.objects.all()] + [(None, "Not sure")]
    return _counts("area", labels, start, end)


def by_quarter(start=None, end=None):
    """Counts per calendar quarter, oldest first: [{"year", "quarter", "count"}]."""
    rows = (
        _referrals(start, end)
        .annotate(year=ExtractYear("created_at"), month=ExtractMonth("created_at"))
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
