"""Strategy, case studies, films and search in a real Chromium: axe on a small screen,
print, captions, YouTube."""

import pytest

from tests.conftest import english, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PAGES = [
    "/strategy/",
    "/strategy-2017-2020/",
    "/case-studies/",
    "/case-studies/?setting=school&perspective=&area=",
    "/case-studies/?setting=online&perspective=practitioner&area=",  # no results
    "/case-studies/a-burglary-and-a-letter/",
    "/films/",
    "/films/what-happens-at-a-meeting/",
    "/films/writing-a-letter/",
    "/search/",
    "/search/?q=letter",
    "/search/?q=" + "a" * 300,  # with the error shown
]


def test_new_pages_have_no_axe_violations_on_a_small_screen(live_site, chromium):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        for url in ["/case-studies/", "/films/what-happens-at-a-meeting/", "/search/?q=letter"]:
            page.goto(live_site.url + url)
            assert run_axe(page) == [], url
            # Nothing is wider than the screen.
            assert page.evaluate("document.documentElement.scrollWidth <= 320"), url
    finally:
        context.close()


def visible(page, selector):
    return page.locator(selector).first.is_visible()


@pytest.mark.parametrize(
    ("url", "shown", "hidden"),
    [
        (
            "/strategy/",
            ["h1", ".rj-contents", ".rj-theme", "#vision"],
            [".govuk-service-navigation", ".rj-header-search", ".rj-quick-exit"],
        ),
        (
            "/case-studies/",
            ["h1", ".rj-story-list__item"],
            [".rj-filters", ".govuk-service-navigation", ".govuk-breadcrumbs"],
        ),
        (
            "/case-studies/a-burglary-and-a-letter/",
            ["h1", ".rj-what-changed", ".govuk-summary-list", ".rj-quote"],
            [".govuk-service-navigation", ".rj-header-search", ".govuk-breadcrumbs"],
        ),
        (
            "/films/",
            ["h1", ".rj-film-card"],
            [".rj-filters", ".govuk-service-navigation"],
        ),
        (
            "/films/what-happens-at-a-meeting/",
            ["h1", "#transcript", ".rj-transcript"],
            [".rj-player", "video", ".rj-film__links", ".govuk-service-navigation"],
        ),
        (
            "/search/?q=letter",
            ["h1", ".rj-search-results__item"],
            [".rj-search-form", ".rj-header-search"],
        ),
    ],
)
def test_printout_shows_content_and_hides_the_rest(live_site, browser_page, url, shown, hidden):
    browser_page.goto(live_site.url + url)
    browser_page.emulate_media(media="print")
    for selector in shown:
        assert visible(browser_page, selector), f"{selector} should print on {url}"
    for selector in hidden:
        assert not visible(browser_page, selector), f"{selector} should not print on {url}"
    # Links in the content have their address written out.
    link = browser_page.locator("main a[href^='/']:visible").first
    if link.count():
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert "/" in after
    browser_page.emulate_media(media="screen")
    assert visible(browser_page, ".govuk-service-navigation")


def test_film_plays_with_captions_from_this_site(live_site, browser_page):
    requests = []
    browser_page.on("request", lambda request: requests.append(request.url))
    browser_page.goto(live_site.url + "/films/what-happens-at-a-meeting/")
    video = browser_page.locator("video").first
    # The captions track loads and its cues are read.
    browser_page.wait_for_function(
        "() => { const t = document.querySelector('video').textTracks[0];"
        " return t && t.mode === 'showing' && t.cues && t.cues.length === 4; }"
    )
    assert video.evaluate("v => v.textTracks[0].kind") == "captions"
    assert video.evaluate("v => v.textTracks[0].cues[1].text") == (
        "[Words on screen: What happens at a meeting]"
    )
    # The film can be scrubbed: the server answers byte ranges, so it is seekable.
    browser_page.wait_for_function("() => document.querySelector('video').readyState >= 1")
    assert video.evaluate("v => v.seekable.length === 1 && v.seekable.end(0) > 5")
    video.evaluate(
        "v => new Promise(done => { v.addEventListener('seeked', done, {once: true});"
        " v.currentTime = 5; })"
    )
    assert video.evaluate("v => v.currentTime") >= 5
    assert all(url.startswith(live_site.url) for url in requests), requests


def test_youtube_player_loads_only_after_a_click(live_site, browser_page):
    from films.factories import FilmPageFactory
    from films.models import FilmIndexPage

    film = FilmPageFactory(
        parent=english(FilmIndexPage).get(),
        title="Also on YouTube",
        youtube_url="https://youtu.be/abcdefghijk",
    )
    film.save_revision().publish()
    third_party = []

    def fake_youtube(route):
        third_party.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<p>player</p>")

    browser_page.route("https://www.youtube-nocookie.com/**", fake_youtube)
    browser_page.on(
        "request",
        lambda r: None if r.url.startswith(live_site.url) else third_party.append(r.url),
    )
    browser_page.goto(live_site.url + film.url)
    browser_page.wait_for_load_state("networkidle")
    assert third_party == []
    assert browser_page.locator("iframe").count() == 0
    button = browser_page.get_by_role("button", name="Load the YouTube player")
    button.click()
    frame = browser_page.locator("iframe.rj-youtube__frame")
    frame.wait_for()
    assert frame.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/abcdefghijk"
    )
    assert frame.get_attribute("title") == "Also on YouTube (YouTube)"
    assert run_axe(browser_page) == []


def test_youtube_link_works_without_javascript(live_site, chromium):
    from films.factories import FilmPageFactory
    from films.models import FilmIndexPage

    film = FilmPageFactory(
        parent=english(FilmIndexPage).get(), youtube_url="https://youtu.be/abcdefghijk"
    )
    film.save_revision().publish()
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_site.url + film.url)
        assert not page.get_by_role("button", name="Load the YouTube player").is_visible()
        link = page.get_by_role("link", name=f"Watch {film.title} on YouTube")
        assert link.get_attribute("href") == "https://www.youtube.com/watch?v=abcdefghijk"
        # Filters and search are plain GET forms.
        page.goto(live_site.url + "/case-studies/")
        page.select_option("#id_setting", "prison")
        page.get_by_role("button", name="Show stories").click()
        assert "setting=prison" in page.url
        assert page.locator(".rj-story-list__item").count() == 1
        page.fill("#header-search", "letter")
        page.locator(".rj-header-search button").click()
        assert "/search/?q=letter" in page.url
        assert page.locator(".rj-search-results__item").count() >= 1
    finally:
        context.close()
