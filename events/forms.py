"""The filters on the events listing: a plain GET form that works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.choices import Audience
from home.listings import ListingFilterForm
from home.models import Area


class EventFilterForm(ListingFilterForm):
    lookups = {
        "area": "area__slug",
        "audience": "audience",
        "rj_week": lambda chosen: {"awareness_week__isnull": False},
    }

    area = forms.ChoiceField(
        required=False,
        label=_("Area"),
        error_messages={"invalid_choice": _("Choose an area from the list.")},
    )
    audience = forms.ChoiceField(
        choices=[("", _("All groups"))] + list(Audience.choices),
        required=False,
        label=_("Who it is for"),
        error_messages={"invalid_choice": _("Choose who the event is for from the list.")},
    )
    rj_week = forms.BooleanField(
        required=False, label=_("Only show Restorative Justice Week events")
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        # One query for the areas, used both to validate and to draw the list. The areas
        # list is shared with case studies: offer only the areas events are held in.
        self.fields["area"].choices = [("", _("All areas"))] + list(
            Area.objects.filter(events__in=events).distinct().values_list("slug", "name")
        )
