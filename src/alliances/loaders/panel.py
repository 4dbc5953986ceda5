"""State-year panels of loaded values, for metrics: `panel(store, "cinc")` -> pandas DataFrame.

One row per state, year and source dataset: columns actor (ISO3 or `cow:<ccode>`), ccode, year,
value (float; NaN where the source has the state-year but not the value), unit and dataset.
State-years outside a source's coverage are absent, not 0. `DataFrame.attrs` carries the unit of
analysis, the measure, and each source's coverage, version and citation.
"""

from __future__ import annotations

import json

import pandas as pd

from alliances.loaders.quantities import MEASURES
from alliances.store import Store

COLUMNS = ["actor", "ccode", "year", "value", "unit", "dataset"]


def panel(store: Store, measure: str, dataset: str | None = None) -> pd.DataFrame:
    """A state-year table of `measure` (a key of MEASURES) from every loaded source, or one.

    >>> panel(store, "milex_share_gdp", dataset="sipri")  # doctest: +SKIP
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; known: {', '.join(MEASURES)}")
    query = (
        "SELECT json_extract(arguments, '$.actor') AS actor, "
        "json_extract(arguments, '$.ccode') AS ccode, "
        "CAST(json_extract(arguments, '$.period') AS INTEGER) AS year, "
        "json_extract(arguments, '$.value') AS value, "
        "json_extract(arguments, '$.unit') AS unit, dataset "
        "FROM facts WHERE kind = 'quantity' AND dataset IS NOT NULL "
        "AND json_extract(arguments, '$.measure') = ?"
    )
    params: list = [measure]
    if dataset is not None:
        query += " AND dataset = ?"
        params.append(dataset)
    rows = store.db.execute(query + " ORDER BY actor, year, dataset", params).fetchall()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=COLUMNS)
    frame = frame.astype({"actor": "string", "ccode": "Int64", "year": "int64", "value": "float64"})
    sources = {r["name"]: r for r in store.datasets() if r["name"] in set(frame["dataset"])}
    frame.attrs = {
        "unit_of_analysis": "state-year",
        "measure": measure,
        "description": MEASURES[measure].description,
        "sources": {
            name: {
                "version": r["version"],
                "citation": r["citation"],
                "coverage": json.loads(r["coverage"]),
            }
            for name, r in sources.items()
        },
    }
    return frame
