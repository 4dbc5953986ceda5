"""What a load wrote: the dataset record (version, citation, coverage) and how many facts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from alliances import __version__
from alliances.facts import Fact
from alliances.store import Store

PRODUCER_VERSION = __version__


@dataclass(frozen=True)
class Loaded:
    """The outcome of one load, as recorded in the store's `datasets` table."""

    dataset: str
    version: str | None
    citation: str
    source: str
    coverage: dict = field(default_factory=dict)
    facts: int = 0


def save(
    store: Store,
    dataset: str,
    version: str | None,
    citation: str,
    source: str,
    coverage: dict,
    facts: Iterable[Fact] = (),
) -> Loaded:
    """Replace the dataset's record and facts in one transaction (all or nothing)."""
    count = store.replace_dataset(dataset, version, citation, source, coverage, facts)
    return Loaded(dataset, version, citation, source, coverage, count)
