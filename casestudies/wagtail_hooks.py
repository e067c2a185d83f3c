from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component

from casestudies.models import CaseStudyPage


class CaseStudiesToReviewPanel(Component):
    """On the dashboard: case studies past their review-by date, oldest first, so the
    comms team checks the story is still accurate and consent still stands."""

    name = "case_studies_to_review"
    template_name = "casestudies/admin/review_panel.html"
    order = 120

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["case_studies"] = list(
            CaseStudyPage.objects.filter(review_by__lt=timezone.localdate())
            .order_by("review_by", "pk")
            .only("pk", "title", "review_by", "live", "draft_title")
        )
        context["today"] = timezone.localdate()
        return context


@hooks.register("construct_homepage_panels")
def add_case_studies_to_review(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(CaseStudiesToReviewPanel(request))
