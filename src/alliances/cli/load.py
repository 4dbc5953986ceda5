"""`alliances load atop|nmc|sipri|gdelt|ties` and `alliances cite`: structured data in and out."""

from __future__ import annotations

import json
from pathlib import Path

import click

from alliances import loaders
from alliances.cli.context import db_option, open_db, user_errors
from alliances.cli.output import emit, format_option

EXISTING = click.Path(exists=True, path_type=Path)


@click.group()
def load() -> None:
    """Load a structured data set (validated whole; all or nothing)."""


def _report(loaded: loaders.Loaded) -> None:
    version = f" {loaded.version}" if loaded.version else ""
    facts = f"{loaded.facts} facts; " if loaded.facts else ""
    click.echo(f"loaded {loaded.dataset}{version}: {facts}{_coverage(loaded.coverage)}")
    unmapped = loaded.coverage.get("unmapped_countries")
    if unmapped:
        click.echo(f"not loaded (unknown country names): {', '.join(unmapped)}", err=True)


@load.command()
@click.argument("directory", type=EXISTING)
@db_option
@user_errors
def atop(directory: Path) -> None:
    """ATOP 5.1: DIRECTORY holds atop5_1m.csv (and atop5_1a.csv)."""
    with open_db() as db:
        _report(loaders.load_atop(db.store, directory))


@load.command()
@click.argument("file", type=EXISTING)
@click.option("--version", "version", default="7.0", show_default=True, help="NMC version")
@db_option
@user_errors
def nmc(file: Path, version: str) -> None:
    """COW National Material Capabilities (CSV; -9 is missing)."""
    with open_db() as db:
        _report(loaders.load_nmc(db.store, file, version))


@load.command()
@click.argument("file", type=EXISTING)
@click.option("--version", "version", default=None, help="release, e.g. 2025")
@db_option
@user_errors
def sipri(file: Path, version: str | None) -> None:
    """SIPRI military expenditure: the official .xlsx workbook or a CSV extract."""
    with open_db() as db:
        _report(loaders.load_sipri(db.store, file, version))


@load.command()
@click.argument("files", nargs=-1, required=True, type=EXISTING)
@db_option
@user_errors
def gdelt(files: tuple[Path, ...]) -> None:
    """GDELT 1.0/2.0 event exports (tab-separated, plain or .zip) into monthly Parquet."""
    with open_db() as db:
        loaded = loaders.load_gdelt(db.store, list(files))
        click.echo(f"events in {loaders.events_folder(db.store)}")
    _report(loaded)


@load.command()
@click.argument("file", type=EXISTING)
@db_option
@user_errors
def ties(file: Path) -> None:
    """A CSV of ties: name, kind, members (';'), valid_from, valid_to, source, citation, note."""
    with open_db() as db:
        _report(loaders.load_ties(db.store, file))


@click.command()
@db_option
@format_option("table", "json")
@user_errors
def cite(fmt: str) -> None:
    """What was loaded: data sets with versions, coverage and citations."""
    with open_db() as db:
        rows = [dict(r) for r in db.store.datasets()]
    for row in rows:
        row["coverage"] = json.loads(row["coverage"])
    if fmt == "json":
        emit(rows, fmt)
        return
    if not rows:
        click.echo("no data sets loaded (see `alliances load --help`)")
        return
    for row in rows:
        version = f" {row['version']}" if row["version"] else ""
        click.echo(f"{row['name']}{version} (loaded {row['loaded_at']} from {row['source']})")
        click.echo(f"  coverage: {_coverage(row['coverage'])}")
        click.echo(f"  cite: {row['citation']}\n")


def _coverage(coverage: dict) -> str:
    """'rows 2510, years 1815-2018, states 208, ...' from a coverage record."""
    parts = []
    for key, value in coverage.items():
        if isinstance(value, list) and len(value) == 2 and key in ("years", "dates"):
            value = f"{value[0]}-{value[1]}" if key == "years" else f"{value[0]} to {value[1]}"
        elif isinstance(value, dict | list):
            if not value:
                continue
            value = json.dumps(value)
        parts.append(f"{key} {value}")
    return ", ".join(parts)


COMMANDS = [load, cite]
