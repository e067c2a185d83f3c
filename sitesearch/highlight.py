"""Short extracts of a page around the words searched for, with those words marked.

Everything is escaped first; only the <mark> tags added here are trusted."""

import re

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

WORD = re.compile(r"\w+", re.UNICODE)
EXTRACT_WORDS = 32


def search_terms(query):
    """The words of a query worth marking (two letters or more), longest first."""
    words = {w.lower() for w in WORD.findall(query or "") if len(w) > 1}
    return sorted(words, key=len, reverse=True)


def page_text(page):
    """The plain text a page is searched by, in the order its search fields are declared."""
    parts = []
    for field in page.search_fields:
        if not isinstance(field, index.SearchField) or field.field_name == "title":
            continue
        value = getattr(page, field.field_name, None)
        if value is None or callable(value):
            continue
        try:
            model_field = page._meta.get_field(field.field_name)
        except FieldDoesNotExist:  # a search field may be a property, not a model field
            model_field = None
        if isinstance(model_field, StreamField):
            parts.extend(model_field.stream_block.get_searchable_content(value))
        elif isinstance(model_field, RichTextField):
            parts.append(strip_tags(value))
        elif isinstance(value, str):
            parts.append(value)
    text = " ".join(strip_tags(part) for part in parts if part)
    return re.sub(r"\s+", " ", text).strip()


def extract(text, terms, words=EXTRACT_WORDS):
    """About `words` words of `text`, starting a little before the first searched-for word."""
    tokens = text.split(" ")
    if not tokens or tokens == [""]:
        return ""
    start = 0
    if terms:
        pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
        for i, token in enumerate(tokens):
            if pattern.search(token):
                start = max(0, i - 6)
                break
    chosen = tokens[start : start + words]
    result = " ".join(chosen)
    if start > 0:
        result = "… " + result
    if start + words < len(tokens):
        result += " …"
    return result


def highlight(text, terms):
    """`text` escaped, with each searched-for word wrapped in <mark>.

    The text is split on the matches first and every piece escaped on its own, so a
    search can never match inside an escaped entity such as &amp;."""
    if not terms:
        return escape(text)
    pattern = re.compile("(" + "|".join(re.escape(t) for t in terms) + ")", re.IGNORECASE)
    pieces = pattern.split(text)
    # re.split with one group alternates: text, match, text, match, ...
    html = "".join(
        f"<mark>{escape(piece)}</mark>" if i % 2 else escape(piece)
        for i, piece in enumerate(pieces)
    )
    return mark_safe(html)  # noqa: S308 - every piece is escaped above


def result_snippet(text, description, query):
    """A few words around the first match in a page's `text` (else its search
    `description`), with the matches marked."""
    terms = search_terms(query)
    text = text or description or ""
    if description and not any(t in text.lower() for t in terms):
        text = description
    return highlight(extract(text, terms), terms)


def highlight_title(title, query):
    return highlight(title, search_terms(query))
