"""Extraction speed: words per second of the extraction pipelines vs bare spaCy tokenisation.

Usage:
    python benchmarks/extract_speed.py [--seconds 3] [--min-ratio 0.25] [--min-full-ratio 0.20]
                                       [--json]

Measured in the same run, on one core (the process is pinned to one CPU where the platform
allows; times are the process's CPU time, so other busy processes on the machine do not count
against any side), over the same texts: ../shared/seeds/*.txt, the texts of
../shared/eval/re3d_dev.jsonl (when ../shared is beside the project) and the bundled examples
(src/alliances/data/examples):
- bare tokenisation: `spacy.blank("en").make_doc(text)`;
- the reading pipeline (issue 3): the default pipeline without its relation components;
- the full default pipeline, with relations (ties and PLOVER events, issue 4).

Two regimes; in each, passes of the three sides take turns until `--seconds` have passed per
side (so a slow spell of the machine hits all sides alike) and each side's fastest pass counts:
- read once: before each pass every tokenizer's memory of strings is emptied, so every text is
  new to it, as in an ingest that reads each article once;
- re-read: the memories stay warm across passes, so spaCy's tokenizer mostly looks chunks up
  (about twice as fast), as when a long run of articles repeats most words.
Prints words/s and ratios for both, and each component's time (to tell a slow component's
owner). Exits 1 when, in either regime, the reading pipeline is below `--min-ratio` of the
tokenisation speed (the bar of issue 3) or the full pipeline below `--min-full-ratio` (issue 4).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import spacy

from alliances.documents import Document, read_document
from alliances.extract import default_pipeline
from alliances.extract.model import Extraction
from alliances.extract.pipeline import Pipeline, State
from alliances.extract.text import blank_english

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "src" / "alliances" / "data" / "examples"
RELATIONS = ("ties", "events")  # the components issue 4 added to the reading pipeline


def corpus() -> list[Document]:
    """The benchmark texts that are present: seeds, re3d dev texts, bundled examples."""
    documents = [read_document(p) for p in sorted((SHARED / "seeds").glob("*.txt"))]
    re3d = SHARED / "eval" / "re3d_dev.jsonl"
    if re3d.exists():
        with re3d.open(encoding="utf-8") as f:
            documents += [Document(text=json.loads(line)["text"]) for line in f if line.strip()]
    documents += [read_document(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    return documents


def empty_cache(nlp) -> None:
    """Forget every string a tokenizer has seen (the `rules` setter rebuilds its cache)."""
    nlp.tokenizer.rules = nlp.tokenizer.rules


def best_passes(runs: dict, seconds: float, before=lambda: None, passes: int = 2) -> dict:
    """Each run's fastest pass: passes of all `runs` take turns until each has had `seconds`
    (and at least `passes` passes); `before()` runs untimed ahead of each pass."""
    best = dict.fromkeys(runs, float("inf"))
    spent = dict.fromkeys(runs, 0.0)
    done = 0
    while min(spent.values()) < seconds or done < passes:
        for name, run in runs.items():
            before()
            started = time.process_time()
            run()
            elapsed = time.process_time() - started
            best[name] = min(best[name], elapsed)
            spent[name] += elapsed
        done += 1
    return best


def component_seconds(pipeline: Pipeline, documents: list[Document], seconds: float):
    """Each component's seconds for one pass of the corpus (the best of repeated passes)."""
    best: dict[str, float] = defaultdict(lambda: float("inf"))

    def one_pass() -> None:
        spent: dict[str, float] = defaultdict(float)
        for document in documents:
            state = State(document=document, extraction=Extraction(document=document))
            for component in pipeline.components:
                started = time.process_time()
                component(state)
                spent[component.name] += time.process_time() - started
        for name, value in spent.items():
            best[name] = min(best[name], value)

    best_passes({"components": one_pass}, seconds)
    return dict(best)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time budget per side")
    parser.add_argument("--min-ratio", type=float, default=0.25, help="reading pipeline bar")
    parser.add_argument("--min-full-ratio", type=float, default=0.20, help="full pipeline bar")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    documents = corpus()
    words = sum(len(d.text.split()) for d in documents)
    nlp = spacy.blank("en")
    full = default_pipeline()
    reading = Pipeline([c for c in full.components if c.name not in RELATIONS])
    full(documents[0])  # build lazy resources (gazetteer, matchers) outside the timing
    runs = {
        "tokenizer": lambda: [nlp.make_doc(d.text) for d in documents],
        "reading": lambda: [reading(d) for d in documents],
        "full": lambda: [full(d) for d in documents],
    }

    def forget() -> None:
        empty_cache(nlp)
        blank_english().tokenizer.forget()  # the tokenizer of the pipelines' "tokens" component

    regimes = {
        "read_once": best_passes(runs, args.seconds, before=forget),
        "reread": best_passes(runs, args.seconds),
    }
    shares = component_seconds(full, documents, args.seconds)
    result: dict = {"documents": len(documents), "words": words}
    failed = False
    for regime, best in regimes.items():
        result[regime] = {f"{name}_words_per_second": round(words / s) for name, s in best.items()}
        for side, bar in (("reading", args.min_ratio), ("full", args.min_full_ratio)):
            ratio = result[regime][f"{side}_ratio"] = round(best["tokenizer"] / best[side], 4)
            failed |= ratio < bar
    result["min_ratio"], result["min_full_ratio"] = args.min_ratio, args.min_full_ratio
    result["component_seconds"] = {name: round(s, 4) for name, s in shares.items()}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"corpus: {len(documents)} documents, {words} words")
        for regime, label in (("read_once", "read once"), ("reread", "re-read, warm caches")):
            r = result[regime]
            print(f"{label}:")
            print(f"  bare spaCy tokenisation: {r['tokenizer_words_per_second']:>9,} words/s")
            for side, name in (("reading", "reading pipeline"), ("full", "full pipeline")):
                speed, ratio = r[f"{side}_words_per_second"], r[f"{side}_ratio"]
                print(f"  {name + ':':24} {speed:>9,} words/s  ratio {ratio:.1%}")
        print(f"bars: reading >= {args.min_ratio:.0%}, full >= {args.min_full_ratio:.0%}")
        print("component times (re-read passes):")
        total = sum(shares.values()) or 1.0
        for name, seconds in sorted(shares.items(), key=lambda kv: -kv[1]):
            print(f"  {name:12} {seconds * 1000:8.1f} ms  {seconds / total:6.1%}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
