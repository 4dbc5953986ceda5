"""Loaders for structured data sets: each validates its file, records coverage, version and
citation in the store's `datasets` table, and writes its facts all or nothing.

- `load_atop(store, directory)`: ATOP 5.1 alliances as tie facts (dataset 'atop').
"""

from alliances.loaders.atop import load_atop
from alliances.loaders.reading import LoadError
from alliances.loaders.record import Loaded

__all__ = ["LoadError", "Loaded", "load_atop"]
