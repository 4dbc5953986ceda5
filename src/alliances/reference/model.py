"""The bundled reference's rows: ties (with members, obligations, basing), posture and budgets.

Dates are ISO strings with their precision kept (`1951`, `2007-05`, `1960-06-23`), because the
sources give some of them only to the year or month. For comparisons a partial date stands for
its first day (`PartialDate.first_day`), which is documented on every method that compares.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OBLIGATIONS = ("defense", "offense", "neutrality", "nonaggression", "consultation")
TIE_KINDS = ("alliance", "agreement", "grouping", "partnership")
PRECISIONS = {4: "year", 7: "month", 10: "day"}


def first_day(value: str) -> str:
    """The first day a partial ISO date covers: '2007-05' -> '2007-05-01', '1979' -> 1 Jan."""
    return value + ("-01-01", "-01", "")[(len(value) - 4) // 3]


def precision(value: str) -> str:
    """'year', 'month' or 'day' for an ISO date string of that precision."""
    return PRECISIONS[len(value)]


def _within(on: str, start: str | None, end: str | None) -> bool:
    """start <= on < end, with open bounds where None; partial dates compare at their first day."""
    day = first_day(on)
    if start is not None and day < first_day(start):
        return False
    return end is None or day < first_day(end)


@dataclass(frozen=True)
class Source:
    url: str
    citation: str


@dataclass(frozen=True)
class Membership:
    """One spell of one member: joined/left default to the tie's in-force and end dates."""

    actor: str
    joined: str | None = None
    left: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Basing:
    """The host state lets the guest state's forces use its territory."""

    host: str
    guest: str
    start: str | None = None
    end: str | None = None
    place: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Suspension:
    """Obligations between two members suspended for a time (the US and New Zealand in ANZUS)."""

    between: tuple[str, str]
    start: str
    end: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Milestone:
    date: str
    event: str


@dataclass(frozen=True)
class Tie:
    """One treaty, agreement, grouping or partnership of the reference."""

    id: str
    name: str
    kind: str
    members: tuple[Membership, ...]
    sources: tuple[Source, ...]
    aliases: tuple[str, ...] = ()
    actor: str | None = None  # the organisation the tie creates, e.g. org:nato
    signed: str | None = None
    in_force: str | None = None
    ended: str | None = None
    obligations: dict[str, dict[str, int]] = field(default_factory=dict)
    basing: tuple[Basing, ...] = ()
    suspensions: tuple[Suspension, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    atop: int | None = None
    note: str | None = None

    @property
    def start(self) -> str | None:
        """When the tie starts to hold: entry into force, or signature where there is none."""
        return self.in_force or self.signed

    @property
    def member_ids(self) -> tuple[str, ...]:
        """Every identifier that was ever a member, sorted."""
        return tuple(sorted({m.actor for m in self.members}))

    def active(self, on: str) -> bool:
        """Whether the tie holds on `on` (from its start, before its end)."""
        return _within(on, self.start, self.ended)

    def members_on(self, on: str) -> tuple[str, ...]:
        """Sorted identifiers of the members on `on` (empty when the tie is not in force)."""
        if not self.active(on):
            return ()
        return tuple(
            sorted(
                {
                    m.actor
                    for m in self.members
                    if _within(on, m.joined or self.start, m.left or self.ended)
                }
            )
        )

    def obligations_of(self, actor: str) -> dict[str, int]:
        """The member's five obligations (0 or 1): its own row, else the tie's `default` row."""
        row = self.obligations.get(actor) or self.obligations.get("default") or {}
        return {name: int(row.get(name, 0)) for name in OBLIGATIONS}

    def suspended(self, a: str, b: str, on: str) -> bool:
        """Whether obligations between members a and b are suspended on `on`."""
        pair = {a, b}
        return any(set(s.between) == pair and _within(on, s.start, s.end) for s in self.suspensions)

    def dyads_on(self, on: str) -> list[tuple[str, str]]:
        """Pairs of members (a < b) bound by the tie on `on`, suspended pairs left out."""
        members = self.members_on(on)
        return [
            (a, b)
            for i, a in enumerate(members)
            for b in members[i + 1 :]
            if not self.suspended(a, b, on)
        ]


@dataclass(frozen=True)
class ActiveTie:
    """A tie as it stands on one date: the members it had then."""

    tie: Tie
    members: tuple[str, ...]


@dataclass(frozen=True)
class Posture:
    """Forces of a guest state in a host state (or a plan to move them), as a source publishes."""

    id: str
    host: str
    guest: str
    kind: str  # stationed | rotational | plan
    date: str
    description: str
    sources: tuple[Source, ...]
    personnel: int | None = None
    bound: str | None = None  # exact | about | up_to
    place: str | None = None
    destination: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Budget:
    """One official defence budget figure: a state's fiscal year, in local currency units."""

    state: str
    fiscal_year: str  # label as the government writes it: FY2023, 2023, 2023-24
    currency: str  # ISO 4217
    amount: float
    basis: str
    fiscal_year_start_month: int
    sources: tuple[Source, ...]
    note: str | None = None
