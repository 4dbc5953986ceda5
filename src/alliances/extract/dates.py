"""Date expressions: find them with our own grammar, normalise them against the publication date.

Spans come from compiled regular expressions over the whole text; `dateparser` only normalises a
span already found, and only for day arithmetic (weekdays, "yesterday", "three days ago").
`search_dates` is never used: it invents dates and gives no offsets.

Anchoring rule for expressions without a year ("This June", "On November 11", "in September",
"last year", "the next five years"):
- with a publication date, they resolve against it: "this"/"last"/"next" shift the publication
  year; a bare month, or month and day, is the latest such one not after publication (a bare
  "in September" read on 2024-11-28 is 2024-09; "in December" is 2023-12), or the earliest one
  not before it when its sentence speaks of the future ("will", "plans to", "scheduled"); so are
  weekdays ("on Monday");
- without one, they resolve against the nearest explicit calendar year written before them in the
  text ("In December 2022 ... the next five years" gives 2027); with no such year they are dropped.
"the next/coming N years" gives the horizon's end year; "the past/last N years" its start year.
Fiscal years ("FY 2022", "fiscal 2023", "fiscal year 2024") are years with `fiscal=True`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from alliances.extract.scan import WORD_STARTS, matches_at, start_guard

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip


@dataclass(frozen=True)
class DateMention:
    """A date expression: `value` is 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' at `precision`."""

    start: int
    end: int
    text: str
    value: str
    precision: str  # day | month | year
    fiscal: bool = False
    horizon: bool = False  # "the next five years": the value is the far end of a span of time

    @property
    def period(self) -> str:
        """The value as a quantity period: 'FY2022' for fiscal years."""
        return f"FY{self.value}" if self.fiscal else self.value


def _month_re(name: str) -> str:
    return (
        rf"(?P<{name}>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|(?-i:May|MAY)|june?"
        r"|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?"
        r"|dec(?:ember|\.)?)"
    )


def _day_re(name: str) -> str:
    return rf"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"


def _year_re(name: str) -> str:
    return rf"(?P<{name}>(?:19|20)\d\d)"


def _num_re(name: str) -> str:
    return rf"(?P<{name}>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})"


_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PREPOSITION = "|".join(
    rf"(?<=\b{p}\s)" for p in ("in", "since", "by", "until", "during", "from", "through")
)

# Every expression starts a word with a digit or one of these words (see scan.py), so it is tried
# only at those word starts (`WORD_STARTS`, shared with amounts); "the" only starts a horizon, so
# the guard asks for its next word too (it is the commonest word).
_FIRST_WORDS = (
    *MONTHS, "this", "last", "next", "past", r"the\s(?:next|coming|past|last)\s", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun", "yesterday", "today", "tomorrow", "early", "mid", "late",
    "fy", "fiscal", *NUMBER_WORDS,
)  # fmt: skip


_FIRST = start_guard(_FIRST_WORDS)
WORD_STARTS.add(_FIRST_WORDS)
# At each position the alternatives are tried left to right: the longest forms come first.
_DATE_RE = re.compile(
    _FIRST
    + "(?:"
    + "|".join(
        [
            r"(?P<iso>\b(?:19|20)\d\d-[01]\d-[0-3]\d\b)",
            rf"(?P<mdy>\b{_month_re('mdy_m')}\s{_day_re('mdy_d')},?\s{_year_re('mdy_y')}\b)",
            rf"(?P<dmy>\b{_day_re('dmy_d')}\s{_month_re('dmy_m')},?\s{_year_re('dmy_y')}\b)",
            rf"(?P<my>\b{_month_re('my_m')},?\s{_year_re('my_y')}\b)",
            r"(?P<fy>\b(?:FY\s?|fiscal\s(?:year\s)?)(?P<fy_y>(?:19|20)\d\d)\b)",
            rf"(?P<md>\b{_month_re('md_m')}\s{_day_re('md_d')}\b(?![,:]?\s?\d))",
            rf"(?P<rel_month>\b(?P<rm_which>this|last|next)\s{_month_re('rm_m')}\b)",
            rf"(?P<in_month>(?:{_PREPOSITION}){_month_re('im_m')}\b(?![\s,]+(?:\d|of\b)))",
            r"(?P<rel_year>\b(?P<ry_which>this|last|next|past)\s(?P<ry_unit>year|month)\b)",
            rf"(?P<horizon>\bthe\s(?P<h_which>next|coming|past|last)"
            rf"\s{_num_re('h_n')}\syears\b)",
            rf"(?P<ago>\b{_num_re('ago_n')}\s(?P<ago_unit>day|week|month|year)s?\sago\b)",
            rf"(?P<weekday>\b(?:(?:last|next|this)\s)?{_WEEKDAY}\b)",
            r"(?P<deictic>\b(?:yesterday|today|tomorrow)\b)",
            rf"(?P<part_year>\b(?:early|mid|late)[\s-]{_year_re('py')}\b)",
            r"(?P<year_only>(?<![\d,.$£€¥#-])\b(?:19|20)\d\d\b"
            r"(?![\d%]|,\d|\.\d|-\d|\s?(?:percent|per cent)))",
        ]
    )
    + ")",
    re.IGNORECASE,
)


def _month(token: str) -> int:
    return MONTHS[token.lower()[:3]]


def _number(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token.lower()]


@lru_cache(maxsize=1024)
def _dateparser_day(expression: str, anchor: dt.date, future: bool) -> str | None:
    """Normalise a day-level relative expression with dateparser (imported on first use)."""
    import dateparser

    parsed = dateparser.parse(
        expression,
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day),
            "PREFER_DATES_FROM": "future" if future else "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date().isoformat() if parsed else None


def _nearest_year(year: int, when: tuple, anchor: dt.date | None, future: bool) -> int:
    """The year of a (month[, day]) without one: the latest not after the anchor, or with
    `future` the earliest not before it (`year` itself without an anchor day)."""
    if anchor is None:
        return year
    now = (anchor.month, anchor.day)[: len(when)]
    if future:
        return year + 1 if when < now else year
    return year - 1 if when > now else year


def _day(year: int, month: int, day: int) -> tuple[str, str, bool] | None:
    try:
        return dt.date(year, month, day).isoformat(), "day", False
    except ValueError:
        return None


def _absolute(kind: str, g) -> tuple[str, str, bool] | None:
    """Expressions that carry their own year."""
    if kind == "iso":
        return _day(*(int(p) for p in g(kind).split("-")))
    if kind in ("mdy", "dmy"):
        return _day(int(g(kind + "_y")), _month(g(kind + "_m")), int(g(kind + "_d")))
    if kind == "my":
        return f"{g('my_y')}-{_month(g('my_m')):02d}", "month", False
    if kind == "fy":
        return g("fy_y"), "year", True
    return (g("py") if kind == "part_year" else g(kind)), "year", False


def _relative(kind: str, g, anchor: dt.date | None, year: int, future: bool):
    """Expressions resolved against the anchor day (when known) and the anchor year."""
    if kind == "md":
        mo, d = _month(g("md_m")), int(g("md_d"))
        return _day(_nearest_year(year, (mo, d), anchor, future), mo, d)
    if kind == "rel_month":
        mo, which = _month(g("rm_m")), g("rm_which").lower()
        if which == "last":
            year -= anchor is None or mo >= anchor.month
        elif which == "next":
            year += anchor is None or mo <= anchor.month
        return f"{year:04d}-{mo:02d}", "month", False
    if kind == "in_month":
        mo = _month(g("im_m"))
        return f"{_nearest_year(year, (mo,), anchor, future):04d}-{mo:02d}", "month", False
    if kind == "rel_year":
        shift = {"this": 0, "last": -1, "past": -1, "next": 1}[g("ry_which").lower()]
        if g("ry_unit").lower() == "year":
            return f"{year + shift:04d}", "year", False
        if anchor is None:
            return None
        months = anchor.year * 12 + anchor.month - 1 + shift
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "month", False
    if kind == "horizon":
        sign = 1 if g("h_which").lower() in ("next", "coming") else -1
        return f"{year + sign * _number(g('h_n')):04d}", "year", False
    if kind == "ago" and g("ago_unit").lower() == "year":
        return f"{year - _number(g('ago_n')):04d}", "year", False
    if anchor is None:  # weekdays, "yesterday", "N days ago" need a day anchor
        return None
    value = _dateparser_day(g(kind).lower(), anchor, future)
    if value is None:
        return None
    if kind == "ago" and g("ago_unit").lower() == "month":
        return value[:7], "month", False
    return value, "day", False


_ABSOLUTE = frozenset({"iso", "mdy", "dmy", "my", "fy", "part_year", "year_only"})


_FUTURE_RE = re.compile(
    r"\b(?:will|shall|plans?\s+to|scheduled|expected\s+to|set\s+to|due\s+to|is\s+due)\b",
    re.IGNORECASE,
)
_CLAUSE_END_RE = re.compile(r"[.!?;\n][^.!?;\n]*$")


def _clause_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts (looking back at most 150 characters)."""
    window = max(0, position - 150)
    end = _CLAUSE_END_RE.search(text, window, position)
    return end.start() + 1 if end else window


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """Every date expression in `text`, normalised against `published` (YYYY-MM-DD or None)."""
    anchor = dt.date.fromisoformat(published[:10]) if published else None
    last_year = anchor.year if anchor else None
    found = []
    for m in matches_at(_DATE_RE, text, WORD_STARTS(text)):
        kind = m.lastgroup
        if kind in _ABSOLUTE:
            resolved = _absolute(kind, m.group)
            if resolved and not anchor and kind != "fy":
                last_year = int(resolved[0][:4])
        elif last_year is None:
            continue
        else:
            future = bool(_FUTURE_RE.search(text, _clause_start(text, m.start()), m.start()))
            resolved = _relative(kind, m.group, anchor, last_year, future)
        if resolved:
            value, precision, fiscal = resolved
            found.append(
                DateMention(
                    m.start(), m.end(), m.group(), value, precision, fiscal, kind == "horizon"
                )
            )
    return found


class DatesComponent:
    """Pipeline component: assigns slot "dates" (list of DateMention sorted by start)."""

    name = "dates"
    requires = ("text",)
    assigns = ("dates",)

    def __call__(self, state) -> None:
        state.slots["dates"] = find_dates(state.text, state.document.published_date)
