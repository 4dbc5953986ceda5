"""Commands on documents: ingest, documents, show, search, extract."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from alliances.api import extract_file
from alliances.cli.context import db_option, open_db, user_errors
from alliances.cli.output import emit, format_option, table

PROGRESS_THRESHOLD = 20


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@user_errors
def ingest(paths: tuple[Path, ...]) -> None:
    """Read, extract and store documents (.txt, .md, .html; directories recurse)."""

    def progress(files):
        if len(files) < PROGRESS_THRESHOLD:
            yield from files
            return
        with click.progressbar(files, label="ingesting", file=sys.stderr) as bar:
            yield from bar

    with open_db() as db:
        report = db.ingest(
            paths, on_problem=lambda line: click.echo(line, err=True), progress=progress
        )
    click.echo(
        f"{len(report.added)} new document(s), {len(report.unchanged)} already stored, "
        f"{len(report.failed)} failed"
    )
    if report.failed:
        sys.exit(1)


@click.command("documents")
@db_option
@format_option()
@user_errors
def list_documents(fmt: str) -> None:
    """List stored documents."""
    with open_db() as db:
        rows = [dict(r) for r in db.documents()]
    for row in rows:
        row["authors"] = json.loads(row["authors"])
        row["id"] = row["id"].removeprefix("sha256:")[:12] if fmt == "table" else row["id"]
    emit(rows, fmt, ["id", "published", "source", "title", "authors", "facts", "chars"])


@click.command()
@click.argument("document_id")
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@user_errors
def show(document_id: str, fmt: str) -> None:
    """Show one document (id, sha256 or a unique prefix): metadata, facts with spans, text."""
    with open_db() as db:
        row = dict(db.document(document_id))
        facts = db.facts(document_id=row["id"])
        mentions = [dict(m) for m in db.mentions(row["id"])]
    row["authors"] = json.loads(row["authors"])
    counts = {
        kind: sum(f.kind == kind for f in facts) for kind in ("quantity", "claim", "tie", "event")
    }
    items = [_fact_item(f) for f in facts]
    if fmt == "json":
        row.pop("rowid", None)
        spans = [{k: m[k] for k in ("actor_id", "start", "end", "text")} for m in mentions]
        click.echo(
            json.dumps(
                {**row, "facts": counts, "extracted": items, "mentions": spans},
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    for key in ("id", "title", "source", "editor", "authors", "published", "url", "path"):
        value = row[key]
        click.echo(
            f"{key:10} {json.dumps(value, ensure_ascii=False) if key == 'authors' else value or ''}"
        )
    click.echo(f"{'facts':10} " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    for item in items:
        when = f"{item['valid_from'] or ''} {item['valid_from_precision'] or ''}".strip()
        speaker = item["arguments"].get("speaker") or "(unattributed)"
        said = f"{speaker}: " if item["kind"] == "claim" else ""
        click.echo(
            f"  {item['kind']:9} [{item['start']}:{item['end']}] {when:16} {said}{item['text']}"
        )
    click.echo()
    click.echo(row["text"])


def _fact_item(fact) -> dict:
    """A stored fact as shown: kind, span, when it holds, and what it says."""
    return {
        "kind": fact.kind,
        "start": fact.start,
        "end": fact.end,
        "text": fact.span_text,
        "valid_from": fact.valid_from,
        "valid_from_precision": fact.valid_from_precision,
        "confidence": fact.confidence,
        "arguments": fact.arguments,
    }


@click.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@db_option
@format_option()
@user_errors
def search(query: str, limit: int, fmt: str) -> None:
    """Full-text search of stored documents (SQLite FTS5 syntax); matches in [brackets]."""
    with open_db() as db:
        hits = db.search(query, limit)
    rows = [
        {
            "id": h.document_id if fmt != "table" else h.document_id[7:19],
            "published": h.published,
            "title": h.title,
            "snippet": h.snippet,
        }
        for h in hits
    ]
    if fmt == "table":
        click.echo(table(rows, ["id", "published", "title"]) if rows else "no matches")
        for row in rows:
            click.echo(f"\n{row['id']}: {' '.join(row['snippet'].split())}")
    else:
        emit(rows, fmt)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True
)
@user_errors
def extract(file: Path, fmt: str) -> None:
    """Extract from one file without storing it (schema alliances.extraction/1)."""
    result = extract_file(file).to_json()
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    meta = result["document"]
    click.echo(
        f"{meta['title'] or file}  ({meta['source'] or 'unknown source'}, "
        f"{meta['published'] or 'undated'}; by {', '.join(meta['authors']) or 'unknown'})"
    )
    sections = {
        "actors": ["id", "kind", "name", "mentions"],
        "quantities": ["text", "kind", "value", "unit", "bound", "period", "actor"],
        "claims": ["speaker", "cue", "kind", "text"],
        "ties": ["kind", "name", "members", "text"],
        "events": ["source", "target", "type", "date", "text"],
    }
    for section, columns in sections.items():
        rows = result[section]
        if section == "actors":
            rows = [{**a, "mentions": len(a["mentions"])} for a in rows]
        click.echo(f"\n{section} ({len(rows)})")
        click.echo(table(rows, columns))


COMMANDS = [ingest, list_documents, show, search, extract]
