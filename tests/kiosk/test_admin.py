"""Kiosks in the admin: only site administrators make enrolment links and revoke."""

import re

import pytest

from django.contrib.auth.models import Group

from cms.roles import COMMS_APPROVERS, COMMS_EDITORS, SITE_ADMINISTRATORS
from kiosk.devices import COOKIE_NAME

LINK_RE = re.compile(r'value="(http://testserver/kiosk/enrol/[^"]+/)"')


def test_site_administrators_look_after_kiosks_and_nobody_else_does(db):
    # Granted after `migrate` (cms/apps.py), as on a real install.
    site_admins = Group.objects.get(name=SITE_ADMINISTRATORS).permissions
    assert site_admins.filter(content_type__app_label="kiosk", codename="change_kiosk").exists()
    for role in (COMMS_EDITORS, COMMS_APPROVERS):
        permissions = Group.objects.get(name=role).permissions
        assert not permissions.filter(content_type__app_label="kiosk").exists()


def test_site_administrator_enrols_a_device_with_a_one_time_link(client, kiosk, site_admin):
    client.force_login(site_admin)
    listing = client.get("/admin/snippets/kiosk/kiosk/")
    assert listing.status_code == 200
    assert kiosk.name in listing.text
    assert f"/admin/kiosks/{kiosk.pk}/enrolment-link/" in listing.text

    asked = client.get(f"/admin/kiosks/{kiosk.pk}/enrolment-link/")
    assert asked.status_code == 200
    assert not LINK_RE.search(asked.text)  # a link is only made on purpose

    made = client.post(f"/admin/kiosks/{kiosk.pk}/enrolment-link/")
    assert made.status_code == 200
    assert "no-store" in made["Cache-Control"]
    link = LINK_RE.search(made.text).group(1)
    kiosk.refresh_from_db()
    assert link.rsplit("/", 2)[-2] not in kiosk.enrolment_token_hash  # only a hash is kept

    device = client.__class__()
    enrolled = device.post(link.replace("http://testserver", ""))
    assert enrolled.status_code == 302
    assert COOKIE_NAME in enrolled.cookies


def test_site_administrator_revokes_a_kiosk(client, kiosk_client, kiosk, site_admin):
    client.force_login(site_admin)
    edit = client.get(f"/admin/snippets/kiosk/kiosk/edit/{kiosk.pk}/")
    assert edit.status_code == 200
    assert f"/admin/kiosks/{kiosk.pk}/revoke/" in edit.text
    assert client.get(f"/admin/kiosks/{kiosk.pk}/revoke/").status_code == 200
    response = client.post(f"/admin/kiosks/{kiosk.pk}/revoke/")
    assert response.status_code == 302
    kiosk.refresh_from_db()
    assert kiosk.revoked_at is not None
    assert "This kiosk is not in use" in kiosk_client.get("/kiosk/").text


def test_site_administrator_edits_the_eligibility_notice(client, kiosk, site_admin):
    client.force_login(site_admin)
    response = client.post(
        f"/admin/snippets/kiosk/kiosk/edit/{kiosk.pk}/",
        {"name": kiosk.name, "eligibility_notice": "No self-referrals for arson here."},
    )
    assert response.status_code == 302
    kiosk.refresh_from_db()
    assert kiosk.eligibility_notice == "No self-referrals for arson here."


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_comms_team_cannot_enrol_or_revoke(client, kiosk, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/admin/snippets/kiosk/kiosk/").status_code in (302, 403)
    assert client.post(f"/admin/kiosks/{kiosk.pk}/enrolment-link/").status_code in (302, 403)
    assert client.post(f"/admin/kiosks/{kiosk.pk}/revoke/").status_code in (302, 403)
    kiosk.refresh_from_db()
    assert kiosk.enrolment_token_hash == ""
    assert kiosk.revoked_at is None
