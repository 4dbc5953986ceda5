# Set-up and main entry points. Everything lands in .venv; only python3 (>= 3.11) and pip are needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test browser lint bench score clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/alliances demo

test: $(VENV)/.installed-test browser
	$(BIN)/ruff check src tests benchmarks scoring
	$(BIN)/python -m pytest -q

# Debian's chromium for the real-browser tests (never `playwright install`); tolerant of failure:
# without it those tests skip with a reason.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "could not install chromium: the browser tests will skip"; \
	fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks scoring

bench: $(VENV)/.installed-test
	for b in benchmarks/*_speed.py; do $(BIN)/python $$b || exit 1; done

# The scorers of ../shared/eval on our outputs (needs ../shared beside the project).
SHARED ?= ../shared
SCORED = /tmp/alliances-score
score: $(VENV)/.installed
	rm -rf $(SCORED) && mkdir -p $(SCORED)/seeds
	for f in $(SHARED)/seeds/*.txt; do \
		$(BIN)/alliances extract $$f > $(SCORED)/seeds/$$(basename $$f .txt).json || exit 1; done
	python3 $(SHARED)/eval/score.py $(SHARED)/eval/gold/seeds.jsonl $(SCORED)/seeds
	$(BIN)/python scoring/re3d_predictions.py $(SHARED)/eval/re3d_dev.jsonl $(SCORED)/re3d.jsonl
	python3 $(SHARED)/eval/score_re3d.py $(SHARED)/eval/re3d_dev.jsonl $(SCORED)/re3d.jsonl
	$(BIN)/alliances events --input $(SHARED)/eval/plover_dev.jsonl --output $(SCORED)/events.jsonl
	python3 $(SHARED)/eval/score_events.py $(SHARED)/eval/plover_dev.jsonl $(SCORED)/events.jsonl

clean:
	rm -rf $(VENV) alliances-demo.db report.html
