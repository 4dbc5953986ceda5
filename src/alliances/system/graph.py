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
import functools
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
    """All ties over all time, ready to be cut at any date.

    `graph` holds every (tie, pair, span) edge; a cut selects edges with numpy masks over their
    spans, layers and endpoints and builds the small snapshot graph from those alone. Cuts are
    memoised (the series of several families reuse them).
    """

    CACHE_SIZE = 1024

    def __init__(
        self,
        ties: Iterable[Tie],
        events: Iterable[EventRecord] = (),
        coverage: Coverage | None = None,
    ) -> None:
        self.ties = {t.id: t for t in ties}
        self.events = sorted(events, key=lambda e: e.day)
        self.coverage = dict(coverage or {})
        names = {a for t in self.ties.values() for a in t.members}
        self.names = sorted(names | {a for e in self.events for a in (e.source, e.target)})
        self._index = index = {n: i for i, n in enumerate(self.names)}
        edges, attrs = [], defaultdict(list)
        for tie in self.ties.values():
            for a, b in tie.pairs():
                for start, end in tie.pair_spans(a, b):
                    edges.append((index[a], index[b]))
                    _edge_attrs(attrs, tie, a, b, start, end)
        self.graph = ig.Graph(n=len(self.names), edges=edges, directed=False)
        self.graph.vs["name"] = self.names
        for key, column in attrs.items():
            self.graph.es[key] = column
        self._attrs = {key: _objects(column) for key, column in attrs.items()}
        ends = np.array(edges, dtype=np.int64).reshape(-1, 2)
        self._a, self._b = ends[:, 0], ends[:, 1]
        self._start = np.array(attrs["start"], dtype=np.int64)
        self._end = np.array(attrs["end"], dtype=np.int64)
        self._layer = np.array([LAYERS.index(la) for la in attrs["layer"]], dtype=np.int64)
        self._event_days = np.array([e.day for e in self.events], dtype=np.int64)
        self._cache: dict[tuple, Snapshot] = {}

    def clear_cache(self) -> None:
        """Forget memoised cuts (to time them, or to free memory)."""
        self._cache.clear()

    def covered(self, year: int) -> list[str]:
        """The datasets whose coverage includes `year` (the evidence a value for it rests on)."""
        return sorted(d for d, (a, b) in self.coverage.items() if a <= year <= b)

    def edge_ids(
        self,
        when: str | int | dt.date,
        layers: Sequence[str] = TIE_LAYERS,
        members: Iterable[str] | None = None,
    ) -> np.ndarray:
        """Ids of the tie edges of `layers` active at some time in the interval `when` names,
        between two of `members` when given."""
        start, end = interval(when)
        allowed = np.zeros(len(LAYERS), dtype=bool)
        allowed[[LAYERS.index(la) for la in layers]] = True
        mask = (self._start < end) & (self._end > start) & allowed[self._layer]
        if members is not None:
            keep = np.array([n in members for n in self.names], dtype=bool)
            mask &= keep[self._a] & keep[self._b]
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
        """The system at a date (year, month or day), restricted to `members` when given.

        The snapshot holds the actors with at least one tie (or event) then.
        """
        members = frozenset(members) if members is not None else None
        key = (str(when), members, tuple(layers))
        if key not in self._cache:
            if len(self._cache) >= self.CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = self._cut(when, members, layers)
        return self._cache[key]

    def _cut(self, when, members: frozenset[str] | None, layers: Sequence[str]) -> Snapshot:
        ids = self.edge_ids(when, [la for la in layers if la in TIE_LAYERS], members)
        events = []
        if "events" in layers:
            events = [
                e
                for e in self.events_in(when)
                if e.source != e.target
                and (members is None or (e.source in members and e.target in members))
            ]
        ends = np.concatenate([self._a[ids], self._b[ids]])
        event_ends = [self._index[n] for e in events for n in (e.source, e.target)]
        vertices = np.unique(np.concatenate([ends, np.array(event_ends, dtype=np.int64)]))
        local = np.searchsorted(vertices, ends).reshape(2, -1).T
        graph = ig.Graph(n=len(vertices), edges=local.tolist(), directed=False)
        graph.vs["name"] = [self.names[v] for v in vertices]
        for key, column in self._attrs.items():
            graph.es[key] = column[ids].tolist()
        _add_events(graph, events)
        year = interval(when)
        first = dt.date.fromordinal(year[0]).year
        last = dt.date.fromordinal(year[1] - 1).year
        datasets = sorted({d for y in range(first, last + 1) for d in self.covered(y)})
        return Snapshot(str(when), graph, datasets)


def _objects(values: list) -> np.ndarray:
    """A 1-d numpy object array of `values` (lists stay whole, one per cell)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _edge_attrs(attrs, tie: Tie, a: str, b: str, start: int, end: int) -> None:
    attrs["layer"].append(tie.layer)
    attrs["kind"].append(tie.kind)
    attrs["name"].append(tie.name)
    attrs["tie"].append(tie.id)
    attrs["sources"].append([str(s) for s in tie.sources])
    attrs["datasets"].append(sorted({s.dataset for s in tie.sources}))
    attrs["start"].append(start)
    attrs["end"].append(end)
    attrs["a"].append(a)
    attrs["b"].append(b)
    attrs["obligations_a"].append(sorted(tie.obligations.get(a, ())) if tie.obligations else None)
    attrs["obligations_b"].append(sorted(tie.obligations.get(b, ())) if tie.obligations else None)
    attrs["basing"].append(tie.basing)
    # basing rights within the pair, as "host<guest": "JPN<USA" is US forces in Japan
    attrs["hosts"].append([f"{h}<{g}" for h, g in tie.hosts if {h, g} == {a, b}])
    attrs["nonaggression_only"].append(tie.nonaggression_only)
    attrs["count"].append(None)
    attrs["goldstein"].append(None)


def _add_events(graph: ig.Graph, events: list[EventRecord]) -> None:
    """One events-layer edge per dyad: the number of events and their mean Goldstein score."""
    by_dyad: dict[tuple[str, str], list[EventRecord]] = defaultdict(list)
    for e in events:
        by_dyad[tuple(sorted((e.source, e.target)))].append(e)
    index = {v["name"]: v.index for v in graph.vs}
    for (a, b), group in sorted(by_dyad.items()):
        scored = [e for e in group if e.goldstein is not None]
        weight = sum(e.count for e in scored)
        count = sum(e.count for e in group)
        graph.add_edge(
            index[a],
            index[b],
            layer="events",
            kind="events",
            name=f"{count} events",
            tie=f"events:{a}-{b}",
            sources=sorted({str(e.origin) for e in group}),
            datasets=sorted({e.origin.dataset for e in group}),
            start=min(e.day for e in group),
            end=max(e.day for e in group) + 1,
            a=a,
            b=b,
            count=count,
            goldstein=sum(e.goldstein * e.count for e in scored) / weight if weight else None,
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

    @functools.cached_property
    def _records(self) -> list[dict]:
        """Every edge's attributes as a dict, in edge order (read once, reused)."""
        if not self.graph.ecount():
            return []
        columns = {k: self.graph.es[k] for k in self.graph.es.attributes()}
        return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]

    @functools.cached_property
    def _dyads(self) -> dict[frozenset[str], list[dict]]:
        index: dict[frozenset[str], list[dict]] = defaultdict(list)
        for record in self._records:
            index[frozenset((record["a"], record["b"]))].append(record)
        return index

    def between(self, a: str, b: str, layers: Sequence[str] = LAYERS) -> list[dict]:
        """The attributes of the edges of `layers` linking a and b."""
        return [r for r in self._dyads.get(frozenset((a, b)), []) if r["layer"] in layers]

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
        wanted = set(obligations or ())
        keep = [
            i
            for i, (layer, nonagg, held_a, held_b) in enumerate(
                zip(
                    es["layer"],
                    es["nonaggression_only"],
                    es["obligations_a"],
                    es["obligations_b"],
                    strict=True,
                )
            )
            if layer in layers
            and not (exclude_nonaggression_only and nonagg)
            and (not wanted or wanted & {*(held_a or ()), *(held_b or ())})
        ]
        graph = self.graph.subgraph_edges(keep, delete_vertices=True)
        graph.simplify(combine_edges="first")
        return graph
