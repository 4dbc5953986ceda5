"""SIPRI Military Expenditure Database: spending per state-year as quantity facts.

Two inputs, one dataset ('sipri'):
- the official workbook (`SIPRI-Milex-data-1949-2024.xlsx`): sheets "Constant (2023) US$",
  "Current US$" (US$ millions) and "Share of GDP" (a fraction, shown as a percent), each with
  title rows above a header row that starts with "Country", year columns, and region rows
  without values; "..." means not available and "xxx" that the state did not exist (no fact);
- a CSV extract with columns sipri_country, ccode, year, milex_const<YYYY>_usd_m,
  milex_current_usd_m, milex_share_gdp (share of GDP as a fraction: 0.0342 = 3.42%).
Values are stored in base units: US dollars (millions x 1e6) and percent of GDP (fraction x 100).
"""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from alliances import codes
from alliances.facts import Fact
from alliances.loaders.quantities import quantity_fact
from alliances.loaders.reading import (
    LoadError,
    Row,
    cell,
    check_width,
    integer,
    optional_number,
    read_table,
)
from alliances.loaders.record import Loaded, save
from alliances.store import Store

DATASET = "sipri"
CITATION = (
    "SIPRI Military Expenditure Database, Stockholm International Peace Research Institute, "
    "https://www.sipri.org/databases/milex"
)
CONSTANT = re.compile(r"milex_const(\d{4})_usd_m")
CSV_SERIES = {"milex_current_usd_m": "milex_current_usd", "milex_share_gdp": "milex_share_gdp"}
SHEETS = {
    re.compile(r"constant \((\d{4})\) us(?:\$|d)", re.I): "milex_constant_usd",
    re.compile(r"current us(?:\$|d)", re.I): "milex_current_usd",
    re.compile(r"share of gdp", re.I): "milex_share_gdp",
}
SCALE = {"milex_constant_usd": 1e6, "milex_current_usd": 1e6, "milex_share_gdp": 100}
NOT_AVAILABLE = {"...", ". .", ""}
DID_NOT_EXIST = "xxx"
# SIPRI's names that neither CAMEO's names nor pycountry resolve (see codes.from_name).
SIPRI_NAMES = {
    "korea, south": "KOR",
    "korea, north": "PRK",
    "ussr": "SUN",
    "german dr": "DDR",
    "german democratic republic": "DDR",
    "yemen, north": "YEM",
    "yemen, south": "YMD",
    "czechoslovakia": "CSK",
    "yugoslavia": "YUG",
    "serbia and montenegro": "SCG",
    "congo, dr": "COD",
    "congo, republic": "COG",
    "gambia, the": "GMB",
    "kosovo": "XKX",
    "taiwan": "TWN",
    "russia": "RUS",
    "united states of america": "USA",
    "uae": "ARE",
    "türkiye": "TUR",
    "turkey": "TUR",
    "viet nam": "VNM",
    "cote d'ivoire": "CIV",
    "côte d’ivoire": "CIV",
    "cote d’ivoire": "CIV",
    "congo, dem. rep.": "COD",
    "congo, repub.": "COG",
    "central african rep.": "CAF",
    "dominican rep.": "DOM",
    "bosnia-herzegovina": "BIH",
    "macedonia, fyr": "MKD",
    "trinidad & tobago": "TTO",
}


def load_sipri(store: Store, path: str | Path, version: str | None = None) -> Loaded:
    """Validate a SIPRI workbook (.xlsx) or CSV extract and replace the 'sipri' dataset."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        facts, unmapped = _workbook_facts(path)
    else:
        facts, unmapped = _csv_facts(path), []
    if not facts:
        raise LoadError(path, "no state-year values found")
    years = [int(f.arguments["period"]) for f in facts]
    coverage = {
        "rows": len({(f.arguments["actor"], f.arguments["period"]) for f in facts}),
        "states": len({f.arguments["actor"] for f in facts}),
        "years": [min(years), max(years)],
        "unit": "state-year",
        "measures": sorted({f.arguments["measure"] for f in facts}),
        "unmapped_countries": unmapped,
    }
    version = version or f"data {min(years)}-{max(years)}"
    return save(store, DATASET, version, CITATION, str(path.resolve()), coverage, facts)


def iso3_of_name(name: str) -> str | None:
    """The ISO alpha-3 code of a SIPRI country name, or None (regions, unknown names)."""
    key = " ".join(name.split()).lower()
    return SIPRI_NAMES.get(key) or codes.from_name(key)


def _csv_facts(path: Path) -> list[Fact]:
    header, positions, rows = read_table(
        path, ["sipri_country", "ccode", "year"], list(CSV_SERIES), CONSTANT.fullmatch
    )
    constants = [name for name in header if CONSTANT.fullmatch(name)]
    series = {
        name: CSV_SERIES.get(name, "milex_constant_usd") for name in [*constants, *CSV_SERIES]
    }
    series = {name: measure for name, measure in series.items() if name in positions}
    facts = []
    for row in rows:
        check_width(path, row, [len(header)])
        ccode = cell(path, row, positions["ccode"], "ccode", integer)
        year = cell(path, row, positions["year"], "year", integer)
        actor = codes.actor_id(ccode, year)
        for column, measure in series.items():
            value = cell(path, row, positions[column], column, optional_number)
            extra = _price_year(CONSTANT.fullmatch(column))
            facts.append(_fact(actor, ccode, measure, value, year, f"line {row.line}", extra))
    return facts


def _workbook_facts(path: Path) -> tuple[list[Fact], list[str]]:
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise LoadError(path, f"not a readable xlsx workbook ({exc})") from exc
    facts: list[Fact] = []
    unmapped: set[str] = set()
    try:
        for sheet in book.worksheets:
            measure, match = _sheet_measure(sheet.title)
            if measure is not None:
                where = Path(f"{path} [sheet {sheet.title!r}]")
                rows = [Row(n, list(cells)) for n, cells in enumerate(sheet.values, start=1)]
                facts += _sheet_facts(where, rows, measure, _price_year(match), unmapped)
    finally:
        book.close()
    if not facts and not unmapped:
        raise LoadError(path, "no SIPRI sheet (Constant (YYYY) US$, Current US$, Share of GDP)")
    return facts, sorted(unmapped)


def _sheet_facts(
    where: Path, rows: list[Row], measure: str, extra: dict, unmapped: set[str]
) -> list[Fact]:
    head = next((r for r in rows if r.cells and _text(r.cells[0]).lower() == "country"), None)
    if head is None:
        raise LoadError(where, "no header row starting with 'Country'")
    years = {i: int(v) for i, v in enumerate(head.cells) if _is_year(v)}
    if not years:
        raise LoadError(where, "the header row has no year columns", head.line)
    facts = []
    for row in rows[rows.index(head) + 1 :]:
        name = _text(row.cells[0]) if row.cells else ""
        values = {i: row.cells[i] for i in years if i < len(row.cells)}
        if not name or all(_text(v) in NOT_AVAILABLE for v in values.values()):
            continue  # blank, region heading or a state with no values at all
        actor = iso3_of_name(name)
        if actor is None:
            unmapped.add(name)
            continue
        for i, raw in values.items():
            if _text(raw) == DID_NOT_EXIST:
                continue
            value = _workbook_value(where, row, i, raw)
            ccode = _ccode(actor, years[i])
            facts.append(_fact(actor, ccode, measure, value, years[i], f"row {row.line}", extra))
    return facts


def _workbook_value(where: Path, row: Row, index: int, raw: object) -> float | None:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    if _text(raw) in NOT_AVAILABLE:
        return None
    column = get_column_letter(index + 1)
    raise LoadError(where, f"{_text(raw)!r} is not a number, '...' or 'xxx'", row.line, column)


def _fact(
    actor: str, ccode: int | None, measure: str, value, year: int, row: str, extra: dict
) -> Fact:
    scaled = None if value is None else value * SCALE[measure]
    return quantity_fact(DATASET, actor, ccode, measure, scaled, year, row, **extra)


def _sheet_measure(title: str) -> tuple[str | None, re.Match | None]:
    for pattern, measure in SHEETS.items():
        match = pattern.fullmatch(title.strip())
        if match:
            return measure, match
    return None, None


def _price_year(match: re.Match | None) -> dict:
    return {"price_year": int(match.group(1))} if match and match.groups() else {}


def _ccode(actor: str, year: int) -> int | None:
    try:
        return codes.ccode(actor, year)
    except codes.CodeError:
        return None


def _is_year(value: object) -> bool:
    text = _text(value)
    return text.isdigit() and 1900 <= int(text) <= 2100


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()
