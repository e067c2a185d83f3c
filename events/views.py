"""Calendar files at `<page address>calendar.ics`.

Wagtail's page URLs always end in a slash, so a file name with a dot needs a
Django URL of its own. It finds the page by its path and asks it for its
calendar: the events listing gives the feed of upcoming events, an event gives
its own `.ics`."""

from django.http import Http404
from django.views.decorators.http import require_safe

from wagtail.models import Page, Site


@require_safe
def page_calendar(request, page_path):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    root = site.root_page.localized
    page = (
        Page.objects.live().public().filter(url_path=root.url_path + page_path).specific().first()
    )
    if page is None or not hasattr(page, "serve_calendar"):
        raise Http404("No calendar here")
    return page.serve_calendar(request)
