# PolicyReader — the README's commands. `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# The library a new data directory starts from (services/seed.py), with CC-CEDICT beside it: rebuilt when the
# corpus, the glossary, the schema or the way they are built change.
SEED   := src/policyreader/data/seed/library.db

.PHONY: run test install bench reliability lint interop screenshots translations clean system-deps dist dist-check

# The venv is (re)built when missing, when its python no longer runs, or when pyproject.toml changed.
$(STAMP): pyproject.toml
	@scripts/ensure-system-deps.sh qt
	@if ! $(BIN)/python -c 'import sys' >/dev/null 2>&1; then rm -rf $(VENV); $(PYTHON) -m venv $(VENV); fi
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,lint]'
	@touch $(STAMP)

$(SEED): $(STAMP) $(wildcard docs_corpus/*) $(wildcard glossary/*.toml glossary/entries/*.toml) \
        src/policyreader/services/seed.py src/policyreader/storage/schema.py src/policyreader/storage/dictionary.py
	$(BIN)/python -m policyreader.services.seed

install: $(STAMP)
	@$(BIN)/python -c 'import sys' 2>/dev/null || { rm -f $(STAMP); $(MAKE) install; }
	@$(MAKE) --no-print-directory $(SEED)
	@echo "installed: $(BIN)/policyreader"

run: install
	$(BIN)/policyreader

test: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest benchmarks --benchmark-only --benchmark-columns=min,median,max,rounds -p no:randomly -s

reliability: install
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/reliability.py

lint: install
	$(BIN)/ruff check src tests benchmarks scripts bundle
	$(BIN)/mypy src/policyreader bundle

# Our exports opened by OmegaT and LibreOffice (installed with apt-get when missing; minutes the first time).
interop: install
	$(BIN)/python tests/interop/run_interop.py

screenshots: install
	@scripts/ensure-system-deps.sh screenshots
	$(BIN)/python scripts/screenshots.py

# The interface's translations: the window's texts into the .ts files (translate what is new), then the .qm.
translations: install
	$(BIN)/python scripts/update_translations.py

# The self-contained app (not part of `make test`: a build takes minutes). See the README.
VERSION  = $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
ARCHIVE := dist/PolicyReader-$(VERSION)-linux-$(shell uname -m).tar.gz
DIST_STAMP := $(VENV)/.dist-stamp

$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,lint,dist]'
	@touch $(DIST_STAMP)

dist: install $(DIST_STAMP)
	@scripts/ensure-system-deps.sh dist
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
	  bundle/policyreader.spec
	tar -C dist -czf $(ARCHIVE) PolicyReader
	@echo "built: dist/PolicyReader/policyreader and $(ARCHIVE)"

# Unpacks the archive elsewhere and runs it as a user would, with a clean environment; prints each check.
dist-check: install
	@test -f $(ARCHIVE) || $(MAKE) dist
	@scripts/ensure-system-deps.sh dist-check
	$(BIN)/python -m bundle.check $(ARCHIVE)

clean:
	rm -rf $(VENV) .pytest_cache .benchmarks build dist
