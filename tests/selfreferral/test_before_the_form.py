"""Before the form: who can use it, what happens, the policies on domestic abuse,
sexual harm and sexual offences, the Victims' Code and where to go instead. Written
by the comms team in the page's own fields, translated with the page."""

import re

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text

from selfreferral.models import SelfReferralPage

pytestmark = pytest.mark.django_db

SECTIONS = (
    "Who can use this form",
    "What happens next",
    "Domestic abuse, sexual harm and sexual offences",
    "Your right to information about restorative justice",
    "If we cannot help, or you need help now",
)


def before_the_form(html):
    return html[html.index("<h1") : html.index('class="rj-referral-form"')]


def test_the_page_says_who_can_use_it_and_where_else_to_go_before_the_form(client, referral_page):
    html = client.get("/self-referral/").text
    before = before_the_form(html)
    positions = [before.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)
    assert "you are asking for someone else who knows about it and agrees" in before
    # The policy on people convicted of sexual offences, and who decides.
    assert "convicted of a sexual offence, we cannot take a referral from you" in before
    assert "specialists decide" in before
    assert "the Victims' Code gives you the right to be told about restorative justice" in before
    assert "If you are in danger now, call 999." in before
    # The policies fold away (no JavaScript needed): the form stays near the top.
    assert re.search(r'<details class="govuk-details" id="sensitive-cases">', before)
    assert re.search(r'<details class="govuk-details" id="victims-code">', before)
    # Said once: "What happens next" is no longer repeated at the end of the form.
    assert html.count("What happens next") == 1


def test_a_part_left_empty_is_left_out(client, referral_page):
    referral_page.sensitive_cases = ""
    referral_page.where_else = ""
    referral_page.save_revision().publish()
    html = client.get("/self-referral/").text
    assert "Domestic abuse, sexual harm and sexual offences" not in html
    assert "If we cannot help, or you need help now" not in html
    assert "Who can use this form" in html


def page_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": rich_text(page.intro),
        "who_can_use": rich_text(page.who_can_use),
        "what_happens_next": rich_text(page.what_happens_next),
        "sensitive_cases": rich_text(page.sensitive_cases),
        "victims_code": rich_text(page.victims_code),
        "where_else": rich_text(page.where_else),
        "privacy_notice": rich_text(page.privacy_notice),
        "thank_you_heading": page.thank_you_heading,
        "thank_you_text": rich_text(page.thank_you_text),
        **changes,
    }
    return nested_form_data(data)


def test_the_comms_team_edits_each_part_with_help_text(client, referral_page, editor):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[referral_page.pk])
    form = client.get(url).text
    assert "Before the form" in form
    for name in ("who_can_use", "sensitive_cases", "victims_code", "where_else"):
        assert f'name="{name}"' in form, name
    assert "the policy on self-referrals from people convicted of sexual offences" in form
    response = client.post(
        url,
        page_data(
            referral_page,
            where_else=rich_text("<p>Call the Saltcombe helpline on 0300 000 0000.</p>"),
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    draft = SelfReferralPage.objects.get(pk=referral_page.pk).get_latest_revision_as_object()
    assert "Saltcombe helpline" in draft.where_else
    # A draft until it is approved: the public page has not changed yet.
    assert "Saltcombe helpline" not in client.get("/self-referral/").text
    draft.save_revision().publish()
    assert "Saltcombe helpline" in client.get("/self-referral/").text


@pytest.mark.parametrize(
    ("code", "heading", "content"),
    [
        ("pl", "Kto może skorzystać z tego formularza", "Jeśli skazano Cię za przestępstwo"),
        ("ne", "यो फारम कसले प्रयोग गर्न सक्छ", "यौन अपराधमा दोषी ठहर"),
        ("ar", "من يمكنه استخدام هذا النموذج", "إذا صدر بحقك حكم بالإدانة في جريمة جنسية"),
    ],
)
def test_the_translated_pages_say_it_in_their_language(client, demo_site, code, heading, content):
    html = client.get(f"/{code}/self-referral/").text
    before = before_the_form(html)
    assert heading in before and content in before
    assert "Who can use this form" not in before
    assert "convicted of a sexual offence" not in before
