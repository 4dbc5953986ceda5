"""The actors gazetteer: states, organisations, people with dated roles, and places.

`load()` reads the bundled data once per process and returns a `Gazetteer`.
"""

from __future__ import annotations

from functools import cache

from alliances.gazetteer.loading import GazetteerError, read_entries, read_generic_organs
from alliances.gazetteer.model import KINDS, ROLES, Entry, Role

__all__ = ["KINDS", "ROLES", "Entry", "Gazetteer", "GazetteerError", "Role", "load"]


class Gazetteer:
    """Entries by id, with role look-up by date.

    `generic_organs` are names of government organs that any state has ("Defense Ministry");
    they belong to no entry and are resolved to a state in context.
    """

    def __init__(self, entries: list[Entry], generic_organs: tuple[str, ...] = ()) -> None:
        self.entries: dict[str, Entry] = {e.id: e for e in entries}
        self.generic_organs = generic_organs
        self._holders: dict[tuple[str, str], list[tuple[Role, Entry]]] = {}
        for entry in entries:
            for role in entry.roles:
                key = (role.role, role.state or role.org or "")
                self._holders.setdefault(key, []).append((role, entry))

    def get(self, actor_id: str) -> Entry | None:
        return self.entries.get(actor_id)

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self.entries

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == kind]

    def role_holder(self, role: str, state: str, date: str, to: str | None = None) -> Entry | None:
        """Who held `role` for `state` (a state id or an org id) on `date` (YYYY-MM-DD).

        `to` narrows ambassadors to a host state. None when nobody in the gazetteer did, or
        when the records disagree (two holders).
        """
        holders = {
            e.id: e
            for r, e in self._holders.get((role, state), ())
            if r.holds_on(date) and (to is None or r.to == to)
        }
        return next(iter(holders.values())) if len(holders) == 1 else None


@cache
def load() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    return Gazetteer(read_entries(), read_generic_organs())
