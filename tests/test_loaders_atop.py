"""ATOP loader: alliance phases as tie facts with per-member obligations, all or nothing."""

from __future__ import annotations

import pytest

from alliances.loaders import LoadError, load_atop
from alliances.store import Store
from loader_files import ATOP_MEMBERS, write_atop


@pytest.fixture
def store(db_path):
    with Store(db_path) as store:
        yield store


def ties(store, atopid):
    return [f for f in store.facts(dataset="atop") if f.arguments["atopid"] == atopid]


def party(fact, actor):
    return next(p for p in fact.arguments["parties"] if p["actor"] == actor)


def test_fixture_alliance_has_directed_obligations(store, tmp_path):
    loaded = load_atop(store, write_atop(tmp_path / "atop"))
    assert loaded.facts == 2
    assert loaded.coverage["rows"] == 4 and loaded.coverage["years"] == [1955, 1991]
    [tie] = ties(store, 9001)
    assert tie.arguments["members"] == ["JPN", "USA"]
    assert party(tie, "USA")["obligations"]["defense"] == 1
    assert party(tie, "JPN")["obligations"]["defense"] == 0
    assert (tie.arguments["asymm"], tie.arguments["base"]) == (1, 3)
    assert (tie.valid_from, tie.valid_from_precision) == ("1960-01-19", "day")
    assert tie.valid_to is None  # yrexit 0: in force at the end of coverage, not year 0
    assert party(tie, "USA")["in_force_at_end"] is True


def test_dates_keep_their_precision_and_historical_states(store, tmp_path):
    load_atop(store, write_atop(tmp_path / "atop"))
    [pact] = ties(store, 9002)
    assert pact.arguments["members"] == ["DDR", "SUN"]
    gdr = party(pact, "DDR")
    assert (gdr["from"], gdr["from_precision"]) == ("1955-05", "month")
    assert (pact.valid_to, pact.valid_to_precision) == ("1991-07-01", "day")
    assert pact.dataset == "atop" and "atopid=9002" in pact.dataset_row


def test_reload_replaces_instead_of_adding(store, tmp_path):
    folder = write_atop(tmp_path / "atop")
    load_atop(store, folder)
    load_atop(store, folder)
    assert len(store.facts(dataset="atop")) == 2
    [record] = store.datasets()
    assert record["name"] == "atop" and record["version"] == "5.1"
    assert "Leeds" in record["citation"]


def test_member_file_alone_is_enough(store, tmp_path):
    loaded = load_atop(store, write_atop(tmp_path / "atop", alliances=False))
    assert loaded.coverage["files"] == ["atop5_1m.csv"]


def test_bad_value_names_file_line_and_column_and_keeps_old_data(store, tmp_path):
    load_atop(store, write_atop(tmp_path / "good"))
    rows = [*ATOP_MEMBERS[:3], (9002, 265, 1955, 5, 0, 1990, 10, 3, 0, 2, 1, 0, 0)]
    bad = write_atop(tmp_path / "bad", members=rows)
    with pytest.raises(LoadError) as caught:
        load_atop(store, bad)
    assert "atop5_1m.csv" in str(caught.value)
    assert (caught.value.line, caught.value.column) == (5, "defense")
    assert len(store.facts(dataset="atop")) == 2  # the earlier load is untouched


def test_alliance_missing_from_alliance_file_is_an_error(store, tmp_path):
    folder = write_atop(tmp_path / "atop")
    lines = (folder / "atop5_1a.csv").read_text().splitlines()
    (folder / "atop5_1a.csv").write_text("\n".join(lines[:2]) + "\n")
    with pytest.raises(LoadError, match="atopid 9002 is not in atop5_1a.csv"):
        load_atop(store, folder)


@pytest.mark.shared
def test_real_atop_us_japan_1960_treaty(store, shared):
    loaded = load_atop(store, shared("data", "atop_5_1"))
    assert loaded.coverage["rows"] == 2510 and loaded.coverage["alliances"] == 789
    assert loaded.coverage["years"][1] == 2018
    [treaty] = ties(store, 3375)
    assert party(treaty, "USA")["obligations"]["defense"] == 1
    assert party(treaty, "JPN")["obligations"]["defense"] == 0
    assert treaty.arguments["asymm"] == 1 and treaty.arguments["base"] == 3
    assert treaty.valid_to is None
    [warsaw] = ties(store, 3285)
    assert "SUN" in warsaw.arguments["members"] and "DDR" in warsaw.arguments["members"]


@pytest.mark.parametrize(
    ("edit", "column", "message"),
    [
        (lambda header: header.replace(",base,", ","), "base", "missing column"),
        (lambda header: header + ",extra", "extra", "unexpected column 'extra'"),
    ],
)
def test_header_must_be_the_atop_5_1_layout(store, tmp_path, edit, column, message):
    folder = write_atop(tmp_path / "atop")
    path = folder / "atop5_1m.csv"
    header, *rows = path.read_text().splitlines()
    path.write_text("\n".join([edit(header), *rows]) + "\n")
    with pytest.raises(LoadError, match=message) as caught:
        load_atop(store, folder)
    assert (caught.value.line, caught.value.column) == (1, column)


def test_no_member_file(store, tmp_path):
    with pytest.raises(LoadError, match="atop5_1m.csv: no such file"):
        load_atop(store, tmp_path)
