"""Snapshot exports: networkx, GraphML, GEXF (Gephi) and JSON (sigma.js / graphology).

JSON shape, as the dashboard reads it:
`{"date", "datasets", "nodes": [{"id", "label", "kind"}], "edges": [{"id", "source", "target",
"layer", "kind", "name", "sources", "datasets", "from", "to", ...}]}`; `from` is the first day
of the edge's span and `to` the day after its last (null: open). GraphML and GEXF cannot hold
lists, so list attributes (sources, datasets, obligations) are written joined with "; ".
"""

from __future__ import annotations

import functools
from pathlib import Path

import networkx as nx

from alliances import gazetteer
from alliances.system.graph import Snapshot


@functools.cache
def label(actor: str) -> str:
    """A readable name: the gazetteer's name, else the identifier itself.

    >>> label("KOR"), label("SUN"), label("cow:245")
    ('South Korea', 'Soviet Union', 'cow:245')
    """
    entry = gazetteer.load().get(actor)
    return entry.name if entry else actor


def kind(actor: str) -> str:
    """state | organisation | person | place | other: the gazetteer's kind, else from the form."""
    entry = gazetteer.load().get(actor)
    if entry:
        return entry.kind
    prefix = actor.split(":", 1)[0] if ":" in actor else ""
    return {"": "state", "org": "organisation", "person": "person", "place": "place"}.get(
        prefix, "other"
    )


def to_json(snapshot: Snapshot) -> dict:
    nodes = [{"id": n, "label": label(n), "kind": kind(n)} for n in snapshot.nodes]
    edges = []
    for i, edge in enumerate(snapshot.edges()):
        edges.append({"id": f"e{i}", **edge})
    return {"date": snapshot.date, "datasets": snapshot.datasets, "nodes": nodes, "edges": edges}


def to_networkx(snapshot: Snapshot, flat: bool = False) -> nx.MultiGraph:
    """A networkx MultiGraph, one edge per tie (key = edge id); `flat` joins list attributes."""
    graph = nx.MultiGraph(date=snapshot.date, datasets="; ".join(snapshot.datasets))
    data = to_json(snapshot)
    for node in data["nodes"]:
        graph.add_node(node["id"], label=node["label"], kind=node["kind"])
    for edge in data["edges"]:
        attrs = {k: v for k, v in edge.items() if k not in ("id", "source", "target")}
        if flat:
            attrs = {
                k: "; ".join(map(str, v)) if isinstance(v, list) else v
                for k, v in attrs.items()
                if v is not None
            }
        graph.add_edge(edge["source"], edge["target"], key=edge["id"], **attrs)
    return graph


def write_graphml(snapshot: Snapshot, path: str | Path) -> None:
    nx.write_graphml(to_networkx(snapshot, flat=True), path)


def write_gexf(snapshot: Snapshot, path: str | Path) -> None:
    nx.write_gexf(to_networkx(snapshot, flat=True), path)
