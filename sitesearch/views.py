import logging
import unicodedata
from urllib.parse import urlencode

from django.conf import settings
from django.db import DatabaseError, connection
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from wagtail.models import Page, Site

from home.i18n import scope_to_active_language
from home.listings import paginate
from sitesearch.highlight import highlight_title, result_snippet

MAX_QUERY_LENGTH = 200
logger = logging.getLogger(__name__)


def search_words(query):
    """The words of a query, and nothing a search engine reads as syntax.

    Letters (with their accents and vowel signs, in any script) and digits are
    kept; quotes, brackets, operators, control characters and NUL become spaces."""
    kept = (
        char if unicodedata.category(char)[0] in "LMN" else " "
        for char in unicodedata.normalize("NFC", query)
    )
    return " ".join("".join(kept).split())


def database_is_up():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


@require_GET
def search(request):
    """Search every public page of the site in the current language.

    Search words are not stored or logged: what someone looks for on this site
    can say a lot about them."""
    # Control characters (a NUL, say) are never shown back or searched for.
    query = "".join(
        char for char in request.GET.get("q") or "" if unicodedata.category(char) != "Cc"
    ).strip()
    error = None
    if len(query) > MAX_QUERY_LENGTH:
        error = gettext("Search for %(count)s characters or fewer.") % {"count": MAX_QUERY_LENGTH}
    words = search_words(query)
    if query and not words and not error:
        error = gettext("Enter the words you are looking for.")
    page_obj = paginator = None
    results = []
    if words and not error:
        try:
            page_obj, paginator, results = _results(request, words)
        except DatabaseError as exc:
            # A query the search engine could not read is the visitor's to change; only a
            # database that does not answer at all is an outage (the 503 page).
            if not database_is_up():
                raise
            logger.warning("Search could not run a query: %s", type(exc).__name__)
            error = gettext("We could not search for that. Try other words.")
            page_obj = paginator = None
            results = []
    context = {
        "query": query,
        "error": error,
        "results": results,
        "page_obj": page_obj,
        "paginator": paginator,
        "query_string": urlencode({"q": query}) if query else "",
    }
    return render(request, "sitesearch/search.html", context)


def _results(request, words):
    site = Site.find_for_request(request)
    pages = scope_to_active_language(Page.objects.live().public())
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    listing = paginate(request, pages.search(words), settings.SEARCH_RESULTS_PER_PAGE)
    page_obj = listing["page_obj"]
    # One query per page type for the specific pages, in the order found.
    ids = [p.pk for p in page_obj.object_list]
    specific = {p.pk: p for p in Page.objects.filter(pk__in=ids).specific()}
    results = [
        {
            "page": specific[pk],
            "title": highlight_title(specific[pk].title, words),
            "snippet": result_snippet(specific[pk], words),
            "kind": specific[pk]._meta.verbose_name,
        }
        for pk in ids
    ]
    return page_obj, listing["paginator"], results
