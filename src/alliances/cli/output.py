"""Output for people (aligned tables) and for programs (JSON, CSV), shared by every command."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence

import click

FORMATS = ("table", "json", "csv")


def format_option(*choices: str, default: str = "table"):
    """The `--format` option, with the formats a command supports."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices or FORMATS),
        default=default,
        show_default=True,
        help="table for people; json or csv for programs",
    )


def emit(rows: Sequence[dict], fmt: str, columns: Sequence[str] | None = None) -> None:
    """Write rows as a table, a JSON list or CSV to stdout."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        click.echo(json.dumps(list(rows), indent=2, ensure_ascii=False, default=str))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: _cell(r.get(c)) for c in columns} for r in rows)
    else:
        click.echo(table(rows, columns))


def table(rows: Sequence[dict], columns: Sequence[str], max_width: int = 60) -> str:
    """A plain aligned text table; long cells are cut with an ellipsis."""
    if not rows:
        return "(none)"
    cells = [[_short(_cell(r.get(c)), max_width) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join([line, rule, *body]).rstrip()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
