"""A generic CSV of ties (treaties, agreements, groupings, partnerships) as dated tie facts.

For ties no published data set covers. Columns (header required, in any order):

| column | required | meaning |
|---|---|---|
| name | yes | the tie's name, e.g. "AUKUS" |
| kind | yes | alliance, agreement, grouping or partnership |
| members | yes | two or more identifiers separated by ';': ISO3 (USA), org:slug, cow:ccode |
| valid_from | yes | YYYY, YYYY-MM or YYYY-MM-DD: when the tie starts to hold |
| valid_to | no | same forms; empty while the tie holds |
| source | no* | URL of the source |
| citation | no* | how to cite the source |
| note | no | free text |

*Every row needs a source or a citation. The dataset is named `ties:<file name>`, so several
files load side by side, and loading a file again replaces what it loaded before.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from alliances.facts import Fact
from alliances.loaders.reading import LoadError, Row, check_width, read_table
from alliances.loaders.record import PRODUCER_VERSION, Loaded, save
from alliances.store import Store

REQUIRED = ("name", "kind", "members", "valid_from")
OPTIONAL = ("valid_to", "source", "citation", "note")
KINDS = ("alliance", "agreement", "grouping", "partnership")
MEMBER = re.compile(r"[A-Z]{3}|org:[a-z0-9][a-z0-9-]*|cow:\d+")
PRECISION = {4: "year", 7: "month", 10: "day"}


def load_ties(store: Store, path: str | Path) -> Loaded:
    """Validate a ties CSV and replace the dataset `ties:<file name>` with its rows."""
    path = Path(path)
    header, positions, rows = read_table(path, REQUIRED, OPTIONAL)
    facts = []
    for row in rows:
        check_width(path, row, [len(header)])
        values = {name: row.cells[i].strip() for name, i in positions.items()}
        facts.append(_fact(path, row, values))
    dataset = f"ties:{path.name}"
    citations = sorted({f.arguments["citation"] for f in facts if f.arguments["citation"]})
    years = [int(f.valid_from[:4]) for f in facts] + [
        int(f.valid_to[:4]) for f in facts if f.valid_to
    ]
    coverage = {
        "rows": len(facts),
        "ties": len({f.arguments["name"] for f in facts}),
        "states": len({m for f in facts for m in f.arguments["members"]}),
        "years": [min(years), max(years)],
        "unit": "tie",
    }
    citation = "; ".join(citations) or f"ties listed in {path.name}, each with its source"
    return save(store, dataset, None, citation, str(path.resolve()), coverage, facts)


def _fact(path: Path, row: Row, values: dict[str, str]) -> Fact:
    def fail(column: str, message: str) -> LoadError:
        return LoadError(path, message, row.line, column)

    if not values["name"]:
        raise fail("name", "empty name")
    if values["kind"] not in KINDS:
        raise fail("kind", f"{values['kind']!r} is not one of {', '.join(KINDS)}")
    members = sorted({m.strip() for m in values["members"].split(";") if m.strip()})
    bad = [m for m in members if not MEMBER.fullmatch(m)]
    if bad:
        raise fail("members", f"{bad[0]!r} is not an ISO3, org:slug or cow:ccode identifier")
    if len(members) < 2:
        raise fail("members", "a tie needs two or more members, separated by ';'")
    start, start_precision = _date(path, row, "valid_from", values["valid_from"])
    end, end_precision = _date(path, row, "valid_to", values.get("valid_to", ""))
    if start is None:
        raise fail("valid_from", "empty start date")
    if end is not None and end[: len(start)] < start[: len(end)]:
        raise fail("valid_to", f"ends ({end}) before it starts ({start})")
    if not (values.get("source") or values.get("citation")):
        raise fail("source", "every tie needs a source or a citation")
    return Fact(
        kind="tie",
        arguments={
            "kind": values["kind"],
            "name": values["name"],
            "members": members,
            "source": values.get("source") or None,
            "citation": values.get("citation") or None,
            "note": values.get("note") or None,
        },
        producer="alliances.loaders.ties",
        producer_version=PRODUCER_VERSION,
        valid_from=start,
        valid_from_precision=start_precision,
        valid_to=end,
        valid_to_precision=end_precision,
        dataset=f"ties:{path.name}",
        dataset_row=f"line {row.line}",
    )


def _date(path: Path, row: Row, column: str, text: str) -> tuple[str | None, str | None]:
    """(ISO date, precision) from 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; (None, None) if empty."""
    if not text:
        return None, None
    precision = PRECISION.get(len(text))
    padding = {"year": "-01-01", "month": "-01", "day": ""}
    try:
        dt.date.fromisoformat(text + padding[precision])
    except (KeyError, ValueError) as exc:
        message = f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        raise LoadError(path, message, row.line, column) from exc
    return text, precision
