# Mailplane: `make run` serves the demo, `make test` runs every test.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export MAILPLANE_DATA_DIR ?= ./data

.PHONY: run check test test-sqlite test-postgres install openapi sdk bench lint clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml sdk/pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]' -e ./sdk
	touch $@

install: $(VENV)/.installed

# The demo may call webhooks on loopback (examples/webhook_receiver.py); production keeps
# the SSRF defence (https and public addresses only).
run: export MAILPLANE_WEBHOOKS_ALLOW_PRIVATE ?= true
run: install
	$(BIN)/mailplane init --org "Demo Corp" --domain demo.mailplane.test --admin admin --if-missing
	$(BIN)/mailplane serve --role all

# The checks STYLE.md promises, first: lint, the layer contract (docs/architecture.md), types.
check: install
	$(BIN)/ruff check api schemas tests benchmarks examples
	$(BIN)/lint-imports
	$(BIN)/mypy

test: install check
	$(BIN)/pytest -n 2 -q --ignore=tests/sdk
	$(BIN)/pytest -q tests/sdk  # one process: its last test checks every operation was served

openapi: install
	$(BIN)/mailplane openapi export

sdk: openapi
	$(BIN)/python -m tests.sdk_generation --write

bench: install
	$(BIN)/python benchmarks/api_overhead.py

lint: install
	$(BIN)/ruff check api schemas tests benchmarks examples
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) data
