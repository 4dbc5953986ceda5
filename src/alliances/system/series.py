"""Yearly series of the four metric families for one hub, from a built `System`.

Each function returns plain rows (dicts), one per year (and per layer, spoke or member), ready
for a table, CSV, JSON or pandas. Every row names the datasets it rests on (`sources`): those
whose coverage includes the year and those the ties or events used come from. A year that no
source covers gives None values, never 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import igraph as ig

from alliances.metrics import FAMILIES
from alliances.metrics.asymmetry import (
    OBLIGATIONS,
    capability_ratio,
    equality_index,
    obligation_asymmetry,
)
from alliances.metrics.burden import burden_sharing_index, olson_zeckhauser, share_of_gdp
from alliances.metrics.cohesion import cohesion
from alliances.metrics.structure import hub_structure
from alliances.system.graph import Snapshot, System
from alliances.system.model import SECURITY_LAYERS
from alliances.system.regions import Region
from alliances.system.values import Values

COMBINED = "combined"


@dataclass(frozen=True)
class Scope:
    """Whose system: a hub, its spokes (None: its alliance partners each year), a region."""

    hub: str
    spokes: tuple[str, ...] | None = None
    region: Region | None = None
    layers: tuple[str, ...] = SECURITY_LAYERS
    obligations: tuple[str, ...] | None = None  # e.g. ("defense",): ATOP defence ties only

    @property
    def members(self) -> set[str] | None:
        return None if self.region is None else set(self.region.members) | {self.hub}

    def spokes_at(self, snapshot: Snapshot) -> tuple[str, ...]:
        if self.spokes is not None:
            return self.spokes
        graph = snapshot.layer(["alliance"], obligations=self.obligations)
        if self.hub not in (graph.vs["name"] if graph.vcount() else []):
            return ()
        return tuple(sorted(graph.vs[graph.neighbors(self.hub)]["name"]))


def _edge_sources(graph: ig.Graph) -> set[str]:
    """The datasets the graph's edges come from."""
    return set().union(*graph.es["datasets"]) if graph.ecount() else set()


def structure_series(system: System, scope: Scope, years: Iterable[int]) -> list[dict]:
    """Per year and per layer (and the combined multiplex): the hub's structure measures, with
    each spoke's brokerage and the bonding node (the spoke that brokers most)."""
    rows = []
    for year in years:
        covered = system.covered(year)
        snap = system.at(str(year), members=scope.members, layers=scope.layers)
        spokes = scope.spokes_at(snap)
        for layer in (*scope.layers, COMBINED):
            graph = snap.layer(
                scope.layers if layer == COMBINED else [layer], obligations=scope.obligations
            )
            s = hub_structure(graph, scope.hub, spokes)
            known = bool(covered)
            rows.append(
                {
                    "year": year,
                    "layer": layer,
                    "hub": scope.hub,
                    "spokes": len(spokes),
                    "ties": s.ties if known else None,
                    "spoke_density": s.spoke_density if known else None,
                    "degree_centralization": s.degree_centralization if known else None,
                    "hub_betweenness": s.hub_betweenness if known else None,
                    "hub_effective_size": s.hub_effective_size if known else None,
                    "bonding_node": s.bonding_node if known else None,
                    "spoke_brokerage": s.spoke_brokerage if known else None,
                    "sources": sorted(set(covered) | _edge_sources(graph)) if known else [],
                }
            )
    return rows


def _obligations(edges: list, actor: str) -> dict[str, bool]:
    held: set[str] = set()
    for e in edges:
        mine = e["obligations_a"] if e["a"] == actor else e["obligations_b"]
        held |= set(mine or ())
    return {o: o in held for o in OBLIGATIONS}


def _one_way(edges: list) -> bool | None:
    hosts = {h for e in edges for h in (e["hosts"] or [])}
    if hosts:
        return len({frozenset(h.split("<")) for h in hosts}) == len(hosts)
    basing = {e["basing"] for e in edges if e["basing"] is not None}
    if not basing:
        return None
    return "one-way" in basing


CAPABILITIES = {"cinc": "cinc", "spending": "milex_current_usd"}


def asymmetry_series(
    system: System,
    values: Values,
    scope: Scope,
    years: Iterable[int],
    capability: str = "cinc",
) -> list[dict]:
    """Per year and spoke: obligation asymmetry, one-way basing, capability ratio (CINC or
    military spending: `capability` is cinc | spending), equality index with its components.

    Obligations are those the two hold in the treaties binding them that year (union over
    treaties); a dyad with no treaty that year is not an alliance: its asymmetry is None.
    """
    if capability not in CAPABILITIES:
        raise ValueError(f"capability {capability!r} is not one of {', '.join(CAPABILITIES)}")
    measure = CAPABILITIES[capability]
    rows = []
    for year in years:
        covered = system.covered(year)
        snap = system.at(str(year), members=scope.members, layers=scope.layers)
        for spoke in scope.spokes_at(snap):
            edges = snap.between(scope.hub, spoke, scope.layers)
            treaties = [
                e for e in edges if e["layer"] == "alliance" and e["obligations_a"] is not None
            ]
            allied = bool(treaties) if covered else None
            asym = (
                obligation_asymmetry(
                    _obligations(treaties, scope.hub), _obligations(treaties, spoke)
                )
                if treaties
                else None
            )
            one_way = _one_way(edges) if covered else None
            hub_value, hub_source = values.get(measure, scope.hub, year)
            spoke_value, spoke_source = values.get(measure, spoke, year)
            ratio = capability_ratio(hub_value, spoke_value)
            equality = equality_index(asym, one_way, ratio)
            sources = set(covered).union(*(e["datasets"] for e in edges))
            if ratio is not None:
                sources |= {hub_source, spoke_source}
            rows.append(
                {
                    "year": year,
                    "hub": scope.hub,
                    "spoke": spoke,
                    "allied": allied,
                    "obligation_asymmetry": None if asym is None else asym.index,
                    "asymmetry_flagged": None if asym is None else asym.flagged,
                    "only_hub": None if asym is None else list(asym.only_a),
                    "only_spoke": None if asym is None else list(asym.only_b),
                    "one_way_basing": one_way,
                    "capability_ratio": ratio,
                    "capability_measure": capability,
                    "equality_index": equality.value,
                    **{f"equality_{k}": v for k, v in equality.components.items()},
                    "sources": sorted(sources),
                }
            )
    return rows


def burden_series(system: System, values: Values, scope: Scope, years: Iterable[int]) -> list[dict]:
    """Per year and member (hub and spokes): spending, GDP, share of GDP, burden-sharing index,
    and the year's Olson–Zeckhauser correlation between GDP and share of GDP."""
    rows = []
    for year in years:
        snap = system.at(str(year), members=scope.members, layers=scope.layers)
        members = [scope.hub, *scope.spokes_at(snap)]
        milex, gdp, sources = {}, {}, {}
        for actor in members:
            milex[actor], sources[actor] = values.get("milex_current_usd", actor, year)
            gdp[actor], _ = values.gdp(actor, year)
        shares = {a: share_of_gdp(milex[a], gdp[a]) for a in members}
        bsi = burden_sharing_index(milex, gdp)
        rho = olson_zeckhauser(gdp, shares)
        for actor in members:
            rows.append(
                {
                    "year": year,
                    "actor": actor,
                    "milex_usd": milex[actor],
                    "gdp_usd": gdp[actor],
                    "share_of_gdp": shares[actor],
                    "burden_sharing_index": bsi[actor],
                    "olson_zeckhauser": rho,
                    "sources": sorted(
                        {sources[a] for a in members if milex[a] is not None and gdp[a] is not None}
                    ),
                }
            )
    return rows


def cohesion_series(system: System, scope: Scope, years: Iterable[int]) -> list[dict]:
    """Per year: cohesion of the events among the hub and its spokes (both directions)."""
    rows = []
    for year in years:
        snap = system.at(str(year), members=scope.members, layers=scope.layers)
        allies = {scope.hub, *scope.spokes_at(snap)}
        events = [
            e
            for e in system.events_in(str(year))
            if e.source in allies and e.target in allies and e.source != e.target
        ]
        c = cohesion(asdict(e) for e in events)
        rows.append(
            {
                "year": year,
                "hub": scope.hub,
                "events": c.events,
                "cooperation_share": c.cooperation_share,
                "mean_goldstein": c.mean_goldstein,
                **c.quad_counts,
                "sources": sorted({e.origin.dataset for e in events}),
            }
        )
    return rows


def family_series(
    family: str,
    system: System,
    values: Values,
    scope: Scope,
    years: Iterable[int],
    capability: str = "cinc",
) -> list[dict]:
    """The yearly rows of one metric family (see the functions above)."""
    if family == "structure":
        return structure_series(system, scope, years)
    if family == "asymmetry":
        return asymmetry_series(system, values, scope, years, capability)
    if family == "burden":
        return burden_series(system, values, scope, years)
    if family == "cohesion":
        return cohesion_series(system, scope, years)
    raise ValueError(f"unknown metric family {family!r}; known: {', '.join(FAMILIES)}")
