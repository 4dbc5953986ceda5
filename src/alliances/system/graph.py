"""The system as one time-stamped multiplex graph, and its snapshot at a date.

`System` is built once from merged ties and events: one python-igraph multigraph whose edges
are (tie, pair of members, span) with the span's ordinals kept in numpy arrays. A snapshot at
a date keeps the edges whose span meets the date's interval, so a yearly series 1946–2026 costs
one vectorised filter per year, not a rebuild.

Layers: alliance, agreement, grouping (a minilateral's members pairwise: the clique expansion
of the hyperedge), partnership, posture (guest forces in host) and events (dyadic events in the
interval).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import igraph as ig
import numpy as np

from alliances.system.model import (
    LAYERS,
    SECURITY_LAYERS,
    TIE_LAYERS,
    EventRecord,
    Tie,
    interval,
    iso,
)

Coverage = dict[str, tuple[int, int]]  # dataset -> (first year, last year)


class System:
    """All ties over all time, ready to be cut at any date."""

    def __init__(
        self,
        ties: Iterable[Tie],
        events: Iterable[EventRecord] = (),
        coverage: Coverage | None = None,
    ) -> None:
        self.ties = {t.id: t for t in ties}
        self.events = sorted(events, key=lambda e: e.day)
        self.coverage = dict(coverage or {})
        names = sorted({a for t in self.ties.values() for a in t.members})
        names = sorted(set(names) | {a for e in self.events for a in (e.source, e.target)})
        self.graph = ig.Graph(n=len(names), directed=False)
        self.graph.vs["name"] = names
        index = {n: i for i, n in enumerate(names)}
        edges, attrs = [], defaultdict(list)
        for tie in self.ties.values():
            for a, b in tie.pairs():
                for start, end in tie.pair_spans(a, b):
                    edges.append((index[a], index[b]))
                    _edge_attrs(attrs, tie, a, b, start, end)
        self.graph.add_edges(edges, attributes=dict(attrs) if edges else None)
        self._start = np.array(attrs["start"], dtype=np.int64)
        self._end = np.array(attrs["end"], dtype=np.int64)
        self._layer = np.array(attrs["layer"], dtype=object)
        self._event_days = np.array([e.day for e in self.events], dtype=np.int64)

    def covered(self, year: int) -> list[str]:
        """The datasets whose coverage includes `year` (the evidence a value for it rests on)."""
        return sorted(d for d, (a, b) in self.coverage.items() if a <= year <= b)

    def edge_ids(self, when: str | int | dt.date, layers: Sequence[str] = TIE_LAYERS) -> np.ndarray:
        """Ids of the tie edges of `layers` active at some time in the interval `when` names."""
        start, end = interval(when)
        mask = (self._start < end) & (self._end > start) & np.isin(self._layer, list(layers))
        return np.flatnonzero(mask)

    def events_in(self, when: str | int | dt.date) -> list[EventRecord]:
        start, end = interval(when)
        lo, hi = np.searchsorted(self._event_days, [start, end])
        return self.events[lo:hi]

    def at(
        self,
        when: str | int | dt.date,
        members: Iterable[str] | None = None,
        layers: Sequence[str] = LAYERS,
    ) -> Snapshot:
        """The system at a date (year, month or day), restricted to `members` when given."""
        ids = self.edge_ids(when, [la for la in layers if la in TIE_LAYERS])
        graph = self.graph.subgraph_edges(ids.tolist(), delete_vertices=False)
        if "events" in layers:
            _add_events(graph, self.events_in(when))
        keep = set(members) if members is not None else None
        graph = graph.induced_subgraph(
            [v.index for v in graph.vs if v.degree() and (keep is None or v["name"] in keep)]
        )
        year = interval(when)
        first = dt.date.fromordinal(year[0]).year
        last = dt.date.fromordinal(year[1] - 1).year
        datasets = sorted({d for y in range(first, last + 1) for d in self.covered(y)})
        return Snapshot(str(when), graph, datasets)


def _edge_attrs(attrs, tie: Tie, a: str, b: str, start: int, end: int) -> None:
    attrs["layer"].append(tie.layer)
    attrs["kind"].append(tie.kind)
    attrs["name"].append(tie.name)
    attrs["tie"].append(tie.id)
    attrs["sources"].append([str(s) for s in tie.sources])
    attrs["start"].append(start)
    attrs["end"].append(end)
    attrs["a"].append(a)
    attrs["b"].append(b)
    attrs["obligations_a"].append(sorted(tie.obligations.get(a, ())) if tie.obligations else None)
    attrs["obligations_b"].append(sorted(tie.obligations.get(b, ())) if tie.obligations else None)
    attrs["basing"].append(tie.basing)
    attrs["hosts"].append([f"{h}<{g}" for h, g in tie.hosts if {h, g} == {a, b}])
    attrs["nonaggression_only"].append(tie.nonaggression_only)
    attrs["count"].append(None)
    attrs["goldstein"].append(None)


def _add_events(graph: ig.Graph, events: list[EventRecord]) -> None:
    """One events-layer edge per dyad: the number of events and their mean Goldstein score."""
    by_dyad: dict[tuple[str, str], list[EventRecord]] = defaultdict(list)
    for e in events:
        if e.source != e.target:
            by_dyad[tuple(sorted((e.source, e.target)))].append(e)
    index = {v["name"]: v.index for v in graph.vs}
    for (a, b), group in sorted(by_dyad.items()):
        scores = [e.goldstein for e in group if e.goldstein is not None]
        graph.add_edge(
            index[a],
            index[b],
            layer="events",
            kind="events",
            name=f"{len(group)} events",
            tie=f"events:{a}-{b}",
            sources=sorted({str(e.origin) for e in group}),
            start=min(e.day for e in group),
            end=max(e.day for e in group) + 1,
            a=a,
            b=b,
            count=len(group),
            goldstein=sum(scores) / len(scores) if scores else None,
            nonaggression_only=False,
            hosts=[],
        )


@dataclass
class Snapshot:
    """The system at one date: a multiplex python-igraph graph (edge attribute `layer`).

    `datasets` are the datasets whose coverage includes the date: outside them a missing tie is
    unknown, not absent.
    """

    date: str
    graph: ig.Graph
    datasets: list[str] = field(default_factory=list)

    @property
    def nodes(self) -> list[str]:
        return list(self.graph.vs["name"]) if self.graph.vcount() else []

    def edges(self, layers: Sequence[str] = LAYERS) -> list[dict]:
        """The active edges of `layers` as plain dicts (dates as ISO strings)."""
        rows = []
        for e in self.graph.es:
            if e["layer"] not in layers:
                continue
            row = {k: v for k, v in e.attributes().items() if v is not None}
            row["from"], row["to"] = iso(row.pop("start")), iso(row.pop("end"))
            row["source"], row["target"] = row.pop("a"), row.pop("b")
            rows.append(row)
        return rows

    def layer(
        self,
        layers: Sequence[str] = SECURITY_LAYERS,
        exclude_nonaggression_only: bool = True,
        obligations: Sequence[str] | None = None,
    ) -> ig.Graph:
        """A simple undirected graph of the ties in `layers` (one edge per tied pair).

        Non-aggression-only pacts are left out by default: they bind states not to fight each
        other, not to defend each other. With `obligations` (e.g. `["defense"]`), only ties in
        which one of the pair holds one of them are kept (ATOP's "defence ties"). Nodes are
        those with a tie in the layers.
        """
        if not self.graph.ecount():
            return ig.Graph()
        es = self.graph.es
        mask = np.isin(np.array(es["layer"], dtype=object), list(layers))
        if exclude_nonaggression_only:
            mask &= ~np.array(es["nonaggression_only"], dtype=bool)
        if obligations:
            wanted = set(obligations)
            held = zip(es["obligations_a"], es["obligations_b"], strict=True)
            mask &= np.array([bool(wanted & {*(a or ()), *(b or ())}) for a, b in held])
        graph = self.graph.subgraph_edges(np.flatnonzero(mask).tolist(), delete_vertices=True)
        graph.simplify(combine_edges="first")
        return graph
