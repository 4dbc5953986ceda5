"""One call from a question to yearly rows: `metrics(store, family, hub, ...)`.

This is what `Alliances.metrics` and `alliances metrics` run: build the system once from the
bundled reference and the store, then compute one metric family for every year.
"""

from __future__ import annotations

from collections.abc import Sequence

from alliances.reference import Reference
from alliances.store import Store
from alliances.system.build import build_system
from alliances.system.model import LAYERS, SECURITY_LAYERS
from alliances.system.regions import get as get_region
from alliances.system.series import Scope, family_series
from alliances.system.values import Values


def metrics(
    store: Store | None,
    family: str,
    hub: str,
    region: str | None = None,
    first: int = 1946,
    last: int = 2026,
    spokes: Sequence[str] | None = None,
    layers: Sequence[str] = SECURITY_LAYERS,
    obligations: Sequence[str] | None = None,
    reference: bool | Reference = True,
    capability: str = "cinc",
) -> list[dict]:
    """Yearly rows of `family` for `hub` from `first` to `last` (inclusive).

    Spokes are `spokes` when given, else the region's list for the hub, else the hub's alliance
    partners (in the region) each year. `layers` are the tie layers measured (each, and
    combined); `obligations` keeps only ties carrying one of them (e.g. ["defense"]);
    `capability` (cinc | spending) is what the asymmetry family's capability ratio compares.
    """
    if first > last:
        raise ValueError(f"--from {first} is after --to {last}")
    unknown = sorted(set(layers) - set(LAYERS))
    if unknown:
        raise ValueError(f"unknown layer(s) {', '.join(unknown)}; known: {', '.join(LAYERS)}")
    area = get_region(region) if region else None
    if spokes is None and area is not None:
        spokes = area.spokes_of(hub)
    scope = Scope(
        hub=hub,
        spokes=tuple(spokes) if spokes is not None else None,
        region=area,
        layers=tuple(layers),
        obligations=tuple(obligations) if obligations else None,
    )
    system = build_system(store, reference=reference)
    values = Values.from_store(store) if store is not None else Values()
    return family_series(family, system, values, scope, range(first, last + 1), capability)
