"""One way to split a listing into pages (case studies, films, events, progress
updates, search results), shown by templates/includes/pagination.html."""

from django.core.paginator import Paginator


def paginate(request, items, per_page):
    """The page of `items` that `?page=` asks for (the last for a number past the end,
    the first for anything else), as the context the pagination include reads:
    `page_obj` (with `elided_range`), `paginator`, and `query_string`: the request's
    other parameters (the filters), kept on every page's link."""
    paginator = Paginator(items, per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.elided_range = list(paginator.get_elided_page_range(page_obj.number, on_each_side=1))
    query = request.GET.copy()
    query.pop("page", None)
    return {"page_obj": page_obj, "paginator": paginator, "query_string": query.urlencode()}
