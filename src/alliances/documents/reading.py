"""Reading .txt, .md and .html files into Documents, with clear errors for bad input."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from alliances.documents.header import normalise_date, split_header, split_names
from alliances.documents.html import html_to_text
from alliances.documents.model import Document, DocumentError

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024
_SNIFF_BYTES = 8192
_FOLDER_NOTES = ("readme", "license", "licence", "notice", "changelog", "copying")


def find_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Yield (file, problem) for each path; directories recurse in sorted order.

    `problem` is None for a file to read, or a one-line reason why it is not read. Files of
    other types found inside a directory, hidden files and the folder's own notes (README,
    LICENSE...) are passed over silently: a folder of articles often holds images and notes.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _is_article(child):
                    yield child, None
        elif not path.exists():
            yield path, "no such file or directory"
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield path, f"unsupported file type {path.suffix or '(none)'!r}; use .txt, .md or .html"
        else:
            yield path, None


def _is_article(path: Path) -> bool:
    return (
        path.suffix.lower() in SUPPORTED_SUFFIXES
        and not path.name.startswith(".")
        and not path.stem.lower().startswith(_FOLDER_NOTES)
    )


def read_document(path: str | Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file into a Document; raise DocumentError naming the file and the problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(
                f"{path}: too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    raw, warnings = _decode(path, data)
    if path.suffix.lower() in (".html", ".htm"):
        html_doc = html_to_text(raw)
        raw, meta = html_doc.text, html_doc.meta
    else:
        meta = {}
    document = parse_text(raw, path=str(path), meta=meta, warnings=tuple(warnings))
    if not document.text:
        raise DocumentError(f"{path}: empty document (no text after the header)")
    return document


def parse_text(
    raw: str, path: str | None = None, meta: dict | None = None, warnings: tuple[str, ...] = ()
) -> Document:
    """Normalise `raw` (NFC, newlines) and split off its header into Document fields."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    header = split_header(text)
    fields = {**(meta or {}), **header.fields}
    authors = header.authors or split_names(fields.get("author") or fields.get("authors") or "")
    return Document(
        text=header.body,
        title=fields.get("title") or None,
        source=fields.get("source") or fields.get("publisher") or None,
        authors=tuple(authors),
        editor=fields.get("editor") or None,
        published=normalise_date(
            fields.get("time") or fields.get("date") or fields.get("published")
        ),
        url=fields.get("url") or None,
        path=path,
        warnings=warnings,
    )


def _decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, then cp1252 with a warning."""
    if not data.strip():
        raise DocumentError(f"{path}: empty file")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{path}: invalid UTF-16 text ({exc.reason})") from exc
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise DocumentError(f"{path}: binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        position = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path}: not text (invalid UTF-8 at byte {position}, and not cp1252 either)"
        ) from exc
    return text, [f"{path}: not valid UTF-8 (byte {position}); read as cp1252"]
