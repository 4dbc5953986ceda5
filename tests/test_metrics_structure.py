"""Structure measures: known cases, and agreement with a networkx oracle on random graphs."""

from __future__ import annotations

from itertools import combinations

import igraph as ig
import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.metrics.structure import (
    brokerage,
    degree_centralization,
    effective_size,
    hub_betweenness,
    hub_structure,
    spoke_density,
)

NAMES = [f"N{i}" for i in range(12)]


@st.composite
def graphs(draw):
    n = draw(st.integers(min_value=1, max_value=12))
    pairs = list(combinations(range(n), 2))
    edges = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    g = ig.Graph(n=n, edges=edges)
    g.vs["name"] = NAMES[:n]
    oracle = nx.Graph()
    oracle.add_nodes_from(NAMES[:n])
    oracle.add_edges_from((NAMES[a], NAMES[b]) for a, b in edges)
    return g, oracle


def _oracle_density(oracle: nx.Graph, spokes: list[str]) -> float | None:
    k = len(spokes)
    if k < 2:
        return None
    ties = sum(1 for a, b in combinations(spokes, 2) if oracle.has_edge(a, b))
    return ties / (k * (k - 1) / 2)


def _oracle_centralization(oracle: nx.Graph) -> float | None:
    n = oracle.number_of_nodes()
    if n < 3:
        return None
    degrees = dict(oracle.degree())
    top = max(degrees.values())
    return sum(top - d for d in degrees.values()) / ((n - 1) * (n - 2))


@settings(max_examples=150, deadline=None)
@given(graphs(), st.data())
def test_matches_networkx(pair, data):
    g, oracle = pair
    names = list(oracle.nodes)
    node = data.draw(st.sampled_from(names))
    spokes = data.draw(st.lists(st.sampled_from([*names, "ABSENT"]), unique=True))

    assert spoke_density(g, spokes) == pytest.approx(_oracle_density(oracle, spokes))
    assert degree_centralization(g) == pytest.approx(_oracle_centralization(oracle))
    if len(names) >= 3:
        expected = nx.betweenness_centrality(oracle, normalized=True)[node]
        assert hub_betweenness(g, node) == pytest.approx(expected)
    else:
        assert hub_betweenness(g, node) is None
    if oracle.degree(node):
        assert effective_size(g, node) == pytest.approx(nx.effective_size(oracle)[node])
    else:
        assert effective_size(g, node) is None
    open_pairs = sum(
        1 for a, c in combinations(oracle.neighbors(node), 2) if not oracle.has_edge(a, c)
    )
    assert brokerage(g, node).total == open_pairs
    groups = {n: data.draw(st.sampled_from("AB")) for n in names}
    with_groups = brokerage(g, node, groups)
    assert with_groups.total == open_pairs
    assert sum(with_groups.roles.values()) == open_pairs
    together = hub_structure(g, node, spokes)
    assert together.spoke_density == pytest.approx(spoke_density(g, spokes))
    assert together.degree_centralization == pytest.approx(degree_centralization(g))
    assert together.hub_betweenness == pytest.approx(hub_betweenness(g, node))
    assert together.hub_effective_size == pytest.approx(effective_size(g, node))
    present = [s for s in spokes if s in names]
    assert together.spoke_brokerage == {
        s: brokerage(g, s).total if s in present else 0 for s in spokes
    }
    for s in present:
        assert together.spoke_ties[s] == sum(1 for t in present if oracle.has_edge(s, t))


def _named(edges: list[tuple[str, str]], extra: tuple[str, ...] = ()) -> ig.Graph:
    names = list(dict.fromkeys([*(n for e in edges for n in e), *extra]))
    g = ig.Graph(n=len(names), edges=[(names.index(a), names.index(b)) for a, b in edges])
    g.vs["name"] = names
    return g


def test_pure_hub_and_spoke_is_zero_density_and_full_centralisation():
    spokes = ["JPN", "KOR", "AUS", "PHL"]
    star = _named([("USA", s) for s in spokes])
    s = hub_structure(star, "USA", spokes)
    assert s.spoke_density == 0
    assert s.degree_centralization == 1
    assert s.hub_betweenness == 1
    assert s.hub_effective_size == 4
    assert s.bonding_node is None


def test_minilateral_links_raise_density_and_name_the_bonding_node():
    spokes = ["JPN", "KOR", "AUS", "PHL"]
    g = _named([*(("USA", s) for s in spokes), ("JPN", "AUS"), ("JPN", "PHL"), ("JPN", "KOR")])
    s = hub_structure(g, "USA", spokes)
    assert s.spoke_density == pytest.approx(3 / 6)
    assert s.spoke_ties == {"JPN": 3, "KOR": 1, "AUS": 1, "PHL": 1}
    assert s.bonding_node == "JPN"
    assert s.spoke_brokerage["JPN"] == 3  # KOR-AUS, KOR-PHL, AUS-PHL go through Japan
    assert s.hub_betweenness < 1


def test_missing_hub_and_isolated_spokes_are_unknown_not_zero():
    g = _named([("JPN", "AUS")], extra=("KOR",))
    s = hub_structure(g, "USA", ["JPN", "AUS", "KOR", "TWN"])
    assert s.hub_betweenness is None
    assert s.hub_effective_size is None
    assert s.spoke_density == pytest.approx(1 / 6)  # TWN absent: a spoke with no ties
    assert effective_size(g, "KOR") is None
