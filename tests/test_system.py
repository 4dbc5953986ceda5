"""The system: merging sources, cutting at dates, layers, exports and yearly series.

Own small fixtures: a reference built from the reference's own row classes, an ATOP member file
written with the loader's column layout and loaded by the real loader, and a stored document.
"""

from __future__ import annotations

import csv
import io
import json

import duckdb
import networkx as nx
import pytest

import alliances
from alliances.documents import Document
from alliances.facts import Fact
from alliances.loaders import load_atop, load_ties
from alliances.loaders.atop import MEMBER_COLUMNS
from alliances.metrics.structure import spoke_density
from alliances.reference import Basing, Membership, Reference, Source, Tie
from alliances.reference.model import Suspension
from alliances.store import Store
from alliances.system import (
    System,
    build_system,
    get_region,
    to_json,
    to_networkx,
    write_gexf,
    write_graphml,
)
from alliances.system.model import SECURITY_LAYERS, interval
from alliances.system.series import Scope, asymmetry_series, cohesion_series, structure_series
from alliances.system.sources import gdelt_events
from alliances.system.values import Values

SOURCE = (Source("https://example.org/treaty", "A treaty text."),)


def _tie(id_, kind, members, start, ended=None, **fields):
    spells = tuple(m if isinstance(m, Membership) else Membership(m) for m in members)
    return Tie(
        id=id_,
        name=id_,
        kind=kind,
        members=spells,
        sources=SOURCE,
        in_force=start,
        ended=ended,
        **fields,
    )


@pytest.fixture
def reference() -> Reference:
    return Reference(
        ties=[
            _tie(
                "us-japan",
                "alliance",
                ["JPN", "USA"],
                "1960-06-23",
                atop=3375,
                obligations={"USA": {"defense": 1, "consultation": 1}, "JPN": {"consultation": 1}},
                basing=(Basing("JPN", "USA", "1960-06-23"),),
            ),
            _tie(
                "anzus",
                "alliance",
                ["AUS", "NZL", "USA"],
                "1952-04-29",
                obligations={"default": {"defense": 1}},
                suspensions=(Suspension(("NZL", "USA"), "1986-09-17"),),
            ),
            _tie(
                "seato",
                "alliance",
                ["AUS", "GBR", "NZL", "PHL", "THA", "USA"],
                "1955-02-19",
                "1977-06-30",
                atop=3260,
                obligations={"default": {"defense": 1}},
            ),
            _tie(
                "us-thailand",
                "alliance",
                ["THA", "USA"],
                "1962-03-06",
                atop=3260,
                obligations={"default": {"defense": 1}},
            ),
            _tie(
                "quad",
                "grouping",
                [Membership(m, "2007-05", "2008-02") for m in ("AUS", "IND", "JPN", "USA")]
                + [Membership(m, "2017-11-12") for m in ("AUS", "IND", "JPN", "USA")],
                "2007-05",
            ),
            _tie("partners", "partnership", ["AUS", "JPN", "org:nato"], "2022-06-29"),
            _tie(
                "ftta",
                "alliance",
                ["AUS", "JPN"],
                "2000",
                obligations={"default": {"nonaggression": 1}},
            ),
        ]
    )


def _atop_row(atopid, member, enter, leave, phase=0, **obligations):
    row = dict.fromkeys(MEMBER_COLUMNS, "0")
    (y, m, d), (ey, em, ed) = enter, leave
    row.update(
        atopid=atopid,
        member=member,
        yrent=y,
        moent=m,
        dayent=d,
        yrexit=ey,
        moexit=em,
        dayexit=ed,
        phase=phase,
        version="5.1",
        base="3" if atopid == 3375 else "0",
    )
    row.update({k: "1" for k in obligations})
    return row


@pytest.fixture
def store(tmp_path) -> Store:
    rows = [
        _atop_row(3375, 2, (1960, 1, 19), (0, 0, 0), defense=1, consul=1),
        _atop_row(3375, 740, (1960, 1, 19), (0, 0, 0), consul=1),
        *(
            _atop_row(3260, c, (1954, 9, 8), (1977, 6, 30), phase=1, defense=1)
            for c in (2, 200, 800, 840, 900, 920)
        ),
        *(_atop_row(3260, c, (1977, 6, 30), (0, 0, 0), phase=2, defense=1) for c in (2, 800)),
    ]
    path = tmp_path / "atop5_1m.csv"
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=MEMBER_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    s = Store(tmp_path / "kb.db")
    load_atop(s, path)
    text = "Japan and Australia held talks. The Quad met. Japan protested to Australia."
    doc = Document(text=text, path=str(tmp_path / "a.txt"), published="2024-03-01")
    quad = text.index("The Quad")
    talks = text.index("held talks")
    protest = text.index("protested")

    def fact(kind, arguments, start, end):
        return Fact(
            kind=kind,
            arguments=arguments,
            producer="test",
            producer_version="0",
            valid_from="2024-03-01",
            valid_from_precision="day",
            document_id=doc.id,
            start=start,
            end=end,
            span_text=text[start:end],
        )

    s.add_document(
        doc,
        facts=[
            fact(
                "tie",
                {
                    "kind": "grouping",
                    "name": "Quad",
                    "members": ["AUS", "IND", "JPN", "USA"],
                    "reference": "quad",
                },
                quad,
                quad + 8,
            ),
            fact(
                "tie",
                {"kind": "agreement", "name": "Japan-Australia talks", "members": ["AUS", "JPN"]},
                0,
                talks + 10,
            ),
            fact(
                "event",
                {"source": "JPN", "target": "AUS", "type": "CONSULT", "goldstein": 1.0},
                talks,
                talks + 10,
            ),
            fact(
                "event",
                {"source": "JPN", "target": "AUS", "type": "PROTEST", "goldstein": -2.0},
                protest,
                protest + 9,
            ),
            fact(
                "event",
                {"source": "JPN", "target": "AUS", "type": "ASSAULT", "negated": True},
                protest,
                protest + 9,
            ),
        ],
    )
    yield s
    s.close()


def _pairs(graph) -> set[frozenset[str]]:
    names = graph.vs["name"] if graph.vcount() else []
    return {frozenset((names[e.source], names[e.target])) for e in graph.es}


def _pair(a, b):
    return frozenset((a, b))


def test_a_tie_in_several_sources_is_one_tie_with_all_its_sources(reference, store):
    system = build_system(store, reference)
    us_japan = system.ties["ref:us-japan"]
    assert {s.dataset for s in us_japan.sources} == {"reference", "atop"}
    assert us_japan.sources[1].citation.startswith("Leeds, Brett Ashley")
    quad = system.ties["ref:quad"]
    assert {s.dataset for s in quad.sources} == {"reference", "document"}
    # the document (2024) corroborates the Quad without moving its dates
    assert system.at("2010").layer(["grouping"]).ecount() == 0
    assert sum(t.startswith("atop:") for t in system.ties) == 0  # every ATOP row found its tie
    edges = system.at("1990").edges(["alliance"])
    japan = [e for e in edges if {e["source"], e["target"]} == {"JPN", "USA"}]
    assert len(japan) == 1
    assert japan[0]["sources"] == ["reference:us-japan", "atop:atopid 3375"]


def test_ties_of_one_source_are_not_merged_and_atop_phases_join_the_closest(reference, store):
    system = build_system(store, reference)
    seato, thailand = system.ties["ref:seato"], system.ties["ref:us-thailand"]
    assert "atop" in {s.dataset for s in seato.sources}
    assert "atop" in {s.dataset for s in thailand.sources}
    # SEATO's ATOP phase 1 starts 1954-09-08 (signature): the union of the spans keeps it
    assert _pair("AUS", "THA") in _pairs(system.at("1954").layer(["alliance"]))
    assert _pair("AUS", "THA") not in _pairs(system.at("1978").layer(["alliance"]))
    assert _pair("THA", "USA") in _pairs(system.at("1990").layer(["alliance"]))


def test_dates_are_intervals_and_end_days_are_exclusive(reference):
    system = build_system(None, reference)
    assert _pair("AUS", "THA") in _pairs(system.at("1977").layer())
    assert _pair("AUS", "THA") in _pairs(system.at("1977-06-29").layer())
    assert _pair("AUS", "THA") not in _pairs(system.at("1977-06-30").layer())
    assert _pair("AUS", "THA") not in _pairs(system.at("1977-07").layer())
    with pytest.raises(ValueError, match="not a date"):
        system.at("June 1977")


def test_suspension_cuts_one_pair_and_keeps_the_others(reference):
    system = build_system(None, reference)
    before, after = _pairs(system.at("1985").layer()), _pairs(system.at("1987").layer())
    assert _pair("NZL", "USA") in before
    assert _pair("NZL", "USA") not in after
    assert _pair("AUS", "NZL") in after


def test_spells_organisations_and_nonaggression_pacts(reference):
    system = build_system(None, reference)
    grouping = {y: _pairs(system.at(str(y)).layer(["grouping"])) for y in (2007, 2012, 2018)}
    assert _pair("IND", "JPN") in grouping[2007]
    assert grouping[2012] == set()
    assert _pair("IND", "JPN") in grouping[2018]
    partners = _pairs(system.at("2023").layer(["partnership"]))
    assert partners == {_pair("org:nato", "AUS"), _pair("org:nato", "JPN")}
    snap = system.at("2005")
    assert _pair("AUS", "JPN") not in _pairs(snap.layer(["alliance"]))
    assert _pair("AUS", "JPN") in _pairs(snap.layer(["alliance"], exclude_nonaggression_only=False))
    assert _pair("AUS", "USA") not in _pairs(snap.layer(["alliance"], obligations=["offense"]))


def test_outside_coverage_a_value_is_unknown_not_zero(store):
    system = build_system(store, reference=False)
    assert system.coverage == {"atop": (1954, 1977)}
    scope = Scope("USA", ("AUS", "THA", "JPN"), layers=("alliance",))
    rows = {
        r["year"]: r
        for r in structure_series(system, scope, [1950, 1970, 1978])
        if r["layer"] == "combined"
    }
    assert rows[1970]["spoke_density"] == pytest.approx(1 / 3)
    assert rows[1970]["sources"] == ["atop"]
    for year in (1950, 1978):
        assert rows[year]["spoke_density"] is None
        assert rows[year]["hub_betweenness"] is None
        assert rows[year]["sources"] == []


def test_asymmetry_series_flags_the_one_sided_treaty(reference, store):
    system = build_system(store, reference)
    values = Values({("cinc", "USA", 1990): (0.14, "nmc"), ("cinc", "JPN", 1990): (0.07, "nmc")})
    scope = Scope("USA", ("JPN", "THA"), layers=("alliance", "agreement", "posture"))
    rows = {(r["year"], r["spoke"]): r for r in asymmetry_series(system, values, scope, [1990])}
    japan, thailand = rows[1990, "JPN"], rows[1990, "THA"]
    assert japan["asymmetry_flagged"] is True
    assert japan["only_hub"] == ["defense"]
    assert japan["one_way_basing"] is True
    assert japan["capability_ratio"] == pytest.approx(2.0)
    assert japan["equality_capability"] == pytest.approx(0.5)
    assert "nmc" in japan["sources"]
    assert thailand["asymmetry_flagged"] is False
    assert thailand["capability_ratio"] is None  # no CINC: unknown, not 0
    assert thailand["equality_capability"] is None


def test_cohesion_from_document_events(reference, store):
    system = build_system(store, reference)
    rows = cohesion_series(system, Scope("JPN", ("AUS",)), [2023, 2024])
    assert rows[0]["events"] == 0
    assert rows[0]["cooperation_share"] is None
    assert rows[1]["events"] == 2  # the negated assault is not an event
    assert rows[1]["cooperation_share"] == 0.5
    assert rows[1]["mean_goldstein"] == -0.5
    assert rows[1]["sources"] == ["document"]


def test_exports(reference, store, tmp_path):
    snap = build_system(store, reference).at("2024")
    data = to_json(snap)
    assert {"date", "datasets", "nodes", "edges"} <= set(data)
    node = next(n for n in data["nodes"] if n["id"] == "KOR" or n["id"] == "JPN")
    assert set(node) == {"id", "label", "kind"}
    assert node["kind"] == "state"
    layers = {e["layer"] for e in data["edges"]}
    assert {"alliance", "grouping", "partnership", "posture", "events", "agreement"} == layers
    for edge in data["edges"]:
        assert {"id", "source", "target", "layer", "kind", "name", "sources"} <= set(edge)
    json.dumps(data)  # plain data all the way down
    multigraph = to_networkx(snap)
    assert multigraph.number_of_edges() == len(data["edges"])
    for writer, reader, suffix in (
        (write_graphml, nx.read_graphml, "graphml"),
        (write_gexf, nx.read_gexf, "gexf"),
    ):
        path = tmp_path / f"s.{suffix}"
        writer(snap, path)
        back = reader(path)
        assert back.number_of_edges() == len(data["edges"])
        assert set(back.nodes) == set(snap.nodes)
    buffer = io.BytesIO()
    write_graphml(snap, buffer)
    assert b"reference:us-japan" in buffer.getvalue()


def test_yearly_path_matches_a_fresh_count(reference, store):
    """The vectorised cut of the prebuilt graph equals a count straight from the ties."""
    system = build_system(store, reference)
    spokes = ["JPN", "AUS", "PHL", "NZL", "THA"]
    k = len(spokes)
    for year in range(1950, 2027):
        start, end = interval(str(year))
        expected = {
            _pair(a, b)
            for tie in system.ties.values()
            if tie.layer in SECURITY_LAYERS and not tie.nonaggression_only
            for a, b in tie.pairs()
            if any(s < end and e > start for s, e in tie.pair_spans(a, b))
        }
        graph = system.at(str(year)).layer()
        assert _pairs(graph) == expected, year
        among = sum(1 for p in expected if p <= set(spokes))
        assert spoke_density(graph, spokes) == pytest.approx(among / (k * (k - 1) / 2))


def test_gdelt_events_are_aggregated_by_dyad_day_and_quad_class():
    connection = duckdb.connect()
    connection.execute(
        "CREATE TABLE gdelt AS SELECT * FROM (VALUES "
        "('JPN', 'USA', DATE '2019-10-24', 1, 2.0), ('JPN', 'USA', DATE '2019-10-24', 1, 4.0), "
        "('JPN', 'USA', DATE '2019-10-24', 4, -9.0), ('JPN', 'JPN', DATE '2019-10-24', 1, 1.0), "
        "('USA', NULL, DATE '2019-10-24', 1, 1.0)) "
        "AS t(Actor1ISO3, Actor2ISO3, event_date, QuadClass, GoldsteinScale)"
    )
    events = gdelt_events(connection)
    assert [(e.quad_class, e.count, e.goldstein) for e in events] == [(1, 2, 3.0), (4, 1, -9.0)]
    system = System([], events)
    [row] = cohesion_series(system, Scope("USA", ("JPN",)), [2019])
    assert row["events"] == 3
    assert row["cooperation_share"] == pytest.approx(2 / 3)
    assert row["mean_goldstein"] == pytest.approx((2 + 4 - 9) / 3)
    snap = system.at("2019-10")
    [edge] = snap.edges(["events"])
    assert edge["count"] == 3
    assert edge["goldstein"] == pytest.approx(-1.0)


def test_spokes_follow_the_hubs_alliances_where_the_region_lists_none(reference):
    system = build_system(None, reference)
    europe = get_region("europe")
    assert europe.spokes_of("USA") is None
    scope = Scope("USA", None, europe, layers=("alliance",))
    rows = {r["year"]: r for r in structure_series(system, scope, [1960, 1980])}
    assert rows[1960]["spokes"] == 1  # GBR, through SEATO
    assert rows[1980]["spokes"] == 0
    assert rows[1980]["spoke_density"] is None  # fewer than two spokes: undefined


def test_facade_snapshot_and_metrics(tmp_path):
    with alliances.open(tmp_path / "kb.db") as kb:
        snap = kb.snapshot("2024", region="indo-pacific")
        assert "JPN" in snap.nodes
        assert snap.datasets == ["reference"]
        rows = kb.metrics("structure", "USA", region="indo-pacific", first=2023, last=2024)
    assert {(r["year"], r["layer"]) for r in rows} >= {(2023, "combined"), (2024, "grouping")}


def test_a_ties_csv_joins_the_system(reference, tmp_path):
    path = tmp_path / "my_ties.csv"
    path.write_text(
        "name,kind,members,valid_from,valid_to,source\n"
        "Quad,grouping,AUS;IND;JPN;USA,2017-11-12,,https://example.org/quad\n"
        "Squad,grouping,AUS;JPN;PHL;USA,2024-05,,https://example.org/squad\n"
        "Old pact,alliance,JPN;PHL,2001,2003,https://example.org/old\n"
    )
    with Store(tmp_path / "kb.db") as store:
        load_ties(store, path)
        system = build_system(store, reference)
    quad = system.ties["ref:quad"]
    assert [s.dataset for s in quad.sources] == ["reference", "ties:my_ties.csv"]
    assert quad.sources[1].url == "https://example.org/quad"
    assert system.coverage["ties:my_ties.csv"] == (2001, 2024)
    assert _pair("AUS", "PHL") in _pairs(system.at("2026").layer(["grouping"]))  # holds on
    alliance = {y: _pairs(system.at(str(y)).layer(["alliance"])) for y in (2000, 2002, 2004)}
    assert _pair("JPN", "PHL") not in alliance[2000]
    assert _pair("JPN", "PHL") in alliance[2002]
    assert _pair("JPN", "PHL") not in alliance[2004]
