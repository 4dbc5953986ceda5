"""Reading the reference YAML files into `Reference` rows.

A directory holds any of `alliances.yaml`, `agreements.yaml`, `groupings.yaml` (lists of ties),
`posture.yaml` and `budgets.yaml`. Parsing is strict about shape (unknown keys, dates that are
not ISO, wrong types raise `ReferenceDataError` naming the file and row) and lenient about
content: ordering, known members and sources are the validator's job, so that it can report
every problem at once.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from alliances.reference.model import (
    Basing,
    Budget,
    Membership,
    Milestone,
    Posture,
    Source,
    Suspension,
    Tie,
)

TIE_FILES = ("alliances.yaml", "agreements.yaml", "groupings.yaml")
POSTURE_FILE = "posture.yaml"
BUDGET_FILE = "budgets.yaml"
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TIE_KEYS = {
    "id", "name", "aliases", "kind", "actor", "members", "signed", "in_force", "ended",
    "obligations", "basing", "suspensions", "milestones", "atop", "sources", "note",
}  # fmt: skip
_POSTURE_KEYS = {
    "id", "host", "guest", "kind", "date", "personnel", "bound", "place", "destination",
    "description", "sources", "note",
}  # fmt: skip
_BUDGET_KEYS = {
    "state", "currency", "basis", "fiscal_year_start_month", "sources", "note", "years",
}  # fmt: skip


class ReferenceDataError(ValueError):
    """A reference file whose shape is wrong; the message names the file and the row."""


class _Row:
    """Reads one mapping, raising errors that say where."""

    def __init__(self, data: Any, where: str, keys: set[str]) -> None:
        if not isinstance(data, dict):
            raise ReferenceDataError(f"{where}: expected a mapping, got {type(data).__name__}")
        unknown = sorted(set(data) - keys)
        if unknown:
            raise ReferenceDataError(f"{where}: unknown field(s) {', '.join(unknown)}")
        self.data, self.where = data, where

    def error(self, message: str) -> ReferenceDataError:
        return ReferenceDataError(f"{self.where}: {message}")

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(f"missing {key!r}")
            return None
        if not isinstance(value, str):
            raise self.error(f"{key!r} must be text")
        return value

    def date(self, key: str, data: dict | None = None) -> str | None:
        return _date((self.data if data is None else data).get(key), f"{self.where} {key}")

    def sources(self) -> tuple[Source, ...]:
        out = []
        for i, item in enumerate(self.data.get("sources") or []):
            row = _Row(item, f"{self.where} sources[{i}]", {"url", "citation"})
            out.append(Source(url=row.text("url") or "", citation=row.text("citation") or ""))
        return tuple(out)


def _date(value: Any, where: str) -> str | None:
    """An ISO date string of year, month or day precision (YAML may give a date or an int)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if not _ISO.match(text):
        raise ReferenceDataError(
            f"{where}: {text!r} is not an ISO date (YYYY, YYYY-MM, YYYY-MM-DD)"
        )
    return text


def _membership(item: Any, where: str) -> Membership:
    if isinstance(item, str):
        return Membership(actor=item)
    row = _Row(item, where, {"id", "joined", "left", "note"})
    return Membership(
        actor=row.text("id") or "",
        joined=row.date("joined"),
        left=row.date("left"),
        note=row.text("note", required=False),
    )


def _tie(data: Any, where: str) -> Tie:
    row = _Row(data, where, _TIE_KEYS)
    where = f"{where} ({data.get('id')})"
    row.where = where
    basing = []
    for i, item in enumerate(data.get("basing") or []):
        b = _Row(item, f"{where} basing[{i}]", {"host", "guest", "from", "to", "place", "note"})
        basing.append(
            Basing(
                host=b.text("host") or "",
                guest=b.text("guest") or "",
                start=b.date("from"),
                end=b.date("to"),
                place=b.text("place", required=False),
                note=b.text("note", required=False),
            )
        )
    suspensions = []
    for i, item in enumerate(data.get("suspensions") or []):
        s = _Row(item, f"{where} suspensions[{i}]", {"between", "from", "to", "note"})
        pair = item.get("between")
        if not (isinstance(pair, list) and len(pair) == 2):
            raise s.error("'between' must list two members")
        suspensions.append(
            Suspension(
                between=(str(pair[0]), str(pair[1])),
                start=s.date("from") or "",
                end=s.date("to"),
                note=s.text("note", required=False),
            )
        )
    milestones = []
    for i, item in enumerate(data.get("milestones") or []):
        m = _Row(item, f"{where} milestones[{i}]", {"date", "event"})
        milestones.append(Milestone(date=m.date("date") or "", event=m.text("event") or ""))
    obligations = data.get("obligations") or {}
    if not isinstance(obligations, dict) or not all(
        isinstance(v, dict) for v in obligations.values()
    ):
        raise row.error("'obligations' must map members to {obligation: 0|1}")
    return Tie(
        id=row.text("id") or "",
        name=row.text("name") or "",
        kind=row.text("kind") or "",
        members=tuple(
            _membership(item, f"{where} members[{i}]")
            for i, item in enumerate(data.get("members") or [])
        ),
        sources=row.sources(),
        aliases=tuple(str(a) for a in data.get("aliases") or []),
        actor=row.text("actor", required=False),
        signed=row.date("signed"),
        in_force=row.date("in_force"),
        ended=row.date("ended"),
        obligations={str(k): dict(v) for k, v in obligations.items()},
        basing=tuple(basing),
        suspensions=tuple(suspensions),
        milestones=tuple(milestones),
        atop=data.get("atop"),
        note=row.text("note", required=False),
    )


def _posture(data: Any, where: str) -> Posture:
    row = _Row(data, where, _POSTURE_KEYS)
    personnel = data.get("personnel")
    if personnel is not None and not isinstance(personnel, int):
        raise row.error("'personnel' must be a whole number or null")
    return Posture(
        id=row.text("id") or "",
        host=row.text("host") or "",
        guest=row.text("guest") or "",
        kind=row.text("kind") or "",
        date=row.date("date") or "",
        description=row.text("description") or "",
        sources=row.sources(),
        personnel=personnel,
        bound=row.text("bound", required=False),
        place=row.text("place", required=False),
        destination=row.text("destination", required=False),
        note=row.text("note", required=False),
    )


def _budgets(data: Any, where: str) -> list[Budget]:
    """One series (a state, currency and basis) expands to a Budget per fiscal year."""
    row = _Row(data, where, _BUDGET_KEYS)
    years = data.get("years")
    if not isinstance(years, dict) or not years:
        raise row.error("'years' must map fiscal-year labels to amounts")
    start_month = data.get("fiscal_year_start_month")
    if not isinstance(start_month, int):
        raise row.error("'fiscal_year_start_month' must be a month number")
    out = []
    for label, amount in years.items():
        if not isinstance(amount, int | float):
            raise row.error(f"amount for {label} must be a number")
        out.append(
            Budget(
                state=row.text("state") or "",
                fiscal_year=str(label),
                currency=row.text("currency") or "",
                amount=float(amount),
                basis=row.text("basis") or "",
                fiscal_year_start_month=start_month,
                sources=row.sources(),
                note=row.text("note", required=False),
            )
        )
    return out


def _rows(path: Path) -> list:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ReferenceDataError(f"{path.name}: not valid YAML ({exc})") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise ReferenceDataError(f"{path.name}: expected a list of rows")
    return data


def read_dir(directory: Path) -> tuple[list[Tie], list[Posture], list[Budget]]:
    """Every tie, posture row and budget in the directory's reference files."""
    ties: list[Tie] = []
    for name in TIE_FILES:
        path = directory / name
        if path.exists():
            ties.extend(_tie(row, f"{name} row {i + 1}") for i, row in enumerate(_rows(path)))
    posture: list[Posture] = []
    if (directory / POSTURE_FILE).exists():
        rows = _rows(directory / POSTURE_FILE)
        posture = [_posture(row, f"{POSTURE_FILE} row {i + 1}") for i, row in enumerate(rows)]
    budgets: list[Budget] = []
    if (directory / BUDGET_FILE).exists():
        for i, row in enumerate(_rows(directory / BUDGET_FILE)):
            budgets.extend(_budgets(row, f"{BUDGET_FILE} row {i + 1}"))
    return ties, posture, budgets
