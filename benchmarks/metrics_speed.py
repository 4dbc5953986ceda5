"""Metric speed: all four families, yearly 1946–2026, for one hub — igraph path vs networkx.

Usage:
    python benchmarks/metrics_speed.py [--hub USA] [--region indo-pacific] [--repeat 5]
                                       [--min-ratio 5] [--json]

The system is built once from the bundled reference, plus ATOP 5.1 and the SIPRI extract when
../shared/data is beside the project (loaded into a temporary store). Then, in the same run:

- igraph path: `alliances.system.series` (the product's code): each year, a vectorised cut of
  the prebuilt python-igraph multigraph, then the metric functions on igraph graphs;
- networkx path: the same algorithm written the usual networkx way — one MultiGraph holding
  every edge with its span, each year an `edge_subgraph` of the active edges, then networkx's
  own betweenness and effective size, with the same non-graph functions (asymmetry, burden,
  cohesion).

Both paths' structure results are compared (they must agree), each path runs `--repeat`
times and keeps its best time. Prints both timings and the ratio; exits 1 when the igraph path
is less than `--min-ratio` times faster (issue 6 asks for 5).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

import networkx as nx

from alliances.loaders import load_atop, load_sipri
from alliances.metrics.asymmetry import (
    OBLIGATIONS,
    capability_ratio,
    equality_index,
    obligation_asymmetry,
)
from alliances.metrics.burden import burden_sharing_index, olson_zeckhauser, share_of_gdp
from alliances.metrics.cohesion import cohesion
from alliances.store import Store
from alliances.system import build_system, get_region
from alliances.system.model import interval
from alliances.system.series import COMBINED, FAMILIES, Scope, family_series
from alliances.system.values import Values

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
YEARS = range(1946, 2027)


def load(store: Store) -> list[str]:
    """Load what ../shared/data offers; returns the names of what was loaded."""
    loaded = []
    if (DATA / "atop_5_1").exists():
        load_atop(store, DATA / "atop_5_1")
        loaded.append("atop 5.1")
    sipri = DATA / "sipri" / "sipri_milex_extract_9countries.csv"
    if sipri.exists():
        load_sipri(store, sipri)
        loaded.append("sipri")
    return loaded


def igraph_path(system, values, scope) -> dict[str, list[dict]]:
    system.clear_cache()  # every run cuts the graph afresh
    return {family: family_series(family, system, values, scope, YEARS) for family in FAMILIES}


# -- networkx path ----------------------------------------------------------------------------


def nx_multigraph(system) -> nx.MultiGraph:
    graph = nx.MultiGraph()
    graph.add_nodes_from(system.graph.vs["name"])
    for edge in system.graph.es:
        graph.add_edge(edge["a"], edge["b"], **edge.attributes())
    return graph


def nx_active(graph: nx.MultiGraph, year: int, members: set[str], layers) -> nx.MultiGraph:
    start, end = interval(str(year))
    keep = [
        (u, v, k)
        for u, v, k, d in graph.edges(keys=True, data=True)
        if d["layer"] in layers
        and d["start"] < end
        and d["end"] > start
        and u in members
        and v in members
    ]
    return graph.edge_subgraph(keep)


def nx_simple(active: nx.MultiGraph, layers) -> nx.Graph:
    keep = [
        (u, v, k)
        for u, v, k, d in active.edges(keys=True, data=True)
        if d["layer"] in layers and not d["nonaggression_only"]
    ]
    return nx.Graph(active.edge_subgraph(keep))


def nx_structure(graph: nx.Graph, hub: str, spokes) -> dict:
    k = len(spokes)
    among = sum(1 for a, b in combinations(spokes, 2) if graph.has_edge(a, b))
    n = graph.number_of_nodes()
    degrees = [d for _, d in graph.degree()]
    central = sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2)) if n >= 3 else None
    has_hub = hub in graph
    between = nx.betweenness_centrality(graph)[hub] if has_hub and n >= 3 else None
    size = nx.effective_size(graph, nodes=[hub])[hub] if has_hub and graph.degree(hub) else None
    brokerage = {
        s: sum(1 for a, c in combinations(graph[s], 2) if not graph.has_edge(a, c))
        if s in graph
        else 0
        for s in spokes
    }
    return {
        "spoke_density": among / (k * (k - 1) / 2),
        "degree_centralization": central,
        "hub_betweenness": between,
        "hub_effective_size": size,
        "brokerage": brokerage,
    }


def networkx_path(graph: nx.MultiGraph, system, values, scope) -> dict[str, list[dict]]:
    hub, spokes, members = scope.hub, scope.spokes, scope.members
    out: dict[str, list[dict]] = {f: [] for f in FAMILIES}
    for year in YEARS:
        active = nx_active(graph, year, members, scope.layers)
        for layer in (*scope.layers, COMBINED):
            simple = nx_simple(active, scope.layers if layer == COMBINED else [layer])
            out["structure"].append(
                {"year": year, "layer": layer, **nx_structure(simple, hub, spokes)}
            )
        for spoke in spokes:
            edges = active.get_edge_data(hub, spoke) or {}
            treaties = [
                d
                for d in edges.values()
                if d["layer"] == "alliance" and d["obligations_a"] is not None
            ]
            held = {
                actor: {
                    o: any(
                        o in (d["obligations_a"] if d["a"] == actor else d["obligations_b"])
                        for d in treaties
                    )
                    for o in OBLIGATIONS
                }
                for actor in (hub, spoke)
            }
            asym = obligation_asymmetry(held[hub], held[spoke]) if treaties else None
            ratio = capability_ratio(
                values.get("cinc", hub, year)[0], values.get("cinc", spoke, year)[0]
            )
            out["asymmetry"].append(
                {"year": year, "spoke": spoke, "equality": equality_index(asym, None, ratio).value}
            )
        allies = [hub, *spokes]
        milex = {a: values.get("milex_current_usd", a, year)[0] for a in allies}
        gdp = {a: values.gdp(a, year)[0] for a in allies}
        shares = {a: share_of_gdp(milex[a], gdp[a]) for a in allies}
        out["burden"].append(
            {
                "year": year,
                "bsi": burden_sharing_index(milex, gdp),
                "oz": olson_zeckhauser(gdp, shares),
            }
        )
        start, end = interval(str(year))
        events = [
            {"quad_class": e.quad_class, "goldstein": e.goldstein, "type": e.type}
            for e in system.events
            if start <= e.day < end and e.source in allies and e.target in allies
        ]
        out["cohesion"].append({"year": year, "cohesion": cohesion(events)})
    return out


# -- run --------------------------------------------------------------------------------------


def best_time(fn, repeat: int):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def agree(ig_rows: list[dict], nx_rows: list[dict]) -> int:
    """Compare the structure measures of both paths; returns how many rows were compared."""
    keys = ("spoke_density", "degree_centralization", "hub_betweenness", "hub_effective_size")
    by = {(r["year"], r["layer"]): r for r in nx_rows}
    for row in ig_rows:
        other = by[row["year"], row["layer"]]
        for key in keys:
            a, b = row[key], other[key]
            if (a is None) != (b is None) or (a is not None and abs(a - b) > 1e-9):
                raise SystemExit(
                    f"paths disagree on {key} in {row['year']} {row['layer']}: {a} {b}"
                )
    return len(ig_rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hub", default="USA")
    parser.add_argument("--region", default="indo-pacific")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--min-ratio", type=float, default=5.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        loaded = ["reference", *load(store)]
        system = build_system(store)
        values = Values.from_store(store)
        store.close()
    region = get_region(args.region)
    spokes = region.spokes_of(args.hub)
    if spokes is None:
        raise SystemExit(f"region {args.region} has no fixed spokes for {args.hub}")
    scope = Scope(args.hub, spokes, region)
    graph = nx_multigraph(system)

    ig_time, ig_out = best_time(lambda: igraph_path(system, values, scope), args.repeat)
    nx_time, nx_out = best_time(lambda: networkx_path(graph, system, values, scope), args.repeat)
    compared = agree(ig_out["structure"], nx_out["structure"])
    ratio = nx_time / ig_time
    report = {
        "hub": args.hub,
        "region": args.region,
        "years": [YEARS[0], YEARS[-1]],
        "data": loaded,
        "edges": system.graph.ecount(),
        "structure_rows_compared": compared,
        "igraph_seconds": round(ig_time, 4),
        "networkx_seconds": round(nx_time, 4),
        "ratio": round(ratio, 2),
        "min_ratio": args.min_ratio,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(
            f"data: {', '.join(loaded)}; {report['edges']} edge spans; hub {args.hub}, "
            f"{args.region}, {YEARS[0]}-{YEARS[-1]}, families: {', '.join(FAMILIES)}"
        )
        print(f"igraph path:   {ig_time:8.3f} s")
        print(f"networkx path: {nx_time:8.3f} s")
        print(
            f"ratio:         {ratio:8.1f}x (target >= {args.min_ratio:g}x); "
            f"{compared} structure rows agree"
        )
    return 0 if ratio >= args.min_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
