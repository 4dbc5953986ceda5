"""Asymmetry, burden-sharing and cohesion measures: behaviour and the unknown-is-not-zero rule."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.metrics.asymmetry import (
    OBLIGATIONS,
    capability_ratio,
    equality_index,
    obligation_asymmetry,
    one_way_basing,
)
from alliances.metrics.burden import burden_sharing_index, olson_zeckhauser, spearman
from alliances.metrics.cohesion import cohesion


def test_mutual_pact_is_symmetric_and_us_japan_is_not():
    mutual = dict.fromkeys(OBLIGATIONS, False) | {"defense": True, "consultation": True}
    assert obligation_asymmetry(mutual, mutual).flagged is False
    assert obligation_asymmetry(mutual, mutual).index == 0
    usa = mutual
    jpn = mutual | {"defense": False}
    a = obligation_asymmetry(usa, jpn)
    assert a.flagged is True
    assert a.only_a == ("defense",)
    assert a.only_b == ()
    assert a.index == pytest.approx(1 / 5)


def test_unknown_obligations_are_not_compared():
    a = obligation_asymmetry({"defense": None}, {"defense": True})
    assert a.compared == ()
    assert a.index is None
    assert a.flagged is None


def test_basing_and_capability():
    assert one_way_basing("joint") is False
    with pytest.raises(ValueError, match="basing"):
        one_way_basing("sometimes")
    assert capability_ratio(1.0, 0) is None
    assert capability_ratio(None, 1.0) is None


def test_equality_index_shows_components_and_skips_unknown():
    symmetric = obligation_asymmetry({"defense": True}, {"defense": True})
    e = equality_index(symmetric, None, 0.5)
    assert e.components == {"obligations": 1.0, "basing": None, "capability": 0.5}
    assert e.missing == ("basing",)
    assert e.value == pytest.approx(0.75)
    assert equality_index(None, None, None).value is None


def test_burden_sharing_index_leaves_missing_members_out():
    milex = {"USA": 900.0, "JPN": 50.0, "KOR": None}
    gdp = {"USA": 27000.0, "JPN": 4200.0, "KOR": 1700.0}
    bsi = burden_sharing_index(milex, gdp)
    assert bsi["KOR"] is None
    share_usa = 900 / 950
    assert bsi["USA"] == pytest.approx(share_usa / (27000 / 31200))
    assert bsi["USA"] > 1 > bsi["JPN"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=3, max_size=15))
def test_spearman_matches_pandas_ranks(pairs):
    x = [float(a) for a, _ in pairs]
    y = [float(b) for _, b in pairs]
    expected = pd.Series(x).rank().corr(pd.Series(y).rank())  # Spearman = Pearson on ranks
    got = spearman(x, y)
    if pd.isna(expected):
        assert got is None
    else:
        assert got == pytest.approx(expected)


def test_olson_zeckhauser_needs_three_known_members():
    assert (
        olson_zeckhauser(
            {"USA": 1.0, "JPN": 2.0, "KOR": None}, {"USA": 0.03, "JPN": 0.01, "KOR": 0.02}
        )
        is None
    )
    sizes = {"A": 10.0, "B": 5.0, "C": 1.0}
    assert olson_zeckhauser(sizes, {"A": 0.05, "B": 0.03, "C": 0.01}) == pytest.approx(1.0)
    assert olson_zeckhauser(sizes, {"A": 0.01, "B": 0.03, "C": 0.05}) == pytest.approx(-1.0)


def test_cohesion_without_events_is_unknown():
    c = cohesion([])
    assert c.events == 0
    assert c.cooperation_share is None
    assert c.mean_goldstein is None


def test_cohesion_of_conflict():
    c = cohesion([{"type": "ASSAULT", "goldstein": -10}, {"type": "PROTEST", "goldstein": -4}])
    assert c.cooperation_share == 0
    assert c.mean_goldstein == -7
    assert c.quad_counts["material_conflict"] == 1
