"""The system's records: ties with per-member intervals, their sources, and dates as intervals.

A date may be a year ("1990"), a month ("1990-05") or a day ("1990-05-03"); it stands for the
interval it names, so a tie is active "in 1990" when it holds on any day of 1990 (the
convention of ATOP's dyad-years). Intervals are half-open [start, end) in proleptic Gregorian
ordinals; an open end is `OPEN`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

LAYERS = ("alliance", "agreement", "grouping", "partnership", "posture", "events")
# The security ties the combined multiplex is made of by default. Declared partnerships and
# frameworks without a treaty (IPEF, NATO's partners) are a layer of their own, left out unless
# asked for: most carry no defence commitment. Events are interactions, not ties.
TIE_LAYERS = ("alliance", "agreement", "grouping", "partnership", "posture")
SECURITY_LAYERS = ("alliance", "agreement", "grouping", "posture")
OPEN = dt.date.max.toordinal()


def interval(value: str | int | dt.date) -> tuple[int, int]:
    """The [start, end) ordinals of a year, month or day.

    >>> a, b = interval("1990")
    >>> dt.date.fromordinal(a), dt.date.fromordinal(b)
    (datetime.date(1990, 1, 1), datetime.date(1991, 1, 1))
    >>> b - a == 365, interval("1990-02")[1] - interval("1990-02")[0]
    (True, 28)
    """
    if isinstance(value, dt.date):
        return value.toordinal(), value.toordinal() + 1
    text = str(value).strip()
    parts = text.split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return dt.date(year, 1, 1).toordinal(), dt.date(year + 1, 1, 1).toordinal()
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return dt.date(year, month, 1).toordinal(), nxt.toordinal()
        day = dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}") from exc
    return day.toordinal(), day.toordinal() + 1


def start_of(value: str | None) -> int:
    """First day of a (partial) date; an unknown start is the beginning of time."""
    return 1 if value is None else interval(value)[0]


def end_of(value: str | None) -> int:
    """The exclusive end of a tie that ended at `value`; OPEN when it has not ended.

    A year-precision end keeps the tie through that year, a day-precision end stops it that day.
    """
    if value is None:
        return OPEN
    start, end = interval(value)
    return start if len(str(value)) >= 10 else end


def iso(ordinal: int) -> str | None:
    return None if ordinal >= OPEN else dt.date.fromordinal(ordinal).isoformat()


@dataclass(frozen=True)
class Source:
    """Where a tie comes from: a dataset row, a reference row or a document span."""

    dataset: str  # 'atop', 'reference', 'document', ...
    ref: str  # 'atopid 3375', 'us-japan-security-treaty', 'sha256:...:120-180'
    citation: str | None = None
    url: str | None = None

    def __str__(self) -> str:
        return f"{self.dataset}:{self.ref}"


Span = tuple[int, int]


def union(spans: list[Span]) -> list[Span]:
    """Sorted, non-overlapping spans covering the same days.

    >>> union([(5, 9), (1, 3), (2, 4), (9, 10)])
    [(1, 4), (5, 10)]
    """
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass
class Tie:
    """A relation among actors over time, from one or more sources.

    `members` maps each actor to the [start, end) spans of its membership (an actor may leave
    and rejoin: the Quad of 2007 and of 2017); `obligations` maps a member to the ATOP
    obligations it takes on toward the others; `basing` is none | joint | mutual | one-way,
    with `hosts` as (host, guest) pairs where known. `keys` are identities shared across
    sources ('atop:3375', 'ref:us-japan-security-treaty'): ties with a common key are one tie.
    """

    id: str
    kind: str
    name: str
    members: dict[str, list[Span]]
    sources: list[Source] = field(default_factory=list)
    obligations: dict[str, frozenset[str]] = field(default_factory=dict)
    basing: str | None = None
    hosts: tuple[tuple[str, str], ...] = ()
    keys: frozenset[str] = frozenset()
    suspended: dict[frozenset[str], list[Span]] = field(default_factory=dict)

    @property
    def layer(self) -> str:
        return self.kind if self.kind in TIE_LAYERS else "agreement"

    @property
    def origin(self) -> str:
        """The dataset of the tie's first source (the one the tie was built from)."""
        return self.sources[0].dataset if self.sources else ""

    def pairs(self) -> list[tuple[str, str]]:
        """The member pairs the tie links: all pairs (a minilateral is a clique), except that an
        organisation among the members is linked to each state, the states not to each other
        (NATO's Indo-Pacific partners partner with NATO, not with one another)."""
        members = sorted(self.members)
        orgs = [m for m in members if m.startswith("org:")]
        if orgs:
            return [(o, m) for o in orgs for m in members if m not in orgs]
        return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]

    @property
    def nonaggression_only(self) -> bool:
        """True when every obligation held is non-aggression (a pact that is not a defence tie)."""
        held = set().union(*self.obligations.values()) if self.obligations else set()
        return bool(held) and held <= {"nonaggression"}

    def pair_spans(self, a: str, b: str) -> list[Span]:
        """The spans in which both a and b are members, less any suspension between them."""
        spans = [
            (max(s1, s2), min(e1, e2))
            for s1, e1 in self.members[a]
            for s2, e2 in self.members[b]
            if max(s1, s2) < min(e1, e2)
        ]
        for cut_start, cut_end in self.suspended.get(frozenset((a, b)), []):
            spans = [
                piece
                for start, end in spans
                for piece in ((start, min(end, cut_start)), (max(start, cut_end), end))
                if piece[0] < piece[1]
            ]
        return spans

    def merge(self, other: Tie) -> None:
        """Take in the same tie from another source: union of spans, sources, obligations, keys.

        A member holds an obligation when any source codes it; basing known already is kept.
        """
        for actor, spans in other.members.items():
            self.members[actor] = union([*self.members.get(actor, []), *spans])
        self.sources.extend(s for s in other.sources if s not in self.sources)
        for actor, held in other.obligations.items():
            self.obligations[actor] = self.obligations.get(actor, frozenset()) | held
        self.basing = self.basing or other.basing
        self.hosts = self.hosts or other.hosts
        self.keys = self.keys | other.keys
        for pair, spans in other.suspended.items():
            self.suspended[pair] = union([*self.suspended.get(pair, []), *spans])


@dataclass(frozen=True)
class EventRecord:
    """One dyadic event (or `count` like events, with their mean Goldstein score): who did what
    to whom, when, with its scores where known."""

    source: str
    target: str
    day: int  # ordinal
    type: str | None
    quad_class: int | None
    goldstein: float | None
    origin: Source
    count: int = 1
