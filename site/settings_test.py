"""Test settings: only overrides of the real settings, for speed and determinism."""

import os

os.environ.setdefault("SECRET_KEY", "test-" + "x" * 60)
# Tests replace the reCAPTCHA verification call; keys are set per test.
os.environ.setdefault("RECAPTCHA_DISABLED", "1")
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "test-field-key-" + "y" * 40)
os.environ.setdefault("BASE_URL", "http://testserver")
# Replaced by the in-memory backend below; production refuses to start without a mail server.
os.environ.setdefault("EMAIL_TO_FILES", "1")

from rjsite.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each test process keeps its own cache in memory (the shared file cache is tested
# in tests/production/test_cache.py); each test starts with it empty.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "KEY_PREFIX": "pages",
    },
}
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"
# Serve static files straight from the source folders; no collectstatic in tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Each test process keeps its pages in its own memory (files in var/ would be shared by
# the parallel test workers); tests/production/test_make_run.py runs the real thing.
CACHES = {
    **CACHES,  # noqa: F405
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "KEY_PREFIX": "pages",
    },
}
# Tasks run at once unless a test asks for the real database queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Tests check the minimum fill time explicitly (tests/selfreferral/test_guards.py).
SELF_REFERRAL_MIN_FILL_SECONDS = 0
# Uploaded files live in memory in tests; Django serves them for the browser tests.
SERVE_MEDIA = True
# Tests make the referrals they count; the demo's fictional ones are tested on their own.
DEMO_REFERRALS = False
# Most tests sign in with `force_login` or the test client's `login`, which pass
# no request (django-axes needs one) and no authenticator code, and some move the
# clock on by hours. The production defaults (all on, 30 minutes idle) are
# checked in tests/production/test_admin_sign_in.py, which turns them on.
AXES_ENABLED = False
# Pages are not indexed as tests save them: the shared demo is indexed once
# (tests/conftest.py), and tests that search new pages ask for `search_index_updates`.
WAGTAILSEARCH_BACKENDS = {
    name: {**backend, "AUTO_UPDATE": False}
    for name, backend in WAGTAILSEARCH_BACKENDS.items()  # noqa: F405
}
ADMIN_REQUIRE_2FA = False
ADMIN_IDLE_MINUTES = 24 * 60
