"""Structure: is an alliance system hub-and-spoke, and who links the spokes?

Every function takes a simple undirected `igraph.Graph` whose vertices carry a `name` attribute
(ISO3 codes), plus the hub and spoke names. Which ties count (layer, obligations) is decided
before, when the graph is built (`alliances.system`). A measure that is undefined for the graph
at hand (too few nodes, a hub that is not there) is None, never 0.

The hub-and-spoke reading follows Cha (2010), "Powerplay: Origins of the U.S. Alliance System in
Asia", International Security 34(3): 158–196, doi:10.1162/isec.2010.34.3.158: a hub with strong
bilateral ties and spokes that are not tied to each other has spoke–spoke density 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import igraph as ig


def _index(graph: ig.Graph, name: str) -> int | None:
    try:
        return graph.vs.find(name=name).index
    except (ValueError, KeyError):
        return None


def spoke_density(graph: ig.Graph, spokes: Sequence[str]) -> float | None:
    """Spoke–spoke density D_ss = E(S) / [k(k−1)/2].

    S is the set of k spokes and E(S) the number of ties among them (the hub's ties do not
    count). A spoke absent from the graph is a spoke with no ties. D_ss = 0 is the pure
    hub-and-spoke system (Cha 2010); 1 is a fully meshed one. None when k < 2.

    Reference: Wasserman & Faust (1994), Social Network Analysis, §4.2 (density of a subgroup),
    doi:10.1017/CBO9780511815478.

    >>> g = ig.Graph(edges=[(0, 1), (0, 2), (0, 3), (1, 2)])
    >>> g.vs["name"] = ["USA", "JPN", "AUS", "KOR"]
    >>> round(spoke_density(g, ["JPN", "AUS", "KOR"]), 3)
    0.333
    >>> spoke_density(g, ["JPN"]) is None
    True
    """
    names = list(dict.fromkeys(spokes))
    k = len(names)
    if k < 2:
        return None
    present = [i for i in (_index(graph, s) for s in names) if i is not None]
    ties = graph.induced_subgraph(present).ecount() if present else 0
    return ties / (k * (k - 1) / 2)


def degree_centralization(graph: ig.Graph) -> float | None:
    """Freeman degree centralisation C_D = Σ_i [d_max − d_i] / [(n−1)(n−2)].

    d_i is the degree of node i and d_max the largest degree; the denominator is the largest
    possible sum, reached by a star, so C_D = 1 for a star and 0 for a regular graph.
    None when n < 3.

    Reference: Freeman (1978), "Centrality in social networks: conceptual clarification",
    Social Networks 1(3): 215–239, doi:10.1016/0378-8733(78)90021-7.

    >>> star = ig.Graph.Star(5)
    >>> degree_centralization(star)
    1.0
    >>> degree_centralization(ig.Graph.Ring(5))
    0.0
    """
    n = graph.vcount()
    if n < 3:
        return None
    degrees = graph.degree()
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def hub_betweenness(graph: ig.Graph, hub: str) -> float | None:
    """Normalised betweenness of the hub, B(h) = Σ_{s<t} σ_st(h)/σ_st ÷ [(n−1)(n−2)/2].

    σ_st is the number of shortest paths between s and t and σ_st(h) those passing through h;
    the sum runs over pairs not including h. B = 1 when every pair goes through the hub (a star
    centre). None when the hub is absent or n < 3.

    Reference: Freeman (1977), "A set of measures of centrality based on betweenness",
    Sociometry 40(1): 35–41, doi:10.2307/3033543.

    >>> star = ig.Graph.Star(4)
    >>> star.vs["name"] = ["USA", "JPN", "KOR", "AUS"]
    >>> hub_betweenness(star, "USA")
    1.0
    """
    i = _index(graph, hub)
    n = graph.vcount()
    if i is None or n < 3:
        return None
    raw = graph.betweenness(vertices=[i], directed=False)[0]
    return raw / ((n - 1) * (n - 2) / 2)


def _ties_among_neighbours(graph: ig.Graph, i: int) -> tuple[int, int]:
    """(n_i, t_i): the degree of i and the number of ties among its neighbours."""
    n_i = graph.degree(i)
    local = graph.transitivity_local_undirected(vertices=[i], mode="zero")[0]
    return n_i, round(local * n_i * (n_i - 1) / 2)


def effective_size(graph: ig.Graph, node: str) -> float | None:
    """Burt's effective size of a node's network, ES_i = n_i − 2 t_i / n_i.

    n_i is the number of the node's contacts and t_i the ties among them: each contact counts
    once, less its redundancy with the others (Borgatti's form of Burt's measure for undirected,
    unweighted ties). A spoke whose partners are not tied to each other has ES = n.
    None when the node is absent or has no ties.

    References: Burt (1992), Structural Holes: The Social Structure of Competition, Harvard UP,
    ch. 2; Borgatti (1997), "Structural holes: unpacking Burt's redundancy measures",
    Connections 20(1): 35–38.

    >>> g = ig.Graph(edges=[(0, 1), (0, 2), (0, 3), (1, 2)])
    >>> g.vs["name"] = ["JPN", "USA", "AUS", "PHL"]
    >>> round(effective_size(g, "JPN"), 3)
    2.333
    """
    i = _index(graph, node)
    if i is None:
        return None
    n_i, t_i = _ties_among_neighbours(graph, i)
    if n_i == 0:
        return None
    return n_i - 2 * t_i / n_i


ROLES = ("coordinator", "itinerant", "gatekeeper_representative", "liaison")


@dataclass(frozen=True)
class Brokerage:
    """Open two-paths a–b–c through a node b (a and c not tied): the node brokers between them.

    `total` counts them; `roles` splits them by group membership when groups are given.
    """

    node: str
    total: int
    roles: dict[str, int] = field(default_factory=dict)


def brokerage(graph: ig.Graph, node: str, groups: Mapping[str, str] | None = None) -> Brokerage:
    """Gould–Fernandez brokerage of a node: B_i = n_i(n_i−1)/2 − t_i open pairs of contacts.

    For undirected ties each unordered pair {a, c} of the node's contacts that are not tied to
    each other is one brokerage relation. With `groups` (name → group, e.g. region) the
    relations split into Gould & Fernandez's roles: coordinator (a, b, c in one group),
    itinerant (a and c in one group, b outside), gatekeeper_representative (b shares its group
    with exactly one of a, c; the two roles coincide without direction) and liaison (three
    groups). A spoke that brokers between other spokes is the "bonding node" of the system.
    A node absent from the graph brokers nothing (total 0).

    Reference: Gould & Fernandez (1989), "Structures of mediation: a formal approach to
    brokerage in transaction networks", Sociological Methodology 19: 89–126,
    doi:10.2307/270949.

    >>> g = ig.Graph(edges=[(0, 1), (0, 2), (0, 3), (1, 2)])
    >>> g.vs["name"] = ["JPN", "USA", "AUS", "GBR"]
    >>> b = brokerage(g, "JPN", {"JPN": "asia", "USA": "americas", "AUS": "asia", "GBR": "europe"})
    >>> b.total, b.roles["liaison"], b.roles["gatekeeper_representative"]
    (2, 1, 1)
    """
    i = _index(graph, node)
    if i is None:
        return Brokerage(node, 0, dict.fromkeys(ROLES, 0) if groups else {})
    if groups is None:
        n_i, t_i = _ties_among_neighbours(graph, i)
        return Brokerage(node, n_i * (n_i - 1) // 2 - t_i)
    roles = dict.fromkeys(ROLES, 0)
    names = graph.vs["name"]
    for a, c in combinations(graph.neighbors(i), 2):
        if graph.are_adjacent(a, c):
            continue
        roles[_role(groups.get(names[a]), groups.get(node), groups.get(names[c]))] += 1
    return Brokerage(node, sum(roles.values()), roles)


def _role(a: str | None, b: str | None, c: str | None) -> str:
    if a == b == c:
        return "coordinator"
    if a == c:
        return "itinerant"
    if b in (a, c):
        return "gatekeeper_representative"
    return "liaison"


@dataclass(frozen=True)
class HubStructure:
    """The structure family for one hub on one graph (one layer or the combined multiplex)."""

    hub: str
    spokes: tuple[str, ...]
    nodes: int
    ties: int
    spoke_density: float | None
    degree_centralization: float | None
    hub_betweenness: float | None
    hub_effective_size: float | None
    spoke_ties: dict[str, int]
    spoke_brokerage: dict[str, int]

    @property
    def bonding_node(self) -> str | None:
        """The spoke that brokers most between others (None when no spoke brokers)."""
        best = max(self.spoke_brokerage.items(), key=lambda kv: (kv[1], kv[0]), default=None)
        return best[0] if best and best[1] > 0 else None


def hub_structure(graph: ig.Graph, hub: str, spokes: Iterable[str]) -> HubStructure:
    """All structure measures for a hub and its spokes on one graph.

    Same definitions as the functions above, computed together from one adjacency list (a
    yearly series calls this hundreds of times). `spoke_ties[s]` is the number of other spokes
    s is tied to; `spoke_brokerage[s]` its Gould–Fernandez brokerage on the whole graph.

    >>> g = ig.Graph(edges=[(0, 1), (0, 2), (0, 3), (1, 2), (1, 4)])
    >>> g.vs["name"] = ["USA", "JPN", "AUS", "PHL", "GBR"]
    >>> s = hub_structure(g, "USA", ["JPN", "AUS", "PHL"])
    >>> round(s.spoke_density, 3), s.spoke_ties["JPN"], s.bonding_node
    (0.333, 1, 'JPN')
    """
    spokes = tuple(dict.fromkeys(spokes))
    n = graph.vcount()
    index = {name: i for i, name in enumerate(graph.vs["name"])} if n else {}
    adjacency = [set(a) for a in graph.get_adjlist()]
    present = {s: index[s] for s in spokes if s in index}
    spoke_ids = set(present.values())
    spoke_ties = {s: len(adjacency[present[s]] & spoke_ids) if s in present else 0 for s in spokes}
    k = len(spokes)
    density = sum(spoke_ties.values()) / 2 / (k * (k - 1) / 2) if k >= 2 else None

    def open_pairs(i: int) -> int:
        contacts = sorted(adjacency[i])
        return sum(
            1 for x, a in enumerate(contacts) for c in contacts[x + 1 :] if c not in adjacency[a]
        )

    h = index.get(hub)
    hub_size = None
    if h is not None and adjacency[h]:
        n_h = len(adjacency[h])
        hub_size = n_h - 2 * (n_h * (n_h - 1) // 2 - open_pairs(h)) / n_h
    return HubStructure(
        hub=hub,
        spokes=spokes,
        nodes=n,
        ties=graph.ecount(),
        spoke_density=density,
        degree_centralization=degree_centralization(graph),
        hub_betweenness=hub_betweenness(graph, hub),
        hub_effective_size=hub_size,
        spoke_ties=spoke_ties,
        spoke_brokerage={s: open_pairs(present[s]) if s in present else 0 for s in spokes},
    )
