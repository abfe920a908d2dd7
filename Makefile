# Every task of the project. `make demo` and `make test` do all set-up themselves.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.lock pyproject.toml | sha1sum | cut -c1-12)

.PHONY: demo test lint typecheck pytest soak bench lock system-deps clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/koto demo demo-out

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	bash scripts/typecheck.sh

pytest: $(STAMP)
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

test: lint typecheck pytest

# Long runs: the full fault-injection test and the stateful model test (marker `soak`, not in `make test`).
soak: $(STAMP)
	$(BIN)/pytest -n auto -m soak $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Regenerate the lock file (exact versions) from pyproject.toml.
lock: $(BIN)/python
	$(BIN)/pip install -q uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

# Debian packages the PDFs, the browser tests and the git daemon tests need (run as root).
system-deps:
	bash scripts/install-system-deps.sh

clean:
	rm -rf $(VENV) build dist _site demo-out .mypy_cache .pytest_cache .ruff_cache
