"""ATOP 5.1 (Alliance Treaty Obligations and Provisions): alliances as dated tie facts.

Reads the member-level file `atop5_1m.csv` (one row per member and phase) and, when present, the
alliance-level `atop5_1a.csv` (checked for the same alliances). Each alliance phase becomes one tie
fact (kind 'alliance') whose `parties` list every member row of the phase with its ISO code, its
entry and exit dates and its own directed obligations (defense, offense, neutrality,
nonaggression, consultation), so that obligations stay per member, as ATOP codes them. `asymm`
(obligations differ between members) and `base` (0 none, 1 joint, 2 mutual, 3 one-way stationing;
None where ATOP leaves it empty) are phase-level. `yrexit 0` means the membership was still in
force when coverage ends (2018): right-censored, so the exit date is None, never year 0.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from alliances import codes
from alliances.facts import Fact
from alliances.loaders.reading import LoadError, Row, cell, integer, read_table
from alliances.loaders.reading import optional_integer as optional
from alliances.loaders.record import PRODUCER_VERSION, Loaded, save
from alliances.store import Store

DATASET = "atop"
MEMBER_FILE = "atop5_1m.csv"
ALLIANCE_FILE = "atop5_1a.csv"
CITATION = (
    "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "
    '"Alliance Treaty Obligations and Provisions, 1815-1944." International Interactions 28: '
    "237-260. ATOP version 5.1, http://www.atopdata.org"
)
OBLIGATIONS = {
    "defense": "defense",
    "offense": "offense",
    "neutral": "neutrality",
    "nonagg": "nonaggression",
    "consul": "consultation",
}
_MEMBER_HEADER = """
atopid cowid cow4id member cowsys yrent moent dayent yrexit moexit dayexit ineffect bilat phase
maxphase wartime cowwar estmode pubsecr secrart proadd futmem speclgth length renounce proren
renewlgt term termmode termcaus defense offense neutral nonagg consul active conditio defcon offcon
neucon concon defcoadv defcoloc defcocon defconum defcodem defconpr offcoadv offcoloc offcocon
offconum offcodem neucoadv neucoloc neucocon neuconum neucodem neuconpr neucoatt concoadv concoloc
concocon concoreq olimob asymm obvary notaiden dipaid terrres seppeace thirdcom noothall specthrt
statthr1 statthr2 conwtin medarb milcon milaid intcom subord organ1 orgpurp1 organ2 orgpurp2 base
contrib armred acqterr divgains demwith reflnun refothio natrefal compag nomicoop conres agprois
conmen ecaid interv source new5 rev5 version
"""
_ALLIANCE_HEADER = """
atopid cowid cow4id begyr begmo begday endyr endmo endday ineffect bilat maxphase wartime estmode
pubsecr secrart proadd futmem speclgth length renounce proren renewlgt term defense offense neutral
nonagg consul active conditio defcon offcon neucon concon asymm notaiden dipaid terrres seppeace
thirdcom noothall specthrt statthr1 statthr2 conwtin medarb milcon milaid intcom subord organ1
orgpurp1 organ2 orgpurp2 base contrib armred acqterr divgains demwith reflnun refothio natrefal
compag nomicoop conres agprois conmen ecaid interv
"""
MEMBER_COLUMNS = _MEMBER_HEADER.split()
ALLIANCE_COLUMNS = [
    *_ALLIANCE_HEADER.split(),
    *(f"mem{i}" for i in range(1, 60)),
    *("source", "new5", "rev5", "version"),
]
INTEGER_COLUMNS = ("atopid", "member", "yrent", "yrexit", "phase", "asymm", "bilat")
OPTIONAL_COLUMNS = ("moent", "dayent", "moexit", "dayexit", "base")  # empty in a few rows


def load_atop(store: Store, directory: str | Path) -> Loaded:
    """Validate the ATOP 5.1 files in `directory` and replace the 'atop' dataset with them."""
    directory = Path(directory)
    member_path = directory / MEMBER_FILE if directory.is_dir() else directory
    members = read_members(member_path)
    alliance_path = member_path.with_name(ALLIANCE_FILE)
    alliances = read_alliance_ids(alliance_path) if alliance_path.exists() else None
    if alliances is not None:
        unknown = sorted({m["atopid"] for m in members} - alliances)
        if unknown:
            first = next(m for m in members if m["atopid"] == unknown[0])
            raise LoadError(
                member_path,
                f"atopid {unknown[0]} is not in {ALLIANCE_FILE} ({len(unknown)} such alliances)",
                first["line"],
                "atopid",
            )
    versions = sorted({m["version"] for m in members})
    facts = alliance_facts(members)
    years = [m["yrent"] for m in members] + [m["yrexit"] for m in members if m["yrexit"]]
    coverage = {
        "rows": len(members),
        "alliances": len({m["atopid"] for m in members}),
        "phases": len(facts),
        "states": len({m["member"] for m in members}),
        "years": [min(years), max(years)],
        "right_censored": sum(m["yrexit"] == 0 for m in members),
        "files": [MEMBER_FILE] + ([ALLIANCE_FILE] if alliances is not None else []),
    }
    return save(
        store, DATASET, ", ".join(versions), CITATION, str(directory.resolve()), coverage, facts
    )


def read_members(path: Path) -> list[dict]:
    """The member file's rows, validated, with the columns the loader uses parsed."""
    _, columns, rows = read_table(path, MEMBER_COLUMNS)
    return [_member(path, row, columns) for row in rows]


def read_alliance_ids(path: Path) -> set[int]:
    """The atopids of the alliance-level file, after checking its layout."""
    _, columns, rows = read_table(path, ALLIANCE_COLUMNS)
    return {cell(path, row, columns["atopid"], "atopid", integer) for row in rows}


def alliance_facts(members: list[dict]) -> list[Fact]:
    """One tie fact per alliance phase, with every member row of that phase as a party."""
    phases: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for member in members:
        phases[member["atopid"], member["phase"]].append(member)
    return [_phase_fact(atopid, phase, rows) for (atopid, phase), rows in sorted(phases.items())]


def _member(path: Path, row: Row, columns: dict[str, int]) -> dict:
    if len(row.cells) != len(columns):
        raise LoadError(path, f"{len(row.cells)} cells, expected {len(columns)}", row.line)
    values: dict = {"line": row.line, "version": row.cells[columns["version"]].strip()}
    for name in INTEGER_COLUMNS + tuple(OBLIGATIONS):
        values[name] = cell(path, row, columns[name], name, integer)
    for name in OPTIONAL_COLUMNS:
        values[name] = cell(path, row, columns[name], name, optional)
    for name in OBLIGATIONS:
        if values[name] not in (0, 1):
            raise LoadError(path, f"obligation must be 0 or 1, not {values[name]}", row.line, name)
    values["from"] = _date(path, row, "yrent", values["yrent"], values["moent"], values["dayent"])
    values["to"] = _date(path, row, "yrexit", values["yrexit"], values["moexit"], values["dayexit"])
    if values["from"][0] is None:
        raise LoadError(path, "entry year is 0", row.line, "yrent")
    return values


def _date(path: Path, row: Row, column: str, year: int, month: int | None, day: int | None):
    """(ISO date, precision) from ATOP's year/month/day; (None, None) when the year is 0."""
    if year == 0:
        return None, None
    try:
        if not month:
            return f"{year:04d}", "year"
        if not day:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}", "month"
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError as exc:
        raise LoadError(path, f"bad date {year}/{month}/{day} ({exc})", row.line, column) from exc


def _phase_fact(atopid: int, phase: int, rows: list[dict]) -> Fact:
    parties = sorted((_party(row) for row in rows), key=lambda p: (p["from"], p["actor"]))
    start = min(rows, key=lambda r: r["from"][0])["from"]
    open_ended = any(r["to"][0] is None for r in rows)
    end = (None, None) if open_ended else max(rows, key=lambda r: r["to"][0])["to"]
    first = rows[0]
    arguments = {
        "kind": "alliance",
        "name": f"ATOP {atopid}",
        "atopid": atopid,
        "phase": phase,
        "members": sorted({p["actor"] for p in parties}),
        "parties": parties,
        "asymm": first["asymm"],
        "base": first["base"],
        "bilat": first["bilat"],
    }
    return Fact(
        kind="tie",
        arguments=arguments,
        producer="alliances.loaders.atop",
        producer_version=PRODUCER_VERSION,
        valid_from=start[0],
        valid_from_precision=start[1],
        valid_to=end[0],
        valid_to_precision=end[1],
        dataset=DATASET,
        dataset_row=f"atopid={atopid} phase={phase} lines={','.join(str(r['line']) for r in rows)}",
    )


def _party(row: dict) -> dict:
    return {
        "actor": codes.actor_id(row["member"], row["from"][0]),
        "ccode": row["member"],
        "from": row["from"][0],
        "from_precision": row["from"][1],
        "to": row["to"][0],
        "to_precision": row["to"][1],
        "in_force_at_end": row["yrexit"] == 0,
        "obligations": {name: row[column] for column, name in OBLIGATIONS.items()},
        "line": row["line"],
    }
