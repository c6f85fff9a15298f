# Naba: `make demo` builds the sample graph, `make test` runs every test.
# Both set up .venv first (torch's CPU build before camel-tools, as camel-tools needs torch).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Each client and the Debian package that holds it (fonts-noto-core comes with chromium, for
# Arabic glyphs); only the packages of missing clients are installed, so a node installed
# another way (nodesource's nodejs conflicts with Debian's npm) is left alone.
CLIENTS := rapper:raptor2-utils roqet:rasqal-utils jing:jing xmllint:libxml2-utils \
  chromium:chromium,fonts-noto-core chromedriver:chromium-driver node:nodejs npm:npm
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
	@pkgs=""; for c in $(CLIENTS); do \
	  command -v $${c%%:*} >/dev/null || pkgs="$$pkgs $$(echo $${c#*:} | tr , ' ')"; done; \
	if [ -n "$$pkgs" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$pkgs; \
	  else echo "system-deps: not root; install$$pkgs to run every test" >&2; fi; fi

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
