"""How many SQL queries a public page costs when it is built (not served stored):
at most 10 for every page type, in English and in Arabic, whatever the size of the
site's tree and however many languages it has."""

import pytest

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page

from home.cache import purge_page_cache
from home.factories import StandardPageFactory
from home.models import HomePage
from tests.conftest import english

pytestmark = pytest.mark.django_db

MOST_QUERIES = 10
# Building the site index after a change: live pages, view restrictions, the site.
INDEX_QUERIES = 3
# Addresses that are not a page of their own type.
OTHER_ADDRESSES = {
    "en-gb": ["/search/?q=letter", "/events/past/", "/progress/updates/"],
    "ar": ["/ar/search/?q=letter", "/ar/events/past/", "/ar/progress/updates/"],
}


def _one_page_of_each_type(language):
    pages = {}
    for page in (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, locale=Locale.objects.get(language_code=language))
        .specific()
        .order_by("path")
    ):
        pages.setdefault(type(page).__name__, page.url)
    return pages


@pytest.fixture
def built_once(client, demo_site):
    """Every address visited once, so per-process caches (content types) are warm."""
    caches["pages"].clear()

    def visit(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return response

    return visit


@pytest.mark.parametrize("language", ["en-gb", "ar"])
def test_every_page_type_is_built_in_ten_queries_or_fewer(
    client, built_once, language, django_assert_max_num_queries
):
    pages = _one_page_of_each_type(language)
    assert len(pages) >= 12, pages  # every page type the demo has
    addresses = [*pages.values(), *OTHER_ADDRESSES[language]]
    for url in addresses:
        built_once(url)
    for url in addresses:
        # A new address: not stored yet, so the page is built.
        not_stored = url + ("&" if "?" in url else "?") + "from=leaflet"
        with django_assert_max_num_queries(MOST_QUERIES, info=url):
            assert client.get(not_stored).status_code == 200


def test_the_first_page_after_a_change_rebuilds_the_index_once(
    client, built_once, django_assert_max_num_queries
):
    built_once("/what-is-restorative-justice/")
    purge_page_cache()  # what a publish does
    with django_assert_max_num_queries(MOST_QUERIES + INDEX_QUERIES):
        built_once("/is-it-safe/")
    with django_assert_max_num_queries(MOST_QUERIES):
        built_once("/ar/")


def test_the_frame_costs_the_same_however_many_pages_are_in_the_menu(client, built_once):
    url = "/is-it-safe/"
    built_once(url)
    with _count() as few:
        built_once(url + "?n=1")
    home = english(HomePage).get()
    for n in range(5):
        StandardPageFactory(parent=home, title=f"In the menu {n}", show_in_menus=True)
    purge_page_cache()
    built_once("/")  # the index is built again
    with _count() as many:
        response = built_once(url + "?n=2")
    assert "In the menu 4" in response.text
    assert len(many) == len(few)


def _count():
    return CaptureQueriesContext(connection)
