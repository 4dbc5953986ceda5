"""The bundled reference of the alliance system: treaties, agreements, groupings, partnerships,
US force posture and official defence budgets, every row with a source URL and a citation.

`load()` reads the package data once per process; `load_dir(path)` reads another directory of
the same YAML files (tests, user extensions); `validate(reference)` lists any problems.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from alliances.reference.index import Reference, alias_key
from alliances.reference.loading import ReferenceDataError, read_dir
from alliances.reference.model import (
    OBLIGATIONS,
    TIE_KINDS,
    ActiveTie,
    Basing,
    Budget,
    Membership,
    Posture,
    Source,
    Tie,
)
from alliances.reference.validate import validate

__all__ = [
    "OBLIGATIONS",
    "TIE_KINDS",
    "ActiveTie",
    "Basing",
    "Budget",
    "Membership",
    "Posture",
    "Reference",
    "ReferenceDataError",
    "Source",
    "Tie",
    "alias_key",
    "load",
    "load_dir",
    "validate",
]

DATA_DIR = Path(str(files("alliances") / "data" / "reference"))


def load_dir(directory: Path | str) -> Reference:
    """The reference held in a directory of reference YAML files (not cached)."""
    ties, posture, budgets = read_dir(Path(directory))
    return Reference(ties=ties, posture=posture, budgets=budgets)


@cache
def load() -> Reference:
    """The bundled reference, read once per process."""
    return load_dir(DATA_DIR)
