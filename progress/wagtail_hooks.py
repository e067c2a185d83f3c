"""Recommendations in the admin: where each stands, when it is due, and whether it is
late, in the list; changes go through Comms review (see progress.models.Recommendation)."""

from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from progress.models import Recommendation


class ProgressColumn(Column):
    cell_template_name = "progress/admin/progress_cell.html"

    def get_value(self, instance):
        return instance.get_status_display()


class DueColumn(Column):
    cell_template_name = "progress/admin/due_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = instance.is_overdue()
        return context


class RecommendationViewSet(SnippetViewSet):
    model = Recommendation
    icon = "tasks"
    list_display = [
        "__str__",
        ProgressColumn("where_it_stands", label="Where it stands"),
        DueColumn("due_by", label="Due by", sort_key="due_by"),
        "owner",
        LiveStatusTagColumn(),
    ]
    ordering = ["made_on", "letter"]
    list_per_page = 50

    def get_queryset(self, request):
        return Recommendation.objects.prefetch_related("status_changes")


register_snippet(RecommendationViewSet)
