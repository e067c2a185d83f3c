"""Production settings are chosen from the environment (checked in a fresh
interpreter, as a deployment would start)."""

import subprocess
import sys

from .helpers import ROOT, production_env, production_settings, run_python


def test_embedded_default_is_sqlite_local_memory_files_and_file_mail(tmp_path):
    s = production_settings(
        tmp_path,
        "DATABASES",
        "CACHES",
        "SESSION_ENGINE",
        "STORAGES",
        "EMAIL_BACKEND",
        "WAGTAILSEARCH_BACKENDS",
        "WAGTAILFRONTENDCACHE",
        "INSTALLED_APPS",
    )
    assert s["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert s["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert s["CACHES"]["pages"]["BACKEND"].endswith("LocMemCache")
    assert s["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    assert s["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert s["EMAIL_BACKEND"].endswith("filebased.EmailBackend")
    assert s["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == "wagtail.search.backends.database"
    assert s["WAGTAILFRONTENDCACHE"] == {}
    assert "wagtail.contrib.frontend_cache" not in s["INSTALLED_APPS"]


def test_postgres_from_database_url_uses_postgres_search(tmp_path):
    s = production_settings(
        tmp_path,
        "DATABASES",
        "WAGTAILSEARCH_BACKENDS",
        DATABASE_URL="postgres://rj:secret@db.internal:5432/rj",
    )
    db = s["DATABASES"]["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == ("db.internal", 5432, "rj", "rj")
    assert db["CONN_MAX_AGE"] == 60 and db["CONN_HEALTH_CHECKS"] is True
    assert db["OPTIONS"]["connect_timeout"] == 5
    assert (
        s["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"]
        == "wagtail.search.backends.database.postgres.postgres"
    )


def test_redis_url_shares_cache_pages_and_sessions(tmp_path):
    s = production_settings(
        tmp_path,
        "CACHES",
        "SESSION_ENGINE",
        "SESSION_CACHE_ALIAS",
        REDIS_URL="redis://cache.internal:6379/1",
    )
    for alias in ("default", "pages"):
        assert s["CACHES"][alias]["BACKEND"] == "django_redis.cache.RedisCache"
        assert s["CACHES"][alias]["LOCATION"] == "redis://cache.internal:6379/1"
        assert s["CACHES"][alias]["OPTIONS"]["SOCKET_TIMEOUT"] == 2.0
    assert s["CACHES"]["default"]["KEY_PREFIX"] != s["CACHES"]["pages"]["KEY_PREFIX"]
    assert s["SESSION_ENGINE"] == "django.contrib.sessions.backends.cache"
    assert s["SESSION_CACHE_ALIAS"] == "default"


def test_smtp_from_discrete_variables(tmp_path):
    s = production_settings(
        tmp_path,
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_HOST_USER",
        "EMAIL_HOST_PASSWORD",
        "EMAIL_USE_TLS",
        "EMAIL_USE_SSL",
        "EMAIL_TIMEOUT",
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="2525",
        EMAIL_HOST_USER="mailer",
        EMAIL_HOST_PASSWORD="pw",
    )
    assert s == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "pw",
        "EMAIL_USE_TLS": True,  # STARTTLS unless told otherwise
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,
    }


def test_smtp_refuses_tls_and_ssl_together(tmp_path):
    env = production_env(
        tmp_path, EMAIL_HOST="smtp.example.org", EMAIL_USE_TLS="1", EMAIL_USE_SSL="1"
    )
    result = run_python("import rjsite.settings", env)
    assert result.returncode != 0 and "EMAIL_USE_TLS or EMAIL_USE_SSL" in result.stderr


def test_s3_media_keeps_uploads_private_and_only_renditions_public(tmp_path):
    s = production_settings(
        tmp_path,
        "STORAGES",
        "WAGTAILIMAGES_RENDITION_STORAGE",
        "WAGTAILDOCS_SERVE_METHOD",
        AWS_STORAGE_BUCKET_NAME="rj-media",
    )
    private = s["STORAGES"]["default"]
    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert private["OPTIONS"]["bucket_name"] == "rj-media"
    assert private["OPTIONS"]["location"] == "private"
    assert private["OPTIONS"]["default_acl"] == "private"
    assert private["OPTIONS"]["querystring_auth"] is True  # signed, short-lived URLs only
    public = s["STORAGES"]["public_media"]
    assert public["OPTIONS"]["location"] == "public"
    assert s["WAGTAILIMAGES_RENDITION_STORAGE"] == "public_media"
    assert s["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"


def test_documents_on_s3_get_signed_urls_under_the_private_prefix(tmp_path):
    code = (
        "import django; django.setup(); "
        "from django.core.files.storage import storages; "
        "print(storages['default'].url('documents/leaflet.pdf')); "
        "print(storages['public_media'].url('images/photo.width-400.jpg'))"
    )
    env = production_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="rjsite.settings",
        AWS_STORAGE_BUCKET_NAME="rj-media",
        AWS_S3_REGION_NAME="eu-west-2",
        AWS_ACCESS_KEY_ID="AKIAEXAMPLE",
        AWS_SECRET_ACCESS_KEY="example-secret",  # signing is local: no network call
    )
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    private_url, public_url = result.stdout.split()
    assert "/private/documents/leaflet.pdf?" in private_url and "Signature" in private_url
    assert "/public/images/photo.width-400.jpg" in public_url and "?" not in public_url


def test_frontend_cache_is_configured_only_when_a_cdn_is_given(tmp_path):
    s = production_settings(
        tmp_path,
        "WAGTAILFRONTENDCACHE",
        "INSTALLED_APPS",
        FRONTEND_CACHE_URL="http://varnish.internal:6081",
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_API_TOKEN="token",
        CLOUDFRONT_DISTRIBUTION_ID="E123",
    )
    backends = {
        name: conf["BACKEND"].rsplit(".", 1)[1] for name, conf in s["WAGTAILFRONTENDCACHE"].items()
    }
    assert backends == {
        "proxy": "TimeoutHTTPBackend",
        "cloudflare": "CloudflareBackend",
        "cloudfront": "CloudfrontBackend",
    }
    assert s["WAGTAILFRONTENDCACHE"]["proxy"]["LOCATION"] == "http://varnish.internal:6081"
    assert "wagtail.contrib.frontend_cache" in s["INSTALLED_APPS"]


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_python("import rjsite.settings", production_env(tmp_path, SECRET_KEY=None))
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    weak = run_python("import rjsite.settings", production_env(tmp_path, SECRET_KEY="short"))
    assert weak.returncode != 0 and "too weak" in weak.stderr


def test_check_deploy_has_no_warnings_with_production_settings(tmp_path):
    env = production_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="rjsite.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
