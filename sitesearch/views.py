from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wagtail.models import Page, Site

from home.i18n import scope_to_active_language
from sitesearch.highlight import highlight_title, result_snippet

MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    """Search every public page of the site in the current language.

    Search words are not stored or logged: what someone looks for on this site
    can say a lot about them."""
    query = (request.GET.get("q") or "").strip()
    error = None
    if len(query) > MAX_QUERY_LENGTH:
        error = f"Search for {MAX_QUERY_LENGTH} characters or fewer."
    page_obj = paginator = None
    results = []
    if query and not error:
        site = Site.find_for_request(request)
        pages = scope_to_active_language(Page.objects.live().public())
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        paginator = Paginator(pages.search(query), settings.SEARCH_RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        page_obj.elided_range = list(
            paginator.get_elided_page_range(page_obj.number, on_each_side=1)
        )
        # One query per page type for the specific pages, in the order found.
        ids = [p.pk for p in page_obj.object_list]
        specific = {p.pk: p for p in Page.objects.filter(pk__in=ids).specific()}
        for pk in ids:
            page = specific[pk]
            results.append(
                {
                    "page": page,
                    "title": highlight_title(page.title, query),
                    "snippet": result_snippet(page, query),
                    "kind": page._meta.verbose_name,
                }
            )
    context = {
        "query": query,
        "error": error,
        "results": results,
        "page_obj": page_obj,
        "paginator": paginator,
        "query_string": urlencode({"q": query}) if query else "",
    }
    return render(request, "sitesearch/search.html", context)
