"""State-year values the measures need (CINC, military spending, share of GDP), with their source.

Read from the quantity facts that `alliances load nmc|sipri` writes (`alliances.loaders.panel`).
Where several datasets give a measure, the first in PREFERENCE wins for that state-year, and the
value keeps the name of its dataset. A state-year no dataset has is None: unknown, not 0.
"""

from __future__ import annotations

from alliances.loaders.panel import panel
from alliances.store import Store

MEASURES = ("cinc", "milex_current_usd", "milex_share_gdp")
PREFERENCE = ("sipri", "nmc")


class Values:
    """`get(measure, actor, year)` -> (value, dataset), or (None, None) when unknown."""

    def __init__(self, table: dict[tuple[str, str, int], tuple[float, str]] | None = None) -> None:
        self.table = dict(table or {})

    @classmethod
    def from_store(cls, store: Store) -> Values:
        table: dict[tuple[str, str, int], tuple[float, str]] = {}
        rank = {d: i for i, d in enumerate(PREFERENCE)}
        for measure in MEASURES:
            frame = panel(store, measure).dropna(subset=["value"])
            order = frame["dataset"].map(lambda d: rank.get(d, len(rank)))
            frame = frame.iloc[order.to_numpy().argsort(kind="stable")[::-1]]  # best rank last
            actors, years = frame["actor"], frame["year"].astype(int)
            keys = zip([measure] * len(frame), actors, years, strict=True)
            values = zip(frame["value"].astype(float), frame["dataset"], strict=True)
            table.update(zip(keys, values, strict=True))
        return cls(table)

    def get(self, measure: str, actor: str, year: int) -> tuple[float | None, str | None]:
        return self.table.get((measure, actor, year), (None, None))

    def gdp(self, actor: str, year: int) -> tuple[float | None, str | None]:
        """GDP implied by spending and its share of GDP (percent): ME / (share / 100)."""
        milex, source = self.get("milex_current_usd", actor, year)
        share, share_source = self.get("milex_share_gdp", actor, year)
        if milex is None or not share or source != share_source:
            return None, None
        return milex / (share / 100), source
