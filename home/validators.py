"""Quality rules for what editors write: heading levels, link text, source codes.

Skipped heading levels stop the page making sense to screen-reader users, so
they are an error: the page cannot be saved until they are fixed. Vague link
text ("click here", a bare web address) is a warning: sometimes it is the best
an editor can do, so it is shown after saving and in the editor's Checks panel,
but does not block saving.
"""

import re

from bs4 import BeautifulSoup

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# A `?src=` code (a leaflet's distribution point, a referral link): short enough to
# print in a leaflet's web address. Codes a visitor sends are matched against those
# entered here (selfreferral/sources.py).
source_code_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9-]{0,19}$",
    _("Use up to 20 lower-case letters, numbers and hyphens, for example 'gp' or 'ae-saltcombe'."),
)

HEADING_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"]

# Link text that does not say where the link goes (compared lower-case, without punctuation).
VAGUE_LINK_TEXT = {
    "click here",
    "click",
    "here",
    "read more",
    "more",
    "learn more",
    "find out more",
    "more info",
    "more information",
    "link",
    "this link",
    "this page",
    "go",
    "continue",
    "details",
}
URL_PATTERN = re.compile(r"^(https?://|www\.)\S+$|^\S+\.(com|org|uk|net|gov|nhs)(/\S*)?$", re.I)


def _html(value):
    """The HTML of a rich text value (a RichText object or a string)."""
    return getattr(value, "source", value) or ""


def heading_levels(value):
    soup = BeautifulSoup(_html(value), "html.parser")
    return [int(tag.name[1]) for tag in soup.find_all(HEADING_TAGS)]


def heading_order_problem(levels, previous=1):
    """The first skipped level in `levels` after a heading at level `previous`, as a message."""
    for level in levels:
        if level > previous + 1:
            return (
                f"A level {level} heading follows a level {previous} heading. Headings cannot skip "
                f"a level: use a level {previous + 1} heading here, or change the heading above it."
            )
        previous = level
    return None


def validate_heading_order(value):
    """No heading may be more than one level below the heading before it (h2 then h4 is wrong).

    A piece of text may start with a level 2 or level 3 heading, because it can
    continue a section that an earlier block started."""
    levels = heading_levels(value)
    if not levels:
        return
    if levels[0] == 1:
        problem = "Level 1 is the page title. Start with a level 2 heading."
    elif levels[0] > 3:
        problem = heading_order_problem(levels, previous=1)
    else:
        problem = heading_order_problem(levels[1:], previous=levels[0])
    if problem:
        raise ValidationError(problem, code="heading_order")


def link_text_problem(text, href=""):
    """Why `text` is poor link text, or None if it is fine."""
    words = re.sub(r"[^\w\s.:/-]", "", text).strip().lower()
    words = re.sub(r"\s+", " ", words).rstrip(".")
    if not words:
        return None  # empty link text is axe's "link-name" rule
    if words in VAGUE_LINK_TEXT:
        return (
            f'The link text "{text.strip()}" does not say where the link goes. Use words that '
            "describe the page or file, for example 'Read our privacy notice'."
        )
    bare = text.strip()
    if URL_PATTERN.match(bare) or (href and bare.rstrip("/") == href.rstrip("/")):
        return (
            f'The link text "{bare}" is a web address. Screen readers read it out letter by '
            "letter: use words that describe the page instead."
        )
    return None


def link_text_problems(value):
    """Messages for each poorly worded link in a piece of rich text."""
    html = _html(value)
    if "<a" not in html:
        return []
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for link in soup.find_all("a"):
        problem = link_text_problem(link.get_text(" "), link.get("href", ""))
        if problem:
            problems.append(problem)
    return problems


def mark_link_text_problems(html):
    """Mark poorly worded links in a rendered page, for the checker in the editor's preview."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main") or soup
    changed = False
    for link in main.find_all("a"):
        if link_text_problem(link.get_text(" "), link.get("href", "")):
            link["data-rj-link-text"] = "unclear"
            changed = True
    return str(soup) if changed else html
