"""Settings for the Restorative Justice site.

This is the one module that reads the environment. With nothing set, the site
runs on SQLite, local media and a file mail backend. Safe by default: DEBUG is
off and production mode refuses to start without a real SECRET_KEY.
"""

import datetime
import logging
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import environ

from django.core.exceptions import ImproperlyConfigured

# ============================================================================
# Environment
# ============================================================================
BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("RJ_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# Checks silenced on purpose, each with its reason where it is added below.
SILENCED_SYSTEM_CHECKS = []


# ============================================================================
# Secrets and keys
# Production refuses to start with a missing or weak one.
# ============================================================================
def _secret_key():
    key = env.str("SECRET_KEY", default="")
    if key:
        if not DEBUG and (len(key) < 50 or key.startswith("django-insecure")):
            raise ImproperlyConfigured(
                "SECRET_KEY is too weak for production: use 50+ random characters."
            )
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production mode (DJANGO_DEBUG unset) needs a real secret key."
        )
    # Development only: a key made once on this machine and kept out of the repository.
    key_file = VAR_DIR / "dev-secret-key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(64))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
# Old keys still accepted for signed data (sessions, password reset links) and
# for reading encrypted referrals until `rotate_referral_key` has run.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])


def _field_encryption_keys():
    """Referral personal details are encrypted in the database (selfreferral/encryption.py).
    The first key encrypts; all of them decrypt, so keys can be rotated."""
    keys = env.list("FIELD_ENCRYPTION_KEYS", default=[])
    if keys:
        if not DEBUG and any(len(key) < 32 for key in keys):
            raise ImproperlyConfigured(
                "FIELD_ENCRYPTION_KEYS are too weak for production: use 32+ random characters each."
            )
        return keys
    if not DEBUG:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS is not set. Production mode needs a key to encrypt referrals "
            "(see docs/deploy.md)."
        )
    # Development only: combined with this machine's own SECRET_KEY, so still secret.
    return ["development-only-field-encryption-key"]


FIELD_ENCRYPTION_KEYS = _field_encryption_keys()
# django-fernet-encrypted-fields calls these keys SALT_KEY.
SALT_KEY = FIELD_ENCRYPTION_KEYS

# ============================================================================
# The public address and the hosts it answers to
# ============================================================================
# The site's public address, scheme and host (and port, if not the usual one): every
# absolute address the site writes (emails, PDFs, feeds, calendars, the sitemap,
# structured data, QR codes) starts with it, never with the Host header a request
# sent. `migrate` writes it into Wagtail's Site record (home/addresses.py).
# Production refuses to start without it: a guess (or the request's Host) would be
# printed into PDFs and emails and cached for everyone.


def _base_url():
    value = env.str("BASE_URL", default="")
    if not value:
        if not DEBUG:
            raise ImproperlyConfigured(
                "BASE_URL is not set. Production needs the site's public address, such as "
                "https://rj.example.org: every link in emails, PDFs, feeds and the sitemap "
                "starts with it."
            )
        value = "http://127.0.0.1:8000"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/"):
        raise ImproperlyConfigured(
            f"BASE_URL must be a scheme and a host only, such as https://rj.example.org, not {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


BASE_URL = _base_url()

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# ============================================================================
# Applications, middleware, URLs and templates
# ============================================================================
INSTALLED_APPS = [
    "home",
    "strategy",
    "casestudies",
    "films",
    "sitesearch",
    "selfreferral",
    "events",
    "progress",
    "cms",
    "leaflets",
    "kiosk",
    "feedback",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.apps.UsersConfig",  # wagtail.users, with superusers protected (cms/users.py)
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "django_tasks",
    "django_tasks_db",
    "django_recaptcha",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # one-time backup codes (cms/two_factor.py)
    "axes",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a stored public page for an anonymous visitor is answered here, with the
    # headers the rest of the stack gave it when it was stored (home/middleware.py).
    "home.middleware.StoredPagesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "rjsite.log_filters.RememberRequestForLogsMiddleware",
    # Before anything reads a form: one sent in another encoding gets the 400 page.
    "rjsite.middleware.UnreadableFormMiddleware",
    "home.middleware.AdminReferrerPolicyMiddleware",
    "rjsite.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "rjsite.middleware.CSPMiddleware",
    "home.middleware.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LanguageFromPathMiddleware",  # LocaleMiddleware, without Vary: Accept-Language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.sign_in.ShortAdminSessionMiddleware",
    "cms.two_factor.RequireTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.middleware.SiteIndexMiddleware",
    "rjsite.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into a readable page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rjsite.urls"
WSGI_APPLICATION = "rjsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# ============================================================================
# Database
# ============================================================================
# Database: SQLite in var/ unless DATABASE_URL says otherwise. In production
# DATABASE_URL=postgres://user:password@host:5432/name uses psycopg 3; connections
# are kept for a minute and checked before reuse, so a restarted server is survived.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
ON_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
DATABASES["default"].setdefault(
    "CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=60 if ON_POSTGRES else 0)
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if ON_POSTGRES:
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DB_CONNECT_TIMEOUT", default=5)
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker write to one SQLite file (`make run`, small
    # installs). WAL lets pages be read while one of them writes; IMMEDIATE makes a
    # transaction take the write lock as it starts, so a writer waits its turn (up to
    # SQLITE_BUSY_SECONDS) instead of failing with "database is locked" half-way, which
    # SQLite does to a transaction that read first and then meets another writer.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("SQLITE_BUSY_SECONDS", default=20),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ============================================================================
# Caches: the page cache and a CDN
# ============================================================================
# Cache: shared by every process that serves the site, so that a publish, a rate
# limit or a cached figure is seen by all of them at once.
# - With REDIS_URL=redis://host:6379/0 (any number of app servers): the cache, the
#   whole-page cache, sessions and rate limits live in Redis. The "pages" alias
#   holds whole public pages for anonymous visitors, under its own key prefix.
# - Without it (one app server): files in var/cache/, shared by every gunicorn
#   worker and the task worker on this machine (rjsite/cache.py). A cache held in
#   one process's memory is refused in production: each worker would keep its own
#   copy of a page after it was unpublished, and count rate limits on its own.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    _redis = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {
            # A slow or absent Redis must not hang a request: fail fast.
            "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_CONNECT_TIMEOUT", default=2.0),
            "SOCKET_TIMEOUT": env.float("REDIS_TIMEOUT", default=2.0),
        },
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": "rj"},
        "pages": {**_redis, "KEY_PREFIX": "pages"},
    }
    # Sessions live in Redis too, so any app server can read them.
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    SESSION_CACHE_ALIAS = "default"
elif env.str("CACHE_URL", default=""):
    CACHES = {"default": env.cache("CACHE_URL")}
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "pages"}
    if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        if not DEBUG:
            raise ImproperlyConfigured(
                "CACHE_URL asks for a cache in each process's memory, which the web workers do "
                "not share. Leave CACHE_URL unset (files in var/cache, one machine) or set "
                "REDIS_URL (see docs/deploy.md)."
            )
        CACHES["pages"]["LOCATION"] = "pages"
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
else:
    _files = {
        "BACKEND": "rjsite.cache.SharedFileCache",
        "OPTIONS": {"MAX_ENTRIES": env.int("FILE_CACHE_MAX_ENTRIES", default=5000)},
    }
    CACHES = {
        "default": {**_files, "LOCATION": str(VAR_DIR / "cache" / "default")},
        "pages": {**_files, "LOCATION": str(VAR_DIR / "cache" / "pages")},
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Whole public pages, stored for anonymous visitors (home/middleware.py) in the
# "pages" cache, until a change moves the generation on (home/cache.py).
CACHE_MIDDLEWARE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
CACHE_MIDDLEWARE_KEY_PREFIX = "rj"
# What public pages tell shared caches (a CDN) and browsers: `s-maxage` for the
# CDN, a short `max-age` for browsers. Pages for signed-in people, forms and the
# admin are `private, no-store`.
CDN_CACHE_SECONDS = env.int("CDN_CACHE_SECONDS", default=300)
BROWSER_CACHE_SECONDS = env.int("BROWSER_CACHE_SECONDS", default=60)

# CDN invalidation (Wagtail's frontend cache) when a CDN is configured: publishing
# a page purges its URLs; changes shown on every page purge every page. Purges go
# through the task queue.
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_URL", default=""):
    # A caching proxy that accepts PURGE requests (Varnish, nginx, Squid).
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "home.frontend_cache.TimeoutHTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_URL"),
        "TIMEOUT": env.float("FRONTEND_CACHE_TIMEOUT", default=10.0),
    }
if env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN"),
    }
if env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# ============================================================================
# Languages and time
# ============================================================================
# Languages: English (UK) by default, with no URL prefix; the others live under
# /pl/, /ne/, /ar/. These are the languages the site *can* offer (interface
# strings in locale/<code>/LC_MESSAGES/django.po); which ones are live is the
# admins' choice under Settings > Locales (wagtail_localize.locales). Names are
# written in the language itself, as the language switcher shows them.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en-gb", "English"),
    ("pl", "Polski"),
    ("ne", "नेपाली"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]

# ============================================================================
# Static files, uploads and where they are stored
# ============================================================================
# Static files: hashed, compressed names served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Media on S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set.
# Uploaded files (documents, caption files, original images) go to a private
# "private/" prefix: never public-read, reached only through Wagtail's document
# view (which checks collection privacy) or short-lived signed URLs. Only image
# renditions, which appear on public pages, go under "public/", which the bucket
# policy may make readable (see docs/deploy.md).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _s3 = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=300),
        },
    }
    STORAGES["public_media"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "location": "public",
            "querystring_auth": False,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "public_media"
# Documents always go through Django, which checks privacy, never a direct link.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploaded files (films, images, documents) are served by Django itself when no web
# server or object store does it: in development, in tests and in small installs.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)

# ============================================================================
# Email
# ============================================================================
# Mail: an SMTP server, given either as discrete EMAIL_HOST, EMAIL_PORT,
# EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS (STARTTLS) / EMAIL_USE_SSL
# variables, or as one EMAIL_URL (e.g. smtp+tls://user:password@host:587).
# Without one, development writes emails to files in var/mail (readable by this
# user only). Production refuses to start without a mail server: referrals would
# be written to disk, whole, instead of reaching a coordinator. EMAIL_TO_FILES=1
# says, on purpose, to write them to files all the same (a trial on loopback).
EMAIL_TO_FILES = env.bool("EMAIL_TO_FILES", default=False)
if env.str("EMAIL_HOST", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env.str("EMAIL_HOST")
    EMAIL_PORT = env.int("EMAIL_PORT", default=587)
    EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=not EMAIL_USE_SSL)
    if EMAIL_USE_TLS and EMAIL_USE_SSL:
        raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
elif env.str("EMAIL_URL", default=""):
    _mail = env.email("EMAIL_URL")
    EMAIL_BACKEND = _mail["EMAIL_BACKEND"]
    EMAIL_HOST = _mail.get("EMAIL_HOST", "")
    EMAIL_PORT = _mail.get("EMAIL_PORT", 25)
    EMAIL_HOST_USER = _mail.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = _mail.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = _mail.get("EMAIL_USE_TLS", False)
    EMAIL_USE_SSL = _mail.get("EMAIL_USE_SSL", False)
elif DEBUG or EMAIL_TO_FILES:
    EMAIL_BACKEND = "rjsite.mail.PrivateFileEmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
else:
    raise ImproperlyConfigured(
        "No mail server is set. Production needs EMAIL_HOST (or EMAIL_URL) so that referrals "
        "reach the coordinators; set EMAIL_TO_FILES=1 to write emails to files in var/mail "
        "on purpose (see docs/deploy.md)."
    )
# Every network call has a timeout: a stuck mail server must not hold a worker.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@rj-service.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ============================================================================
# Task queue and health check
# ============================================================================
# Work off the request path (emails, scheduled publishing, purges) goes through
# a persistent queue in the database, run by `python manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Health check: /healthz fails when the oldest due task has waited longer than this.
HEALTHZ_MAX_TASK_LAG_SECONDS = env.int("HEALTHZ_MAX_TASK_LAG_SECONDS", default=300)

# ============================================================================
# Wagtail and the comms team's admin (cms/)
# ============================================================================
WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", default="Restorative Justice Service")
# No Gravatar: the admin would send every user's email hash to another site, and the
# images break where that site is blocked. Wagtail shows its own default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = BASE_URL
# Full-text search in the database: PostgreSQL's own search when on PostgreSQL.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database.postgres.postgres"
        if ON_POSTGRES
        else "wagtail.search.backends.database"
    }
}
# What editors may use in rich text, everywhere (home/blocks.py, rich-text fields):
# headings from h2 (the page has the h1), no images or embeds inside text.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": RICH_TEXT_FEATURES},
    }
}

# Photos and illustrations only (no SVG: it can carry scripts), up to 10 MB and
# 50 megapixels; documents up to 20 MB. Wagtail shows a clear message when a
# file is too big or of the wrong type.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_MB", default=10) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# A damaged picture is refused with a message, not a server error (cms/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "vtt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_MB", default=20) * 1024 * 1024
# Renditions for <picture>: modern formats first, JPEG for the rest.
WAGTAILIMAGES_AVIF_QUALITY = 60
WAGTAILIMAGES_WEBP_QUALITY = 75
# How often the task worker publishes and unpublishes scheduled pages.
SCHEDULED_PUBLISHING_INTERVAL_SECONDS = env.int("SCHEDULED_PUBLISHING_INTERVAL_SECONDS", default=60)
# Workflow emails: plain text and HTML, and the approvers (not every superuser) get them.
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env.bool("NOTIFY_SUPERUSERS", default=False)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAIL_WORKFLOW_ENABLED = True
# No autosave: on a new page it saved the page (and wagtail-localize made its copies in
# every language) before the editor chose to, and clashed with their own first save
# ("slug already in use"). Wagtail still warns before leaving a page with unsaved changes.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Months between publishing a page and its "review by" date, unless an editor sets one.
PAGE_REVIEW_MONTHS = env.int("PAGE_REVIEW_MONTHS", default=12)
# Films are uploaded through wagtailmedia and played from this site (no third-party player).
# Only these types, up to MEDIA_MAX_UPLOAD_MB (500 MB): checked by cms/uploads.py.
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "MEDIA_FORM_BASE": "cms.uploads.MediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "opus", "wav"],
    "VIDEO_EXTENSIONS": ["mp4", "webm"],
}
WAGTAILMEDIA_MAX_UPLOAD_SIZE = env.int("MEDIA_MAX_UPLOAD_MB", default=500) * 1024 * 1024

# ============================================================================
# Admin sign-in and sessions
# ============================================================================
# Admin sign-in (cms/sign_in.py, cms/two_factor.py).
# django-axes refuses a username from an IP address after LOGIN_FAILURE_LIMIT
# wrong passwords, for LOGIN_LOCKOUT_MINUTES. Attempts are counted in the
# database, which every app server shares (Redis is optional) and which keeps
# them across restarts; `manage.py axes_reset_username NAME` lifts a lockout.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env.bool("LOGIN_LIMITS", default=True)
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.sign_in.locked_out"
# Who can see referrals (superusers and coordinators) must confirm a code from an
# authenticator app after their password; others may choose to.
ADMIN_REQUIRE_2FA = env.bool("ADMIN_REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="RJ site admin")
# Short admin sessions: signed out after ADMIN_IDLE_MINUTES without a request,
# and ADMIN_SESSION_HOURS after signing in whatever happens.
ADMIN_IDLE_MINUTES = env.int("ADMIN_IDLE_MINUTES", default=30)
SESSION_COOKIE_AGE = env.int("ADMIN_SESSION_HOURS", default=8) * 60 * 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# ============================================================================
# Public pages: listings and PDFs
# ============================================================================
# How many items each listing shows on a page (home/listings.py).
CASE_STUDIES_PER_PAGE = 10
FILMS_PER_PAGE = 12
PAST_EVENTS_PER_PAGE = 20
PROGRESS_UPDATES_PER_PAGE = 10
SEARCH_RESULTS_PER_PAGE = 10
# PDFs of pages (home/pdf.py): built with WeasyPrint and kept in the default
# cache until the page is published again (the key holds the live revision).
PAGE_PDF_CACHE_SECONDS = env.int("PAGE_PDF_CACHE_SECONDS", default=60 * 60 * 24 * 30)

# ============================================================================
# Safety and privacy: cookies, HTTPS, browser policies, request sizes
# ============================================================================
QUICK_EXIT_URL = env.str("QUICK_EXIT_URL", default="https://www.bbc.co.uk/weather")
# No page tells any site, this one included, where a visitor came from. Pages
# that post a form (the self-referral form, the admin) use "same-origin"
# instead: under "no-referrer" browsers post with "Origin: null", which Django's
# CSRF check refuses. "same-origin" still sends nothing to other sites.
SECURE_REFERRER_POLICY = "no-referrer"
FORM_PAGE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The form's security cookie goes when the browser closes (Django keeps it a year):
# on a shared device it must not show the visit long after. The quick exit clears it too.
CSRF_COOKIE_AGE = None
# A form sent without it gets the site's own page, with the quick exit (rjsite/views.py).
CSRF_FAILURE_VIEW = "rjsite.views.csrf_failure"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG and env.bool("SECURE_COOKIES", default=True)
# Production redirects plain HTTP to HTTPS (the health check is exempt, so a
# load balancer may probe over plain HTTP on the private network).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
# Preloading is a promise made for the whole domain and its subdomains, often
# shared with the rest of a PCC's web estate: its owner opts in, we do not.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")
# Browser features this site never uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "browsing-topics=()"
)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=False) else None
)

# Content Security Policy: scripts only from this site, none inline, so cached
# pages need no per-response nonce. The Wagtail admin keeps its own scripts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        # Only used when a visitor asks to load a film's YouTube player (no request before).
        "frame-src": ["'self'", "https://www.youtube-nocookie.com"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Requests larger than this (not counting uploaded files) are refused with a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=1_048_576)

# ============================================================================
# Logging
# ============================================================================
# Logs never carry personal data: a filter (rjsite/log_filters.py) drops the
# request (and its form data) from every record and blanks anything a visitor
# typed. Production writes one JSON object a line (LOG_FORMAT=json), for a log
# collector; development writes plain lines (LOG_FORMAT=text).
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_personal_data": {"()": "rjsite.log_filters.NoPersonalDataFilter"}},
    # The same two formats as gunicorn's own logs (rjsite/gunicorn_logging.py).
    "formatters": {
        "json": {"()": "rjsite.log_filters.log_formatter", "kind": "json"},
        "text": {"()": "rjsite.log_filters.log_formatter", "kind": "text"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["no_personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
# Python's warnings (a library's deprecation, a missing folder) are log records too,
# written by the same handler in the same format, not loose lines on standard error.
logging.captureWarnings(True)

# ============================================================================
# Self-referral (selfreferral/) and prison kiosks (kiosk/)
# ============================================================================
# Self-referral (selfreferral/): where referrals go, how fast, and how long they are kept.
SELF_REFERRAL_DEFAULT_INBOX = env.str(
    "SELF_REFERRAL_DEFAULT_INBOX", default="rj-referrals@rj-service.example"
)
SELF_REFERRAL_FIRST_CONTACT_WORKING_DAYS = env.int(
    "SELF_REFERRAL_FIRST_CONTACT_WORKING_DAYS", default=2
)
# The coordinator email leaves out what happened unless this is turned on.
SELF_REFERRAL_EMAIL_INCLUDES_WHAT_HAPPENED = env.bool(
    "SELF_REFERRAL_EMAIL_INCLUDES_WHAT_HAPPENED", default=False
)
SELF_REFERRAL_RETENTION_DAYS = env.int("SELF_REFERRAL_RETENTION_DAYS", default=365)
# A notification not sent this many minutes after the referral is flagged on the dashboard.
SELF_REFERRAL_NOTIFICATION_STALE_MINUTES = env.int(
    "SELF_REFERRAL_NOTIFICATION_STALE_MINUTES", default=30
)
SELF_REFERRAL_NOTIFICATION_MAX_ATTEMPTS = env.int(
    "SELF_REFERRAL_NOTIFICATION_MAX_ATTEMPTS", default=12
)
# Guards: form submissions per IP address per window, and the least time a person takes.
SELF_REFERRAL_RATE_LIMIT = env.int("SELF_REFERRAL_RATE_LIMIT", default=10)
SELF_REFERRAL_RATE_WINDOW_SECONDS = env.int("SELF_REFERRAL_RATE_WINDOW_SECONDS", default=3600)
SELF_REFERRAL_MIN_FILL_SECONDS = env.int("SELF_REFERRAL_MIN_FILL_SECONDS", default=4)
SELF_REFERRAL_MAX_BODY_BYTES = 200_000
# Published figures never show a count below this (small-number suppression).
SELF_REFERRAL_SUPPRESS_BELOW = env.int("SELF_REFERRAL_SUPPRESS_BELOW", default=5)

# reCAPTCHA v2 checkbox on the self-referral form, when both keys are set.
# Production refuses to start without them unless RECAPTCHA_DISABLED=1 says so on purpose.
RECAPTCHA_PUBLIC_KEY = env.str("RECAPTCHA_PUBLIC_KEY", default="")
RECAPTCHA_PRIVATE_KEY = env.str("RECAPTCHA_PRIVATE_KEY", default="")
RECAPTCHA_DISABLED = env.bool("RECAPTCHA_DISABLED", default=False)
RECAPTCHA_VERIFY_REQUEST_TIMEOUT = 5
if not (RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY):
    if not DEBUG and not RECAPTCHA_DISABLED:
        raise ImproperlyConfigured(
            "RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY are not set. Production mode needs "
            "them to protect the self-referral form; set RECAPTCHA_DISABLED=1 to run without."
        )
    # With no keys the field is left off the form, so the check for Google's test keys is moot.
    SILENCED_SYSTEM_CHECKS.append("django_recaptcha.recaptcha_test_key_error")

# Prison kiosks (kiosk/): after this many seconds with no touch or key, a kiosk
# clears the form and goes back to its start (with JavaScript). Without it, pages
# go back after KIOSK_NO_SCRIPT_REFRESH_SECONDS, long enough for a film or a slow
# typist (docs/kiosk.md). Referrals per kiosk per SELF_REFERRAL_RATE_WINDOW_SECONDS.
KIOSK_IDLE_SECONDS = env.int("KIOSK_IDLE_SECONDS", default=120)
KIOSK_NO_SCRIPT_REFRESH_SECONDS = env.int("KIOSK_NO_SCRIPT_REFRESH_SECONDS", default=1200)
KIOSK_RATE_LIMIT = env.int("KIOSK_RATE_LIMIT", default=20)

# Feedback invitations (feedback/): a link or slip code works once, for this many days.
FEEDBACK_INVITATION_DAYS = env.int("FEEDBACK_INVITATION_DAYS", default=42)
# Codes typed at /feedback/ per IP address (or kiosk) per SELF_REFERRAL_RATE_WINDOW_SECONDS.
FEEDBACK_CODE_TRIES = env.int("FEEDBACK_CODE_TRIES", default=20)

# ============================================================================
# Demo content and measurement
# ============================================================================
# `load_demo_content` adds clearly fictional referrals so the public figures have something to show.
DEMO_REFERRALS = env.bool("DEMO_REFERRALS", default=True)
# bench/pages only: adds a constant view at /bench/bare/ as the ceiling to measure against.
BENCH_BARE_VIEW = env.bool("RJ_BENCH_BARE_VIEW", default=False)
