"""Retention: personal details are erased from finished referrals after
SELF_REFERRAL_RETENTION_DAYS; the anonymous fields stay for reporting."""

from django.db import transaction

from wagtail.log_actions import log

from selfreferral.models import Referral


def purge(now=None):
    count = 0
    for referral in Referral.objects.due_for_purge(now).iterator():
        with transaction.atomic():
            referral.erase_personal_data()
            log(referral, "selfreferral.purge")
        count += 1
    return count
