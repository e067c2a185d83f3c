"""One sweep over every public page, in every language and in kiosk mode, in a real
Chromium: axe-core finds nothing (WCAG 2.2 AA), nothing scrolls sideways at
640 and 320 CSS pixels wide (a 1280-pixel window at 200 % and 400 % zoom), and the
Nu HTML Checker finds no error in the HTML served (one run over all the pages of
a language, and the site's CSS once).

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

from feedback import invitations
from kiosk.models import Kiosk
from tests.conftest import run_axe
from tests.html_checker import CSS_FILES, nu_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (640, 320)
LANGUAGES = [code for code, _ in settings.LANGUAGES]


def routes():
    """Addresses that are not pages of their own: listings' states, search, errors."""
    year = timezone.localdate().year
    return [
        "/case-studies/?setting=school&perspective=&area=",
        "/case-studies/?setting=online&perspective=practitioner&area=",  # nothing matches
        "/case-studies/?setting=moon",  # a refused filter
        "/search/",
        "/search/?q=letter",
        "/search/?q=" + "a" * 300,  # too long: the error is shown
        "/events/past/",
        f"/events/rj-week/{year}/",
        "/events/?audience=professionals",
        "/progress/updates/",
        "/progress/updates/?recommendation=bad",  # a refused filter
        "/feedback/",  # where a printed slip's code is typed
        "/feedback/ABCDEFGHJKMN/",  # a used (or unknown) feedback link
        "/no-such-page/",
    ]


def public_urls(language_code):
    pages = Page.objects.live().public().filter(depth__gte=2, locale__language_code=language_code)
    prefix = "" if language_code == settings.LANGUAGE_CODE else f"/{language_code}"
    # The feedback survey, through an invitation of its own (looking does not use it up).
    survey = f"/feedback/{invitations.invite(outcome='meeting', channel='web', role='harmed')}/"
    return [page.url for page in pages.specific()] + [
        prefix + route for route in [*routes(), survey]
    ]


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


# Where each number in a phone link or a <time> is drawn, character by character: phone
# numbers must read left to right, and in right-to-left text the numbers of a date or
# time must come in the sentence's order, each one left to right ("18:00", not "00:18").
TEXT_ORDER_SCRIPT = r"""() => {
  const problems = [];
  function boxes(element) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const chars = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        chars.push({ch: node.data[i], x: rect.left + rect.width / 2, y: rect.top, w: rect.width});
      }
    }
    return chars;
  }
  for (const link of document.querySelectorAll("a[href^='tel:']")) {
    if (!link.getClientRects().length) continue;
    const shown = boxes(link).filter(c => c.w > 0 && c.ch.trim())
      .sort((a, b) => a.x - b.x).map(c => c.ch).join("");
    const written = link.textContent.replace(/\s/g, "");
    if (shown !== written) problems.push(`phone ${written} reads ${shown}`);
  }
  for (const time of document.querySelectorAll("time")) {
    // Words in a right-to-left script, whatever language or direction their container says.
    if (!time.getClientRects().length || !/[\u0590-\u08ff]/.test(time.textContent)) continue;
    const chars = boxes(time).filter(c => !/[\u2066-\u2069]/.test(c.ch));
    const text = chars.map(c => c.ch).join("");
    const numbers = [...text.matchAll(/\d+(?::\d+)?/g)];
    // Lines run top to bottom, and each line right to left.
    let previous = {line: -Infinity, centre: Infinity};
    for (const number of numbers) {
      const digits = chars.slice(number.index, number.index + number[0].length);
      const xs = digits.map(c => c.x);
      if (xs.some((x, i) => i && x < xs[i - 1])) problems.push(`${number[0]} reversed in "${text}"`);
      const here = {line: Math.round(digits[0].y), centre: (Math.min(...xs) + Math.max(...xs)) / 2};
      const sameLine = Math.abs(here.line - previous.line) < 4;
      if (here.line < previous.line - 4 || (sameLine && here.centre > previous.centre)) {
        problems.push(`${number[0]} out of order in "${text}"`);
      }
      previous = here;
    }
  }
  return problems;
}"""


def text_order_problems(page, url):
    """Numbers that a right-to-left page draws in the wrong order (at 1280 px, one line each)."""
    problems = page.evaluate(TEXT_ORDER_SCRIPT)
    return {f"{url} (text order)": problems} if problems else {}


def send_the_form_empty(page, form="form.rj-referral-form"):
    page.locator(f"{form} [type=submit]").click()
    page.wait_for_selector("[data-error-summary]")


@pytest.mark.parametrize("language_code", LANGUAGES)
def test_every_public_page_passes_axe_fits_a_small_screen_and_is_valid_html(
    live_site, browser_page, language_code, tmp_path
):
    page = browser_page
    urls = public_urls(language_code)
    assert len(urls) > len(routes()) + 10, "the demo should have pages in every language"
    failures, served = {}, {}
    for url in urls:
        served[url] = page.goto(live_site.url + url).text()
        failures.update(problems_on(page, url))
        failures.update(text_order_problems(page, url))
        for form in ("form.rj-referral-form", "form.rj-feedback-form"):
            if page.locator(form).count():
                send_the_form_empty(page, form)
                served[url + " (with errors)"] = page.content()
                failures.update(problems_on(page, url + " (with errors)"))
    css = CSS_FILES if language_code == settings.LANGUAGE_CODE else ()
    failures.update(
        {f"Nu: {name}": errors for name, errors in nu_errors(served, tmp_path, css).items()}
    )
    assert failures == {}


def test_every_kiosk_page_passes_axe_fits_a_small_screen_and_is_valid_html(
    live_site, browser_page, tmp_path
):
    page = browser_page
    kiosk = Kiosk.objects.get(name="HMP Fenmoor (demo kiosk)")
    page.goto(f"{live_site.url}/kiosk/enrol/{kiosk.new_enrolment_token()}/")
    page.get_by_role("button", name="Make this device a kiosk").click()
    page.wait_for_url(f"{live_site.url}/kiosk/")
    # Every kiosk screen the start screen leads to, followed link by link.
    to_visit, seen, failures, served = ["/kiosk/"], set(), {}, {}
    while to_visit:
        url = to_visit.pop(0)
        if url in seen:
            continue
        seen.add(url)
        served[url] = page.goto(live_site.url + url).text()
        assert page.locator("body.rj-kiosk").count() == 1, url
        failures.update(problems_on(page, url))
        failures.update(text_order_problems(page, url))
        for form in ("form.rj-referral-form", "form.rj-feedback-form"):
            if page.locator(form).count():
                send_the_form_empty(page, form)
                served[url + " (with errors)"] = page.content()
                failures.update(problems_on(page, url + " (with errors)"))
        # Every screen in every language: /kiosk/..., /pl/kiosk/...
        links = page.eval_on_selector_all(
            "a[href^='/kiosk/'], a[href*='/kiosk/'][hreflang], a[href^='/pl/kiosk/'],"
            " a[href^='/ne/kiosk/'], a[href^='/ar/kiosk/']",
            "links => links.map(a => a.getAttribute('href'))",
        )
        to_visit += [link.split("#")[0] for link in links if link.split("#")[0] not in seen]
    assert len(seen) > 40 and "/ar/kiosk/" in seen, seen
    failures.update({f"Nu: {name}": errors for name, errors in nu_errors(served, tmp_path).items()})
    assert failures == {}
