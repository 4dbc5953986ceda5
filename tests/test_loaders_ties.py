"""Ties CSV loader: documented columns, dated tie facts, one located error per bad row."""

from __future__ import annotations

import pytest

from alliances.loaders import LoadError, load_ties
from alliances.store import Store

HEADER = "name,kind,members,valid_from,valid_to,source,citation,note\n"
GOOD = (
    "Example Pact,alliance,USA;JPN,1960-01-19,,https://example.org/pact,,\n"
    "Example Trio,grouping,AUS; JPN ;USA,2023-08,,,Made-up citation (2024),minilateral\n"
    "Old Forum,partnership,org:example-forum;USA,1990,1999-12-31,https://example.org/forum,,\n"
)


@pytest.fixture
def store(db_path):
    with Store(db_path) as store:
        yield store


def write(tmp_path, text, name="ties.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_rows_become_dated_tie_facts(store, tmp_path):
    loaded = load_ties(store, write(tmp_path, HEADER + GOOD))
    assert loaded.dataset == "ties:ties.csv" and loaded.facts == 3
    assert loaded.coverage["years"] == [1960, 2023]
    facts = {f.arguments["name"]: f for f in store.facts(dataset="ties:ties.csv")}
    trio = facts["Example Trio"]
    assert trio.arguments["members"] == ["AUS", "JPN", "USA"]
    assert trio.arguments["kind"] == "grouping" and trio.arguments["note"] == "minilateral"
    assert (trio.valid_from, trio.valid_from_precision) == ("2023-08", "month")
    forum = facts["Old Forum"]
    assert (forum.valid_to, forum.valid_to_precision) == ("1999-12-31", "day")
    assert facts["Example Pact"].dataset_row == "line 2"
    assert "Made-up citation (2024)" in store.datasets()[0]["citation"]


def test_optional_columns_may_be_left_out(store, tmp_path):
    text = "members,name,kind,valid_from,citation\nUSA;KOR,Example,alliance,1953,A book\n"
    assert load_ties(store, write(tmp_path, text)).facts == 1


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("X,treaty,USA;JPN,1960,,https://e.org,,", "kind", "not one of"),
        ("X,alliance,USA,1960,,https://e.org,,", "members", "two or more"),
        ("X,alliance,USA;Japan,1960,,https://e.org,,", "members", "'Japan' is not an ISO3"),
        ("X,alliance,USA;JPN,1960-13,,https://e.org,,", "valid_from", "not a date"),
        ("X,alliance,USA;JPN,1960,1959,https://e.org,,", "valid_to", "before it starts"),
        ("X,alliance,USA;JPN,1960,,,,", "source", "source or a citation"),
        (",alliance,USA;JPN,1960,,https://e.org,,", "name", "empty name"),
    ],
)
def test_bad_rows(store, tmp_path, row, column, message):
    path = write(tmp_path, HEADER + GOOD + row + "\n")
    with pytest.raises(LoadError, match=message) as caught:
        load_ties(store, path)
    assert (caught.value.line, caught.value.column) == (5, column)
    assert store.facts(kind="tie") == []


def test_missing_and_extra_columns(store, tmp_path):
    with pytest.raises(LoadError, match="missing column") as caught:
        load_ties(store, write(tmp_path, "name,kind,members\nX,alliance,USA;JPN\n"))
    assert (caught.value.line, caught.value.column) == (1, "valid_from")
    with pytest.raises(LoadError, match="unexpected column 'colour'"):
        load_ties(store, write(tmp_path, HEADER.strip() + ",colour\n" + GOOD))
