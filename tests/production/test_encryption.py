"""Referral personal details are encrypted at rest: a copy of the database alone
shows none of them; coordinators still read them; keys can be rotated."""

import importlib
import io

import pytest

from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from selfreferral.factories import ReferralFactory
from selfreferral.models import Referral
from tests.conftest import submit

from .helpers import production_env, run_python

pytestmark = pytest.mark.django_db

PERSON = {
    "name": "Morwenna Quillfeather",
    "phone": "020 7946 0321",
    "email": "morwenna.q@example.org",
    "address": "12 Lantern Row, Fenmoor",
    "what_happened": "Our neighbour Idris Pendleby smashed the greenhouse.",
}
RAW_COLUMNS = "name, phone, email, address, safe_times, what_happened"


def raw_rows():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {RAW_COLUMNS} FROM selfreferral_referral")  # noqa: S608
        return cursor.fetchall()


def test_a_submitted_referral_is_unreadable_in_the_raw_table(client, referral_page):  # noqa: F811
    response = submit(client, preferred_contact="email", **PERSON)
    assert response.status_code == 302
    rows = raw_rows()
    assert len(rows) == 1
    dump = " ".join(str(value) for value in rows[0])
    for value in [*PERSON.values(), "Weekdays after 3pm", "Morwenna", "7946", "Idris"]:
        assert value not in dump
    assert all(value.startswith("gAAAAA") for value in rows[0])
    # The application reads them as they were given.
    referral = Referral.objects.get()
    assert referral.name == PERSON["name"]
    assert referral.email == PERSON["email"]


def test_coordinators_still_see_and_change_the_details_in_the_admin(client):
    referral = ReferralFactory(**PERSON)
    admin = User.objects.create_superuser("admin-enc", "admin@example.org", "x" * 14)
    client.force_login(admin)
    url = reverse("wagtailsnippets_selfreferral_referral:edit", args=[referral.pk])
    page = client.get(url).text
    assert PERSON["name"] in page and PERSON["phone"] in page
    inspect = client.get(
        reverse("wagtailsnippets_selfreferral_referral:inspect", args=[referral.pk])
    )
    assert PERSON["what_happened"] in inspect.text


def test_blank_answers_stay_blank_and_the_purge_erases_them():
    referral = ReferralFactory(name="Pell Ashgrove", email="", address="")
    referral.refresh_from_db()
    assert (referral.email, referral.address) == ("", "")
    referral.erase_personal_data()
    referral.refresh_from_db()
    assert referral.name == "" and referral.phone == ""
    assert raw_rows()[0][:4] == ("", "", "", "")


def test_the_migration_encrypts_rows_written_before_it(settings):
    referral = ReferralFactory()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE selfreferral_referral SET name = %s, phone = %s WHERE id = %s",
            ["Tamsin Oldrow", "07700 900111", referral.pk],
        )
    migration = importlib.import_module("selfreferral.migrations.0007_encrypt_personal_details")
    migration.encrypt_existing(apps, None)
    name, phone = raw_rows()[0][:2]
    assert "Tamsin" not in name and "07700" not in phone
    referral.refresh_from_db()
    assert (referral.name, referral.phone) == ("Tamsin Oldrow", "07700 900111")


OLD_KEY = "old-field-key-" + "o" * 40
NEW_KEY = "new-field-key-" + "n" * 40


def test_rotation_old_key_still_reads_and_the_command_moves_rows_to_the_new_key(settings):
    settings.SALT_KEY = [OLD_KEY]
    referral = ReferralFactory(name="Bryony Coldharbour")
    before = raw_rows()[0][0]

    # A new key first: rows written with the old one are still read.
    settings.SALT_KEY = [NEW_KEY, OLD_KEY]
    assert Referral.objects.get(pk=referral.pk).name == "Bryony Coldharbour"

    out = io.StringIO()
    call_command("rotate_referral_key", stdout=out)
    assert "Encrypted 1 referral with the newest key" in out.getvalue()
    assert raw_rows()[0][0] != before

    # Only the new key now: everything still reads.
    settings.SALT_KEY = [NEW_KEY]
    assert Referral.objects.get(pk=referral.pk).name == "Bryony Coldharbour"
    # And the old key alone no longer opens anything.
    settings.SALT_KEY = [OLD_KEY]
    assert Referral.objects.get(pk=referral.pk).name.startswith("gAAAAA")


def test_rotation_refuses_and_changes_nothing_when_a_key_is_missing(settings):
    settings.SALT_KEY = [OLD_KEY]
    ReferralFactory(name="Ottoline Marsh")
    before = raw_rows()
    settings.SALT_KEY = [NEW_KEY]
    with pytest.raises(CommandError, match="could not be read"):
        call_command("rotate_referral_key", stdout=io.StringIO())
    assert raw_rows() == before


def test_production_refuses_to_start_without_an_encryption_key(tmp_path):
    env = production_env(tmp_path, FIELD_ENCRYPTION_KEYS="")
    result = run_python("import rjsite.settings", env)
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS is not set" in result.stderr
    weak = run_python(
        "import rjsite.settings", production_env(tmp_path, FIELD_ENCRYPTION_KEYS="short")
    )
    assert "FIELD_ENCRYPTION_KEYS are too weak" in weak.stderr
