"""Fixtures for the kiosk tests: a kiosk, and a test client enrolled as it."""

import pytest

from kiosk.factories import KioskFactory
from tests.conftest import TOKEN_RE, answers


def enrol(client, kiosk):
    """Enrol `client` as `kiosk` the way an administrator does: open the link, confirm."""
    token = kiosk.new_enrolment_token()
    response = client.post(f"/kiosk/enrol/{token}/")
    assert response.status_code == 302
    kiosk.refresh_from_db()
    return response


@pytest.fixture
def kiosk(db):
    return KioskFactory()


@pytest.fixture
def kiosk_client(client, kiosk):
    enrol(client, kiosk)
    return client


def kiosk_answers(**changes):
    """The kiosk's questions answered: no phone, email or calling times in a prison."""
    kiosk = {
        "role": "caused",
        "name": "Sam Example",
        "preferred_contact": "professional",
        "address": "My offender manager, Jo Smith, at HMP Fenmoor",
        "prison_number": "A1234BC",
        "safe_to_leave_message": "yes",
        "what_happened": "",
        "phone": None,
        "email": None,
        "safe_times": None,
    }
    return answers(**{**kiosk, **changes})


def send_kiosk_referral(client, **changes):
    page = client.get("/kiosk/referral/")
    data = kiosk_answers(**changes)
    data.setdefault("form_token", TOKEN_RE.search(page.text).group(1))
    return client.post("/kiosk/referral/", data)
