import re

import pytest

from wagtail.models import Page

from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from tests.conftest import english

pytestmark = pytest.mark.django_db


def live_urls():
    return [page.url for page in Page.objects.live().public().filter(depth__gte=2).specific()]


def heading_levels(html):
    return [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]


def skipped_levels(levels):
    """Where the outline goes wrong: a heading before the h1, or a level skipped."""
    problems = [f"h{levels[0]} before the h1"] if levels and levels[0] != 1 else []
    problems += [f"h{a} to h{b}" for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    return problems


def test_every_demo_page_returns_200_with_one_h1_and_headings_in_order(client, demo_site):
    urls = live_urls() + [
        "/progress/updates/",
        "/events/past/",
        "/pl/how-to-refer-yourself-easy-read/",
    ]
    assert "/" in urls and "/what-is-restorative-justice/" in urls and "/privacy/" in urls
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(re.findall(r"<h1[ >]", response.text)) == 1, url
        assert skipped_levels(heading_levels(response.text)) == [], url


def test_the_not_translated_notice_is_not_a_heading_before_the_h1(client, demo_site):
    html = client.get("/pl/privacy/").text  # not translated in the demo
    assert 'id="untranslated-title"' in html
    assert heading_levels(html)[0] == 1
    assert 'aria-labelledby="untranslated-title"' in html


def test_the_quick_exit_hint_is_inside_a_named_region(client, demo_site):
    html = client.get("/is-it-safe/").text
    bar = html.split("data-quick-exit-bar", 1)
    assert bar[0].rstrip().endswith('<section class="rj-quick-exit"')
    assert 'aria-label="Leave this site quickly"' in bar[1].split(">", 1)[0]
    assert 'id="quick-exit-hint"' in bar[1].split("</section>", 1)[0]


def test_the_home_page_links_the_current_strategy(client, demo_site):
    from strategy.models import StrategyPage

    current = english(StrategyPage).get(slug="strategy")
    assert f'href="{current.url}"' in client.get("/").text


def test_every_page_has_the_frame(client, demo_site):
    response = client.get("/is-it-safe/")
    html = response.text
    assert 'lang="en-gb"' in html and 'dir="ltr"' in html
    assert 'href="#main-content"' in html and 'id="main-content"' in html
    assert html.count('href="/exit/"') == 2  # the button and the skip link
    assert "How to stay safe online" in html
    assert "0300 555 0142" in html  # footer contact details from the site setting
    assert 'aria-label="Breadcrumb"' in html
    assert 'aria-current="page"' in html  # the menu marks where you are
    assert "<script>" not in html and "onclick" not in html  # no inline scripts (CSP)


def test_security_headers(client, demo_site):
    response = client.get("/")
    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="referrer" content="no-referrer">' in response.text
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_quick_exit_clears_the_session_and_leaves(client, demo_site, settings):
    session = client.session
    session["something"] = "private"
    session.save()
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"] == settings.QUICK_EXIT_URL
    assert "cookies" in response["Clear-Site-Data"] and "storage" in response["Clear-Site-Data"]
    assert "no-store" in response["Cache-Control"]
    assert "something" not in client.session


def test_home_page_query_count_is_bounded(client, demo_site, django_assert_max_num_queries):
    client.get("/")  # warm per-process caches (content types, site root paths)
    from django.core.cache import caches

    caches["pages"].clear()
    # At most 10 a page, and 3 to build the site index again after the cache is cleared.
    with django_assert_max_num_queries(13):
        response = client.get("/")
    assert response.status_code == 200


def test_home_page_query_count_does_not_grow_with_featured_pages(
    client, demo_site, django_assert_max_num_queries
):
    from django.core.cache import caches

    home = english(HomePage).get()
    extra = [StandardPageFactory(parent=home, title=f"Extra {n}") for n in range(4)]
    home.featured = list(home.featured.raw_data) + [
        {"type": "page", "value": {"page": page.pk, "summary": ""}} for page in extra
    ]
    home.save_revision().publish()
    client.get("/")
    caches["pages"].clear()
    with django_assert_max_num_queries(13):
        response = client.get("/")
    assert all(page.title in response.text for page in extra)


def test_anonymous_pages_are_cached_until_something_is_published(
    client, demo_site, django_assert_num_queries
):
    client.get("/is-it-safe/")
    with django_assert_num_queries(0):
        assert client.get("/is-it-safe/").status_code == 200
    page = english(StandardPage).get(slug="is-it-safe")
    page.intro = "A changed introduction."
    page.save_revision().publish()
    assert "A changed introduction." in client.get("/is-it-safe/").text


def test_signed_in_editors_never_get_a_cached_page(client, demo_site, admin_user):
    client.get("/is-it-safe/")  # cached for anonymous visitors
    client.force_login(admin_user)
    page = english(StandardPage).get(slug="is-it-safe")
    StandardPage.objects.filter(pk=page.pk).update(intro="Edited behind the cache")
    assert "Edited behind the cache" in client.get("/is-it-safe/").text


def test_unknown_page_is_a_friendly_404(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_robots_and_sitemap(client, demo_site):
    robots = client.get("/robots.txt")
    assert "Disallow: /admin/" in robots.text and "Sitemap:" in robots.text
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200 and "/is-it-safe/" in sitemap.text


def test_pages_that_post_forms_use_same_origin_referrers(client, demo_site):
    # Under no-referrer, browsers post with "Origin: null", which CSRF refuses.
    form = client.get("/self-referral/")
    assert form["Referrer-Policy"] == "same-origin"
    assert '<meta name="referrer" content="same-origin">' in form.text
    assert client.get("/admin/login/")["Referrer-Policy"] == "same-origin"
