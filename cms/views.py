from django.conf import settings
from django.template.response import TemplateResponse

from wagtail.admin.auth import permission_denied

from cms.roles import can_edit_pages


def editors_guide(request):
    """A short guide for the comms team: how pages go from draft to published."""
    if not can_edit_pages(request.user):
        return permission_denied(request)
    return TemplateResponse(
        request,
        "cms/editors_guide.html",
        {"site_name": settings.WAGTAIL_SITE_NAME, "review_months": settings.PAGE_REVIEW_MONTHS},
    )
