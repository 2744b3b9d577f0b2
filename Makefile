# PolicyReader — the README's commands. `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test install bench reliability lint screenshots clean system-deps

# The venv is (re)built when missing, when its python no longer runs, or when pyproject.toml changed.
$(STAMP): pyproject.toml
	@scripts/ensure-system-deps.sh qt
	@if ! $(BIN)/python -c 'import sys' >/dev/null 2>&1; then rm -rf $(VENV); $(PYTHON) -m venv $(VENV); fi
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,lint]'
	@touch $(STAMP)

install: $(STAMP)
	@$(BIN)/python -c 'import sys' 2>/dev/null || { rm -f $(STAMP); $(MAKE) install; }
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
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy src/policyreader

screenshots: install
	@scripts/ensure-system-deps.sh screenshots
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .benchmarks
