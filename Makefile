# Leerroute: `make run` starts the product with demo data, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Development commands below run with debug on; `make run` serves the demo with debug off, as in
# production (scripts/run.sh), on the embedded SQLite database unless DATABASE_URL is set.
RUN_ENV := DEBUG=1

.PHONY: run test lint install install-dev lock migrate demo-reset benchmark bench messages

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	scripts/ensure-weasyprint-libs.sh
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev
	scripts/ensure-chromium.sh

run: install
	PY=$(PY) scripts/run.sh $(HOST):$(PORT)

test: install-dev lint
	$(PY) -m pytest

# Code checks (also part of `make test`): ruff with ruff.toml, and the dependency contracts in .importlinter.
lint: install-dev
	$(VENV)/bin/ruff check apps leerroute domain tests scripts conftest.py
	$(VENV)/bin/lint-imports

demo-reset: install
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_demo --reset
	$(RUN_ENV) $(PY) manage.py compute_signals

# Import figures: 50,000 synthetic student rows validated and imported (BENCH_ROWS to change; on
# PostgreSQL with DATABASE_URL=postgres://...). Prints rows per second, not a timed test.
benchmark: install
	$(RUN_ENV) $(PY) scripts/benchmark_import.py

# KPI figures at national scale: the synthetic national data set (500,000 students) loaded into SQLite and
# PostgreSQL, the regional and national dashboards timed (cold/warm, median/p95) against hand-written SQL.
# Prints a JSON report, not a timed test. BENCH_ARGS="--scale 0.1 --runs 5" for a smaller run.
bench: install
	$(RUN_ENV) $(PY) scripts/bench_kpis.py $(BENCH_ARGS)

# Regenerate the lock files after editing requirements*.in (needs network).
lock:
	$(PYTHON) -m venv /tmp/leerroute-piptools && /tmp/leerroute-piptools/bin/pip install --quiet pip-tools
	/tmp/leerroute-piptools/bin/pip-compile --quiet --generate-hashes --strip-extras -o requirements.txt requirements.in
	/tmp/leerroute-piptools/bin/pip-compile --quiet --generate-hashes --strip-extras -o requirements-dev.txt requirements-dev.in
