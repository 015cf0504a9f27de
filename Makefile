# The two commands: `make site` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: site check test serve validate lint clean chromium bench
.DEFAULT_GOAL := site

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints.txt -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[bench]'
	touch $@

## site: validate data/ and build the example portal into site/ (every time it runs)
site: $(STAMP)
	$(PY) -m portalgen build

## validate: check data/ and print every problem for editors
validate: $(STAMP)
	$(PY) -m portalgen validate data

## serve: preview the portal at http://127.0.0.1:8000/portalgen/; a saved file rebuilds only the pages it changes
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve

## chromium: Debian's Chromium for the browser tests (or the browser PORTALGEN_CHROMIUM names)
chromium:
	@test -x "$${PORTALGEN_CHROMIUM:-/usr/bin/chromium}" || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## check: the fast tier: every test that needs no browser and no build (about a minute and a half)
check: $(TEST_STAMP)
	$(VENV)/bin/ruff check src plugins tests
	$(PY) -m pytest -n auto --dist loadgroup -m "not browser and not build and not hostile"

## test: install what the tests need and run them all
test: $(TEST_STAMP) chromium
	$(VENV)/bin/ruff check src plugins tests
	$(PY) -m pytest -n auto --dist loadgroup

## bench: measure builds at 1, 10, 100 and 300 partnerships (slow: about half an hour)
bench: $(BENCH_STAMP) chromium
	$(PY) bench/run.py

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check src plugins tests
	$(VENV)/bin/ruff format --check src plugins tests

clean:
	rm -rf $(VENV) site .portalgen-build-*
