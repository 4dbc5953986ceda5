"""Dashboard speed: first render and slider step of the network page in headless chromium.

Usage:
    python benchmarks/dashboard_speed.py [--nodes 200] [--edges 5000] [--steps 60] [--json]

Builds a knowledge base holding a synthetic ties dataset (`--nodes` states, `--edges` dated
ties among them, fixed seed), serves it with the real dashboard on 127.0.0.1 (a free port)
and drives Debian's chromium (/usr/bin/chromium) with Playwright:
- first render: from navigation start to the first painted frame after the network is drawn
  (the server's one-off cold computation of the layout is reported apart);
- slider step: from moving the slider one year to the next painted frame, over `--steps`
  years; the median is reported.
Targets: first render < 1.5 s, median step < 150 ms. Exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pycountry

from alliances.facts import Fact
from alliances.store import Store
from alliances.web import create_app
from alliances.web.server import running

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
TARGET_FIRST_RENDER_S = 1.5
TARGET_STEP_MS = 150
PAINTED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
STEPS = """async (years) => {
  const slider = document.getElementById("slider");
  const times = [];
  for (const year of years) {
    const t0 = performance.now();
    slider.value = year;
    slider.dispatchEvent(new Event("input"));
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    times.push(performance.now() - t0);
  }
  return times;
}"""


def synthetic_store(path: Path, nodes: int, edges: int, seed: int = 1) -> None:
    """A ties dataset of `edges` agreements among `nodes` states, each over random years."""
    rng = random.Random(seed)
    states = sorted(c.alpha_3 for c in pycountry.countries)[:nodes]
    facts = []
    for row in range(edges):
        a, b = rng.sample(states, 2)
        start = rng.randint(1946, 2020)
        end = rng.choice([None, rng.randint(start, 2026)])
        facts.append(
            Fact(
                kind="tie",
                arguments={"kind": "agreement", "name": f"synthetic {row}", "members": [a, b]},
                producer="benchmarks/dashboard_speed.py",
                producer_version="1",
                valid_from=str(start),
                valid_from_precision="year",
                valid_to=str(end) if end else None,
                valid_to_precision="year" if end else None,
                dataset="synthetic",
                dataset_row=str(row),
            )
        )
    with Store(path) as store:
        store.replace_dataset(
            "synthetic", "1", "synthetic benchmark ties", __file__, {"years": [1946, 2026]}, facts
        )


def measure(url: str, steps: int) -> dict:
    from playwright.sync_api import sync_playwright

    network = f"{url}/network?region=all&at=1990"
    started = time.perf_counter()
    history = httpx.get(network, timeout=120)  # the server's one-off layout, then cached
    cold_server_s = time.perf_counter() - started
    history.raise_for_status()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{url}/documents")  # a warm browser, as a person's would be
        page.goto(network, wait_until="commit")
        page.wait_for_selector("#graph canvas", timeout=60_000)
        page.evaluate(PAINTED)
        first_render_s = page.evaluate("performance.now()") / 1000
        drawn = page.evaluate(
            "() => [window.allianceNetwork.graph.order, window.allianceNetwork.graph.size]"
        )
        years = [1990 + (i % 36) for i in range(1, steps + 1)]
        times = page.evaluate(STEPS, years)
        browser.close()
    return {
        "nodes": drawn[0],
        "edges": drawn[1],
        "server_cold_s": round(cold_server_s, 3),
        "first_render_s": round(first_render_s, 3),
        "step_median_ms": round(statistics.median(times), 1),
        "step_p90_ms": round(sorted(times)[int(0.9 * len(times)) - 1], 1),
        "steps": len(times),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=200)
    parser.add_argument("--edges", type=int, default=5000)
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    if not CHROMIUM.exists():
        print("dashboard_speed: skipped, needs Debian's chromium at /usr/bin/chromium")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        synthetic_store(path, options.nodes, options.edges)
        with running(create_app(path)) as url:
            result = measure(url, options.steps)
    ok = (
        result["first_render_s"] < TARGET_FIRST_RENDER_S
        and result["step_median_ms"] < TARGET_STEP_MS
    )
    if options.json:
        print(json.dumps({**result, "ok": ok}))
    else:
        print(
            f"network of {result['nodes']} nodes / {result['edges']} edges "
            f"(synthetic {options.nodes}/{options.edges} plus the bundled reference)\n"
            f"server, cold layout:  {result['server_cold_s']:.3f} s (once per knowledge base)\n"
            f"first render:         {result['first_render_s']:.3f} s "
            f"(target < {TARGET_FIRST_RENDER_S} s)\n"
            f"slider step, median:  {result['step_median_ms']:.1f} ms "
            f"(p90 {result['step_p90_ms']:.1f} ms over {result['steps']} steps; "
            f"target < {TARGET_STEP_MS} ms)\n"
            f"{'OK' if ok else 'MISSED a target'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
