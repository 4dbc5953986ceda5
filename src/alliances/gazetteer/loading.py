"""Read the curated YAML files in `alliances/data/gazetteer` into `Entry` records.

The files are data, kept by hand: states.yaml (UN members, Taiwan, Kosovo, Palestine and
historical states), institutions.yaml (organs of each state's government), organisations.yaml,
people.yaml (people with dated roles) and places.yaml. Errors name the file and the record.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

import yaml

from alliances.gazetteer.model import KINDS, ROLES, Entry, Role

# libyaml's loader when PyYAML was built with it: five times faster on these files.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HEAD_ROLES = ("head_of_state", "head_of_government")
MONARCHS = ("King", "Queen", "Emperor")
GOVERNMENT_WORDS = ("administration", "government", "cabinet", "regime")


class GazetteerError(ValueError):
    """A gazetteer file with a malformed or inconsistent record."""


def _read(name: str) -> Any:
    path = resources.files("alliances").joinpath("data", "gazetteer", name)
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)


def _iso(value: Any) -> str | None:
    """YAML reads unquoted 2024-10-01 as a date; keep every date as an ISO string."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _tuple(record: dict, key: str) -> tuple[str, ...]:
    return tuple(str(v) for v in record.get(key) or ())


def _states(records: list[dict], institutions: dict[str, list[str]]) -> list[Entry]:
    entries = []
    for r in records:
        organs = tuple(institutions.get(r["id"], ()))
        entries.append(
            Entry(
                id=r["id"],
                kind="state",
                name=r["name"],
                aliases=(
                    *_tuple(r, "aliases"),
                    *((r["official"],) if r.get("official") else ()),
                    *_tuple(r, "demonyms"),
                    *_tuple(r, "metonyms"),
                    *organs,
                ),
                official=r.get("official"),
                cow=r.get("cow"),
                demonyms=_tuple(r, "demonyms"),
                metonyms=_tuple(r, "metonyms"),
                institutions=organs,
                un_member=bool(r.get("un_member")),
                historical=bool(r.get("historical")),
            )
        )
    return entries


def _organisations(records: list[dict]) -> list[Entry]:
    return [
        Entry(
            id=r["id"],
            kind="organisation",
            name=r["name"],
            aliases=_tuple(r, "aliases"),
            type=r.get("type"),
            members=_tuple(r, "members"),
        )
        for r in records
    ]


def _role(record: dict, where: str) -> Role:
    if record.get("role") not in ROLES:
        raise GazetteerError(f"{where}: role {record.get('role')!r} is not one of {ROLES}")
    role = Role(
        role=record["role"],
        start=_iso(record.get("start")) or "",
        end=_iso(record.get("end")),
        state=record.get("state"),
        org=record.get("org"),
        to=record.get("to"),
        title=record.get("title"),
        note=record.get("note"),
    )
    if not role.start or (role.end is not None and role.end < role.start):
        raise GazetteerError(f"{where}: role {role.role} has no start or ends before it starts")
    return role


def _people(records: list[dict]) -> list[Entry]:
    entries = []
    for r in records:
        where = f"people.yaml {r.get('id')}"
        entries.append(
            Entry(
                id=r["id"],
                kind="person",
                name=r["name"],
                aliases=_tuple(r, "aliases"),
                surname=r.get("surname") or r["name"].split()[-1],
                surname_alone=r.get("surname_alone", True),
                roles=tuple(_role(role, where) for role in r.get("roles") or ()),
            )
        )
    return entries


def _places(records: list[dict]) -> list[Entry]:
    return [
        Entry(id=r["id"], kind="place", name=r["name"], aliases=_tuple(r, "aliases"))
        for r in records
    ]


def _government_aliases(states: list[Entry], people: list[Entry]) -> list[Entry]:
    """Add "<Surname> administration/government/cabinet" to the state its leader headed.

    Monarchs lead no government of their own, so "King", "Queen" and "Emperor" add nothing.
    """
    extra: dict[str, list[str]] = {}
    for person in people:
        heads = {
            r.state
            for r in person.roles
            if r.role in HEAD_ROLES and r.state and r.title not in MONARCHS
        }
        for state in heads:
            extra.setdefault(state, []).extend(
                f"{person.surname} {word}" for word in GOVERNMENT_WORDS
            )
    return [
        Entry(**{**s.__dict__, "aliases": (*s.aliases, *extra[s.id])}) if s.id in extra else s
        for s in states
    ]


def read_entries() -> list[Entry]:
    """All entries from the bundled files, checked: known kinds, unique ids, known role states."""
    people = _people(_read("people.yaml"))
    states = _government_aliases(_states(_read("states.yaml"), _read("institutions.yaml")), people)
    entries = [
        *states,
        *_organisations(_read("organisations.yaml")),
        *people,
        *_places(_read("places.yaml")),
    ]
    ids: set[str] = set()
    for entry in entries:
        if entry.kind not in KINDS:
            raise GazetteerError(f"{entry.id}: kind {entry.kind!r} is not one of {KINDS}")
        if entry.id in ids:
            raise GazetteerError(f"{entry.id}: duplicate id")
        ids.add(entry.id)
    for entry in entries:
        for role in entry.roles:
            for ref in (role.state, role.org, role.to):
                if ref is not None and ref not in ids:
                    raise GazetteerError(f"{entry.id}: role {role.role} names unknown {ref!r}")
    return entries


def read_generic_organs() -> tuple[str, ...]:
    """Names of organs any state has ("Defense Ministry"), resolved to a state in context."""
    return tuple(str(form) for form in _read("organs.yaml"))
