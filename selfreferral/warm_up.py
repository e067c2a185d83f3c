"""What a new app-server worker's first referral would otherwise wait for (about
150 ms): the encryption keys, this year's and next year's bank holidays, and the
phone-number rules. Built once in gunicorn's parent process, before it starts its
workers, by rjsite/warm_up.py."""

import datetime

import phonenumbers

from django.utils import timezone

from selfreferral.encryption import encrypted_fields
from selfreferral.models import Referral
from selfreferral.working_days import is_working_day


def warm_up():
    encrypted_fields(Referral)[0].keys  # noqa: B018 - shared by every encrypted field
    this_year = timezone.localdate().year
    for year in (this_year, this_year + 1):
        is_working_day(datetime.date(year, 1, 1))
    phonenumbers.is_valid_number(phonenumbers.parse("020 7946 0000", "GB"))
