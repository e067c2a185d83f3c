import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 20 + "Production-like-key-for-tests-only-0123456789"
FIELD_KEY = "f" * 20 + "Production-like-field-key-for-tests"

# Settings variables the tests choose; anything the outer shell set is dropped.
OUR_VARIABLES = [
    "DJANGO_DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "CACHE_URL",
    "EMAIL_URL",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
    "AWS_STORAGE_BUCKET_NAME",
    "FRONTEND_CACHE_URL",
    "CLOUDFLARE_ZONE_ID",
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFRONT_DISTRIBUTION_ID",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_COOKIES",
    "ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
    "RJ_BENCH_BARE_VIEW",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "FIELD_ENCRYPTION_KEYS",
    "LOG_FORMAT",
    "ADMIN_REQUIRE_2FA",
    "LOGIN_LIMITS",
    "BASE_URL",
    "EMAIL_TO_FILES",
    "RECAPTCHA_DISABLED",
]


def production_env(tmp_path, **variables):
    env = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
    env.update(
        SECRET_KEY=STRONG_KEY,
        FIELD_ENCRYPTION_KEYS=FIELD_KEY,
        RJ_VAR_DIR=str(tmp_path),
        ALLOWED_HOSTS="rj.example.org",
        BASE_URL="https://rj.example.org",
        EMAIL_URL="smtp+tls://mailer:secret@mail.internal:587",
        RECAPTCHA_DISABLED="1",
    )
    env.update({k: v for k, v in variables.items() if v is not None})
    for name, value in variables.items():
        if value is None:
            env.pop(name, None)
    return env


def run_python(code, env):
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def production_settings(tmp_path, *names, **variables):
    """The named settings as production would compute them from these variables."""
    code = (
        "import json; from rjsite import settings as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {list(names)!r}}}, default=str))"
    )
    result = run_python(code, production_env(tmp_path, **variables))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def start_gunicorn(env):
    """gunicorn with the site's own configuration (gunicorn.conf.py), its log lines on
    the returned process's stdout."""
    return subprocess.Popen(  # noqa: S603 (our own interpreter and configuration)
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
