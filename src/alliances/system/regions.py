"""Regions (package data `data/regions/regions.yaml`): member states and each hub's spokes.

>>> r = get("indo-pacific")
>>> "JPN" in r.members, r.spokes_of("USA")[:3]
(True, ('JPN', 'KOR', 'AUS'))
>>> get("transatlantic").name, get("europe").spokes_of("USA") is None
('europe', True)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib.resources import files

import yaml


@dataclass(frozen=True)
class Region:
    name: str
    title: str
    members: frozenset[str]
    spokes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def spokes_of(self, hub: str) -> tuple[str, ...] | None:
        """The hub's fixed spoke list, or None when spokes follow the hub's alliances."""
        return self.spokes.get(hub)


@functools.cache
def load() -> dict[str, Region]:
    """All regions by name; an alias (`same_as`) maps to the region it names."""
    raw = yaml.safe_load(files("alliances").joinpath("data/regions/regions.yaml").read_text())
    regions = {
        name: Region(
            name=name,
            title=row["title"],
            members=frozenset(row["members"]),
            spokes={hub: tuple(s) for hub, s in (row.get("spokes") or {}).items()},
        )
        for name, row in raw.items()
        if "same_as" not in row
    }
    regions.update({n: regions[r["same_as"]] for n, r in raw.items() if "same_as" in r})
    return regions


def get(name: str) -> Region:
    regions = load()
    if name not in regions:
        raise ValueError(f"unknown region {name!r}; known: {', '.join(sorted(regions))}")
    return regions[name]
