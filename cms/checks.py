"""The quality checks editors see before publishing.

- In the editor's Checks panel and the user bar: axe-core with the WCAG 2.2 AA
  rules, heading order, Wagtail's alt-text and meta-description checks, and a
  rule for unclear link text. Wagtail's Checks panel also shows the content
  metrics (word count, reading time, readability).
- After saving: a warning for each unclear link (see home/validators.py for why
  this is a warning and skipped headings an error).
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.userbar import ContentCheckerItem
from wagtail.fields import RichTextField, StreamField

from home.validators import link_text_problem, link_text_problems

# The same WCAG 2.2 AA tags the site's own browser tests use.
WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


class SiteContentChecker(ContentCheckerItem):
    """Wagtail's content checker with this site's rules."""

    axe_run_only = WCAG_22_AA_TAGS + ["rj-content"]
    # Best-practice rules worth an editor's attention, on top of the WCAG ones.
    axe_rules = {
        "heading-order": {"enabled": True},
        "empty-heading": {"enabled": True},
        "p-as-heading": {"enabled": True},
    }
    axe_custom_rules = ContentCheckerItem.axe_custom_rules + [
        {
            # Links marked by the preview (PreviewModesMixin.serve_preview) whose
            # text is vague ("click here") or a bare web address.
            "id": "rj-link-text",
            "impact": "serious",
            "selector": "a[data-rj-link-text]",
            "tags": ["rj-content"],
            "none": ["rj-link-text-unclear"],
            "enabled": True,
        },
    ]
    axe_custom_checks = ContentCheckerItem.axe_custom_checks + [
        {
            "id": "rj-link-text-unclear",
            "evaluate": "matches-definition-evaluate",
            "options": {"matcher": {"attributes": {"data-rj-link-text": "unclear"}}},
        },
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "rj-link-text": {
            "error_name": _("Link text does not say where the link goes"),
            "help_text": _(
                "Replace 'click here', 'read more' or a web address with words about the page"
            ),
        },
        "heading-order": {
            "error_name": _("Heading levels skip a level"),
            "help_text": _("Go down one level at a time: level 2, then level 3"),
        },
    }


def _strings(value):
    """Every string inside a StreamField's stored JSON, with its key."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                yield key, item
            else:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def link_text_warnings(page):
    """A message for each unclear link in the page's rich text and buttons."""
    page = page.specific
    problems = []
    for field in page._meta.get_fields():
        if isinstance(field, RichTextField):
            problems += link_text_problems(getattr(page, field.name))
        elif isinstance(field, StreamField):
            stored = field.get_prep_value(getattr(page, field.name))
            for key, text in _strings(stored_json(stored)):
                if key == "link_text":
                    problem = link_text_problem(text)
                    problems += [problem] if problem else []
                elif "<a" in text:
                    problems += link_text_problems(text)
    # The same wording twice is one message.
    return list(dict.fromkeys(problems))


def stored_json(stored):
    import json

    return json.loads(stored) if isinstance(stored, str) else stored
