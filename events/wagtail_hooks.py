"""Events in the admin: awareness weeks can be added from an event's chooser."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import AwarenessWeek


class AwarenessWeekChooserViewSet(SnippetChooserViewSet):
    # An editor writing this year's first event can add the week without leaving the page.
    form_fields = ["name", "year", "start_date", "end_date", "intro"]
    create_action_label = "Add this week"
    creation_tab_label = "Add a week"


class AwarenessWeekViewSet(SnippetViewSet):
    model = AwarenessWeek
    icon = "date"
    chooser_viewset_class = AwarenessWeekChooserViewSet
    list_display = ["__str__", "start_date", "end_date"]


register_snippet(AwarenessWeekViewSet)
