from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from selfreferral.encryption import encrypted_fields, is_unreadable
from selfreferral.models import Referral


class Command(BaseCommand):
    help = (
        "Encrypt every referral's personal details again with the first of "
        "FIELD_ENCRYPTION_KEYS (and the current SECRET_KEY). Run it after putting a new key "
        "first; once it has finished, the old keys can be removed (docs/deploy.md)."
    )

    def handle(self, *args, **options):
        fields = [field.name for field in encrypted_fields(Referral)]
        unreadable = []
        count = 0
        with transaction.atomic():
            for referral in Referral.objects.only("pk", "reference", *fields).iterator():
                values = {name: getattr(referral, name) for name in fields}
                if any(is_unreadable(value) for value in values.values()):
                    unreadable.append(referral.reference)
                    continue
                # update() encrypts each value again with the first (newest) key.
                Referral.objects.filter(pk=referral.pk).update(**values)
                count += 1
            if unreadable:
                # Change nothing: the keys that opened them are missing from the settings.
                transaction.set_rollback(True)
                raise CommandError(
                    f"{len(unreadable)} referral(s) could not be read with the keys set "
                    f"(for example {', '.join(unreadable[:5])}). Nothing was changed: add the "
                    "old key back to FIELD_ENCRYPTION_KEYS (or SECRET_KEY_FALLBACKS) and run again."
                )
        self.stdout.write(
            f"Encrypted {count} referral{'s' if count != 1 else ''} with the newest key."
        )
