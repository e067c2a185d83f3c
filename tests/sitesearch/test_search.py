import re

import pytest

from django.urls import reverse

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyIndexPage
from home.factories import StandardPageFactory
from sitesearch.highlight import highlight, search_terms
from tests.conftest import english

pytestmark = pytest.mark.django_db


def results(html):
    return re.findall(r'<li class="rj-search-results__item">(.*?)</li>', html, re.S)


def test_search_finds_every_page_type(client, demo_site):
    for query, expected in [
        ("burgled", "A burglary, and a letter that answered her questions"),  # case study
        ("transcript", "Films"),  # film list
        ("tone", "What happens at a meeting"),  # film transcript
        ("partnership", "Our restorative justice strategy"),  # strategy themes
        ("voluntary", "What is restorative justice?"),  # standard page
    ]:
        html = client.get(reverse("search"), {"q": query}).text
        titles = re.sub(r"<[^>]+>", "", " ".join(results(html)))
        assert expected in titles, (query, titles[:500])


def test_results_have_a_count_and_highlighted_extract(client, demo_site):
    html = client.get(reverse("search"), {"q": "letter"}).text
    assert re.search(r"\d+ results? for ‘letter’", html)
    assert "<mark>letter</mark>" in html or "<mark>Letter</mark>" in html
    assert '<ol class="rj-search-results"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_search_escapes_what_was_typed_and_page_text(client, demo_site, search_index_updates):
    index = english(CaseStudyIndexPage).get()
    CaseStudyPageFactory(
        parent=index,
        title="Shouting <b>loudly</b> in the street",
        summary="Someone wrote <script>alert(1)</script> on a wall & ran.",
    )
    typed = client.get(reverse("search"), {"q": "<script>alert(1)</script> shouting"}).text
    assert "<script>alert(1)</script>" not in typed
    # (PostgreSQL's parser skips what looks like a tag, so the results are asked for in words.)
    html = client.get(reverse("search"), {"q": "shouting loudly"}).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;" in html and "<b>" not in html.split("<main", 1)[1]
    assert "<mark>Shouting</mark>" in html


def test_highlight_never_marks_inside_an_entity():
    assert highlight("Tom & Amp", search_terms("amp")) == "Tom &amp; <mark>Amp</mark>"


def test_no_results_and_empty_and_too_long_queries(client, demo_site):
    html = client.get(reverse("search"), {"q": "zebraxylophone"}).text
    assert "0 results" in html and "Nothing matched" in html
    empty = client.get(reverse("search"))
    assert empty.status_code == 200 and "results for" not in empty.text
    long = client.get(reverse("search"), {"q": "a" * 300})
    assert long.status_code == 200
    assert "govuk-error-summary" in long.text and "200 characters or fewer" in long.text


def test_search_leaves_out_drafts_and_paginates(client, demo_site, search_index_updates):
    for n in range(12):
        StandardPageFactory(parent=demo_site, title=f"Kestrel page {n}")
    StandardPageFactory(parent=demo_site, title="Kestrel draft", live=False)
    first = client.get(reverse("search"), {"q": "kestrel"}).text
    assert "12 results for ‘kestrel’" in first
    assert len(results(first)) == 10
    assert 'href="?q=kestrel&amp;page=2" rel="next"' in first
    second = client.get(reverse("search"), {"q": "kestrel", "page": 2}).text
    assert len(results(second)) == 2
    assert "Kestrel draft" not in first + second


def test_search_query_count_is_bounded(client, demo_site, search_index_updates):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n in (0, 10):
        for i in range(n):
            StandardPageFactory(parent=demo_site, title=f"Heron page {i}")
        caches["pages"].clear()
        with CaptureQueriesContext(connection) as context:
            client.get(reverse("search"), {"q": "heron restorative"})
        counts.append(len(context.captured_queries))
    assert counts[1] <= counts[0] + 2  # a page type or two more, never one per result
    assert counts[1] <= 30


def test_header_has_a_labelled_search_form(client, demo_site):
    html = client.get("/").text
    form = re.search(r'<form class="rj-header-search".*?</form>', html, re.S).group(0)
    assert 'action="/search/"' in form and 'method="get"' in form
    assert '<label class="rj-header-search__label" for="header-search">' in form
    assert 'id="header-search" name="q"' in form


@pytest.mark.parametrize("query", ['a"b', "a\x00b", '"', "NEAR(", "a OR", "*", "'; --", "^x"])
def test_a_query_with_search_syntax_is_searched_as_words_not_an_outage(client, demo_site, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    assert "service is unavailable" not in response.text
    assert "\x00" not in response.text


def test_quotes_are_ignored_and_the_words_still_found(client, demo_site):
    html = client.get(reverse("search"), {"q": '"burgled'}).text
    assert "A burglary, and a letter that answered her questions" in html


def test_a_query_of_symbols_only_asks_for_words(client, demo_site):
    html = client.get(reverse("search"), {"q": '"()"'}).text
    assert "Enter the words you are looking for." in html
    assert 'class="govuk-error-summary"' in html


def test_search_words_keep_every_script():
    from sitesearch.views import search_words

    assert search_words('a"b') == "a b"
    assert search_words("पुनर्स्थापना (न्याय)") == "पुनर्स्थापना न्याय"
    assert search_words("عدالة «تصالحية»") == "عدالة تصالحية"
    assert search_words("Żółć\x00-2026") == "Żółć 2026"


def test_a_query_the_search_engine_refuses_is_not_read_as_an_outage(client, demo_site, monkeypatch):
    from django.db import OperationalError

    def refuse(*args, **kwargs):
        raise OperationalError("fts5: syntax error")

    monkeypatch.setattr("home.listings.Paginator.get_page", refuse)
    response = client.get(reverse("search"), {"q": "letter"})
    assert response.status_code == 200
    assert "We could not search for that. Try other words." in response.text


def test_a_database_that_does_not_answer_is_still_an_outage(client, demo_site, monkeypatch):
    from django.db import OperationalError

    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr("home.listings.Paginator.get_page", refuse)
    monkeypatch.setattr("sitesearch.views.database_is_up", lambda: False)
    response = client.get(reverse("search"), {"q": "letter"})
    assert response.status_code == 503
