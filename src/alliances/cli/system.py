"""`alliances system`: the alliance system at a date, as a table, JSON, GraphML or GEXF."""

from __future__ import annotations

import io
import json
import sys

import click

from alliances.cli.context import db_option, open_db, user_errors
from alliances.cli.output import emit
from alliances.system import to_json, write_gexf, write_graphml

COLUMNS = ["layer", "source", "target", "kind", "name", "from", "to", "sources"]


@click.command("system")
@click.option("--at", "date", required=True, help="YYYY, YYYY-MM or YYYY-MM-DD")
@click.option("--region", default=None, help="indo-pacific, europe, transatlantic")
@click.option("--no-reference", is_flag=True, help="leave the bundled reference out")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "graphml", "gexf"]),
    default="table",
    show_default=True,
)
@db_option
@user_errors
def system(date: str, region: str | None, no_reference: bool, fmt: str) -> None:
    """The ties active at a date, by layer (table), or the graph for other tools."""
    with open_db() as db:
        snap = db.snapshot(date, region, reference=not no_reference)
    if fmt == "json":
        click.echo(json.dumps(to_json(snap), indent=2, ensure_ascii=False))
    elif fmt in ("graphml", "gexf"):
        buffer = io.BytesIO()
        (write_graphml if fmt == "graphml" else write_gexf)(snap, buffer)
        sys.stdout.buffer.write(buffer.getvalue())
    else:
        click.echo(
            f"{snap.date}: {len(snap.nodes)} actors, {snap.graph.ecount()} ties "
            f"(coverage: {', '.join(snap.datasets) or 'none'})"
        )
        emit(
            sorted(snap.edges(), key=lambda e: (e["layer"], e["source"], e["target"])),
            "table",
            COLUMNS,
        )


COMMANDS = [system]
