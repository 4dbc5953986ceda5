"""Validation of what a request asks for: bad input is a 400, an unknown thing a 404."""

from __future__ import annotations

import re
from datetime import date

from starlette.exceptions import HTTPException

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
LAST_YEAR = 9998  # the system reads a year as [1 January, next 1 January): 9999 has no next
_ACTOR = re.compile(r"[A-Z]{3}|(?:org|person|place):[a-z0-9][a-z0-9-]*")
_DIGEST = re.compile(r"[0-9a-f]{6,64}")


def bad_request(message: str) -> HTTPException:
    return HTTPException(400, message)


def not_found(message: str) -> HTTPException:
    return HTTPException(404, message)


def parse_date(value: str | None, name: str = "at", last: bool = True) -> str | None:
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' to an ISO day; a year or month means its last day,
    or its first when `last` is false (the lower bound of a range)."""
    if value is None or value == "":
        return None
    match = _DATE.fullmatch(value)
    if not match:
        raise bad_request(f"{name}={value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(part) if part else None for part in match.groups())
    if year > LAST_YEAR:
        raise bad_request(f"{name}={value!r} is after the year {LAST_YEAR}")
    try:
        if day is not None:
            return date(year, month, day).isoformat()
        if month is None:
            return date(year, 12 if last else 1, 31 if last else 1).isoformat()
        first = date(year, month, 1)
        if not last:
            return first.isoformat()
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1).isoformat()
    except ValueError as exc:
        raise bad_request(f"{name}={value!r} is not a date ({exc})") from exc


def parse_when(value: str | None, name: str = "at") -> str | None:
    """A valid 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', kept at its precision: a year means the
    whole year, as the system's snapshots read it."""
    parse_date(value, name)
    return value or None


def parse_actor(value: str | None, name: str, default: str) -> str:
    """An actor identifier given as a query parameter (400 when malformed)."""
    if value is None or value == "":
        return default
    if not _ACTOR.fullmatch(value):
        raise bad_request(f"{name}={value!r} is not an actor id (ISO3, org:, person:, place:)")
    return value


def parse_year(value: str | None, name: str, default: int, low: int, high: int) -> int:
    """An integer year within [low, high]."""
    if value is None or value == "":
        return default
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        raise bad_request(f"{name}={value!r} is not a year between {low} and {high}")
    return int(value)


def check_actor_id(value: str) -> str:
    """An actor identifier of the schema (ISO3, org:, person:, place:), else 404."""
    if not _ACTOR.fullmatch(value):
        raise not_found(f"no actor {value!r}")
    return value


def check_digest(value: str) -> str:
    """A document key: the hex of its sha256 (6 to 64 characters), else 404."""
    key = value.removeprefix("sha256:").lower()
    if not _DIGEST.fullmatch(key):
        raise not_found(f"no document {value!r}")
    return key


def choice(value: str | None, name: str, options: tuple[str, ...], default: str) -> str:
    if value is None or value == "":
        return default
    if value not in options:
        raise bad_request(f"{name}={value!r} is not one of {', '.join(options)}")
    return value
