# The whole set-up on a fresh machine is one of these two commands:
#   make serve   build and serve the site on http://127.0.0.1:8000 (live reload)
#   make test    install everything and run the tests
# Both create .venv themselves with the pinned versions in constraints.txt.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# axe-core for the accessibility tests, pinned in package-lock.json.
NPM_STAMP := node_modules/.installed-stamp
export NO_MKDOCS_2_WARNING := 1
# Tests pin "today" so results do not change with the calendar.
TEST_TODAY ?= 2026-11-23

.PHONY: serve build test test-properdocs lint check clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NPM_STAMP)

serve: $(STAMP)
	$(BIN)/helpcentre serve --port 8000

build: $(STAMP)
	$(BIN)/helpcentre build --strict

check: $(STAMP)
	$(BIN)/helpcentre check

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

test: $(STAMP) $(NPM_STAMP) lint
	HELPCENTRE_TODAY=$(TEST_TODAY) $(BIN)/pytest -q -rs

# The site tests again with ProperDocs, MkDocs 1.6's maintained continuation, as
# the site engine (see README: choosing the site engine).
test-properdocs: $(STAMP) $(NPM_STAMP)
	HELPCENTRE_SITE_ENGINE=properdocs HELPCENTRE_TODAY=$(TEST_TODAY) $(BIN)/pytest -q -rs \
		tests/test_engine.py tests/test_site.py tests/test_split_build.py tests/test_feeds.py \
		tests/test_jsonld.py tests/test_html_valid.py tests/test_attack_corpus.py tests/test_browser.py

clean:
	rm -rf build/site $(VENV)
