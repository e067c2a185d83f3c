# The two commands a newcomer needs: `make run` and `make test`.
# Everything else here is what those two depend on.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
MANAGE := $(PY) manage.py

.DEFAULT_GOAL := help
.PHONY: help run serve test lint format install install-test css demo clean system-packages runtime-packages messages bench-pages

help:
	@echo "make run   - set up and serve the demo site at http://127.0.0.1:$(PORT)"
	@echo "make test  - set up and run the whole test suite (TEST_POSTGRES=1 make test: on PostgreSQL)"
	@echo "make serve - the production configuration (gunicorn + task worker) on http://127.0.0.1:$(PORT)"

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/css/site.css: node_modules/.installed bin/strip-css-hacks.mjs $(wildcard static/scss/*.scss)
	npm run --silent build

css: static/css/site.css

# Debian packages the site needs to run: gettext compiles the interface translations,
# Pango lets WeasyPrint build PDFs, and the fonts cover Arabic and Nepali in PDFs.
RUNTIME_DEBS := gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-lohit-deva-nepali
runtime-packages:
	@missing=$$(for p in $(RUNTIME_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  [ -z "$$missing" ] || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; }

# Debian packages the tests drive: Chromium for the browser tests, Java for the
# Nu HTML Checker (npm vnu-jar), poppler's pdftotext to read PDFs as screen readers do,
# Redis for the shared-cache tests, PostgreSQL when TEST_POSTGRES=1.
DEBIAN_PACKAGES := $(if $(shell command -v chromium),,chromium) \
  $(if $(shell command -v java),,default-jre-headless) \
  $(if $(shell command -v pdftotext),,poppler-utils) \
  $(if $(shell command -v redis-server),,redis-server) \
  $(if $(TEST_POSTGRES),$(if $(wildcard /usr/lib/postgresql/*/bin/initdb),,postgresql))
system-packages: runtime-packages
	@$(if $(strip $(DEBIAN_PACKAGES)),$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(strip $(DEBIAN_PACKAGES)),true)

# Interface translations: locale/<lang>/LC_MESSAGES/django.po -> .mo (the .mo files are not committed).
messages: runtime-packages $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --ignore=var --verbosity 0 --settings=rjsite.settings_test

install: $(VENV)/.installed css messages

run: export DJANGO_DEBUG=1
# Emails, PDFs, feeds and the sitemap give the address the site is served on.
run: export BASE_URL=http://127.0.0.1:$(PORT)
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) collectstatic --noinput --verbosity 0
	@# Queue the every-minute scheduled publishing task (does nothing if it is already queued).
	$(MANAGE) start_scheduled_publishing
	$(MANAGE) purge_referrals --schedule
	@# The task worker (emails, scheduled publishing) runs beside the server and stops with it.
	@# --no-reload: Django's reloader checks every loaded file each second (6 % of a core
	@# at rest, docs/performance.md); restart `make run` after changing a task's code.
	bin/keep-running $(MANAGE) db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver 127.0.0.1:$(PORT)

# TEST_POSTGRES=1 runs the suite on a throw-away PostgreSQL cluster (bin/with-postgres).
# The tests run in one pytest-xdist worker per core, each with its own database, live
# server and browser; PYTEST_ARGS adds options (CI: -m "not browser" on PostgreSQL).
PYTEST_ARGS ?=
test: $(VENV)/.installed-test css system-packages messages
	@mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run --noinput --settings=rjsite.settings_test
	$(if $(TEST_POSTGRES),bin/with-postgres )$(VENV)/bin/pytest -n auto --durations=25 $(PYTEST_ARGS)

# The production configuration on loopback: gunicorn (gunicorn.conf.py) and the
# task worker, DEBUG off, a secret key and a referral encryption key made once in var/ (never committed).
# Plain HTTP on loopback, so the HTTPS redirect and secure cookies are off here only.
serve: export SECURE_SSL_REDIRECT=0
serve: export SECURE_COOKIES=0
serve: export SECURE_HSTS_SECONDS=0
serve: export BIND=127.0.0.1:$(PORT)
serve: export BASE_URL=http://127.0.0.1:$(PORT)
# Without reCAPTCHA keys in the environment, the form runs on its other guards (on loopback only).
serve: export RECAPTCHA_DISABLED=$(if $(RECAPTCHA_PUBLIC_KEY),0,1)
# Without a mail server in the environment, emails go to files in var/mail (on loopback only).
serve: export EMAIL_TO_FILES=$(if $(EMAIL_HOST)$(EMAIL_URL),0,1)
serve: install
	@mkdir -p var && [ -s var/production-secret-key ] || $(PY) -c 'import secrets; print(secrets.token_urlsafe(64))' > var/production-secret-key
	@[ -s var/production-field-key ] || $(PY) -c 'import secrets; print(secrets.token_urlsafe(48))' > var/production-field-key
	@chmod 600 var/production-secret-key var/production-field-key
	@export SECRET_KEY=$$(cat var/production-secret-key) FIELD_ENCRYPTION_KEYS=$$(cat var/production-field-key); set -e; \
	  $(MANAGE) check --deploy --fail-level ERROR; \
	  $(MANAGE) migrate --noinput; \
	  $(MANAGE) load_demo_content; \
	  $(MANAGE) collectstatic --noinput --verbosity 0; \
	  bin/keep-running $(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(VENV)/bin/gunicorn -c gunicorn.conf.py

# Throughput of public pages against a bare Django view (docs/performance.md).
bench-pages: install
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
	$(PY) bench/pages

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) node_modules static/css var
