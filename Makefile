# Two commands do everything (see README.md):
#   make example   create .venv, install, serve example_site/ on http://127.0.0.1:8000/
#   make test      create .venv, install, lint, type-check and run every test tier
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: example test lint test-fast test-sdist test-jekyll test-browser bench system-packages clean

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
	$(BIN)/pytest -m "not jekyll and not browser" -n 2 tests

# The suite runs from the sdist alone, outside the repository: the sdist is built and unpacked in
# a tmp folder, every test module is collected there, and the modules that read files of the
# repository (tests/data, example_site, benchmarks) run there against this venv.
SDIST_TESTS := test_slugify test_liquid test_example_site test_post_urls_build \
	test_blog_pages_build test_bench_smoke
test-sdist: $(STAMP)
	set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(BIN)/python -m build --sdist --outdir "$$tmp" . >/dev/null; \
	tar xzf "$$tmp"/*.tar.gz -C "$$tmp"; cd "$$tmp"/mkdocs_reeblog-*/; \
	export PYTHONPATH="$$PWD"; \
	$(abspath $(BIN))/pytest -p no:cacheprovider --collect-only -q tests >"$$tmp/collected" \
		|| { cat "$$tmp/collected"; exit 1; }; \
	tail -n 1 "$$tmp/collected"; \
	$(abspath $(BIN))/pytest -p no:cacheprovider -n 2 -m "not jekyll and not browser" \
		$(patsubst %,tests/%.py,$(SDIST_TESTS))

test-jekyll: $(STAMP) system-packages
	$(BIN)/pytest -m jekyll tests

test-browser: $(STAMP) system-packages
	$(BIN)/pytest -m browser tests

test: lint test-fast test-sdist test-jekyll test-browser

# The benchmark (a script, not a test): matplotlib draws its plot and is not a package dependency.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet matplotlib
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) site example_site/site test-artifacts
