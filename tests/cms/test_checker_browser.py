"""The content checker's own rules, run by axe-core in Chromium as the Checks panel runs them."""

import json

import pytest

from django.core.serializers.json import DjangoJSONEncoder
from django.test import RequestFactory

from cms.checks import SiteContentChecker
from home.validators import mark_link_text_problems
from tests.conftest import AXE_SOURCE

pytestmark = pytest.mark.browser


def run_site_checker(page, html):
    config = SiteContentChecker().get_axe_configuration(RequestFactory().get("/"))
    config = json.loads(json.dumps(config, cls=DjangoJSONEncoder))  # as the admin sends it
    page.set_content(html)
    page.evaluate(AXE_SOURCE.read_text())
    return page.evaluate(
        """async (config) => {
            axe.configure(config.spec);
            const results = await axe.run(document, config.options);
            return results.violations.map(v => v.id);
        }""",
        config,
    )


def test_unclear_link_text_is_reported_by_the_checker(browser_page):
    html = mark_link_text_problems(
        '<html lang="en"><head><title>T</title></head><body><main><h1>Help</h1>'
        '<p>For support <a href="https://example.org/">click here</a>.</p></main></body></html>'
    )
    assert "rj-link-text" in run_site_checker(browser_page, html)


def test_skipped_heading_is_reported_by_the_checker(browser_page):
    html = (
        '<html lang="en"><head><title>T</title></head><body><main><h1>Help</h1>'
        "<h3>Skipped a level</h3><p>Text.</p></main></body></html>"
    )
    assert "heading-order" in run_site_checker(browser_page, html)


def test_a_clean_page_passes_the_checker(browser_page):
    html = mark_link_text_problems(
        '<html lang="en"><head><title>T</title><meta name="description" content="Help"></head>'
        '<body><main><h1>Help</h1><h2>Support</h2><p>Read <a href="/privacy/">our privacy notice</a>.</p>'
        "</main></body></html>"
    )
    assert run_site_checker(browser_page, html) == []
