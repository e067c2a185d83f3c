# The site's image: one image, two processes (see compose.yaml):
#   web:    gunicorn -c gunicorn.conf.py
#   worker: python manage.py db_worker
# Not built by the tests (no Docker engine in CI): see docs/deploy.md.

# Stage 1: the CSS, built with Dart Sass from npm.
FROM node:22-bookworm-slim AS css
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY static/scss static/scss
RUN npm run --silent build

# Stage 2: the application.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    RJ_VAR_DIR=/var/lib/rj \
    BIND=0.0.0.0:8000
# gettext for compiled translations; no compilers needed (binary wheels).
RUN apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin rj \
    && mkdir -p /var/lib/rj/media && chown -R rj: /var/lib/rj
WORKDIR /app
COPY . .
RUN pip install --quiet .
COPY --from=css /app/static/css static/css
# Static files are collected into the image (whitenoise serves them, hashed and
# compressed). A throw-away key: collectstatic needs settings, not a secret.
RUN SECRET_KEY=collectstatic-only-$(python -c 'import secrets; print(secrets.token_urlsafe(48))') \
    FIELD_ENCRYPTION_KEYS=collectstatic-only-$(python -c 'import secrets; print(secrets.token_urlsafe(32))') \
    python manage.py collectstatic --noinput --verbosity 0 \
    && (python manage.py compilemessages --verbosity 0 2>/dev/null || true)
USER rj
EXPOSE 8000
# The health check calls the app on loopback: keep 127.0.0.1 in ALLOWED_HOSTS
# (e.g. ALLOWED_HOSTS=rj.example.org,127.0.0.1).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
CMD ["gunicorn", "-c", "gunicorn.conf.py"]
