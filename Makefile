# quotes: the two commands a new user runs are `make install` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# CPU build of torch by default; override e.g. `make install TORCH_SPEC="torch --index-url ..."`
TORCH_SPEC ?= torch==2.13.0
STAMP := $(VENV)/.installed

.PHONY: install test model eval bench clean report-demo golden

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -c "import torch" 2>/dev/null || $(BIN)/python -m pip install --quiet $(TORCH_SPEC)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The suite runs against the built wheel installed in a fresh virtual environment, not the
# source tree, so a model, data file or resources.json missing from the package fails here.
# The test environment reuses the dependencies of $(VENV) through a path file (no second
# torch install); the editable install of $(VENV) is not visible from it.
TEST_VENV := build/test-venv
test: install
	rm -rf build/wheel $(TEST_VENV) build/test-run
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation -w build/wheel .
	$(BIN)/python -m venv --without-pip $(TEST_VENV)
	$(BIN)/python -c "import sysconfig; print(sysconfig.get_paths()['purelib'])" \
	  > "$$($(TEST_VENV)/bin/python -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")/quotes-test-deps.pth"
	$(BIN)/python -m pip --python $(TEST_VENV)/bin/python install --quiet --no-deps build/wheel/quotes-*.whl
	mkdir -p build/test-run
	cd build/test-run && QUOTES_TEST_INSTALLED=1 ../../$(TEST_VENV)/bin/python -m pytest -q \
	  -p no:cacheprovider --rootdir ../.. -c ../../setup.cfg ../../tests

# Train the bundled Stanza models from ../shared/ud (about 2 hours on 2 CPU cores).
# Each stage skips itself when its model exists; run one alone with STAGES=pos.
STAGES ?=
model: install
	$(BIN)/python -m pip install --quiet -e ".[training]"
	$(BIN)/python -m quotes.training.recipe $(STAGES)

# The corpus gold is built from the hand annotations (corpora/annotations) and not tracked.
corpora/gold.jsonl: corpora/build_gold.py $(wildcard corpora/articles/*.txt corpora/annotations/*.json)
	$(PYTHON) corpora/build_gold.py > /dev/null

eval: install corpora/gold.jsonl
	$(BIN)/python -m quotes.cli evaluate corpora/gold.jsonl
	@if [ -f ../shared/eval/polnear-dev.jsonl ]; then \
	  for subset in all speech direct; do \
	    echo "== PolNeAR dev, subset $$subset"; \
	    $(BIN)/python -m quotes.cli evaluate ../shared/eval/polnear-dev.jsonl --subset $$subset; \
	  done; \
	else echo "../shared/eval not present: skipping PolNeAR"; fi
	@if [ -f ../shared/ud/en_gum-ud-test.conllu ]; then \
	  echo "== Speaker coreference, GUM dev + test (news, interview, bio, voyage)"; \
	  $(BIN)/python -m quotes.cli coref-eval ../shared/ud/en_gum-ud-dev.conllu ../shared/ud/en_gum-ud-test.conllu; \
	else echo "../shared/ud not present: skipping GUM coreference"; fi

bench: install
	$(BIN)/python -m tools.bench

clean:
	rm -rf build dist *.egg-info .pytest_cache

# A review page for the seed article and the corpus, and its screenshot in headless Chromium.
report-demo: install
	mkdir -p report-demo
	$(BIN)/quotes report seeds/000_cd2bf0a090a087de.txt corpora/articles -o report-demo/report.html
	$(BIN)/python -m tools.screenshot report-demo/report.html report-demo/report.png

# Rewrite the golden outputs in tests/golden/ (review the diff before committing).
golden: install
	$(BIN)/python tests/golden.py
