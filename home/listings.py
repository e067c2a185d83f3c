"""Listings (case studies, films, events, progress updates, search results): one way
to filter them and one way to split them into pages (templates/includes/pagination.html)."""

from django import forms
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


class ListingFilterForm(forms.Form):
    """The filters above a listing: a plain GET form that works without JavaScript.

    Subclasses say how each field narrows the list in `lookups`: a field name and the
    queryset lookup its value goes to, or a function of the value giving the lookups.
    A value that is not a choice (a mistyped or old link) drops that filter only, and
    the form says so beside its field."""

    lookups = {}

    def chosen(self):
        """The valid values chosen, by field name."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def apply(self, queryset):
        for name, value in self.chosen().items():
            lookup = self.lookups[name]
            queryset = queryset.filter(**(lookup(value) if callable(lookup) else {lookup: value}))
        return queryset

    @property
    def is_filtered(self):
        return bool(self.chosen())
