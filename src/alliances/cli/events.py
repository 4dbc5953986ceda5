"""`alliances events`: code PLOVER events in sentences, one JSON line in, one JSON line out."""

from __future__ import annotations

import json
from pathlib import Path

import click

from alliances.cli.context import fail, user_errors
from alliances.extract.events import sentence_events


@click.command("events")
@click.option(
    "--input",
    "input_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='JSON lines of {"id", "text"} (other fields are ignored)',
)
@click.option(
    "--output",
    "output_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="write here instead of stdout",
)
@user_errors
def events(input_path: Path, output_path: Path | None) -> None:
    """Code events in sentences: writes {"id", "events": [{"source", "target", "type"}]} lines.

    source and target are ISO3 codes, org: or person: ids (a person is given as the state it
    acts for when the gazetteer knows it), or null. Negated events are left out.
    """
    lines = []
    with input_path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                fail(f"{input_path}:{number}: expected a JSON object with 'text' ({exc})")
            if not isinstance(text, str):
                fail(f"{input_path}:{number}: 'text' must be a string")
            found = sentence_events(text, record.get("published"))
            lines.append(json.dumps({"id": record.get("id"), "events": found}, ensure_ascii=False))
    out = "\n".join(lines) + ("\n" if lines else "")
    if output_path is None:
        click.echo(out, nl=False)
    else:
        output_path.write_text(out, encoding="utf-8")


COMMANDS = [events]
