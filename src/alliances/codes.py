"""Country codes: Correlates of War (COW) state codes <-> ISO 3166 alpha-3, and CAMEO country codes.

ATOP and COW NMC name states by COW code (2 = USA, 740 = Japan); the knowledge base names them by
ISO alpha-3, as the gold does. Some COW codes stand for different states over time, so a lookup
takes an optional date: 365 is RUS before 1922-12-30, SUN (Soviet Union) until 1991-12-26 and RUS
after. Historical states use ISO 3166-3 codes (SUN, DDR, CSK, YUG, VDR, YMD); West Germany (260) is
DEU; COW states that never had an ISO code (Bavaria, Austria-Hungary...) get `cow:<ccode>`.

Data: `data/codes/cameo_country_codes.csv` (MIT, text_to_CAMEO) and the project's own overrides in
`data/codes/cow_iso3.csv`; see the README there.

>>> iso3(365, "1980"), iso3(365, 2000), iso3(260), actor_id(245)
('SUN', 'RUS', 'DEU', 'cow:245')
>>> ccode("DEU", "1970"), ccode("DEU", "2000"), ccode("SUN")
(260, 255, 365)
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from importlib.resources import files

import pycountry

# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO3 = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU"}
USER_ASSIGNED = {"XKX"}

Date = str | int | dt.date | None


class CodeError(LookupError):
    """A code the crosswalk does not know."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class CodeRow:
    """One COW state code as one ISO code over [start, end) (ISO dates; None = open)."""

    ccode: int
    iso3: str | None
    name: str
    start: str | None = None
    end: str | None = None

    @property
    def actor_id(self) -> str:
        return self.iso3 or f"cow:{self.ccode}"

    def holds_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def iso3(ccode_: int, on: Date = None) -> str | None:
    """The ISO alpha-3 code of a COW state on a date (None: today), or None if it never had one."""
    return _row(ccode_, on).iso3


def actor_id(ccode_: int, on: Date = None) -> str:
    """The knowledge-base identifier of a COW state: its ISO code, else `cow:<ccode>`.

    Unlike `iso3`, codes outside the COW list (ATOP uses a few) also map, to `cow:<ccode>`.
    """
    try:
        return _row(ccode_, on).actor_id
    except CodeError:
        return f"cow:{int(ccode_)}"


def name(ccode_: int, on: Date = None) -> str:
    """The state's English name on a date."""
    return _row(ccode_, on).name


def ccode(iso3_: str, on: Date = None) -> int:
    """The COW code of an ISO alpha-3 (or ISO 3166-3 historical) code on a date.

    Where two COW states share an ISO code (DEU: 255 and West Germany 260), the one whose
    dated window holds on that date wins, the narrowest window first.
    """
    rows = _tables()[1].get(iso3_.upper())
    if not rows:
        raise CodeError(f"unknown ISO alpha-3 code {iso3_!r}")
    day = _day(on)
    holding = [r for r in rows if r.holds_on(day)]
    if holding:
        return min(holding, key=_width).ccode
    return _nearest(rows, day).ccode


def cameo_to_iso3(code: str) -> str | None:
    """The ISO alpha-3 code of a CAMEO (or GDELT) country code; None for regions and blanks."""
    code = (code or "").strip().upper()
    code = CAMEO_TO_ISO3.get(code, code)
    if code in _tables()[1] or code in USER_ASSIGNED:
        return code
    return code if len(code) == 3 and pycountry.countries.get(alpha_3=code) else None


def from_name(name: str) -> str | None:
    """The ISO alpha-3 code of an English country name (CAMEO's names, then pycountry's), or None.

    >>> from_name("South Korea"), from_name("Russian Federation"), from_name("Atlantis")
    ('KOR', 'RUS', None)
    """
    key = " ".join(name.split()).lower()
    if key in _names():
        return _names()[key]
    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        return None


def crosswalk() -> tuple[CodeRow, ...]:
    """Every row of the crosswalk, by COW code then date."""
    return tuple(row for rows in _tables()[0].values() for row in rows)


def _row(ccode_: int, on: Date) -> CodeRow:
    rows = _tables()[0].get(int(ccode_))
    if not rows:
        raise CodeError(f"unknown COW state code {ccode_!r}")
    day = _day(on)
    for row in rows:
        if row.holds_on(day):
            return row
    return _nearest(rows, day)


def _nearest(rows: list[CodeRow], day: str) -> CodeRow:
    """The row closest in time to `day` when none holds on it."""

    def distance(row: CodeRow) -> int:
        if row.end is not None and day >= row.end:
            return _ordinal(day) - _ordinal(row.end)
        return _ordinal(row.start) - _ordinal(day) if row.start else 0

    return min(rows, key=distance)


def _width(row: CodeRow) -> int:
    start = _ordinal(row.start) if row.start else dt.date.min.toordinal()
    end = _ordinal(row.end) if row.end else dt.date.max.toordinal()
    return end - start


def _ordinal(day: str) -> int:
    return dt.date.fromisoformat(day).toordinal()


def _day(on: Date) -> str:
    """A date as 'YYYY-MM-DD': a year means 1 July, a month its 15th, None today."""
    if on is None:
        return dt.date.today().isoformat()
    if isinstance(on, dt.date):
        return on.isoformat()[:10]
    text = str(on)
    if len(text) == 4:
        return f"{text}-07-01"
    if len(text) == 7:
        return f"{text}-15"
    return dt.date.fromisoformat(text[:10]).isoformat()


@functools.cache
def _names() -> dict[str, str]:
    """Lower-case CAMEO country names -> ISO alpha-3 (states only, not territories)."""
    names = {}
    with (files("alliances.data") / "codes" / "cameo_country_codes.csv").open(
        encoding="utf-8"
    ) as f:
        for record in csv.DictReader(f):
            code = CAMEO_TO_ISO3.get(record["cameo_code"], record["cameo_code"])
            if len(code) == 3 and code.isalpha():
                names.setdefault(record["icews_country_name"].lower(), code)
    return names


@functools.cache
def _tables() -> tuple[dict[int, list[CodeRow]], dict[str, list[CodeRow]]]:
    folder = files("alliances.data") / "codes"
    by_ccode: dict[int, list[CodeRow]] = {}
    with (folder / "cameo_country_codes.csv").open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            cow = int(record["cow_code"] or 0)
            if cow and cow not in by_ccode:
                code = CAMEO_TO_ISO3.get(record["cameo_code"], record["cameo_code"])
                by_ccode[cow] = [CodeRow(cow, code, record["icews_country_name"])]
    overrides: dict[int, list[CodeRow]] = {}
    with (folder / "cow_iso3.csv").open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            row = CodeRow(
                int(record["ccode"]),
                record["iso3"] or None,
                record["name"],
                record["start"] or None,
                record["end"] or None,
            )
            overrides.setdefault(row.ccode, []).append(row)
    by_ccode.update(overrides)
    by_ccode = dict(sorted(by_ccode.items()))
    by_iso3: dict[str, list[CodeRow]] = {}
    for rows in by_ccode.values():
        for row in rows:
            if row.iso3:
                by_iso3.setdefault(row.iso3, []).append(row)
    return by_ccode, by_iso3
