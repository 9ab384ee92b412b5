# Two commands do everything (see README.md):
#   make example   create .venv, install, serve example_site/ on http://127.0.0.1:8000/
#   make test      create .venv, install, lint, type-check and run every test tier
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: example test lint test-fast test-jekyll test-browser test-coexist bench system-packages clean

# Debian's Python needs python3-venv for `-m venv`: installed when missing and running as root.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV) && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv \
		&& $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

example: $(STAMP)
	$(BIN)/mkdocs serve -f example_site/mkdocs.yml --dev-addr 127.0.0.1:8000

# System packages the slow tiers use (Debian's jekyll and chromium): installed when root.
system-packages:
	bash scripts/system-packages.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test-fast: $(STAMP)
	$(BIN)/pytest -m "not jekyll and not browser and not coexist" -n 2 tests

test-jekyll: $(STAMP) system-packages
	$(BIN)/pytest -m jekyll tests

test-browser: $(STAMP) system-packages
	$(BIN)/pytest -m browser tests

# The example blog beside other MkDocs plugins (the `coexist` extra; Cairo and fonts for cards).
test-coexist: $(STAMP) system-packages
	$(BIN)/python -m pip install --quiet -e '.[test,coexist]'
	$(BIN)/pytest -m coexist tests

test: lint test-fast test-jekyll test-browser test-coexist

# The benchmark (a script, not a test): matplotlib draws its plot and is not a package dependency.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet matplotlib
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) site example_site/site test-artifacts
