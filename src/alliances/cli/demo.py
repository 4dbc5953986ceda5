"""`alliances demo`: the main job. Builds a knowledge base from the bundled reference and the
bundled example documents, prints the story in a few tables, writes report.html and says how
to open the dashboard."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from alliances.api import Alliances
from alliances.cli.context import user_errors
from alliances.cli.output import table
from alliances.cli.report import write_report

DEMO_DB = "alliances-demo.db"
LAYERS = ("alliance", "agreement", "grouping", "posture", "combined")


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
@click.option(
    "--report",
    "report_file",
    default="report.html",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="where to write the report",
)
@user_errors
def demo(db_file: Path, report_file: Path) -> None:
    """Build a demo knowledge base from the bundled data and tell its story."""
    from alliances.web.story import tell

    with Alliances(db_file) as db:
        report = db.ingest([bundled_examples()])
        documents = len(db.documents())
        facts = len(db.facts())
        story = tell(db.store)
    click.echo(
        f"Knowledge base {db_file}: the bundled alliance reference and {documents} example "
        f"document(s) ({len(report.added)} new), {facts} extracted fact(s).\n"
    )
    section(
        f"1. Hub-and-spoke: spoke–spoke density around {story.hub} ({story.region_title}), "
        "by layer",
        [
            {"year": r["year"], **{k: _number(r.get(k)) for k in LAYERS}}
            for r in story.hub_and_spoke()
        ],
        ["year", *LAYERS],
    )
    section(
        f"2. {story.hub}–{story.spoke} asymmetry",
        [
            {
                "year": r["year"],
                "obligation asymmetry": _number(r["obligation_asymmetry"]),
                f"only {story.hub}": r["only_hub"],
                f"only {story.spoke}": r["only_spoke"],
                "one-way basing": _yes_no(r["one_way_basing"]),
                "equality index": _number(r["equality_index"]),
            }
            for r in story.dyad()
        ],
        [
            "year",
            "obligation asymmetry",
            f"only {story.hub}",
            f"only {story.spoke}",
            "one-way basing",
            "equality index",
        ],
    )
    latest, shares = story.shares()
    if latest:
        section(
            f"3. Burden shares, {latest}",
            [
                {
                    "actor": r["actor"],
                    "share of GDP": _number(r["share_of_gdp"], 100, "%"),
                    "burden-sharing index": _number(r["burden_sharing_index"]),
                }
                for r in shares
            ],
            ["actor", "share of GDP", "burden-sharing index"],
        )
    else:
        click.echo(
            "3. Burden shares: unknown (no spending data loaded; `alliances load sipri` adds "
            "it). Defence budgets in the bundled reference:"
        )
        click.echo(table(story.budgets, ["state", "from", "first", "to", "latest", "change"]))
        click.echo()
    section(
        "4. Top extracted facts, with their sources",
        [
            {**f, "source": f"{f['title']} ({f['source'] or '?'}, {f['published'] or 'undated'})"}
            for f in story.facts
        ],
        ["kind", "fact", "source"],
    )
    write_report(db_file, report_file)
    click.echo(f"Report: {report_file} (one file, opens offline)")
    click.echo(f"Dashboard: alliances --db {db_file} serve   then open http://127.0.0.1:8000/")


def section(title: str, rows: list[dict], columns: list[str]) -> None:
    click.echo(title)
    click.echo(table(rows, columns, max_width=70))
    click.echo()


def _number(value: float | None, scale: float = 1, unit: str = "") -> str:
    return "unknown" if value is None else f"{value * scale:.2f}{unit}"


def _yes_no(value: bool | None) -> str:
    return {True: "yes", False: "no"}.get(value, "unknown")


COMMANDS = [demo]
