"""Loader speed: seconds to validate and store each real data set in ../shared/data.

Usage:
    python benchmarks/loaders_speed.py [--json]

Loads ATOP 5.1 (2,510 member rows), COW NMC v7 (17,121 state-years, ~120k quantity facts),
the SIPRI CSV extract and the GDELT 2.0 sample (2,111 events) into a fresh knowledge base and
times each load and one `panel` read. Target: every load under 20 s, the panel under 1 s (NMC,
the largest, takes about 6 s on an idle machine: each of its ~120k facts is fingerprinted and
inserted in one transaction).
Exits 1 when a target is missed; prints a note and exits 0 when ../shared is not there.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from alliances import loaders
from alliances.store import Store

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
LOADS = {
    "atop": (loaders.load_atop, DATA / "atop_5_1"),
    "nmc": (loaders.load_nmc, DATA / "cow" / "cow_nmc_v7_0.csv"),
    "sipri": (loaders.load_sipri, DATA / "sipri" / "sipri_milex_extract_9countries.csv"),
    "gdelt": (
        lambda store, path: loaders.load_gdelt(store, [path]),
        DATA / "gdelt" / "gdelt2_20191024143000.export.CSV",
    ),
}
LOAD_TARGET, PANEL_TARGET = 20.0, 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the timings as JSON")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is not there")
        return 0
    timings = {}
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.db") as store:
        for name, (load, path) in LOADS.items():
            start = time.perf_counter()
            loaded = load(store, path)
            timings[name] = {
                "seconds": time.perf_counter() - start,
                "rows": loaded.coverage["rows"],
            }
        start = time.perf_counter()
        rows = len(loaders.panel(store, "cinc"))
        timings["panel cinc"] = {"seconds": time.perf_counter() - start, "rows": rows}
    if args.json:
        print(json.dumps(timings, indent=2))
    else:
        for name, timing in timings.items():
            print(f"{name:12} {timing['seconds']:7.2f} s  {timing['rows']:>7} rows")
    slow = [
        n
        for n, t in timings.items()
        if t["seconds"] > (PANEL_TARGET if "panel" in n else LOAD_TARGET)
    ]
    if slow:
        print(f"slower than target: {', '.join(slow)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
