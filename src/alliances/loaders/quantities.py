"""State-year values (capabilities, spending) as quantity facts, and the measures they use.

Decision: state-year values live in the facts table as `quantity` facts with dataset provenance,
not in a table of their own. They are then facts like any other (bi-temporal, with a source row,
replaced all or nothing with their dataset, visible to snapshots and exports), and no migration is
needed. `alliances.loaders.panel` reads them back as a pandas state-year table.

Arguments of each fact: `actor` (ISO3 or `cow:<ccode>`), `ccode`, `measure` (a key of MEASURES),
`value` in the measure's base unit, or None where the source has the row but not the value
(missing is not 0), `unit`, `period` ('YYYY'); SIPRI's constant-price series add `price_year`.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliances.facts import Fact
from alliances.loaders.record import PRODUCER_VERSION


@dataclass(frozen=True)
class Measure:
    name: str
    unit: str
    description: str


MEASURES = {
    m.name: m
    for m in (
        Measure("milex_current_usd", "USD", "military expenditure, current US dollars"),
        Measure("milex_constant_usd", "USD", "military expenditure, constant US dollars"),
        Measure("milex_share_gdp", "percent_gdp", "military expenditure, percent of GDP"),
        Measure("milper", "persons", "military personnel"),
        Measure("irst", "tonnes", "iron and steel production"),
        Measure("pec", "tonnes_coal_equivalent", "primary energy consumption"),
        Measure("tpop", "persons", "total population"),
        Measure("upop", "persons", "urban population (cities of 100,000 and more)"),
        Measure("cinc", "share", "Composite Index of National Capability (share of system total)"),
    )
}


def quantity_fact(
    dataset: str,
    actor: str,
    ccode: int | None,
    measure: str,
    value: float | None,
    year: int,
    row: str,
    **extra: object,
) -> Fact:
    """One state-year value as a quantity fact valid for that year."""
    period = f"{year:04d}"
    return Fact(
        kind="quantity",
        arguments={
            "actor": actor,
            "ccode": ccode,
            "measure": measure,
            "value": value,
            "unit": MEASURES[measure].unit,
            "period": period,
            **extra,
        },
        producer=f"alliances.loaders.{dataset}",
        producer_version=PRODUCER_VERSION,
        valid_from=period,
        valid_from_precision="year",
        valid_to=period,
        valid_to_precision="year",
        dataset=dataset,
        dataset_row=row,
    )
