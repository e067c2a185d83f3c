"""Events in a real Chromium: filters without JavaScript, the printed RJ Week
programme and calendar files (axe and small screens: tests/test_every_page_browser.py)."""

import io
from pathlib import Path

import pypdf
import pytest

from django.utils import timezone

from events.models import EventPage
from tests.conftest import english

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_filters_work_without_javascript(live_site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/events/past/")
    page.get_by_label("Who it is for").select_option(label="Professionals")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url("**/events/past/?*audience=professionals*")
    titles = page.locator(".rj-event__title").all_text_contents()
    assert titles and all(
        english(EventPage).get(title=title.strip()).audience == "professionals" for title in titles
    )
    assert page.get_by_label("Who it is for").input_value() == "professionals"
    context.close()


def test_printed_programme_is_the_events_on_one_or_two_pages(live_site, browser_page):
    year = timezone.localdate().year
    browser_page.goto(live_site.url + f"/events/rj-week/{year}/")
    browser_page.emulate_media(media="print")
    assert browser_page.get_by_role("heading", level=1).is_visible()
    assert browser_page.get_by_role("heading", name="Open afternoon: meet the team").is_visible()
    assert not browser_page.locator(".rj-quick-exit").is_visible()
    assert not browser_page.get_by_role("navigation", name="Menu").is_visible()
    assert not browser_page.get_by_role("link", name="Download the programme as a PDF").is_visible()
    assert browser_page.get_by_text("Find out more and book at").is_visible()
    # Chromium's own print to PDF, with the print stylesheet.
    pdf = browser_page.pdf(format="A4", print_background=True)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2, len(reader.pages)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Open afternoon: meet the team" in text
    assert "Exit this page" not in text
    # On screen, the print-only line is hidden and the PDF link shows.
    browser_page.emulate_media(media="screen")
    assert not browser_page.get_by_text("Find out more and book at").is_visible()
    assert browser_page.get_by_role("link", name="Download the programme as a PDF").is_visible()


def test_calendar_file_downloads_from_the_event_page(live_site, browser_page):
    event = EventPage.objects.live().filter(awareness_week__isnull=False).first()
    browser_page.goto(live_site.url + event.url)
    link = browser_page.get_by_role("link", name="Download a calendar file (.ics)")
    if not link.count():
        # Past events offer no calendar file; use one that is still to come.
        event = EventPage.objects.live().upcoming().filter(status="scheduled").first()
        browser_page.goto(live_site.url + event.url)
        link = browser_page.get_by_role("link", name="Download a calendar file (.ics)")
    with browser_page.expect_download() as download:
        link.click()
    path = download.value.path()
    assert Path(path).read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert download.value.suggested_filename == f"{event.slug}.ics"


# Each select's longest option, measured in the select's own font, fits inside it.
SELECT_FITS_SCRIPT = """() => [...document.querySelectorAll('.rj-event-filters select')].map(select => {
  const style = getComputedStyle(select);
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const widest = Math.max(...[...select.options].map(o => context.measureText(o.text).width));
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {name: select.name, widest: Math.ceil(widest), room: Math.floor(room)};
})"""


def test_filter_choices_are_not_cut_short(live_site, browser_page):
    page = browser_page
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for url in ("/events/", "/pl/events/"):
            page.goto(live_site.url + url)
            for select in page.evaluate(SELECT_FITS_SCRIPT):
                assert select["widest"] <= select["room"], (url, width, select)


def test_in_arabic_the_rj_week_checkbox_is_on_the_right_of_its_label(live_site, browser_page):
    page = browser_page
    page.goto(live_site.url + "/ar/events/")
    box = page.locator("#id_rj_week").bounding_box()
    label = page.locator("label[for=id_rj_week]").bounding_box()
    assert box["x"] > label["x"], (box, label)
    page.goto(live_site.url + "/events/")
    box = page.locator("#id_rj_week").bounding_box()
    label = page.locator("label[for=id_rj_week]").bounding_box()
    assert box["x"] < label["x"]
