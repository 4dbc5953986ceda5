"""The alliance system at any date: a multiplex graph built from every source, and its exports.

`build_system(store)` merges the bundled reference with a store's loaded data sets and extracted
facts once; `System.at(date)` cuts it at a date (cheap: use it for yearly series);
`snapshot(date)` does both. `alliances.system.series` computes the metric families per year.
"""

from __future__ import annotations

import datetime as dt

from alliances.reference import Reference
from alliances.store import Store
from alliances.system.build import build_system
from alliances.system.export import to_json, to_networkx, write_gexf, write_graphml
from alliances.system.graph import Snapshot, System
from alliances.system.model import LAYERS, SECURITY_LAYERS, TIE_LAYERS
from alliances.system.regions import Region
from alliances.system.regions import get as get_region


def snapshot(
    date: str | int | dt.date,
    region: str | None = None,
    store: Store | None = None,
    reference: bool | Reference = True,
    layers: tuple[str, ...] = LAYERS,
) -> Snapshot:
    """The system at `date` (YYYY, YYYY-MM or YYYY-MM-DD), within `region` when given."""
    members = get_region(region).members if region else None
    return build_system(store, reference).at(date, members=members, layers=layers)


__all__ = [
    "LAYERS",
    "SECURITY_LAYERS",
    "TIE_LAYERS",
    "Region",
    "Snapshot",
    "System",
    "build_system",
    "get_region",
    "snapshot",
    "to_json",
    "to_networkx",
    "write_gexf",
    "write_graphml",
]
