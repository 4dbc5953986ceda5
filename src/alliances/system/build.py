"""Build the system from its sources: the bundled reference and a knowledge store.

From the store: dataset tie facts (ATOP, ties CSVs) with their coverage, tie and event facts
extracted from documents, GDELT events, and state-year values (NMC, SIPRI). Each tie source's
coverage (first and last year) is kept, so a value outside every such coverage reads as unknown.
"""

from __future__ import annotations

import json

from alliances import reference as reference_data
from alliances.loaders import gdelt_connection
from alliances.store import Store
from alliances.system.graph import Coverage, System
from alliances.system.sources import (
    fact_events,
    fact_ties,
    gdelt_events,
    merge,
    reference_ties,
)

# The bundled reference covers the Indo-Pacific and transatlantic systems from 1947 to 2026.
REFERENCE_COVERAGE = (1947, 2026)


def dataset_coverage(store: Store) -> Coverage:
    """Dataset -> (first year, last year), from the coverage each loader recorded."""
    coverage = {}
    for row in store.datasets():
        years = json.loads(row["coverage"]).get("years")
        if years:
            coverage[row["name"]] = (int(years[0]), int(years[-1]))
    return coverage


def build_system(
    store: Store | None = None, reference: bool | reference_data.Reference = True
) -> System:
    """The system from a reference and `store`.

    `reference` is True for the bundled reference, False for none, or a `Reference` of one's own
    (`alliances.reference.load_dir`).
    """
    primary, corroborating, events = [], [], []
    coverage: Coverage = {}
    if reference is not False:
        data = reference_data.load() if reference is True else reference
        primary += reference_ties(data)
        coverage["reference"] = REFERENCE_COVERAGE
    if store is not None:
        datasets = dataset_coverage(store)
        tie_facts = store.facts(kind="tie")
        ends = {name: last for name, (_, last) in datasets.items()}
        citations = {row["name"]: row["citation"] for row in store.datasets()}
        primary += fact_ties([f for f in tie_facts if f.dataset is not None], ends, citations)
        corroborating += fact_ties([f for f in tie_facts if f.dataset is None])
        events += fact_events(store.facts(kind="event"))
        if any(row["name"] == "gdelt" for row in store.datasets()):
            events += gdelt_events(gdelt_connection(store))
        used = {f.dataset for f in tie_facts if f.dataset is not None}
        coverage.update({name: span for name, span in datasets.items() if name in used})
    return System(merge(primary, corroborating), events, coverage)
