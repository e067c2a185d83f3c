"""Referral personal details are encrypted in the database (django-fernet-encrypted-fields).

Each value is a Fernet token. The keys come from SECRET_KEY (and SECRET_KEY_FALLBACKS)
combined with each of FIELD_ENCRYPTION_KEYS (the library's SALT_KEY): the first
pair encrypts, every pair decrypts, so a new key can be put first while old rows
are still read. `manage.py rotate_referral_key` then re-encrypts every row with
the newest key, after which the old ones can be dropped (docs/deploy.md).

The database cannot search or sort these columns: the admin searches by reference only."""

from encrypted_fields import fields as encrypted

from django.apps import apps
from django.conf import settings
from django.core.signals import setting_changed

# A Fernet token always starts with these characters (version byte 0x80, base64).
FERNET_TOKEN_START = "gAAAAA"  # noqa: S105 - not a secret


# The keys worked out from the settings, shared by every encrypted field. The
# library works them out per field (100,000 rounds of PBKDF2 for each pair of
# keys), which cost a worker's first referral 15 ms for each answer it stored.
_keys_for_settings = {}


def _settings_keys():
    return (
        settings.SECRET_KEY,
        tuple(getattr(settings, "SECRET_KEY_FALLBACKS", ())),
        repr(settings.SALT_KEY),
    )


class _BlankStaysBlank:
    """The library stores "" as NULL; these columns are NOT NULL and the code reads "".
    An empty answer stays empty (it says only that a question was skipped)."""

    @property
    def keys(self):
        wanted = _settings_keys()
        if wanted not in _keys_for_settings:
            _keys_for_settings[wanted] = encrypted.EncryptedFieldMixin.keys.func(self)
        return _keys_for_settings[wanted]

    def get_prep_value(self, value):
        if value == "":
            return ""
        return super().get_prep_value(value)

    def clean(self, value, model_instance):
        # The library flags the field (shared by every thread) while it cleans, so
        # that a typed value is not decrypted. A typed answer is never a token made
        # with our key, so decrypting leaves it as it is: skip the flag.
        return super(encrypted.EncryptedFieldMixin, self).clean(value, model_instance)


class EncryptedCharField(_BlankStaysBlank, encrypted.EncryptedCharField):
    pass


class EncryptedTextField(_BlankStaysBlank, encrypted.EncryptedTextField):
    pass


class EncryptedEmailField(_BlankStaysBlank, encrypted.EncryptedEmailField):
    pass


def encrypted_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, _BlankStaysBlank)]


def forget_keys():
    """Drop the keys every encrypted field worked out, so changed settings take effect."""
    _keys_for_settings.clear()
    for model in apps.get_models():
        for field in encrypted_fields(model):
            field.__dict__.pop("f", None)


def is_unreadable(value):
    """True for a value still in its encrypted form after reading: no key opened it."""
    return isinstance(value, str) and value.startswith(FERNET_TOKEN_START)


def _on_setting_changed(setting, **kwargs):
    if setting in ("SECRET_KEY", "SECRET_KEY_FALLBACKS", "SALT_KEY"):
        forget_keys()


setting_changed.connect(_on_setting_changed)
