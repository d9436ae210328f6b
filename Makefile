# The house commands. They run the code of this checkout (src/ first on the path), so they work in a
# worktree beside an editable install of another one.
PYTHON ?= python
export PYTHONPATH := $(CURDIR)/src:$(CURDIR)
# Files held to ruff (check): every file added or touched since ruff ran in CI; `make lint-all` shows the rest.
LINTED = $(shell cat .ruff-checked)

.PHONY: install test test-fast test-all lint lint-all format typecheck bench

install:  # the README's second command, without running the tests
	$(PYTHON) -m pip install -U pip && pip install torch==2.13.0 && CMAKE_ARGS="-DGGML_NATIVE=OFF" pip install -e '.[test]'

test-fast:  # the quick loop: no slow tests, stop at the first failure
	$(PYTHON) -m pytest -q -x

test:  # every test not marked slow (bundled-model runs, Ray and mypy are left out)
	$(PYTHON) -m pytest -q

test-all:  # the README's and CI's command: everything (about 30 minutes on 2 cores)
	$(PYTHON) -m pytest -m 'slow or not slow'

lint:  # ruff on the files held to it (.ruff-checked); pre-commit runs it on every file a commit touches
	$(PYTHON) -m ruff check $(LINTED)

lint-all:  # ruff on everything: the debt still to pay (not a gate)
	-$(PYTHON) -m ruff check --statistics src tests benchmarks

typecheck:  # mypy with pydantic's plugin, as tests/test_typing.py runs it
	$(PYTHON) -m mypy

bench:  # the engine's throughput and the dedup benchmark (benchmarks are measured, not timed tests)
	$(PYTHON) benchmarks/engine_throughput.py
	$(PYTHON) benchmarks/dedup.py
