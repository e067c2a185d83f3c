"""Property-based tests: whatever text arrives in any field, the form answers
with a page or a redirect (never a 500), and invalid answers store nothing."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from selfreferral import questions as q
from selfreferral.models import Referral
from tests.conftest import answers, form_token

pytestmark = pytest.mark.django_db

FIELDS = [*q.QUESTIONS, "form_token", "src", "website"]
# Any unicode text, including control characters, lone surrogates are not
# encodable in a request, so they are left out.
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
SETTINGS = hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def relaxed_guards(settings):
    settings.SELF_REFERRAL_RATE_LIMIT = 0


@SETTINGS
@given(changes=st.dictionaries(st.sampled_from(FIELDS), ANY_TEXT, max_size=6))
def test_arbitrary_text_in_any_field_never_causes_a_500(
    client, referral_page, relaxed_guards, changes
):
    data = answers()
    data["form_token"] = form_token(client)
    data.update(changes)
    before = Referral.objects.count()
    response = client.post("/self-referral/", data)
    assert response.status_code in (200, 302, 400)
    if response.status_code == 302:
        assert Referral.objects.count() == before + 1
        referral = Referral.objects.latest("pk")
        # What was stored is what was typed (trimmed), never something else.
        for name in ("name", "safe_times", "support_needs"):
            assert getattr(referral, name) == data.get(name, "").strip().replace("\r\n", "\n")
    else:
        assert Referral.objects.count() == before


@SETTINGS
@given(changes=st.dictionaries(st.sampled_from(FIELDS), ANY_TEXT, max_size=6))
def test_without_consent_nothing_is_ever_stored(client, referral_page, relaxed_guards, changes):
    data = answers()
    data["form_token"] = form_token(client)
    data.update(changes)
    data.pop("consent", None)
    response = client.post("/self-referral/", data)
    assert response.status_code in (200, 400)
    assert not Referral.objects.exists()


@SETTINGS
@given(
    raw=st.binary(max_size=400),
    name=st.binary(min_size=1, max_size=60),
)
def test_arbitrary_bytes_in_the_body_never_cause_a_500(
    client, referral_page, relaxed_guards, raw, name
):
    token = form_token(client)
    body = raw + b"&name=" + name + b"&form_token=" + token.encode()
    response = client.post(
        "/self-referral/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 302, 400)
