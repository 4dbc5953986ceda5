"""COW NMC loader: state-year capabilities, -9 as missing, and the panel API built on them."""

from __future__ import annotations

import math
import zipfile

import pytest

from alliances.loaders import LoadError, load_nmc, panel
from alliances.store import Store

HEADER = "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n"
ROWS = (
    "2,2021,754019000.0,1395.0,85791.0,3313139.0,343414.0,118266.0,0.121\n"
    "2,2022,838814000.0,1360.0,-9,3436075.0,344775.0,119142.0,0.123\n"
    "365,1980,-9,3663.0,148000.0,1500000.0,265000.0,100000.0,0.17\n"
    "365,2000,,1004.0,59136.0,908000.0,146600.0,75000.0,0.055\n"
)


@pytest.fixture
def store(db_path):
    with Store(db_path) as store:
        yield store


def write(tmp_path, text, name="nmc.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_values_in_base_units_and_missing_is_not_zero(store, tmp_path):
    loaded = load_nmc(store, write(tmp_path, HEADER + ROWS))
    assert loaded.coverage["rows"] == 4 and loaded.coverage["years"] == [1980, 2022]
    assert loaded.coverage["missing"]["milex"] == 2 and loaded.coverage["missing"]["irst"] == 1
    milex = panel(store, "milex_current_usd").set_index(["actor", "year"])["value"]
    assert milex["USA", 2022] == 838814000.0 * 1000
    assert math.isnan(milex["SUN", 1980])  # -9 is missing, never 0
    assert math.isnan(milex["RUS", 2000])  # an empty cell too
    irst = panel(store, "irst").set_index(["actor", "year"])["value"]
    assert math.isnan(irst["USA", 2022]) and irst["USA", 2021] == 85791.0 * 1000


def test_panel_says_its_unit_source_and_coverage(store, tmp_path):
    load_nmc(store, write(tmp_path, HEADER + ROWS))
    cinc = panel(store, "cinc")
    assert list(cinc.columns) == ["actor", "ccode", "year", "value", "unit", "dataset"]
    assert len(cinc) == 4 and set(cinc["dataset"]) == {"nmc"}
    assert cinc.attrs["unit_of_analysis"] == "state-year"
    assert cinc.attrs["sources"]["nmc"]["coverage"]["years"] == [1980, 2022]
    assert "Singer" in cinc.attrs["sources"]["nmc"]["citation"]
    assert panel(store, "cinc", dataset="sipri").empty
    with pytest.raises(ValueError, match="unknown measure"):
        panel(store, "gdp")


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("ccode,year,milex,milper,irst,pec,tpop,upop\n2,2022,1,1,1,1,1,1\n", 1, "cinc", "missing"),
        (HEADER.replace("\n", ",gdp\n") + "2,2022,1,1,1,1,1,1,1,1\n", 1, "gdp", "unexpected"),
        (HEADER + "2,2022,1,1,1,1,1,1,high\n", 2, "cinc", "not a number"),
        (HEADER + "2,20x2,1,1,1,1,1,1,0.1\n", 2, "year", "not a whole number"),
        (HEADER + "2,2022,1,1,1,1,1,1,0.1,7\n", 2, None, "10 cells, expected 9"),
        (HEADER + "2,2022,-5,1,1,1,1,1,0.1\n", 2, "milex", "negative"),
        (HEADER + ROWS + ROWS.splitlines(keepends=True)[0], 6, None, "repeats line 2"),
        (HEADER, 2, None, "no data rows"),
        ("", None, None, "empty file"),
    ],
)
def test_bad_input_is_one_clear_error(store, tmp_path, text, line, column, message):
    path = write(tmp_path, text, "bad.csv")
    with pytest.raises(LoadError, match=message) as caught:
        load_nmc(store, path)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert str(caught.value).startswith(str(path))


def test_a_failed_load_keeps_the_previous_one(store, tmp_path):
    load_nmc(store, write(tmp_path, HEADER + ROWS))
    with pytest.raises(LoadError):
        load_nmc(store, write(tmp_path, HEADER + ROWS + "2,1999,1,1,1,1,1,1,x\n", "bad.csv"))
    assert len(panel(store, "cinc")) == 4
    assert [d["name"] for d in store.datasets()] == ["nmc"]


@pytest.mark.shared
def test_real_nmc_usa_2022(store, shared):
    loaded = load_nmc(store, shared("data", "cow", "cow_nmc_v7_0.csv"))
    assert loaded.coverage["years"] == [1816, 2022]
    cinc = panel(store, "cinc").set_index(["actor", "year"])["value"]
    assert 0.1 < cinc["USA", 2022] < 0.2
    for measure in ("milex_current_usd", "milper", "irst", "pec", "tpop", "upop"):
        usa = panel(store, measure).set_index(["actor", "year"])["value"]
        assert usa["USA", 2022] > 0, measure  # the USA 2022 row is there, every value known
    assert ("SUN", 1980) in cinc.index and ("RUS", 2000) in cinc.index
    milex = panel(store, "milex_current_usd")
    assert milex["value"].isna().sum() == loaded.coverage["missing"]["milex"] > 0
    assert (milex["value"].dropna() >= 0).all()


def zipped(tmp_path, members):
    path = tmp_path / "nmc.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def test_zipped_input(store, tmp_path):
    loaded = load_nmc(store, zipped(tmp_path, {"nmc.csv": HEADER + ROWS}))
    assert loaded.coverage["rows"] == 4


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[: len(data) // 2], "truncated or damaged"),
        (lambda data: data[:-30], "truncated or damaged"),
        (lambda data: b"", "truncated or damaged"),
    ],
)
def test_truncated_zip_is_one_clear_error(store, tmp_path, damage, message):
    path = zipped(tmp_path, {"nmc.csv": HEADER + ROWS * 50})
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(LoadError, match=message) as caught:
        load_nmc(store, path)
    assert str(caught.value).startswith(str(path))


def test_zip_with_several_files(store, tmp_path):
    path = zipped(tmp_path, {"a.csv": HEADER + ROWS, "b.csv": HEADER + ROWS})
    with pytest.raises(LoadError, match="exactly one data file, not a.csv, b.csv"):
        load_nmc(store, path)
