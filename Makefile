# WayGo — every entry point a developer or CI uses. `make test` and `make demo` install what they need first.
SHELL := /bin/bash
NODE_RUN := node --import tsx
BOARD ?= puckjs
BOARDS := puckjs pixljs mdbt42q

.PHONY: all install test typecheck lint unit demo firmware firmware-all bench soak test-espruino clean

all: test

# npm ci only when the lock file changed since the last install.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.installed

typecheck: install
	npx tsc -p tsconfig.json

lint: install
	npx eslint --max-warnings 0 .

unit: install firmware-all
	$(NODE_RUN) test/run.ts $(FILTER)

# The browser tests drive Debian's Chromium: installed with apt-get when missing; WAYGO_SKIP_BROWSER=1 skips both.
# A failed install does not stop the run: the other tests still run and the browser tests fail, saying why.
.PHONY: chromium
chromium: install
	-$(NODE_RUN) tools/browser/main.ts
unit: chromium

test: typecheck lint unit

demo: install
	$(NODE_RUN) tools/demo/index.ts

firmware: install
	$(NODE_RUN) tools/bin/waygo.mjs build --board $(BOARD)

firmware-all: install
	$(NODE_RUN) tools/bin/waygo.mjs build --board all

bench: install firmware-all
	$(NODE_RUN) tools/bench/run.ts

soak: install firmware-all
	WAYGO_SOAK=1 $(NODE_RUN) test/run.ts $(FILTER)

# The firmware suite on a Linux build of the Espruino interpreter: make test-espruino ESPRUINO=/path/to/espruino
test-espruino: install firmware-all
	ESPRUINO=$(ESPRUINO) $(NODE_RUN) test/run.ts espruino

clean:
	rm -rf build bench-results.json test-artifacts
