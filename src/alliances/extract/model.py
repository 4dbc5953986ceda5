"""What extraction produces: the items of schema `alliances.extraction/1`.

The contract is ../shared/eval/SCHEMA.md.

Every item keeps its character span: `document.text[start:end] == item.text`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from alliances.documents import Document

SCHEMA = "alliances.extraction/1"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Actor:
    id: str
    kind: str  # state | organisation | person | place
    name: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Quantity:
    kind: str  # money | percent | percent_gdp | count
    value: float
    unit: str
    bound: str  # exact | more_than | less_than | about | up_to
    period: str | None
    actor: str | None
    start: int
    end: int
    text: str
    measure: str | None = None  # defence_budget, troops_stationed, ... where the sentence says


@dataclass
class Claim:
    speaker: str | None
    cue: str
    kind: str  # quote | attributed
    start: int
    end: int
    text: str
    date: str | None = None
    precision: str | None = None


@dataclass
class Tie:
    kind: str  # alliance | grouping | agreement | partnership
    name: str
    members: list[str]
    start: int
    end: int
    text: str
    reference: str | None = None  # id in the bundled reference, when the tie is a known one


@dataclass
class Event:
    source: str | None
    target: str | None
    type: str  # PLOVER 2.0 event type
    date: str | None
    precision: str | None
    start: int
    end: int
    text: str
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    negated: bool = False
    modality: str | None = None  # None when the event is reported as done


@dataclass
class Extraction:
    """One document's extraction, serialisable to the schema."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "schema": SCHEMA,
            "document": self.document.metadata(),
            "text": self.document.text,
            "actors": [asdict(a) for a in self.actors],
            "quantities": [asdict(q) for q in self.quantities],
            "claims": [asdict(c) for c in self.claims],
            "ties": [asdict(t) for t in self.ties],
            "events": [asdict(e) for e in self.events],
        }
