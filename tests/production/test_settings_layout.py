"""site/settings.py stays one module, read top to bottom by concern: each group of
settings under a heading, each setting under its own group, each comment beside the
setting it explains."""

import re
from pathlib import Path

SETTINGS = Path(__file__).resolve().parents[2] / "site" / "settings.py"
HEADING = re.compile(r"^# =+\n# (?P<title>[^\n]+)\n(?:#[^\n]*\n)*?# =+$", re.M)


def groups():
    """{heading: the settings assigned under it}, in the file's order."""
    text = SETTINGS.read_text()
    headings = list(HEADING.finditer(text))
    found = {}
    for number, heading in enumerate(headings):
        end = headings[number + 1].start() if number + 1 < len(headings) else len(text)
        body = text[heading.end() : end]
        found[heading["title"]] = re.findall(r"^([A-Z][A-Z0-9_]*)(?: = |\[)", body, re.M)
    return text, headings, found


def test_every_setting_sits_under_a_heading():
    text, headings, found = groups()
    assert len(found) >= 10
    before_first = text[: headings[0].start()]
    assert not re.findall(r"^[A-Z][A-Z0-9_]* = ", before_first, re.M)
    assert all(found.values()), "a heading with no settings under it"


def test_settings_live_with_their_concern():
    _, _, found = groups()

    def group_of(name):
        return next(title for title, names in found.items() if name in names)

    assert group_of("TASKS") == group_of("HEALTHZ_MAX_TASK_LAG_SECONDS")
    assert group_of("PAGE_PDF_CACHE_SECONDS") == group_of("CASE_STUDIES_PER_PAGE")
    assert group_of("BENCH_BARE_VIEW") == group_of("DEMO_REFERRALS")
    assert group_of("BENCH_BARE_VIEW") != group_of("TASKS")
    assert group_of("SELF_REFERRAL_SUPPRESS_BELOW") == group_of("SELF_REFERRAL_RETENTION_DAYS")
    assert group_of("WAGTAILADMIN_BASE_URL") == group_of("WAGTAIL_SITE_NAME")


def test_the_suppression_comment_is_beside_its_setting():
    text = SETTINGS.read_text()
    assert re.search(
        r"# Published figures never show a count below this \(small-number suppression\)\.\n"
        r"SELF_REFERRAL_SUPPRESS_BELOW = ",
        text,
    )
