"""`Reference`: the bundled alliance system, with the look-ups the other layers need.

Tie extraction uses `alias_index()` (one shared list of names for treaties and agreements), the
system snapshot uses `ties_active(date)`, the metrics use budgets and posture.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from alliances.reference.model import ActiveTie, Budget, Posture, Tie, first_day


def alias_key(text: str) -> str:
    """How names are compared: case-folded, 'U.S.' as 'US', dashes as '-', spaces collapsed."""
    text = text.casefold().replace("u.s.", "us").replace("u.k.", "uk")
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2212":
        text = text.replace(dash, "-")
    return " ".join(text.replace("\u2019", "'").split())


@dataclass
class Reference:
    """Ties, posture and budgets of the bundled reference (see `alliances.reference.load`)."""

    ties: list[Tie]
    posture: list[Posture] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_id = {t.id: t for t in self.ties}
        aliases: dict[str, list[Tie]] = defaultdict(list)
        for tie in self.ties:
            for name in (tie.name, *tie.aliases):
                key = alias_key(name)
                if tie not in aliases[key]:
                    aliases[key].append(tie)
        self._aliases = {k: tuple(v) for k, v in aliases.items()}
        by_member: dict[str, list[Tie]] = defaultdict(list)
        for tie in self.ties:
            for actor in tie.member_ids:
                by_member[actor].append(tie)
        self._by_member = dict(by_member)

    def get(self, tie_id: str) -> Tie | None:
        return self._by_id.get(tie_id)

    def __getitem__(self, tie_id: str) -> Tie:
        return self._by_id[tie_id]

    def alias_index(self) -> dict[str, tuple[Tie, ...]]:
        """Every name and alias (as `alias_key` normalises it) -> the ties it may name.

        An alias can be shared ("SOFA", "Reciprocal Access Agreement"): the caller chooses
        among the ties, e.g. by the states its text names.
        """
        return dict(self._aliases)

    def by_alias(self, name: str) -> tuple[Tie, ...]:
        """The ties a name or alias may refer to (case- and punctuation-insensitive)."""
        return self._aliases.get(alias_key(name), ())

    def ties_active(self, on: str, kind: str | None = None) -> list[ActiveTie]:
        """Ties in force on `on` (ISO date, any precision) with their members on that date."""
        out = []
        for tie in self.ties:
            if kind is not None and tie.kind != kind:
                continue
            members = tie.members_on(on)
            if members:
                out.append(ActiveTie(tie=tie, members=members))
        return out

    def ties_between(
        self, members: set[str] | frozenset[str], on: str | None = None, kind: str | None = None
    ) -> list[Tie]:
        """Ties whose member set is exactly `members` (on `on` if given, else ever)."""
        wanted = set(members)
        if not wanted:
            return []
        some = next(iter(wanted))
        out = []
        for tie in self._by_member.get(some, ()):
            if kind is not None and tie.kind != kind:
                continue
            have = tie.members_on(on) if on is not None else tie.member_ids
            if set(have) == wanted:
                out.append(tie)
        return out

    def budgets_of(self, state: str) -> list[Budget]:
        """A state's budget figures, in fiscal-year order."""
        return sorted((b for b in self.budgets if b.state == state), key=lambda b: b.fiscal_year)

    def posture_on(self, on: str) -> list[Posture]:
        """Posture rows dated on or before `on` (first day of partial dates)."""
        day = first_day(on)
        return [p for p in self.posture if first_day(p.date) <= day]
