"""GDELT 1.0 and 2.0 event exports -> monthly Parquet partitions beside the knowledge base.

GDELT exports are tab-separated, without a header, often zipped: 2.0 has 61 columns, 1.0 has 58
(57 in the historical backfiles, which lack SOURCEURL; 1.0 also lacks the *_ADM2Code columns).
Every file is validated whole before anything is written. Codes (EventCode "010", CAMEO actor
codes, FIPS/ADM codes) stay strings so leading zeros survive.

Layout: `<db>.events/gdelt/month=YYYY-MM/<content hash>.parquet`, one part per source file and
month of the event date (SQLDATE), all parts sharing one schema (the 2.0 columns plus
`gdelt_version`, `source_file`, `event_date`, `Actor1ISO3`, `Actor2ISO3`). A part is named by
the hash of its source file's bytes, so loading the same file again rewrites the same parts:
nothing is duplicated. Query with `connect(store)`, a DuckDB connection with a `gdelt` view.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from alliances import codes
from alliances.loaders.reading import LoadError, Row, cell, integer, number, read_rows, read_text
from alliances.loaders.record import Loaded, save
from alliances.store import Store

DATASET = "gdelt"
CITATION = (
    "The GDELT Project, https://www.gdeltproject.org. Leetaru, Kalev, and Philip A. Schrodt. "
    '2013. "GDELT: Global Data on Events, Location, and Tone, 1979-2012." International '
    "Studies Association Annual Convention."
)
_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS_V2 = [
    *("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"),
    *(f"Actor1{name}" for name in _ACTOR),
    *(f"Actor2{name}" for name in _ACTOR),
    *("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass"),
    *("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"),
    *(f"{who}Geo_{name}" for who in ("Actor1", "Actor2", "Action") for name in _GEO),
    *("DATEADDED", "SOURCEURL"),
]
COLUMNS_V1 = [name for name in COLUMNS_V2 if not name.endswith("ADM2Code")]
INTEGERS = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
    "NumSources", "NumArticles", "DATEADDED", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type",
}  # fmt: skip
FLOATS = {"FractionDate", "GoldsteinScale", "AvgTone"} | {
    f"{who}Geo_{name}" for who in ("Actor1", "Actor2", "Action") for name in ("Lat", "Long")
}
REQUIRED = {"GLOBALEVENTID", "SQLDATE", "EventCode"}
SCHEMA = pa.schema(
    [
        pa.field(
            name,
            pa.int64() if name in INTEGERS else pa.float64() if name in FLOATS else pa.string(),
            nullable=name not in REQUIRED,
        )
        for name in COLUMNS_V2
    ]
    + [
        pa.field("gdelt_version", pa.int8(), nullable=False),
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("event_date", pa.date32(), nullable=False),
        pa.field("Actor1ISO3", pa.string()),
        pa.field("Actor2ISO3", pa.string()),
    ]
)


def events_folder(store: Store) -> Path:
    """Where a knowledge base keeps its event tables: `<db file>.events/` beside it."""
    return Path(f"{store.path}.events")


def load_gdelt(store: Store, paths: list[str | Path]) -> Loaded:
    """Validate GDELT export files (plain or .zip) and add them to the monthly Parquet parts."""
    if not paths:
        raise ValueError("no GDELT files given")
    # Every file is valid before any is written; a file given twice (or zipped too) is one.
    parsed = dict(_parse(Path(path)) for path in paths)
    folder = events_folder(store) / DATASET
    written: list[tuple[Path, Path]] = []
    try:
        for key, table in parsed.items():
            written += _write_parts(folder, table, key)
        for temporary, final in written:
            os.replace(temporary, final)
    finally:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
    coverage = _coverage(folder)
    version = ", ".join(f"{v}.0" for v in coverage["versions"])
    return save(store, DATASET, version, CITATION, str(folder.resolve()), coverage)


def connect(store: Store) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with a `gdelt` view over the knowledge base's parts."""
    folder = events_folder(store) / DATASET
    if not any(folder.glob("*/*.parquet")):
        raise LoadError(folder, "no GDELT events loaded (alliances load gdelt FILES)")
    pattern = folder / "*" / "*.parquet"
    connection = duckdb.connect()
    connection.execute(
        f"CREATE VIEW gdelt AS SELECT * FROM read_parquet('{_sql_text(pattern)}', "
        "hive_partitioning = true)"
    )
    return connection


def _parse(path: Path) -> tuple[str, pa.Table]:
    """The hash that names a file's parts, and its rows as an Arrow table in SCHEMA."""
    text = read_text(path)
    key = hashlib.sha256(text.encode()).hexdigest()[:16]
    _, rows = read_rows(path, delimiter="\t", header=False, quoting=csv.QUOTE_NONE, text=text)
    version = _version(path, rows[0])
    widths = (len(COLUMNS_V2),) if version == 2 else (len(COLUMNS_V1), len(COLUMNS_V1) - 1)
    names = COLUMNS_V2 if version == 2 else COLUMNS_V1
    columns: dict[str, list] = {field.name: [] for field in SCHEMA}
    iso_cache: dict[str, str | None] = {}
    for row in rows:
        if len(row.cells) not in widths:
            expected = " or ".join(str(w) for w in widths)
            raise LoadError(
                path, f"{len(row.cells)} columns, expected {expected} (GDELT {version}.0)", row.line
            )
        values = dict.fromkeys(COLUMNS_V2)
        for position, name in enumerate(names[: len(row.cells)]):
            values[name] = _value(path, row, position, name)
        for name, value in values.items():
            columns[name].append(value)
        columns["gdelt_version"].append(version)
        columns["source_file"].append(path.name)
        columns["event_date"].append(_event_date(path, row, values["SQLDATE"]))
        for actor in ("Actor1", "Actor2"):
            code = values[f"{actor}CountryCode"] or ""
            if code not in iso_cache:
                iso_cache[code] = codes.cameo_to_iso3(code)
            columns[f"{actor}ISO3"].append(iso_cache[code])
    return key, pa.table(columns, schema=SCHEMA)


def _version(path: Path, first: Row) -> int:
    if len(first.cells) == len(COLUMNS_V2):
        return 2
    if len(first.cells) in (len(COLUMNS_V1), len(COLUMNS_V1) - 1):
        return 1
    raise LoadError(
        path,
        f"{len(first.cells)} columns: not a GDELT export (2.0 has 61, 1.0 has 57 or 58)",
        first.line,
    )


def _value(path: Path, row: Row, position: int, name: str) -> object:
    text = row.cells[position].strip()
    if not text:
        if name in REQUIRED:
            raise LoadError(path, "empty, but every event needs it", row.line, name)
        return None
    if name in INTEGERS:
        return cell(path, row, position, name, integer)
    if name in FLOATS:
        return cell(path, row, position, name, number)
    return text


def _event_date(path: Path, row: Row, sqldate: int) -> dt.date:
    try:
        return dt.datetime.strptime(str(sqldate), "%Y%m%d").date()
    except ValueError as exc:
        raise LoadError(path, f"{sqldate} is not a YYYYMMDD date", row.line, "SQLDATE") from exc


def _write_parts(folder: Path, table: pa.Table, key: str) -> list[tuple[Path, Path]]:
    """Write one temporary part per month; returns (temporary, final) paths."""
    months = pc.strftime(table["event_date"], format="%Y-%m")
    parts = []
    for month in sorted(set(months.to_pylist())):
        part = table.filter(pc.equal(months, month))
        target = folder / f"month={month}" / f"{key}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".parquet.tmp")
        pq.write_table(part, temporary)
        parts.append((temporary, target))
    return parts


def _coverage(folder: Path) -> dict:
    """Rows, files, months and dates over every loaded part (loads accumulate)."""
    pattern = _sql_text(folder / "*" / "*.parquet")
    with duckdb.connect() as connection:
        [row] = connection.execute(
            "SELECT count(*), count(DISTINCT source_file), count(DISTINCT month), "
            "min(event_date), max(event_date), list(DISTINCT gdelt_version ORDER BY gdelt_version) "
            f"FROM read_parquet('{pattern}', hive_partitioning = true)"
        ).fetchall()
    rows, files, months, first, last, versions = row
    return json.loads(
        json.dumps(
            {
                "rows": rows,
                "files": files,
                "months": months,
                "dates": [first, last],
                "versions": versions,
                "unit": "event",
            },
            default=str,
        )
    )


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")
