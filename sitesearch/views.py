import logging
import unicodedata
from urllib.parse import urlencode

from django.conf import settings
from django.db import DatabaseError, connection
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from wagtail.models import Page

from home.cache import current_generation, page_cache
from home.i18n import scope_to_active_language
from home.listings import paginate
from home.site_index import site_for_request, site_index
from sitesearch.highlight import highlight_title, page_text, result_snippet

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
    index = site_index()
    site = site_for_request(request)
    pages = scope_to_active_language(Page.objects.live())
    restricted = [page.id for page in index.pages.values() if page.restricted]
    if restricted:
        pages = pages.exclude(pk__in=restricted)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    listing = paginate(request, pages.search(words), settings.SEARCH_RESULTS_PER_PAGE)
    page_obj = listing["page_obj"]
    found = list(page_obj.object_list)
    texts = _page_texts([page.pk for page in found])
    results = [
        {
            "url": page.get_url(request),
            "title": highlight_title(page.title, words),
            "snippet": result_snippet(*texts[page.pk][:2], words),
            "kind": texts[page.pk][2],
        }
        for page in found
    ]
    return page_obj, listing["paginator"], results


def _page_texts(ids):
    """{page id: (text, search description, kind of page)} for the pages found.

    Reading a page's text takes its specific page (a query for each page type), so
    the texts are kept in the page cache until the next change (home/cache.py)."""
    if not ids:
        return {}
    cache = page_cache()
    prefix = f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{current_generation()}:page-text"
    keys = {pk: f"{prefix}:{pk}" for pk in ids}
    kept = cache.get_many(keys.values())
    texts = {pk: kept[key] for pk, key in keys.items() if key in kept}
    missing = [pk for pk in ids if pk not in texts]
    if missing:
        for page in Page.objects.filter(pk__in=missing).specific():
            texts[page.pk] = (page_text(page), page.search_description, page._meta.verbose_name)
        cache.set_many(
            {keys[pk]: texts[pk] for pk in missing if pk in texts},
            settings.CACHE_MIDDLEWARE_SECONDS,
        )
    return texts
