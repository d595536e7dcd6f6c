# make start | make app | make test | make test-quick | make lint | make bench | make lock
# Each target creates .venv on first use and installs the pinned lock (binder/requirements.txt).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PORT ?= 8866

.PHONY: start app test test-quick lint bench lock

$(STAMP): pyproject.toml binder/requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r binder/requirements.txt
	@touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

start: $(STAMP)
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb $(ROOT_FLAG)

# Voila's config files: the launch folder's (Voila's default), then infoint_server/config's
# voila.py, which makes every page set the _xsrf cookie, so that closing or reloading a page shuts
# its kernel down at once (voila#1458). Idle culling stays as the backstop.
app: $(STAMP)
	@echo "The workbook app: http://127.0.0.1:$(PORT)/voila/render/app.ipynb (Ctrl-C stops it)"
	$(BIN)/voila notebooks --no-browser --Voila.ip=127.0.0.1 --port=$(PORT) \
		--Voila.config_file_paths=. --Voila.config_file_paths=infoint_server/config \
		--MappingKernelManager.cull_idle_timeout=300 --MappingKernelManager.cull_interval=60

# Every test: unit, in-process UI, slow (multi-process safety, fresh environment), papermill
# notebooks and the real-browser tests, after the lint and format checks (either failing stops it).
test: lint
	$(BIN)/python -m pytest

# The quick loop: unit and in-process UI tests only (no browser, no notebooks, nothing slow),
# each Hypothesis property on a quarter of its examples (tests/hypothesis_budget.py).
test-quick: lint
	INFOINT_QUICK_TESTS=1 $(BIN)/python -m pytest -m "not browser and not notebook and not slow"

# ruff, configured in pyproject.toml ([tool.ruff]): the whole tree, notebooks included.
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(TEST_STAMP)
	$(BIN)/python -m benchmarks

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[lock]'
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --no-header --quiet -o $(VENV)/lock.tmp
	{ echo "# The pinned lock of pyproject.toml's dependencies, for Binder and 'make start'."; \
	  echo "# Regenerate with 'make lock'; never edit by hand (tests/test_binder.py checks it matches)."; \
	  cat $(VENV)/lock.tmp; echo "-e ."; } > binder/requirements.txt
	@rm -f $(VENV)/lock.tmp
