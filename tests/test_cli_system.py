"""`alliances metrics` and `alliances system` on the bundled reference (no ../shared needed)."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from alliances.cli import main


@pytest.fixture
def run(tmp_path):
    def invoke(*args: str):
        result = CliRunner().invoke(main, ["--db", str(tmp_path / "kb.db"), *args])
        return result

    return invoke


def test_metrics_structure_series_1951_2026(run):
    result = run(
        "metrics",
        "--hub",
        "USA",
        "--region",
        "indo-pacific",
        "--from",
        "1951",
        "--to",
        "2026",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    combined = [r for r in rows if r["layer"] == "combined"]
    assert [r["year"] for r in combined] == list(range(1951, 2027))
    assert all(r["sources"] == ["reference"] for r in combined)
    assert {r["spokes"] for r in combined} == {7}


def test_metrics_table_and_csv(run):
    table = run(
        "metrics",
        "--hub",
        "USA",
        "--region",
        "indo-pacific",
        "--from",
        "2024",
        "--to",
        "2024",
        "--layer",
        "grouping",
    )
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    assert lines[0].split()[:3] == ["year", "layer", "spokes"]
    assert len(lines) == 2 + 2  # header, rule, grouping and combined
    csv_out = run(
        "metrics",
        "--hub",
        "USA",
        "--region",
        "indo-pacific",
        "--from",
        "2024",
        "--to",
        "2025",
        "--family",
        "asymmetry",
        "--format",
        "csv",
    )
    assert csv_out.exit_code == 0, csv_out.output
    header, *body = csv_out.output.strip().splitlines()
    assert header.startswith("year,hub,spoke,allied")
    assert len(body) == 2 * 7
    structure = run(
        "metrics",
        "--hub",
        "USA",
        "--region",
        "indo-pacific",
        "--from",
        "2024",
        "--to",
        "2024",
        "--layer",
        "grouping",
        "--format",
        "csv",
    )
    assert re.search(r",JPN=\d+ KOR=\d+ AUS=\d+ PHL=\d+ NZL=\d+ THA=\d+ TWN=\d+,", structure.output)


def test_metrics_capability_option(run):
    result = run(
        "metrics",
        "--hub",
        "USA",
        "--region",
        "indo-pacific",
        "--from",
        "2020",
        "--to",
        "2020",
        "--family",
        "asymmetry",
        "--capability",
        "spending",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {r["capability_measure"] for r in rows} == {"spending"}
    assert all(r["capability_ratio"] is None for r in rows)  # nothing loaded: unknown


def test_metrics_errors_are_one_line(run):
    result = run("metrics", "--hub", "USA", "--region", "atlantis")
    assert result.exit_code == 1
    assert "unknown region 'atlantis'" in result.output
    result = run("metrics", "--hub", "USA", "--from", "2000", "--to", "1990")
    assert result.exit_code == 1
    assert "after" in result.output


def test_system_formats(run, tmp_path):
    table = run("system", "--at", "2024-06-01", "--region", "indo-pacific")
    assert table.exit_code == 0, table.output
    assert table.output.startswith("2024-06-01: ")
    assert "Quadrilateral Security Dialogue" in table.output
    data = json.loads(run("system", "--at", "1965", "--format", "json").output)
    assert data["date"] == "1965"
    pairs = {frozenset((e["source"], e["target"])) for e in data["edges"]}
    assert frozenset(("AUS", "THA")) in pairs  # SEATO
    assert frozenset(("IND", "JPN")) not in pairs
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        result = CliRunner().invoke(
            main, ["--db", str(tmp_path / "kb.db"), "system", "--at", "2024", "--format", fmt]
        )
        assert result.exit_code == 0
        path = tmp_path / f"out.{fmt}"
        path.write_bytes(result.stdout_bytes)
        assert reader(path).number_of_edges() > 0
    bad = run("system", "--at", "next year")
    assert bad.exit_code == 1
    assert "not a date" in bad.output
