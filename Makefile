# Naba: `make demo` builds the sample graph, `make test` runs every test.
# Both set up .venv first (torch's CPU build before camel-tools, as camel-tools needs torch).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := raptor2-utils rasqal-utils jing libxml2-utils chromium chromium-driver fonts-noto-core \
  nodejs npm
STAMP := $(VENV)/.installed
COMPILED := $(VENV)/.compiled
# graphology-gexf, the second GEXF reader of the tests, from the npm registry (tests/js)
NPM_CLIENT := tests/js/node_modules/.package-lock.json

.PHONY: demo test bench check compile system-deps clean

$(STAMP): pyproject.toml setup.py
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(COMPILED)

# The installation compiles ingest/ with mypyc (setup.py); compile again when a source changes
# or when the compiled library is gone.
ifeq ($(wildcard ingest/_compiled__mypyc*.so),)
.PHONY: $(COMPILED)
endif
compile: $(COMPILED)
$(COMPILED): $(STAMP) $(wildcard ingest/*.py)
	$(BIN)/python setup.py -q build_ext --inplace
	touch $@

demo: $(COMPILED)
	$(BIN)/naba build samples/news.jsonl -o out/sample.ttl
	$(BIN)/naba view out/sample.ttl -o out/sample.html
	$(BIN)/naba export out/sample.ttl -o out/sample.gexf

# Clients the tests drive for real (rapper, roqet, jing, chromium, node); installed when missing
# and root.
system-deps:
	@missing=""; for t in rapper roqet jing xmllint chromium chromedriver node npm; do \
	  command -v $$t >/dev/null || missing=1; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	  else echo "system-deps: not root; install $(APT_PACKAGES) to run every test" >&2; fi; fi

$(NPM_CLIENT): tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund --loglevel=error

test: $(COMPILED) system-deps
	$(MAKE) $(NPM_CLIENT)
	$(BIN)/pytest -q

bench: $(COMPILED)
	$(BIN)/python bench/run.py

check: $(COMPILED) system-deps
	$(MAKE) $(NPM_CLIENT)
	$(BIN)/ruff check naba ingest graph tests bench setup.py
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) out .cache build ingest/*.so tests/js/node_modules
