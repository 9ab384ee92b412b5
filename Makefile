# Two commands do everything (see README.md):
#   make example   create .venv, install, serve example_site/ on http://127.0.0.1:8000/
#   make test      create .venv, install, lint, type-check and run every test tier
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: example test lint test-fast test-jekyll test-browser bench system-packages clean
.PHONY: test-package test-floors test-properdocs test-coexist

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

# The package as the index gets it: `python -m build` makes the sdist and, from it, the wheel;
# twine checks both, scripts/check_dist.py that they hold LICENSE and every package file. Then
# the suite runs from the sdist alone, outside the repository: unpacked in the tmp folder, every
# test module is collected there, and the modules that read files of the repository
# (tests/data, example_site, benchmarks) run there against this venv.
SDIST_TESTS := test_slugify test_liquid test_example_site test_post_urls_build \
	test_blog_pages_build test_bench_smoke
test-package: $(STAMP)
	set -e; dist=$$(mktemp -d); trap 'rm -rf "$$dist"' EXIT; \
	$(BIN)/python -m build --outdir "$$dist" . >"$$dist/build.log" 2>&1 \
		|| { cat "$$dist/build.log"; exit 1; }; \
	rm "$$dist/build.log"; \
	$(BIN)/twine check --strict "$$dist"/*; \
	$(BIN)/python scripts/check_dist.py "$$dist"; \
	mkdir "$$dist/unpacked"; tar xzf "$$dist"/*.tar.gz -C "$$dist/unpacked"; \
	cd "$$dist"/unpacked/mkdocs_reeblog-*/; export PYTHONPATH="$$PWD"; \
	$(abspath $(BIN))/pytest -p no:cacheprovider --collect-only -q tests >"$$dist/collected" \
		|| { cat "$$dist/collected"; exit 1; }; \
	tail -n 1 "$$dist/collected"; \
	$(abspath $(BIN))/pytest -p no:cacheprovider -n 2 -m "not jekyll and not browser" \
		$(patsubst %,tests/%.py,$(SDIST_TESTS))

# The oldest Python the package supports (requires-python) with the oldest version of every
# dependency (pyproject's lower bounds, as scripts/floors.py reads them): a few build tests and
# the post renderer's tests (markdown-it-py's oldest API, the oldest Python's regular expressions).
FLOORS_PYTHON ?= $(or $(shell python3.10 -c 'import sys; print(sys.executable)' 2>/dev/null),\
	$(firstword $(wildcard $(HOME)/.pyenv/versions/3.10*/bin/python3.10)))
FLOORS_VENV := .venv-floors
FLOORS_STAMP := $(FLOORS_VENV)/.installed-stamp

$(FLOORS_STAMP): pyproject.toml scripts/floors.py $(STAMP)
	@test -n "$(FLOORS_PYTHON)" || { echo "no python3.10 (requires-python's oldest):" \
		"install it or set FLOORS_PYTHON=/path/to/python3.10"; exit 1; }
	rm -rf $(FLOORS_VENV)
	$(FLOORS_PYTHON) -m venv $(FLOORS_VENV)
	$(BIN)/python scripts/floors.py >$(FLOORS_VENV)/floors.txt
	$(FLOORS_VENV)/bin/python -m pip install --quiet -c $(FLOORS_VENV)/floors.txt -e '.[test]'
	touch $@

test-floors: $(FLOORS_STAMP)
	$(FLOORS_VENV)/bin/pytest -p no:cacheprovider -n 0 -q \
		tests/test_smoke_build.py tests/test_example_site.py tests/test_bad_options.py \
		tests/test_post_render.py $(wildcard tests/test_kramdown_*.py)

# ProperDocs (the continuation of MkDocs 1.x) in MkDocs' place: its venv has no `mkdocs`
# package, so every `mkdocs.*` import is ProperDocs' alias (properdocs.replacement, which its
# command loads first, and pytest with `-p`). The example builds strictly, and a few tests run.
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed-stamp

$(PROPERDOCS_STAMP): pyproject.toml $(STAMP)
	rm -rf $(PROPERDOCS_VENV)
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet -e '.[test]' properdocs \
		properdocs-theme-mkdocs
	$(PROPERDOCS_VENV)/bin/python -m pip uninstall --quiet --yes mkdocs
	touch $@

test-properdocs: $(PROPERDOCS_STAMP)
	out=$$(mktemp -d) && trap 'rm -rf "$$out"' EXIT \
		&& DISABLE_MKDOCS_2_WARNING=true $(PROPERDOCS_VENV)/bin/properdocs build --strict -q \
			-f example_site/mkdocs.yml -d "$$out/site" \
		&& test -f "$$out/site/feed.xml" && test -f "$$out/site/tag/japan/index.html"
	$(PROPERDOCS_VENV)/bin/pytest -p properdocs.replacement -p no:cacheprovider -n 0 -q \
		tests/test_smoke_build.py tests/test_example_site.py tests/test_nav_cache.py \
		tests/test_bad_options.py

# The example blog beside other MkDocs plugins (the `coexist` extra; Cairo and fonts for cards).
test-coexist: $(STAMP) system-packages
	$(BIN)/python -m pip install --quiet -e '.[test,coexist]'
	$(BIN)/pytest -m coexist tests

test: lint test-fast test-package test-floors test-properdocs test-jekyll test-browser \
	test-coexist

# The benchmark (a script, not a test): matplotlib draws its plot and is not a package dependency.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet matplotlib
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(FLOORS_VENV) $(PROPERDOCS_VENV) site example_site/site test-artifacts
