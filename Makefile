# ROC Ortho patient site. `make run` serves the demo, `make test` proves it.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3
# `make run` serves like production (gunicorn, whitenoise, DEBUG off) on SQLite;
# staff mails link to the address it serves on and are written to $(MAIL_DIR).
MAIL_DIR := $(CURDIR)/.mail
RUN_ENV := DJANGO_SETTINGS_MODULE=clinic_site.settings.dev DJANGO_DEBUG=0 HOST=$(HOST) \
	WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) DJANGO_EMAIL_FILE_PATH=$(MAIL_DIR)
# From npm: axe-core for the browser suite (.ci/axe), and lighthouse, the
# validators and the Observatory scanner for `make budget`/`observatory` (.ci/node).
AXE := .ci/axe/node_modules/.package-lock.json
NODE_TOOLS := .ci/node/node_modules/.package-lock.json

.PHONY: install node-tools run dev prepare prod test test-fast budget bench loadtest two-instances observatory fuzz backup restore lint messages compilemessages check-messages clean

$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

install: $(BIN)/.installed

$(NODE_TOOLS): .ci/node/package.json .ci/node/package-lock.json
	npm ci --prefix .ci/node --no-audit --no-fund
	touch $@

$(AXE): .ci/axe/package.json .ci/axe/package-lock.json
	npm ci --prefix .ci/axe --no-audit --no-fund
	touch $@

node-tools: $(AXE) $(NODE_TOOLS)

compilemessages: install
	@if command -v msgfmt >/dev/null; then \
		$(MANAGE) compilemessages --ignore=.venv -v 0; \
	else \
		echo "msgfmt not found (apt-get install gettext): using the committed .mo files"; \
	fi

prepare: install compilemessages
	$(RUN_ENV) $(MANAGE) migrate --noinput -v 0
	$(RUN_ENV) $(MANAGE) createcachetable
	$(RUN_ENV) $(MANAGE) collectstatic --noinput -v 0
	$(RUN_ENV) $(MANAGE) load_demo_content
	$(RUN_ENV) $(MANAGE) clear_page_cache

# The task worker (front-desk mails) and the scheduled jobs (publishing,
# retention; pages/ops/scheduler.py) run beside gunicorn and stop with it.
run: prepare
	@echo "Serving ROC Ortho at http://$(HOST):$(PORT)/ (mails: $(MAIL_DIR)/)"
	$(RUN_ENV) $(MANAGE) run_task_worker & worker=$$!; \
	$(RUN_ENV) $(MANAGE) run_scheduled_jobs & jobs=$$!; \
	trap 'kill $$worker $$jobs 2>/dev/null; wait $$worker $$jobs 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) $(BIN)/gunicorn clinic_site.wsgi --config clinic_site/deploy/gunicorn.conf.py \
		--bind $(HOST):$(PORT) --workers $(WORKERS)

# Production settings from the environment (clinic_site/deploy/env.example), or
# from ENV_FILE=path: migrate, collect static files, then serve with gunicorn,
# the task worker and the scheduled jobs beside it, as the systemd units in clinic_site/deploy/ do.
PROD_ENV = set -a; $(if $(ENV_FILE),. $(abspath $(ENV_FILE));) set +a; \
	export DJANGO_SETTINGS_MODULE=clinic_site.settings.production;
prod: install compilemessages
	$(PROD_ENV) $(MANAGE) migrate --noinput -v 0
	$(PROD_ENV) $(MANAGE) collectstatic --noinput -v 0
	$(PROD_ENV) $(MANAGE) run_task_worker & worker=$$!; \
	$(PROD_ENV) $(MANAGE) run_scheduled_jobs & jobs=$$!; \
	trap 'kill $$worker $$jobs 2>/dev/null; wait $$worker $$jobs 2>/dev/null' EXIT INT TERM; \
	$(PROD_ENV) $(BIN)/gunicorn clinic_site.wsgi --config clinic_site/deploy/gunicorn.conf.py

# Backups: the database and the media in one archive encrypted with
# BACKUP_ENCRYPTION_KEY (pages/ops/backup.py). Uses
# DJANGO_SETTINGS_MODULE and DATABASE_URL from the environment, or production
# settings from ENV_FILE=path. `make restore ARCHIVE=… [RESTORE_DATABASE_URL=…]`
# needs an empty database (createdb, no migrate; RESTORE_DATABASE_URL wins over
# the one in ENV_FILE) and then migrates it to this release.
BACKUP_DIR ?= backups
BACKUP_ENV = $(if $(ENV_FILE),$(PROD_ENV)) \
	$(if $(RESTORE_DATABASE_URL),export DATABASE_URL='$(RESTORE_DATABASE_URL)';)
backup: install
	$(BACKUP_ENV) $(MANAGE) backup_site --output $(BACKUP_DIR)

restore: install
	@test -n "$(ARCHIVE)" || { echo "usage: make restore ARCHIVE=path/to/roc-backup-….tar.gz.enc"; exit 2; }
	$(BACKUP_ENV) $(MANAGE) restore_site $(ARCHIVE)
	$(BACKUP_ENV) $(MANAGE) migrate --noinput

dev: install compilemessages
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) createcachetable
	$(MANAGE) load_demo_content
	$(MANAGE) run_task_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

# The browser suite (tests/browser) needs Debian's chromium and the node tools.
# pytest-xdist runs the tests in TEST_PROCESSES processes: by default one more
# than the cores, as some tests wait (a scheduler's minute, servers, browsers)
# while the others keep the cores busy.
TEST_PROCESSES ?= $(shell echo $$(( $$(nproc) + 1 )))
test: install compilemessages $(AXE)
	$(BIN)/pytest -n $(TEST_PROCESSES)

# A quick local loop: no browser, nothing that starts processes (marker slow),
# a tenth of the Hypothesis examples. `make test` (and CI) still runs it all.
test-fast: install compilemessages
	$(BIN)/pytest -n $(TEST_PROCESSES) -m "not browser and not slow" --hypothesis-profile=fast

# Page weight and Lighthouse scores on a phone, and the validators (HTMLCS, IBM,
# Nu), on a throwaway copy of the demo site served as `make run` serves it;
# fails over budget or on a validator error (issues 7, 15).
budget: install compilemessages node-tools
	$(BIN)/python -m tests.perf.budget

# Requests per second and latency under wrk, same server; prints, never fails CI.
bench: install compilemessages
	$(BIN)/python -m tests.perf.bench --workers $(WORKERS)

# Reliability scripts (need PostgreSQL's server binaries and redis-server); they
# print figures and are not part of CI's pass/fail.
loadtest: install compilemessages
	$(BIN)/python -m tests.perf.loadtests.concurrency

two-instances: install compilemessages
	$(BIN)/python -m tests.perf.loadtests.two_instances

# MDN HTTP Observatory behind the example nginx with TLS (root, nginx, openssl;
# not part of CI): prints grade and score per page, fails below A+ / 120.
observatory: install compilemessages node-tools
	$(BIN)/python -m tests.perf.observatory

# 10,000 hostile requests (REQUESTS=…) against gunicorn as `make run` serves it and
# under production settings (needs PostgreSQL's server binaries and redis-server);
# prints the 5xx count, fails unless it is 0.
REQUESTS ?= 10000
fuzz: install compilemessages
	$(BIN)/python -m tests.perf.fuzz --requests $(REQUESTS) --workers $(WORKERS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: install
	$(MANAGE) makemessages -l de -l en --ignore=.venv --ignore=staticfiles --no-obsolete

check-messages:
	@fail=0; for po in locale/*/LC_MESSAGES/*.po; do \
		stats=$$(msgfmt --statistics -o /dev/null "$$po" 2>&1); echo "$$po: $$stats"; \
		case "$$po:$$stats" in locale/de/*untranslated*|locale/de/*fuzzy*) fail=1;; esac; \
	done; exit $$fail

clean:
	rm -rf staticfiles db.sqlite3
