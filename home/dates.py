"""Dates and times as the visitor's language writes them.

English follows GOV.UK's style (Tuesday 1 December 2026; 10am, 1:30pm, midday);
other languages take their format from their translation (Polish "wtorek, 1 grudnia
2026", 18:30), so translators decide, in the .po files, with Django's date letters."""

from zoneinfo import ZoneInfo

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from home.i18n import isolate_numbers

# The service's clock: events happen, and calendars are written, in UK time.
LONDON = ZoneInfo("Europe/London")

# Translators: how a time of day is written, in Django's date format letters ("H:i" gives
# 18:30). "gov.uk" keeps English's own style: 10am, 1:30pm, midday, midnight.
TIME_STYLE = pgettext_lazy("time format", "gov.uk")


def format_time(value):
    """A time as the visitor's language writes it: GOV.UK's 10am, 1:30pm, midday and
    midnight in English; the translated format elsewhere (Polish 18:30). Numbers in
    a right-to-left language are isolated, so they keep their order in any sentence."""
    style = str(TIME_STYLE)
    if style != "gov.uk":
        return isolate_numbers(date_format(value, style))
    if value.hour == 0 and value.minute == 0:
        return _("midnight")
    if value.hour == 12 and value.minute == 0:
        return _("midday")
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}:{value.minute:02d}{suffix}" if value.minute else f"{hour}{suffix}"


def format_day(value, with_year=True):
    """A day as the visitor's language writes it ("Tuesday 1 December 2026"), from the
    same translated format as the rest of the site."""
    # Translators: how this page writes a date, in Django's date format letters; English gives "Tuesday 1 December 2026".
    day_format = _("l j F Y")
    if not with_year:
        day_format = day_format.replace("Y", "").strip(" ,،")
    return date_format(value, day_format)
