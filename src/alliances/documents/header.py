"""Header metadata in plain-text articles, split off from the body.

Three layouts are recognised, as found in news and official texts:
- a "Key: value" block ended by a line `---` (URL, TITLE, PUBLISHER, DATE, AUTHOR...);
- a news-site block where a label line ("Source", "Editor", "Time") is followed by its value,
  under a one-line title;
- a byline "By A and B" (or "By A, B and C") at the top of the body.
Trailing site boilerplate ("Related News", "back") is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import dateparser

_KEY_VALUE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}):\s*(.*)$")
_LABELS = {"source", "editor", "time", "date", "author", "authors", "publisher", "published"}
_BYLINE = re.compile(
    r"^\s*By\s+(?P<names>[A-Z][\w.'’-]*(?:[ ,]+(?:and\s+)?[A-Z][\w.'’-]*){0,11})\s*$"
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")
_BOILERPLATE_START = {"related news", "related articles", "related stories", "read more"}
_BOILERPLATE_LINE = {"back", "top", "print", "share", "close", "back to top"}
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DATE_IN_PROSE = re.compile(
    r"\b(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|\d{4}-\d{2}-\d{2})\b"
)


@dataclass
class Header:
    """Metadata found above (and below) the body, and the body itself."""

    body: str
    fields: dict[str, str] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)


def split_header(text: str) -> Header:
    """Split `text` (already newline-normalised) into header fields, authors and body."""
    lines = text.split("\n")
    fields, rest = _key_value_block(lines)
    if not fields:
        fields, rest = _label_block(lines)
    authors, rest = _byline(rest)
    rest = _drop_trailing_boilerplate(rest)
    return Header(body="\n".join(rest).strip(), fields=fields, authors=authors)


def split_names(names: str) -> list[str]:
    """'Chen Hanghui and Dong Pan' -> ['Chen Hanghui', 'Dong Pan']."""
    return [n.strip() for n in _NAME_SPLIT.split(names.strip()) if n.strip()]


def normalise_date(value: str | None) -> str | None:
    """An ISO date or datetime for a header date, or None when there is none.

    Parenthetical remarks are read too: 'July 28 (2024; year from URL)' takes its year from the
    remark, 'unknown (launched May 23, 2022, per other sources)' its date.
    """
    if not value:
        return None
    value = value.strip()
    iso = _ISO_DATETIME.match(value)
    if iso:
        return iso.group(1) + (f"T{iso.group(2)}" if iso.group(2) else "")
    main, _, remark = value.partition("(")
    main, remark = main.strip(), remark.rstrip(")")
    if main and not _YEAR.search(main):
        year = _YEAR.search(remark)
        main = f"{main} {year.group(1)}" if year else ""
    candidates = [main] if main and main.lower() != "unknown" else []
    candidates += [m.group(0) for m in _DATE_IN_PROSE.finditer(remark)]
    for candidate in candidates:
        parsed = dateparser.parse(
            candidate, languages=["en"], settings={"REQUIRE_PARTS": ["year", "month", "day"]}
        )
        if parsed:
            has_time = bool(re.search(r"\d:\d\d", candidate))
            return parsed.isoformat(timespec="seconds") if has_time else parsed.date().isoformat()
    return None


def _key_value_block(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """'KEY: value' lines up to a '---' line at the top of the text."""
    fields: dict[str, str] = {}
    for i, line in enumerate(lines[:40]):
        if line.strip() == "---" and fields:
            return fields, lines[i + 1 :]
        match = _KEY_VALUE.match(line.strip())
        if match and "://" not in match.group(1):
            fields[match.group(1).strip().lower()] = match.group(2).strip()
        elif line.strip():
            return {}, lines
    return {}, lines


def _label_block(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """A title line followed by 'Source' / value, 'Editor' / value, 'Time' / value lines."""
    indexed = [(i, line.strip()) for i, line in enumerate(lines[:30]) if line.strip()]
    label_positions = [n for n, (_, line) in enumerate(indexed) if _label_of(line)]
    if not label_positions or label_positions[0] > 2:
        return {}, lines
    fields: dict[str, str] = {}
    n = label_positions[0]
    if n > 0:
        fields["title"] = " ".join(line for _, line in indexed[:n])
    last_line = indexed[n][0]
    while n < len(indexed):
        label, inline = _label_of(indexed[n][1]) or (None, None)
        if label is None:
            break
        if inline:
            fields[label] = inline
            last_line = indexed[n][0]
            n += 1
        elif n + 1 < len(indexed) and not _label_of(indexed[n + 1][1]):
            fields[label] = indexed[n + 1][1]
            last_line = indexed[n + 1][0]
            n += 2
        else:
            break
    if len(fields) - ("title" in fields) < 2:
        return {}, lines
    return fields, lines[last_line + 1 :]


def _label_of(line: str) -> tuple[str, str] | None:
    """('source', '') for a bare label line, ('source', 'X') for 'Source: X'."""
    bare = line.rstrip(":").strip().lower()
    if bare in _LABELS:
        return bare, ""
    match = _KEY_VALUE.match(line)
    if match and match.group(1).strip().lower() in _LABELS and match.group(2).strip():
        return match.group(1).strip().lower(), match.group(2).strip()
    return None


def _byline(lines: list[str]) -> tuple[list[str], list[str]]:
    """Authors from a 'By ...' line among the first non-empty lines of the body."""
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        match = _BYLINE.match(line)
        if match:
            return split_names(match.group("names")), lines[:i] + lines[i + 1 :]
        seen += 1
        if seen >= 2:
            break
    return [], lines


def _drop_trailing_boilerplate(lines: list[str]) -> list[str]:
    """Cut a 'Related News' block near the end, then trailing 'back'/'top' lines."""
    end = len(lines)
    for i in range(len(lines) - 1, max(-1, len(lines) - 15), -1):
        if lines[i].strip().lower() in _BOILERPLATE_START:
            end = i
            break
    while end > 0 and lines[end - 1].strip().lower() in _BOILERPLATE_LINE | {""}:
        end -= 1
    return lines[:end]
