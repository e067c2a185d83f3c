"""Template tags for the admin's own templates: the dashboard and the translation editor."""

from django import template

from cms.roles import can_edit_pages
from cms.translation_review import review_state

register = template.Library()


@register.simple_tag(takes_context=True)
def user_can_edit_pages(context):
    return can_edit_pages(context["request"].user)


@register.inclusion_tag("cms/translation_review_panel.html", takes_context=True)
def translation_review_panel(context, page):
    """The Comms review panel in wagtail-localize's translation editor (cms/translation_review.py)."""
    return {**review_state(page, context["request"].user), "csrf_token": context.get("csrf_token")}
