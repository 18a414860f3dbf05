# Mailplane: `make run` serves the demo, `make test` runs every test.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export MAILPLANE_DATA_DIR ?= ./data

.PHONY: run check test test-postgres install openapi sdk bench bench-deps lint clean web web-test

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml sdk/pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]' -e ./sdk
	touch $@

install: $(VENV)/.installed

# The web app (web/): npm ci when the lockfile changes, a build when a source changes.
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/index.html web/vite.config.ts web/tsconfig.json
web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	cd web && npm run build

web: web/dist/index.html

web-test: web/node_modules/.package-lock.json
	cd web && npm test

# The demo may call webhooks on loopback (examples/webhook_receiver.py); production keeps
# the SSRF defence (https and public addresses only).
run: export MAILPLANE_WEBHOOKS_ALLOW_PRIVATE ?= true
run: install web
	$(BIN)/mailplane init --org "Demo Corp" --domain demo.mailplane.test --admin admin --if-missing
	$(BIN)/mailplane serve --role all

# The checks STYLE.md promises, first: lint, the layer contract (docs/architecture.md), types.
check: install
	$(BIN)/ruff check api schemas tests benchmarks examples
	$(BIN)/lint-imports
	$(BIN)/mypy

test: install check web web-test
	$(BIN)/pytest -n 2 -q --ignore=tests/sdk
	$(BIN)/pytest -q tests/sdk  # one process: its last test checks every operation was served

# CI's PostgreSQL pass: every test that reaches a database, on the PostgreSQL named by
# MAILPLANE_TEST_DATABASE_URL. The checks, the web unit tests and the tests that touch no
# database (parsers, signatures, spam rules) already ran in `make test` and would give the
# same answers again (tests/conftest.py decides which).
test-postgres: export MAILPLANE_TEST_DATABASE_ONLY = 1
test-postgres: install web
	@test -n "$$MAILPLANE_TEST_DATABASE_URL" || { echo "set MAILPLANE_TEST_DATABASE_URL"; exit 2; }
	$(BIN)/pytest -n 2 -q --ignore=tests/sdk
	$(BIN)/pytest -q tests/sdk

openapi: install
	$(BIN)/mailplane openapi export

sdk: openapi
	$(BIN)/python -m tests.sdk_generation --write

bench: install
	$(BIN)/python benchmarks/api_overhead.py

# The peers and tools the side-by-side benchmarks start (as root): Postfix + Dovecot with
# fts-xapian (imap.py, mailbox_scale.py, smtp_ingest.py, migration.py), wrk, isync, Chromium.
bench-deps:
	echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q postfix dovecot-imapd dovecot-lmtpd \
	  dovecot-pop3d dovecot-fts-xapian knot swaks wrk isync chromium haproxy postgresql

lint: install
	$(BIN)/ruff check api schemas tests benchmarks examples
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) data web/node_modules web/dist
