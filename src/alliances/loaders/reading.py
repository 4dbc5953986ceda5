"""Reading and validating delimited data files, plain or zipped, with errors that point at a cell.

Every loader reads through here so that bad input fails the same way: one `LoadError` naming the
file, the line and the column, raised before anything is written.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


class LoadError(ValueError):
    """Bad input: names the file and, where known, the line (1-based) and column."""

    def __init__(
        self, path: str | Path, message: str, line: int | None = None, column: str | None = None
    ) -> None:
        self.path, self.message, self.line, self.column = str(path), message, line, column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.path]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True)
class Row:
    """One data row: its 1-based line number in the file and its cells."""

    line: int
    cells: list[str]


def read_text(path: str | Path) -> str:
    """The text of a file, or of the single data file inside a .zip archive (UTF-8)."""
    path = Path(path)
    try:
        data = _unzip(path) if path.suffix.lower() == ".zip" else path.read_bytes()
    except FileNotFoundError as exc:
        raise LoadError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise LoadError(path, "is a directory, not a file") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LoadError(path, f"not UTF-8 text (byte {exc.start})", line=line) from exc
    if not text.strip():
        raise LoadError(path, "empty file")
    return text


def read_rows(
    path: str | Path,
    delimiter: str = ",",
    header: bool = True,
    quoting: int = csv.QUOTE_MINIMAL,
    text: str | None = None,
) -> tuple[list[str], list[Row]]:
    """A file's header (empty when `header` is False) and its non-blank rows with line numbers.

    Tab-separated exports that never quote (GDELT) pass `quoting=csv.QUOTE_NONE`, so that a
    stray quote character stays text. A caller that already holds the text passes it.
    """
    text = read_text(path) if text is None else text
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting)
    rows = []
    try:
        for cells in reader:
            if any(cells):
                rows.append(Row(reader.line_num, cells))
    except csv.Error as exc:
        raise LoadError(path, f"malformed delimited text ({exc})", reader.line_num) from exc
    if not header:
        return [], rows
    return [name.strip() for name in rows[0].cells], rows[1:]


def read_table(
    path: str | Path,
    required: Sequence[str],
    allowed: Sequence[str] = (),
    also_allowed: Callable[[str], bool] | None = None,
) -> tuple[list[str], dict[str, int], list[Row]]:
    """A CSV with a header: check its columns, then that it has data; (header, positions, rows).

    `also_allowed` accepts further column names by rule (SIPRI's milex_const<YYYY>_usd_m).
    """
    header, rows = read_rows(path)
    extra = [name for name in header if also_allowed and also_allowed(name)]
    positions = check_columns(path, header, required, [*allowed, *extra])
    if not rows:
        raise LoadError(path, "no data rows below the header", line=2)
    return header, positions, rows


def check_columns(
    path: str | Path, header: Sequence[str], required: Sequence[str], allowed: Sequence[str] = ()
) -> dict[str, int]:
    """Check a header has every required column and nothing unknown; map names to positions."""
    known = set(required) | set(allowed)
    for position, name in enumerate(header, start=1):
        if name not in known:
            raise LoadError(path, f"unexpected column {name!r} (position {position})", 1, name)
    missing = [name for name in required if name not in header]
    if missing:
        raise LoadError(path, f"missing column(s) {', '.join(missing)}", 1, missing[0])
    duplicated = {name for name in header if header.count(name) > 1}
    if duplicated:
        raise LoadError(path, f"repeated column(s) {', '.join(sorted(duplicated))}", 1)
    return {name: position for position, name in enumerate(header)}


def check_width(path: str | Path, row: Row, widths: Sequence[int]) -> None:
    """A row must have one of the allowed numbers of cells."""
    if len(row.cells) not in widths:
        expected = " or ".join(str(w) for w in widths)
        raise LoadError(path, f"{len(row.cells)} cells, expected {expected}", row.line)


def cell(
    path: str | Path, row: Row, position: int, column: str, parse: Callable[[str], object]
) -> object:
    """Parse one cell, turning a parse failure into an error naming file, line and column."""
    text = row.cells[position].strip() if position < len(row.cells) else ""
    try:
        return parse(text)
    except (ValueError, TypeError) as exc:
        raise LoadError(
            path, f"{text!r} is not {_describe(parse)} ({exc})", row.line, column
        ) from exc


def integer(text: str) -> int:
    """A whole number; '2.0' is accepted as 2 (R exports write codes that way)."""
    if not text:
        raise ValueError("empty")
    number = float(text)
    if not number.is_integer():
        raise ValueError("has a fraction")
    return int(number)


def optional_integer(text: str) -> int | None:
    return integer(text) if text and text.upper() not in {"NA", "NAN"} else None


def number(text: str) -> float:
    if not text:
        raise ValueError("empty")
    return float(text)


def optional_number(text: str) -> float | None:
    return float(text) if text and text.upper() not in {"NA", "NAN"} else None


_DESCRIPTIONS = {
    integer: "a whole number",
    optional_integer: "a whole number or empty",
    number: "a number",
    optional_number: "a number or empty",
}


def _describe(parse: Callable[[str], object]) -> str:
    return _DESCRIPTIONS.get(parse, "valid")


def _unzip(path: Path) -> bytes:
    """The one data member of a zip archive; truncated or damaged archives are a LoadError."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if len(members) != 1:
                names = ", ".join(m.filename for m in members) or "nothing"
                raise LoadError(path, f"a zip must hold exactly one data file, not {names}")
            return archive.read(members[0])
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise LoadError(path, f"not a readable zip archive, truncated or damaged ({exc})") from exc
