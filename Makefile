# The two commands in the README: `make site` builds the sample site, `make test` runs the tests.
# Both set up everything first (system packages, .venv) when it is missing or pyproject changed.
VENV := .venv
STAMP := $(VENV)/.bootstrapped

.PHONY: site test lint format clean

$(STAMP): pyproject.toml scripts/bootstrap.sh
	bash scripts/bootstrap.sh
	touch $(STAMP)

site: $(STAMP)
	$(VENV)/bin/briefing build

test: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/ruff format --check src tests benchmarks scripts
	$(VENV)/bin/pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks scripts

format: $(STAMP)
	$(VENV)/bin/ruff format src tests benchmarks scripts

clean:
	rm -rf build
