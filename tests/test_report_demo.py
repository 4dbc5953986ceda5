"""`alliances report` and `alliances demo`: the story in tables and in one offline HTML file."""

from __future__ import annotations

import re

from click.testing import CliRunner

from alliances.cli import main
from web_kb import build


def self_contained(html: str) -> bool:
    """Nothing to fetch: no scripts, stylesheets, images or frames from anywhere."""
    return not re.search(r"<(script|link|img|iframe|object|embed)\b|\burl\(|@import", html)


def test_report_is_one_offline_file_telling_the_story(tmp_path, db_path):
    build(db_path)
    out = tmp_path / "out.html"
    result = CliRunner().invoke(main, ["--db", str(db_path), "report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert self_contained(html)
    assert html.count("<svg") >= 4
    for heading in (
        "Still hub-and-spoke?",
        "How equal is the USA–JPN alliance?",
        "Who carries the burden?",
        "What the documents say",
    ):
        assert heading in html
    assert "JPY 5.4 trillion" in html
    assert "Test article &lt;b&gt;on the alliance&lt;/b&gt;" in html  # escaped, with its source
    assert "<script>alert" not in html


def test_report_needs_a_knowledge_base(tmp_path):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "report"])
    assert result.exit_code == 1
    assert "no knowledge base here" in result.output


def test_demo_builds_tells_and_writes_the_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    for title in (
        "1. Hub-and-spoke",
        "2. USA–JPN asymmetry",
        "3. Burden shares",
        "4. Top extracted facts",
    ):
        assert title in result.output
    assert "alliances --db alliances-demo.db serve" in result.output
    assert (tmp_path / "alliances-demo.db").is_file()
    assert self_contained((tmp_path / "report.html").read_text(encoding="utf-8"))
    # the hub-and-spoke story: no groupings among the spokes in 1990, denser ties by 2025
    first = result.output.split("1. Hub-and-spoke")[1].split("2. USA")[0]
    rows = {line.split()[0]: line.split() for line in first.splitlines() if line[:4].isdigit()}
    assert rows["1990"][3] == "0.00"  # grouping layer
    assert float(rows["2025"][5]) > float(rows["1990"][5])  # combined
    again = CliRunner().invoke(main, ["demo"])
    assert again.exit_code == 0 and "(0 new)" in again.output
