"""Acceptance with the real data in ../shared/data: ATOP 5.1, COW NMC, SIPRI, and the reference."""

from __future__ import annotations

import pytest

from alliances.loaders import gdelt_connection, load_atop, load_gdelt, load_nmc, load_sipri
from alliances.store import Store
from alliances.system import build_system, get_region
from alliances.system.query import metrics
from alliances.system.series import Scope, asymmetry_series, structure_series
from alliances.system.values import Values

SPOKES = ("JPN", "KOR", "AUS", "PHL", "NZL", "THA", "TWN")

pytestmark = pytest.mark.shared


@pytest.fixture
def atop_store(tmp_path, shared):
    store = Store(tmp_path / "kb.db")
    load_atop(store, shared("data", "atop_5_1"))
    yield store
    store.close()


def _defence_scope() -> Scope:
    return Scope(
        "USA", SPOKES, get_region("indo-pacific"), layers=("alliance",), obligations=("defense",)
    )


def test_atop_alone_hub_and_spoke_density(atop_store):
    system = build_system(atop_store, reference=False)
    rows = structure_series(system, _defence_scope(), range(1951, 2027))
    density = {r["year"]: r["spoke_density"] for r in rows if r["layer"] == "combined"}
    assert all(density[y] == 0 for y in range(1990, 2019))
    assert all(density[y] > 0.2 for y in range(1960, 1976))  # SEATO
    assert all(density[y] is None for y in range(2019, 2027))  # ATOP ends in 2018
    assert {s for r in rows if r["year"] <= 2018 for s in r["sources"]} == {"atop"}


def test_atop_alone_us_japan_asymmetry(atop_store):
    system = build_system(atop_store, reference=False)
    rows = asymmetry_series(system, Values(), _defence_scope(), range(1952, 2019))
    japan = {r["year"]: r for r in rows if r["spoke"] == "JPN"}
    for year in range(1960, 2019):
        assert japan[year]["asymmetry_flagged"] is True, year
        assert "defense" in japan[year]["only_hub"]
        assert japan[year]["one_way_basing"] is True
    korea = {r["year"]: r for r in rows if r["spoke"] == "KOR"}
    assert korea[1990]["asymmetry_flagged"] is False


def test_reference_groupings_raise_indo_pacific_density_after_2017():
    rows = metrics(
        None, "structure", "USA", region="indo-pacific", first=1951, last=2026, layers=("grouping",)
    )
    density = {r["year"]: r["spoke_density"] for r in rows if r["layer"] == "grouping"}
    assert set(density) == set(range(1951, 2027))
    assert max(density[y] for y in range(1951, 2018)) < density[2024]
    assert density[2024] > density[2017]
    grouping = {r["year"]: r for r in rows if r["layer"] == "grouping"}
    assert grouping[2024]["bonding_node"] == "JPN"
    brokerage = grouping[2024]["spoke_brokerage"]
    assert brokerage["JPN"] == max(brokerage.values()) > 0


NMC_ROWS = """ccode,year,milex,milper,irst,pec,tpop,upop,cinc
2,2000,301697000,1483,101455,3219219,282158,191265,0.1429
740,2000,45316000,237,106444,628587,126870,81212,0.0515
732,2000,12500000,683,43107,264813,47008,38800,-9
"""


def test_burden_and_capabilities_from_sipri_and_nmc(tmp_path, shared):
    store = Store(tmp_path / "kb.db")
    load_sipri(store, shared("data", "sipri", "sipri_milex_extract_9countries.csv"))
    nmc = tmp_path / "nmc.csv"
    nmc.write_text(NMC_ROWS)
    load_nmc(store, nmc)
    rows = metrics(store, "burden", "USA", region="indo-pacific", first=2000, last=2001)
    by = {(r["year"], r["actor"]): r for r in rows}
    usa, japan, taiwan = by[2000, "USA"], by[2000, "JPN"], by[2000, "TWN"]
    assert 0.02 < usa["share_of_gdp"] < 0.05
    assert japan["share_of_gdp"] < usa["share_of_gdp"]
    assert usa["burden_sharing_index"] > 1 > japan["burden_sharing_index"]
    assert taiwan["share_of_gdp"] is None  # not in the SIPRI extract: unknown, not 0
    assert taiwan["burden_sharing_index"] is None
    assert usa["olson_zeckhauser"] is not None
    assert usa["sources"] == ["sipri"]
    asym = metrics(store, "asymmetry", "USA", region="indo-pacific", first=2000, last=2000)
    by_spoke = {r["spoke"]: r for r in asym}
    assert by_spoke["JPN"]["capability_ratio"] == pytest.approx(0.1429 / 0.0515)
    assert "nmc" in by_spoke["JPN"]["sources"]
    assert by_spoke["KOR"]["capability_ratio"] is None  # CINC -9: missing, not 0
    spending = metrics(
        store,
        "asymmetry",
        "USA",
        region="indo-pacific",
        first=2000,
        last=2000,
        capability="spending",
    )
    by_spoke = {r["spoke"]: r for r in spending}
    assert by_spoke["KOR"]["capability_ratio"] > 10  # SIPRI has both
    assert by_spoke["KOR"]["capability_measure"] == "spending"
    assert "sipri" in by_spoke["KOR"]["sources"]
    assert by_spoke["TWN"]["capability_ratio"] is None  # no SIPRI row for Taiwan
    store.close()


def test_cohesion_from_gdelt_matches_a_direct_count(tmp_path, shared):
    store = Store(tmp_path / "kb.db")
    load_gdelt(store, [shared("data", "gdelt", "gdelt2_20191024143000.export.CSV")])
    rows = metrics(store, "cohesion", "USA", region="indo-pacific", first=2018, last=2019)
    by_year = {r["year"]: r for r in rows}
    allies = ("USA", *SPOKES)
    [(quad_1_2, classified, total, goldstein)] = (
        gdelt_connection(store)
        .execute(
            "SELECT count(*) FILTER (QuadClass IN (1, 2)), count(QuadClass), count(*), "
            "avg(GoldsteinScale) FROM gdelt WHERE year(event_date) = 2019 "
            f"AND Actor1ISO3 IN {allies} AND Actor2ISO3 IN {allies} "
            "AND Actor1ISO3 <> Actor2ISO3"
        )
        .fetchall()
    )
    assert total > 0
    assert by_year[2019]["events"] == total
    assert by_year[2019]["cooperation_share"] == pytest.approx(quad_1_2 / classified)
    assert by_year[2019]["mean_goldstein"] == pytest.approx(goldstein)
    assert by_year[2019]["sources"] == ["gdelt"]
    store.close()
