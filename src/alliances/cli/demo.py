"""`alliances demo`: the main job, a knowledge base built from the bundled example documents."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from alliances.api import Alliances
from alliances.cli.context import user_errors
from alliances.cli.output import table

DEMO_DB = "alliances-demo.db"


def bundled_examples() -> Path:
    """The example official texts shipped with the package (see their README for terms)."""
    return Path(str(resources.files("alliances") / "data" / "examples"))


@click.command()
@click.option(
    "--db",
    "db_file",
    default=DEMO_DB,
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="where to build the demo",
)
@user_errors
def demo(db_file: Path) -> None:
    """Build a demo knowledge base from the bundled examples and tell its story."""
    with Alliances(db_file) as db:
        report = db.ingest([bundled_examples()])
        rows = [dict(r) for r in db.documents()]
    click.echo(
        f"Knowledge base {db_file}: {len(report.added)} new document(s), {len(rows)} in all.\n"
    )
    click.echo(table(rows, ["published", "source", "title", "facts"]))


COMMANDS = [demo]
