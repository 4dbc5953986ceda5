"""The network over time, as the dashboard draws it: every edge with the years it is active,
and node positions computed once for the union graph, so nothing moves when the year changes.

A year Y shows exactly the edges of `System.at("Y")`: a tie edge whose span meets year Y
(its [first, last] years contain Y), and an events edge per dyad with an event in year Y.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter, defaultdict
from collections.abc import Collection

import igraph as ig

from alliances.system import System
from alliances.system.export import kind, label
from alliances.system.model import OPEN, iso

Years = tuple[int, int | None]
# How much an edge of a layer pulls its ends together in the layout: broad partnerships and
# event streams shape the picture less than security ties.
LAYOUT_PULL = {"partnership": 0.2, "events": 0.2}  # first and last year active; None: still active


def year_span(start: int, end: int) -> Years:
    """The years an edge of [start, end) ordinals touches.

    >>> year_span(dt.date(1951, 9, 8).toordinal(), dt.date(1960, 6, 23).toordinal())
    (1951, 1960)
    >>> year_span(dt.date(1960, 6, 23).toordinal(), OPEN)
    (1960, None)
    """
    first = dt.date.fromordinal(max(start, 1)).year
    return first, None if end >= OPEN else dt.date.fromordinal(end - 1).year


def timeline(system: System, members: Collection[str] | None = None) -> dict:
    """Nodes (with fixed x, y) and edges (with their active years) of the whole history.

    `members` restricts the network to ties among those actors, as `System.at` does.
    """
    keep = (lambda a: a in members) if members is not None else (lambda a: True)
    edges = []
    for edge in system.graph.es:
        a, b = edge["a"], edge["b"]
        if keep(a) and keep(b):
            first, last = year_span(edge["start"], edge["end"])
            edges.append(
                {
                    "id": f"e{edge.index}",
                    "source": a,
                    "target": b,
                    "layer": edge["layer"],
                    "name": edge["name"],
                    "years": [[first, last]],
                }
            )
    edges += _event_edges(system, keep)
    names = sorted({e[end] for e in edges for end in ("source", "target")})
    positions = layout(
        names, [(e["source"], e["target"], LAYOUT_PULL.get(e["layer"], 1.0)) for e in edges]
    )
    degree: dict[str, int] = defaultdict(int)
    for pair in {(e["source"], e["target"]) for e in edges}:
        for name in pair:
            degree[name] += 1
    nodes = [
        {
            "id": name,
            "label": label(name),
            "kind": kind(name),
            "x": positions[name][0],
            "y": positions[name][1],
            "degree": degree[name],
        }
        for name in names
    ]
    starts = [e["years"][0][0] for e in edges]
    this_year = dt.date.today().year
    return {
        "first_year": min(starts, default=this_year),
        "last_year": this_year,
        "nodes": nodes,
        "edges": edges,
    }


def system_ties(system: System, actor: str) -> list[dict]:
    """Each tie `actor` takes part in: partners, first and last day, layer and sources."""
    found: dict[str, dict] = {}
    if actor not in system.graph.vs["name"]:
        return []
    for edge in system.graph.es[system.graph.incident(actor)]:
        tie = system.ties[edge["tie"]]
        row = found.setdefault(
            tie.id,
            {
                "tie": tie.id,
                "name": tie.name,
                "kind": tie.kind,
                "layer": tie.layer,
                "partners": set(),
                "start": edge["start"],
                "end": edge["end"],
                "sources": [
                    {"dataset": s.dataset, "ref": s.ref, "citation": s.citation, "url": s.url}
                    for s in dict.fromkeys(tie.sources)
                ],
            },
        )
        row["partners"].add(edge["b"] if edge["a"] == actor else edge["a"])
        row["start"], row["end"] = min(row["start"], edge["start"]), max(row["end"], edge["end"])
    rows = []
    for row in sorted(found.values(), key=lambda r: (r["start"], r["name"])):
        start, end = row.pop("start"), row.pop("end")
        partners = sorted(row.pop("partners"))
        rows.append({**row, "partners": partners, "from": iso(start), "to": iso(end)})
    return rows


def _event_edges(system: System, keep) -> list[dict]:
    """One events edge per dyad, active in the years it has events (as `System.at` counts)."""
    years: dict[tuple[str, str], set[int]] = defaultdict(set)
    for event in system.events:
        if event.source != event.target and keep(event.source) and keep(event.target):
            pair = tuple(sorted((event.source, event.target)))
            years[pair].add(dt.date.fromordinal(event.day).year)
    return [
        {
            "id": f"events:{a}-{b}",
            "source": a,
            "target": b,
            "layer": "events",
            "name": "events",
            "years": _runs(sorted(active)),
        }
        for (a, b), active in sorted(years.items())
    ]


def _runs(years: list[int]) -> list[list[int]]:
    """[1990, 1991, 1995] -> [[1990, 1991], [1995, 1995]]."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return runs


def layout(names: list[str], pairs: list[tuple[str, str, float]]) -> dict[str, tuple[float, float]]:
    """Deterministic force-directed positions (Fruchterman–Reingold on the union graph).

    Each (a, b, pull) adds `pull` to the pair's attraction: a pair tied many times over
    (treaty, agreements, posture, groupings) sits close, so a hub's spokes sit near it. Starts
    from a circle and seeds igraph's random numbers, so the same graph always gets the same
    picture; the process's random state is left as it was.
    """
    if not names:
        return {}
    index = {name: i for i, name in enumerate(names)}
    weight: Counter[tuple[int, int]] = Counter()
    for a, b, pull in pairs:
        if a != b:
            weight[tuple(sorted((index[a], index[b])))] += pull
    edges = sorted(weight)
    graph = ig.Graph(n=len(names), edges=edges)
    start = [
        [math.cos(2 * math.pi * i / len(names)), math.sin(2 * math.pi * i / len(names))]
        for i in range(len(names))
    ]
    ig.set_random_number_generator(random.Random(0))
    try:
        coordinates = graph.layout_fruchterman_reingold(
            seed=start, niter=500, weights=[weight[e] for e in edges] or None
        )
    finally:
        ig.set_random_number_generator(random)
    return {
        name: (round(x, 3), round(y, 3)) for name, (x, y) in zip(names, coordinates, strict=True)
    }
