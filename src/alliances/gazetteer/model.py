"""The gazetteer's records: actors (states, organisations, people, places) and dated roles."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("state", "organisation", "person", "place")
ROLES = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "secretary_general",
    "ambassador",
    "party_leader",
    "official",
)


@dataclass(frozen=True)
class Role:
    """A position held over a period: `start` and `end` are ISO dates; `end` None means current.

    `state` is the state served (for an ambassador: the sending state, `to` the host state);
    `org` the organisation served (NATO for its Secretary-General, org:ldp for a party post).
    """

    role: str
    start: str
    end: str | None = None
    state: str | None = None
    org: str | None = None
    to: str | None = None
    title: str | None = None
    note: str | None = None  # caveats, e.g. a date known only to the month

    def holds_on(self, day: str) -> bool:
        """True when the role is held on `day` (YYYY-MM-DD), start inclusive, end exclusive."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Entry:
    """One actor: its canonical id, kind and name, and the surface forms that refer to it.

    `aliases` holds every form matched in text (names, acronyms, demonyms, metonyms, organs of
    government); the other fields keep what each form is, for users of the data.
    """

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    official: str | None = None
    cow: int | None = None
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    un_member: bool = False
    historical: bool = False
    type: str | None = None
    members: tuple[str, ...] = ()
    surname: str | None = None
    surname_alone: bool = True
    roles: tuple[Role, ...] = field(default=())

    @property
    def forms(self) -> tuple[str, ...]:
        """Every surface form, the name first."""
        seen = dict.fromkeys((self.name, *self.aliases))
        return tuple(seen)
