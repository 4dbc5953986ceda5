"""The story the demo prints and the report tells, as plain data from one knowledge base:

1. hub-and-spoke: the hub's spoke–spoke density by layer, year by year;
2. the US–Japan asymmetry: obligations held by one side only, one-way basing, equality index;
3. burden: spending as a share of GDP where spending data is loaded, and the defence budgets
   of the bundled reference (national currencies, each figure sourced);
4. the top facts extracted from documents, each with its words and its document.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliances import reference
from alliances.store import Store
from alliances.system.query import metrics
from alliances.system.regions import get as get_region
from alliances.web.present import amount, describe

STORY_YEARS = (1951, 1955, 1965, 1975, 1990, 2000, 2010, 2017, 2021, 2023, 2025)
FACTS_PER_KIND = 3


@dataclass
class Story:
    hub: str
    spoke: str
    region: str
    first: int
    last: int
    structure: list[dict]  # metrics rows, family structure
    asymmetry: list[dict]  # metrics rows of the hub–spoke dyad
    burden: list[dict]  # metrics rows, family burden
    budgets: list[dict]  # the reference's budget series, first and latest figure per state
    facts: list[dict]  # top extracted facts with their sources

    @property
    def region_title(self) -> str:
        return get_region(self.region).title

    def hub_and_spoke(self, years=STORY_YEARS) -> list[dict]:
        """D_ss per layer for the story's years (one row a year)."""
        rows = []
        for year in years:
            cells = {r["layer"]: r["spoke_density"] for r in self.structure if r["year"] == year}
            if cells:
                rows.append({"year": year, **cells})
        return rows

    def dyad(self, years=STORY_YEARS) -> list[dict]:
        """The hub–spoke asymmetry for the story's years."""
        return [r for r in self.asymmetry if r["year"] in years]

    def shares(self) -> tuple[int | None, list[dict]]:
        """The latest year with a known share of GDP, and its rows."""
        known = [r for r in self.burden if r["share_of_gdp"] is not None]
        latest = max((r["year"] for r in known), default=None)
        return latest, [r for r in self.burden if r["year"] == latest]


def tell(
    store: Store,
    hub: str = "USA",
    spoke: str = "JPN",
    region: str = "indo-pacific",
    first: int = 1946,
    last: int = 2026,
) -> Story:
    """Gather the story from `store` (and the bundled reference)."""
    options = {"region": region, "first": first, "last": last}
    return Story(
        hub=hub,
        spoke=spoke,
        region=region,
        first=first,
        last=last,
        structure=metrics(store, "structure", hub, **options),
        asymmetry=[r for r in metrics(store, "asymmetry", hub, **options) if r["spoke"] == spoke],
        burden=metrics(store, "burden", hub, **options),
        budgets=budget_changes(),
        facts=top_facts(store),
    )


def budget_changes() -> list[dict]:
    """Per state in the reference: its first and latest budget figure and the change."""
    data = reference.load()
    rows = []
    for state in sorted({b.state for b in data.budgets}):
        series = data.budgets_of(state)
        first, latest = series[0], series[-1]
        rows.append(
            {
                "state": state,
                "from": first.fiscal_year,
                "first": amount(first.amount, first.currency),
                "to": latest.fiscal_year,
                "latest": amount(latest.amount, latest.currency),
                "change": f"{latest.amount / first.amount - 1:+.0%}",
                "source": "; ".join(s.citation for s in latest.sources),
            }
        )
    return rows


def top_facts(store: Store, per_kind: int = FACTS_PER_KIND) -> list[dict]:
    """The most specific, then most confident, facts of each kind, with their sources."""
    documents = {r["id"]: r for r in store.documents()}
    names = {r["id"]: r["name"] for r in store.actors()}
    rows = []
    for kind in ("quantity", "claim", "tie", "event"):
        facts = [f for f in store.facts(kind=kind) if f.document_id in documents]
        facts.sort(key=lambda f: (-_specificity(f), -f.confidence, f.document_id, f.start))
        for fact in facts[:per_kind]:
            document = documents[fact.document_id]
            rows.append(
                {
                    "kind": kind,
                    "fact": describe(fact, lambda a: names.get(a, a)),
                    "words": fact.span_text,
                    "document": fact.document_id.removeprefix("sha256:"),
                    "title": document["title"],
                    "source": document["source"],
                    "published": (document["published"] or "")[:10] or None,
                }
            )
    return rows


def _specificity(fact) -> int:
    """How much a fact pins down: whose, what measure, who said it, between whom."""
    a = fact.arguments
    return sum(
        bool(x)
        for x in (
            a.get("actor"),
            a.get("measure"),
            a.get("kind") == "money",
            a.get("speaker"),
            len(a.get("members") or []) > 1,
            a.get("source"),
            a.get("target"),
        )
    )
