"""`alliances load ...` and `alliances cite`: thin commands, one-line errors, non-zero exits."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from alliances.cli import main
from alliances.store import Store
from loader_files import gdelt_line, write_atop

NMC = "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n2,2022,1,2,3,4,5,6,0.12\n"


def run(db_path, *args):
    return CliRunner().invoke(main, ["--db", str(db_path), *map(str, args)])


def test_load_each_source_then_cite(db_path, tmp_path):
    (tmp_path / "nmc.csv").write_text(NMC)
    (tmp_path / "ties.csv").write_text(
        "name,kind,members,valid_from,citation\nPact,alliance,USA;JPN,1960,A book\n"
    )
    (tmp_path / "sipri.csv").write_text(
        "sipri_country,ccode,year,milex_const2023_usd_m,milex_current_usd_m,milex_share_gdp\n"
        "Japan,740,2023,50.0,48.0,0.0114\n"
    )
    (tmp_path / "g.CSV").write_text(gdelt_line(2, 1, "20191024") + "\n")
    for args, expected in [
        (["atop", write_atop(tmp_path / "atop")], "loaded atop 5.1: 2 facts"),
        (["nmc", tmp_path / "nmc.csv"], "loaded nmc 7.0: 7 facts"),
        (["sipri", tmp_path / "sipri.csv", "--version", "2025"], "loaded sipri 2025: 3 facts"),
        (["gdelt", tmp_path / "g.CSV"], "loaded gdelt 2.0: rows 1"),
        (["ties", tmp_path / "ties.csv"], "loaded ties:ties.csv: 1 facts"),
    ]:
        result = run(db_path, "load", *args)
        assert result.exit_code == 0, result.output
        assert expected in result.output
    table = run(db_path, "cite")
    assert table.exit_code == 0
    assert "Leeds" in table.output and "SIPRI" in table.output and "years 1955-1991" in table.output
    records = json.loads(run(db_path, "cite", "--format", "json").output)
    assert [r["name"] for r in records] == ["atop", "gdelt", "nmc", "sipri", "ties:ties.csv"]
    assert records[2]["coverage"]["years"] == [2022, 2022]


def test_cite_with_nothing_loaded(db_path):
    result = run(db_path, "cite")
    assert result.exit_code == 0 and "no data sets loaded" in result.output


@pytest.mark.parametrize(
    ("source", "content", "expected"),
    [
        ("nmc", NMC.replace("0.12", "lots"), "line 2, column cinc: 'lots' is not a number"),
        ("nmc", "", "empty file"),
        ("ties", "name,kind\n", "missing column(s) members, valid_from"),
        ("gdelt", "1\t2\n", "not a GDELT export"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(db_path, tmp_path, source, content, expected):
    path = tmp_path / "input.csv"
    path.write_text(content)
    result = run(db_path, "load", source, path)
    assert result.exit_code == 1
    assert expected in result.output and str(path) in result.output
    assert "Traceback" not in result.output
    with Store(db_path) as store:
        assert store.datasets() == []
