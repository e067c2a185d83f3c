"""Quality checks: heading levels (an error), link text (a warning), alt text,
and the content checker's rules."""

import json

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.blocks import StreamBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.checks import SiteContentChecker, link_text_warnings
from home.blocks import BodyBlock, RichTextBlock
from home.models import HomePage, StandardPage
from home.validators import link_text_problem, link_text_problems, validate_heading_order
from tests.conftest import english

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "html",
    [
        "<h2>A</h2><h4>B</h4>",
        "<h2>A</h2><h3>B</h3><h2>C</h2><h4>D</h4>",
        "<h4>Starts too deep</h4>",
        "<h1>Another page title</h1>",
    ],
)
def test_skipped_heading_levels_are_an_error(html):
    with pytest.raises(ValidationError) as error:
        validate_heading_order(html)
    assert "level" in str(error.value)


@pytest.mark.parametrize(
    "html",
    [
        "<p>No headings</p>",
        "<h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2>",
        "<h3>Continues a section</h3><p>text</p><h3>Another</h3>",
        "<h2>A</h2><h3>B</h3><h2>C</h2>",
    ],
)
def test_heading_levels_that_step_down_one_at_a_time_are_fine(html):
    validate_heading_order(html)


def test_rich_text_block_rejects_skipped_headings():
    block = RichTextBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python("<h2>What happens</h2><h4>Then</h4>"))


def test_body_rejects_skips_across_blocks():
    block = BodyBlock()
    value = block.to_python(
        [
            {"type": "text", "value": "<h2>Who it is for</h2><p>Anyone.</p>"},
            {"type": "text", "value": "<h3>Victims</h3><p>Yes.</p>"},
            {"type": "text", "value": "<h2>What happens</h2><p>A call.</p>"},
        ]
    )
    block.clean(value)
    bad = block.to_python([{"type": "text", "value": "<h3>Starts at level 3</h3>"}])
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(bad)
    assert 0 in error.value.block_errors


def test_editor_sees_the_heading_error_in_the_admin(client, demo_site, admin_user):
    client.force_login(admin_user)
    page = english(StandardPage).get(slug="is-it-safe")
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([("text", rich_text("<h2>Before</h2><h4>Skipped</h4>"))]),
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the error
    assert "cannot skip a level" in response.text
    page.refresh_from_db()
    assert "Skipped" not in json.dumps(list(page.body.raw_data))


def test_home_page_summary_field_checks_headings():
    home = HomePage(
        title="Home", slug="home-test", hero_heading="Hello", summary="<h2>A</h2><h4>B</h4>"
    )
    with pytest.raises(ValidationError) as error:
        home.full_clean(exclude=["path", "depth", "locale", "translation_key", "content_type"])
    assert "summary" in error.value.message_dict


@pytest.mark.parametrize(
    "text",
    [
        "click here",
        "Click here.",
        "Read more",
        "here",
        "https://example.org/privacy",
        "www.example.org",
    ],
)
def test_vague_link_text_is_flagged(text):
    assert link_text_problem(text, "https://example.org/privacy")


@pytest.mark.parametrize(
    "text", ["Read our privacy notice", "Victim Support", "Call 999 in an emergency"]
)
def test_descriptive_link_text_is_fine(text):
    assert link_text_problem(text, "https://example.org/x") is None


def test_link_text_problems_in_rich_text():
    html = '<p>To refer yourself <a href="/self-referral/">click here</a> or see <a href="https://x.org">https://x.org</a>.</p><p><a href="/privacy/">Our privacy notice</a></p>'
    assert len(link_text_problems(html)) == 2


def test_saving_warns_about_link_text_but_still_saves(client, demo_site, admin_user):
    client.force_login(admin_user)
    page = english(StandardPage).get(slug="is-it-safe")
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield(
                [
                    (
                        "text",
                        rich_text(
                            '<h2>Help</h2><p>For support <a href="https://www.victimsupport.org.uk/">click here</a>.</p>'
                        ),
                    )
                ]
            ),
        }
    )
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any('"click here" does not say where the link goes' in m for m in messages)
    page.refresh_from_db()
    assert "click here" in json.dumps(page.get_latest_revision().content)


def test_button_text_is_checked_too(demo_site):
    home = english(HomePage).get()
    home.calls_to_action = [
        {
            "type": "call_to_action",
            "value": {
                "heading": "Refer yourself",
                "text": "",
                "page": None,
                "url": "https://example.org",
                "link_text": "Click here",
            },
        }
    ]
    assert any("Click here" in w for w in link_text_warnings(home))
    assert link_text_warnings(english(StandardPage).get(slug="is-it-safe")) == []


def test_content_checker_runs_wcag_22_aa_and_the_sites_rules(rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    config = SiteContentChecker().get_axe_configuration(request)
    run_only = config["options"]["runOnly"]
    assert {"wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"} <= set(run_only)
    assert config["options"]["rules"]["heading-order"] == {"enabled": True}
    rule_ids = {rule["id"] for rule in config["spec"]["rules"]}
    assert {"rj-link-text", "alt-text-quality"} <= rule_ids
    assert "rj-link-text" in config["messages"]


def test_editor_checks_panel_uses_the_sites_checker(client, demo_site, admin_user):
    client.force_login(admin_user)
    page = english(StandardPage).get(slug="is-it-safe")
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    html = response.text
    assert "rj-link-text" in html  # the axe configuration the Checks panel runs
    # Content metrics: word count, reading time and readability.
    for hook in (
        "data-content-word-count",
        "data-content-reading-time",
        "data-content-readability-score",
    ):
        assert hook in html


def test_user_bar_on_a_page_uses_the_sites_checker(client, demo_site, admin_user):
    client.force_login(admin_user)
    response = client.get("/is-it-safe/")
    assert "rj-link-text" in response.text
