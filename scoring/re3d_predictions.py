"""Run the default extraction pipeline over re3d documents and write predictions for scoring.

Usage:
    python scoring/re3d_predictions.py ../shared/eval/re3d_dev.jsonl PRED.jsonl
    python3 ../shared/eval/score_re3d.py ../shared/eval/re3d_dev.jsonl PRED.jsonl

Each input line is a re3d record ({"id", "text", ...}); each output line is the extraction object
of that text with `document.source_file = "<id>.txt"`, which is how the scorer pairs them.
re3d records carry no publication date, so relative dates resolve against years in the text.
"""

from __future__ import annotations

import argparse
import json
import time

from alliances.documents import Document
from alliances.extract import default_pipeline


def predictions(records: list[dict]):
    """Yield one extraction object (schema JSON) per re3d record."""
    pipeline = default_pipeline()
    for record in records:
        document = Document(text=record["text"], title=record.get("title"))
        extraction = pipeline(document).to_json()
        extraction["document"]["source_file"] = f"{record['id']}.txt"
        yield extraction


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", help="re3d JSONL (e.g. ../shared/eval/re3d_dev.jsonl)")
    parser.add_argument("out", help="where to write the prediction JSONL")
    args = parser.parse_args(argv)
    with open(args.gold, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    started = time.perf_counter()
    with open(args.out, "w", encoding="utf-8") as out:
        for extraction in predictions(records):
            out.write(json.dumps(extraction, ensure_ascii=False) + "\n")
    print(f"{len(records)} documents in {time.perf_counter() - started:.2f}s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
