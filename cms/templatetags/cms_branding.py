"""The site's own name in the admin (WAGTAIL_SITE_NAME), for the branding templates."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def admin_site_name():
    return settings.WAGTAIL_SITE_NAME
