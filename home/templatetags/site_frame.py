"""Template tags for the frame around every page: navigation and breadcrumbs."""

from django import template

from wagtail.models import Page, Site

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page.localized if site else None


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def main_navigation(context):
    root = _site_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        # One query for the menu; the current page is marked by path.
        items = list(
            root.get_children()
            .live()
            .public()
            .in_menu()
            .only("id", "title", "url_path", "path", "depth")
        )
    current_path = getattr(current, "path", "")
    return {
        "items": [
            {
                "page": item,
                "current": item.path == current_path,
                "active": current_path.startswith(item.path),
            }
            for item in items
        ],
        "request": context.get("request"),
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = []
    if isinstance(page, Page) and page.depth > 2:
        ancestors = list(
            page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "depth")
        )
    return {"ancestors": ancestors, "request": context.get("request")}
