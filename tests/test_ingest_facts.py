"""Ingest stores everything extracted as facts with exact spans, dated, and `show` exposes them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

import alliances
from alliances.cli import main
from alliances.documents import Document
from alliances.extract import extract
from alliances.extract.facts import extraction_records, period_start, valid_from
from alliances.extract.model import Claim, Extraction, Quantity

ARTICLE = """Japan and the US deepen their alliance

Source
China Military Online
Time
2024-11-28 09:49:16

Recently, Itsunori Onodera stated that Japan is willing to bear certain costs to keep using the \
training grounds on Tinian Island. In September, Prime Minister Shigeru Ishiba said that Japan \
will push for the revision of the Japan-US Security Treaty.
Japan plans to double the defense budget from JPY 5.4 trillion in FY 2022 to more than \
10 trillion in FY 2027.
"""


def ingest(tmp_path, db_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with alliances.open(db_path) as db:
        report = db.ingest([path])
    assert len(report.added) == 1, report
    return report.added[0]


def test_every_extracted_item_is_a_fact_with_its_exact_span(tmp_path, db_path):
    document_id = ingest(tmp_path, db_path)
    con = sqlite3.connect(db_path)
    text = con.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()[0]
    rows = con.execute(
        'SELECT kind, start, "end", span_text, arguments, valid_from, valid_from_precision '
        "FROM facts WHERE document_id = ?",
        (document_id,),
    ).fetchall()
    assert rows
    for kind, start, end, span_text, _, _, _ in rows:
        assert text[start:end] == span_text, (kind, start, end, span_text)

    expected = extract(Document(text=text, published="2024-11-28"))
    stored = {(kind, start, end) for kind, start, end, *_ in rows}
    for kind, items in (
        ("quantity", expected.quantities),
        ("claim", expected.claims),
        ("tie", expected.ties),
        ("event", expected.events),
    ):
        assert {(kind, i.start, i.end) for i in items} <= stored

    claims = {r[3]: (json.loads(r[4]), r[5], r[6]) for r in rows if r[0] == "claim"}
    arguments, when, precision = claims[
        "Japan will push for the revision of the Japan-US Security Treaty"
    ]
    assert arguments["speaker"] == "person:shigeru-ishiba"
    assert (when, precision) == ("2024-09", "month")
    undated = claims[
        "Japan is willing to bear certain costs to keep using the training grounds on Tinian Island"
    ]
    assert undated[0]["speaker"] == "person:itsunori-onodera"
    assert undated[1:] == ("2024-11-28", "day")  # the publication day

    money = {r[3]: (r[5], r[6]) for r in rows if r[0] == "quantity"}
    assert money["more than 10 trillion"] == ("2027", "year")


def test_bundled_examples_store_every_fact_with_its_exact_span(db_path):
    examples = Path(alliances.__file__).parent / "data" / "examples"
    with alliances.open(db_path) as db:
        report = db.ingest([examples])
    assert len(report.added) == len(list(examples.glob("*.txt"))) and not report.failed
    con = sqlite3.connect(db_path)
    rows = con.execute(
        'SELECT d.text, f.start, f."end", f.span_text, f.kind FROM facts f '
        "JOIN documents d ON d.id = f.document_id"
    ).fetchall()
    assert {kind for *_, kind in rows} >= {"claim", "tie", "event"}
    assert all(text[start:end] == span for text, start, end, span, _ in rows)


def test_mentions_are_stored_with_spans(tmp_path, db_path):
    document_id = ingest(tmp_path, db_path)
    con = sqlite3.connect(db_path)
    text = con.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()[0]
    mentions = con.execute(
        'SELECT actor_id, start, "end", text FROM mentions WHERE document_id = ?', (document_id,)
    ).fetchall()
    assert {"JPN", "USA", "person:shigeru-ishiba"} <= {m[0] for m in mentions}
    for _, start, end, span in mentions:
        assert text[start:end] == span


def test_reingesting_adds_nothing(tmp_path, db_path):
    ingest(tmp_path, db_path)
    con = sqlite3.connect(db_path)
    before = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    with alliances.open(db_path) as db:
        report = db.ingest([tmp_path / "article.txt"])
    assert report.added == [] and len(report.unchanged) == 1
    assert con.execute("SELECT count(*) FROM facts").fetchone()[0] == before


def test_show_exposes_facts_and_mentions(tmp_path, db_path):
    ingest(tmp_path, db_path)
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db_path), "show", "article.txt", "--format", "json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["facts"]["claim"] == 2
    for item in shown["extracted"]:
        assert shown["text"][item["start"] : item["end"]] == item["text"]
    speakers = {i["arguments"]["speaker"] for i in shown["extracted"] if i["kind"] == "claim"}
    assert speakers == {"person:itsunori-onodera", "person:shigeru-ishiba"}
    assert all(shown["text"][m["start"] : m["end"]] == m["text"] for m in shown["mentions"])

    plain = runner.invoke(main, ["--db", str(db_path), "show", "article.txt"])
    assert plain.exit_code == 0
    assert "claim" in plain.stdout and "2024-09 month" in plain.stdout


def test_valid_from_prefers_the_items_own_date_then_period_then_publication():
    assert period_start("FY2027") == ("2027", "year")
    assert period_start("2023-06") == ("2023-06", "month")
    assert period_start("2024-11-28") == ("2024-11-28", "day")
    assert period_start(None) is None and period_start("next year") is None
    assert valid_from("claim", {"date": "2024-09", "precision": "month"}, "2024-11-28") == (
        "2024-09",
        "month",
    )
    assert valid_from("tie", {}, "2024-11-28") == ("2024-11-28", "day")
    assert valid_from("tie", {}, None) == (None, None)


def test_records_of_a_hand_made_extraction():
    document = Document(text="Japan said it will spend USD 5 billion.", published="2024-01-02")
    extraction = Extraction(
        document=document,
        quantities=[Quantity("money", 5e9, "USD", "exact", "2025", "JPN", 25, 38, "USD 5 billion")],
        claims=[Claim("JPN", "said", "attributed", 11, 38, "it will spend USD 5 billion")],
    )
    _, _, facts = extraction_records(extraction)
    assert [(f.kind, f.valid_from, f.valid_from_precision) for f in facts] == [
        ("quantity", "2025", "year"),
        ("claim", "2024-01-02", "day"),
    ]
    assert all(document.text[f.start : f.end] == f.span_text for f in facts)
    assert all(f.document_id == document.id and 0 < f.confidence <= 1 for f in facts)
