"""Tiny, made-up input files for the loader tests (never copies of ../shared data)."""

from __future__ import annotations

import csv
from pathlib import Path

from alliances.loaders.atop import ALLIANCE_COLUMNS, MEMBER_COLUMNS

# atopid, member, yrent, moent, dayent, yrexit, moexit, dayexit, phase, defense, consul, asymm, base
ATOP_MEMBERS = [
    (9001, 2, 1960, 1, 19, 0, 0, 0, 0, 1, 1, 1, 3),
    (9001, 740, 1960, 1, 19, 0, 0, 0, 0, 0, 1, 1, 3),
    (9002, 365, 1955, 5, 14, 1991, 7, 1, 0, 1, 1, 0, 0),
    (9002, 265, 1955, 5, 0, 1990, 10, 3, 0, 1, 1, 0, 0),
]


def write_atop(folder: Path, members=ATOP_MEMBERS, alliances=True) -> Path:
    """An ATOP 5.1-shaped member file (and alliance file) with every other column 0."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "atop5_1m.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, MEMBER_COLUMNS, restval="0")
        writer.writeheader()
        for atopid, member, ye, me, de, yx, mx, dx, phase, defense, consul, asymm, base in members:
            writer.writerow(
                dict(
                    atopid=atopid,
                    member=member,
                    yrent=ye,
                    moent=me,
                    dayent=de,
                    yrexit=yx,
                    moexit=mx,
                    dayexit=dx,
                    phase=phase,
                    defense=defense,
                    consul=consul,
                    asymm=asymm,
                    base=base,
                    cowid="",
                    version="5.1",
                )
            )
    if alliances:
        with (folder / "atop5_1a.csv").open("w", newline="") as handle:
            writer = csv.DictWriter(handle, ALLIANCE_COLUMNS, restval="")
            writer.writeheader()
            for atopid in sorted({m[0] for m in members}):
                writer.writerow({"atopid": atopid, "version": "5.1"})
    return folder


def gdelt_line(
    version: int, event_id: int, sqldate: str, code: str = "010", sourceurl: bool = True, **cells
) -> str:
    """One made-up GDELT export line (2.0: 61 columns; 1.0: 58, or 57 with sourceurl=False)."""
    from alliances.loaders.gdelt import COLUMNS_V1, COLUMNS_V2

    names = COLUMNS_V2 if version == 2 else COLUMNS_V1
    values = dict.fromkeys(names, "")
    values |= {
        "GLOBALEVENTID": str(event_id),
        "SQLDATE": sqldate,
        "MonthYear": sqldate[:6],
        "Year": sqldate[:4],
        "FractionDate": f"{sqldate[:4]}.5",
        "Actor1Code": "USA",
        "Actor1CountryCode": "USA",
        "Actor2Code": "JPN",
        "Actor2CountryCode": "JPN",
        "IsRootEvent": "1",
        "EventCode": code,
        "EventBaseCode": code,
        "EventRootCode": code[:2],
        "QuadClass": "1",
        "GoldsteinScale": "0.0",
        "NumMentions": "2",
        "NumSources": "1",
        "NumArticles": "2",
        "AvgTone": "-1.5",
        "DATEADDED": "20191024143000" if version == 2 else sqldate,
        "SOURCEURL": "https://example.org/news",
    }
    values |= cells
    if not sourceurl:
        values.pop("SOURCEURL")
    return "\t".join(values.values())
