"""The Comms review panel in wagtail-localize's translation editor (cms/translation_review.py)."""

from django import template

from cms.translation_review import review_state

register = template.Library()


@register.inclusion_tag("cms/translation_review_panel.html", takes_context=True)
def translation_review_panel(context, page):
    return {**review_state(page, context["request"].user), "csrf_token": context.get("csrf_token")}
