# Verzuimportaal — the two set-up commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_VERSION := $(shell cat .python-version)
PYTHON := $(shell PYENV_VERSION=$(PYTHON_VERSION) pyenv which python 2>/dev/null || command -v python$(basename $(PYTHON_VERSION)) || command -v python3.12)
VENV := .venv
BIN := $(VENV)/bin
DEMO_ENV := DJANGO_SETTINGS_MODULE=verzuimportaal.conf.dev
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/verzuimportaal
CHROMIUM ?= /usr/bin/chromium
PYTEST_WORKERS ?= auto
# The other dates the whole suite must pass on (ADR 0012): a year change and a leap day.
TESTDATUMS ?= 2027-01-01 2028-02-29

.PHONY: help demo test test-datums check lint typecheck services pytest lock vendor clean openapi stack stack-stop last vertalingen

help:
	@echo "make demo   - install, migrate an embedded SQLite database, load demo data, serve on http://127.0.0.1:8000"
	@echo "make test   - install, run all quality gates and the full test suite on PostgreSQL incl. browser tests"
	@echo "make stack  - production stack on this machine: 2 gunicorn nodes (8720, 8721), 2 Celery workers, beat"
	@echo "make stack-stop - stop that stack;  make last - load run against it (bench/last.py)"
	@echo "make vertalingen - collect the translatable texts into locale/en/.../django.po and compile the .mo"
	@echo "make test-datums - the full test suite again with the machine clock moved to $(TESTDATUMS) (faketime)"

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python $(PYTHON_VERSION) niet gevonden (pyenv install $(PYTHON_VERSION))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.dev-installed: requirements/dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/dev.txt
	touch $@

demo: $(VENV)/.dev-installed
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(DEMO_ENV) $(BIN)/python manage.py demo_data
	$(DEMO_ENV) $(BIN)/python manage.py simulator_demo
	$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

services:
	@$(BIN)/python -c "import psycopg,sys; psycopg.connect('$(TEST_DATABASE_URL)'.rsplit('/',1)[0] + '/postgres', connect_timeout=5).close()" \
		|| { echo "FOUT: PostgreSQL op $(TEST_DATABASE_URL) is niet bereikbaar; de tests draaien alleen op PostgreSQL."; exit 1; }
	@test -x "$(CHROMIUM)" || { echo "FOUT: $(CHROMIUM) ontbreekt; installeer Debian-pakket chromium (zie .ci/run)."; exit 1; }
	@command -v pg_dump >/dev/null && command -v pg_restore >/dev/null || { echo "FOUT: pg_dump/pg_restore ontbreken; installeer Debian-pakket postgresql-client (hersteloefening, docs/backup.md)."; exit 1; }

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy verzuimportaal eherkenning_simulator tests bench

check: lint typecheck
	DATABASE_URL=sqlite:///:memory: $(BIN)/python manage.py makemigrations --check --dry-run --settings=verzuimportaal.conf.ci
	DATABASE_URL=sqlite:///:memory: $(BIN)/python manage.py check --settings=verzuimportaal.conf.ci

pytest: $(VENV)/.dev-installed services
	DATABASE_URL=$(TEST_DATABASE_URL) CHROMIUM_PATH=$(CHROMIUM) DJANGO_ALLOW_ASYNC_UNSAFE=true \
		$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup -q -rfE

test: check pytest

# The whole suite once per date in TESTDATUMS, at noon, with libfaketime moving the clock of every
# process it starts (pytest and its workers, the live server, Chromium, the Celery worker test).
# TESTDATUM lets conftest.py check that the clock really moved.
test-datums: $(VENV)/.dev-installed services
	@command -v faketime >/dev/null || { echo "FOUT: faketime ontbreekt; installeer het Debian-pakket faketime (zie .ci/run)."; exit 1; }
	@for datum in $(TESTDATUMS); do \
		echo "== Testsuite met de klok op $$datum 12:00 =="; \
		TESTDATUM=$$datum faketime "$$datum 12:00:00" $(MAKE) --no-print-directory pytest || exit 1; \
	done

# The committed API contract (docs/api/openapi.yaml); a test fails when it drifts from the code.
# Generated for PostgreSQL, whose integer limits it states.
openapi: $(VENV)/.dev-installed
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python manage.py spectacular --settings=verzuimportaal.conf.ci \
		--validate --fail-on-warn --file docs/api/openapi.yaml

# The English catalogue (ADR 0044): the Dutch texts as msgids, file names without line numbers (a
# moved line changes nothing); the compiled .mo is committed and a test checks it is current.
VERTAALBAAR_NIET := -i .venv -i node_modules -i eherkenning_simulator -i tests -i bench -i docs \
	-i scripts -i verzuimportaal/static
vertalingen: $(VENV)/.dev-installed
	$(BIN)/python manage.py makemessages -l en --no-obsolete --add-location=file $(VERTAALBAAR_NIET)
	$(BIN)/python manage.py compilemessages -l en -i .venv -i node_modules

lock: $(BIN)/python
	@echo "Installeer requirements/dev.in in een schone venv en schrijf pins met pip freeze."

vendor:
	rm -rf /tmp/vp-vendor && mkdir -p /tmp/vp-vendor && cd /tmp/vp-vendor && npm init -y >/dev/null \
		&& npm install --silent @utrecht/component-library-css htmx.org axe-core chart.js@4
	cp /tmp/vp-vendor/node_modules/@utrecht/component-library-css/dist/index.css verzuimportaal/static/vendor/utrecht/component-library.css
	cp /tmp/vp-vendor/node_modules/htmx.org/dist/htmx.min.js verzuimportaal/static/vendor/htmx/htmx.min.js
	cp /tmp/vp-vendor/node_modules/axe-core/axe.min.js tests/browser/assets/axe.min.js
	cp /tmp/vp-vendor/node_modules/chart.js/dist/chart.umd.js verzuimportaal/static/vendor/chartjs/chart.umd.js
	# No source maps are shipped; hashed static file names (collectstatic) need every reference to exist.
	sed -i '/^\/\/# sourceMappingURL=/d' verzuimportaal/static/vendor/chartjs/chart.umd.js

# One-box production stack against the local PostgreSQL and Redis (docs/deploy.md).
stack: $(VENV)/.dev-installed
	scripts/stack.sh start

stack-stop:
	scripts/stack.sh stop

# Bounded load run against the stack, started with the bench settings (production settings plus
# the trivial view and the minimal POST endpoint); prints the tables of docs/scaling.md.
LAST_ARGS ?=
last: $(VENV)/.dev-installed
	STACK_INSTELLINGEN=bench.last_instellingen scripts/stack.sh start
	source .stack/env && $(BIN)/python bench/last.py $(LAST_ARGS)

clean:
	rm -rf $(VENV) demo.sqlite3 static_root
