"""`alliances report`: one self-contained HTML file telling the story of a knowledge base."""

from __future__ import annotations

from pathlib import Path

import click

from alliances.cli.context import db_option, db_path, user_errors
from alliances.store import Store


@click.command()
@db_option
@click.option(
    "--out",
    "-o",
    default="report.html",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="the HTML file to write",
)
@click.option("--hub", default="USA", show_default=True)
@click.option("--spoke", default="JPN", show_default=True, help="the dyad of section 2")
@click.option("--region", default="indo-pacific", show_default=True)
@user_errors
def report(out: Path, hub: str, spoke: str, region: str) -> None:
    """Write a self-contained HTML report (inline charts; opens offline)."""
    write_report(db_path(), out, hub=hub, spoke=spoke, region=region)
    click.echo(f"Wrote {out}")


def write_report(db: Path, out: Path, **scope: str) -> None:
    """Read the knowledge base at `db` (read-only) and write the report to `out`."""
    from alliances.web.report import render_report
    from alliances.web.story import tell

    store = Store(db, read_only=True)
    try:
        out.write_text(render_report(tell(store, **scope), store), encoding="utf-8")
    finally:
        store.close()


COMMANDS = [report]
