"""Working days for the first-contact target: Monday to Friday, except bank
holidays in England and Wales (from the `holidays` library, kept up to date
upstream rather than typed in here)."""

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=32)
def _bank_holidays(year):
    # England and Wales share one list of bank holidays.
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_working_day(day):
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start, days):
    """The date `days` working days after `start` (a date or datetime)."""
    day = start.date() if isinstance(start, datetime.datetime) else start
    added = 0
    while added < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            added += 1
    return day
