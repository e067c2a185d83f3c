"""One sweep over every public page, in every language and in kiosk mode, in a real
Chromium: axe-core finds nothing (WCAG 2.2 AA), and nothing scrolls sideways at
640 and 320 CSS pixels wide (a 1280-pixel window at 200 % and 400 % zoom).

Every live page of the demo is visited, with the states a visitor reaches from
them: filtered and empty listings, search results and a refused query, events'
routes, a missing page, and the referral form with its errors shown. Other tests
do not run axe over pages again; they check what only they reach (a thank-you
page, a kiosk's idle warning, previews in the admin).
"""

import pytest

from django.conf import settings
from django.utils import timezone

from wagtail.models import Page

from kiosk.models import Kiosk
from tests.conftest import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (640, 320)
LANGUAGES = [code for code, _ in settings.LANGUAGES]


def routes():
    """Addresses that are not pages of their own: listings' states, search, errors."""
    year = timezone.localdate().year
    return [
        "/case-studies/?setting=school&perspective=&area=",
        "/case-studies/?setting=online&perspective=practitioner&area=",  # nothing matches
        "/search/",
        "/search/?q=letter",
        "/search/?q=" + "a" * 300,  # too long: the error is shown
        "/events/past/",
        f"/events/rj-week/{year}/",
        "/events/?audience=professionals",
        "/progress/updates/",
        "/progress/updates/?recommendation=bad",  # a refused filter
        "/no-such-page/",
    ]


def public_urls(language_code):
    pages = Page.objects.live().public().filter(depth__gte=2, locale__language_code=language_code)
    prefix = "" if language_code == settings.LANGUAGE_CODE else f"/{language_code}"
    return [page.url for page in pages.specific()] + [prefix + route for route in routes()]


def problems_on(page, url):
    """What is wrong with the page now shown: axe's violations, then sideways scrolling."""
    found = {}
    violations = run_axe(page)
    if violations:
        found["axe"] = violations
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            found[f"{width}px"] = f"{scroll_width}px wide"
    page.set_viewport_size({"width": 1280, "height": 800})
    return {url: found} if found else {}


def send_the_form_empty(page):
    page.locator("form.rj-referral-form [type=submit]").click()
    page.wait_for_selector("[data-error-summary]")


@pytest.mark.parametrize("language_code", LANGUAGES)
def test_every_public_page_passes_axe_and_fits_a_small_screen(
    live_site, browser_page, language_code
):
    page = browser_page
    urls = public_urls(language_code)
    assert len(urls) > len(routes()) + 10, "the demo should have pages in every language"
    failures = {}
    for url in urls:
        page.goto(live_site.url + url)
        failures.update(problems_on(page, url))
        if page.locator("form.rj-referral-form").count():
            send_the_form_empty(page)
            failures.update(problems_on(page, url + " (with errors)"))
    assert failures == {}


def test_every_kiosk_page_passes_axe_and_fits_a_small_screen(live_site, browser_page):
    page = browser_page
    kiosk = Kiosk.objects.get(name="HMP Fenmoor (demo kiosk)")
    page.goto(f"{live_site.url}/kiosk/enrol/{kiosk.new_enrolment_token()}/")
    page.get_by_role("button", name="Make this device a kiosk").click()
    page.wait_for_url(f"{live_site.url}/kiosk/")
    # Every kiosk screen the start screen leads to, followed link by link.
    to_visit, seen, failures = ["/kiosk/"], set(), {}
    while to_visit:
        url = to_visit.pop(0)
        if url in seen:
            continue
        seen.add(url)
        page.goto(live_site.url + url)
        assert page.locator("body.rj-kiosk").count() == 1, url
        failures.update(problems_on(page, url))
        if page.locator("form.rj-referral-form").count():
            send_the_form_empty(page)
            failures.update(problems_on(page, url + " (with errors)"))
        links = page.eval_on_selector_all(
            "a[href^='/kiosk/']", "links => links.map(a => a.getAttribute('href'))"
        )
        to_visit += [link.split("#")[0] for link in links if link.split("#")[0] not in seen]
    assert len(seen) > 10, seen
    assert failures == {}
