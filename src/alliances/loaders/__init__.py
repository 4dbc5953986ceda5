"""Loaders for structured data sets: each validates its file, records coverage, version and
citation in the store's `datasets` table, and writes its facts all or nothing.

- `load_atop(store, directory)`: ATOP 5.1 alliances as tie facts (dataset 'atop').
- `load_nmc(store, file)`: COW NMC v7 state-year capabilities as quantity facts ('nmc').
- `load_sipri(store, file)`: SIPRI military expenditure (workbook or CSV) as quantity facts.
- `panel(store, measure)`: a state-year pandas table of a loaded measure (see MEASURES).
"""

from alliances.loaders.atop import load_atop
from alliances.loaders.nmc import load_nmc
from alliances.loaders.panel import panel
from alliances.loaders.quantities import MEASURES
from alliances.loaders.reading import LoadError
from alliances.loaders.record import Loaded
from alliances.loaders.sipri import load_sipri

__all__ = ["MEASURES", "LoadError", "Loaded", "load_atop", "load_nmc", "load_sipri", "panel"]
