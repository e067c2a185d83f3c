"""The questions of an empty form are drawn once and kept: every visitor sees the
same questions, and a change to what they show is seen at once."""

import re

import pytest

from selfreferral.models import Area

pytestmark = pytest.mark.django_db

TOKENS = re.compile(r'name="(csrfmiddlewaretoken|form_token)" value="[^"]*"')


def _form(response):
    html = response.text
    start = html.index("rj-referral-form")
    return TOKENS.sub("", html[start : html.index("</form>", start)])


def test_every_visitor_gets_the_same_questions_and_a_renamed_area_at_once(
    client, referral_page, django_assert_max_num_queries
):
    first = _form(client.get(referral_page.url))
    client.cookies.clear()
    with django_assert_max_num_queries(10):
        second = _form(client.get(referral_page.url))
    assert first == second
    area = Area.objects.get(name="Saltcombe")
    area.public_area.name = "Saltcombe and the islands"
    area.public_area.save()  # the service area follows its public area
    client.cookies.clear()
    assert "Saltcombe and the islands" in _form(client.get(referral_page.url))


def test_answers_kept_after_a_refusal_are_never_the_kept_questions(client, referral_page):
    from tests.conftest import submit

    client.get(referral_page.url)  # the empty questions, kept
    response = submit(client, name="Robin Kept", consent=None)  # refused: consent missing
    assert response.status_code == 200
    assert 'value="Robin Kept"' in response.text
