"""schema.org data for search engines, written as JSON-LD.

A `<script type="application/ld+json">` block is data, not script: browsers never
run it, so the Content Security Policy (script-src 'self') does not block it."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The same escapes as Django's json_script: the JSON can never close the element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's `structured_data(request)` as a JSON-LD block, or nothing."""
    method = getattr(page, "structured_data", None)
    if method is None:
        return ""
    data = method(context.get("request"))
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308 - escaped above
