"""Loaders for structured data sets: each validates its input whole, records coverage, version
and citation in the store's `datasets` table, and writes all or nothing.

- `load_atop(store, directory)`: ATOP 5.1 alliance phases as tie facts (dataset 'atop').
- `load_nmc(store, file)`: COW NMC v7 state-year capabilities as quantity facts ('nmc').
- `load_sipri(store, file)`: SIPRI military expenditure (workbook or CSV) as quantity facts.
- `load_gdelt(store, files)`: GDELT 1.0/2.0 exports into monthly Parquet parts ('gdelt');
  `gdelt_connection(store)` queries them with DuckDB.
- `load_ties(store, file)`: a CSV of ties as tie facts ('ties:<file name>').
- `panel(store, measure)`: a state-year pandas table of a loaded measure (see MEASURES).
Bad input raises `LoadError` (a ValueError) naming the file, line and column.
"""

from alliances.loaders.atop import load_atop
from alliances.loaders.gdelt import connect as gdelt_connection
from alliances.loaders.gdelt import events_folder, load_gdelt
from alliances.loaders.nmc import load_nmc
from alliances.loaders.panel import panel
from alliances.loaders.quantities import MEASURES
from alliances.loaders.reading import LoadError
from alliances.loaders.record import Loaded
from alliances.loaders.sipri import load_sipri
from alliances.loaders.ties import load_ties

__all__ = [
    "MEASURES",
    "LoadError",
    "Loaded",
    "events_folder",
    "gdelt_connection",
    "load_atop",
    "load_gdelt",
    "load_nmc",
    "load_sipri",
    "load_ties",
    "panel",
]
