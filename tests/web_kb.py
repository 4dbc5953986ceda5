"""A small knowledge base for the dashboard tests, written through the real Store."""

from __future__ import annotations

from pathlib import Path

from alliances.documents import Document
from alliances.facts import ActorRecord, Fact, MentionRecord
from alliances.store import Store

TEXT = (
    "Japan plans to raise its defence budget from JPY 5.4 trillion in FY 2022.\n"
    "<script>alert('x')</script> & other markup stays text.\n"
    'Shigeru Ishiba said that "the Japan-US alliance must become more equal".\n'
    "The United States and Japan held security consultations in Tokyo on 2024-07-28.\n"
)
ACTORS = [
    ActorRecord("JPN", "state", "Japan"),
    ActorRecord("USA", "state", "United States"),
    ActorRecord("person:shigeru-ishiba", "person", "Shigeru Ishiba"),
]


def span(phrase: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


def fact(document: Document, kind: str, phrase: str, valid_from: str, arguments: dict) -> Fact:
    start, end = span(phrase)
    return Fact(
        kind=kind,
        arguments=arguments,
        producer="tests",
        producer_version="1",
        valid_from=valid_from,
        valid_from_precision="day",
        document_id=document.id,
        start=start,
        end=end,
        span_text=TEXT[start:end],
    )


def build(path: Path) -> Document:
    """Write the test knowledge base to `path`; returns its one document."""
    document = Document(
        text=TEXT,
        title="Test article <b>on the alliance</b>",
        source="Test Source",
        authors=("A. Writer",),
        published="2024-11-28",
        path="/tmp/test_article.txt",
    )
    mentions = [
        MentionRecord("JPN", *span("Japan"), "Japan"),
        MentionRecord("person:shigeru-ishiba", *span("Shigeru Ishiba"), "Shigeru Ishiba"),
        MentionRecord("USA", *span("United States"), "United States"),
        MentionRecord("JPN", *span("Japan", 2), "Japan"),
    ]
    claim = 'Shigeru Ishiba said that "the Japan-US alliance must become more equal"'
    facts = [
        fact(
            document,
            "quantity",
            "JPY 5.4 trillion",
            "2022-04-01",
            {
                "kind": "money",
                "value": 5.4e12,
                "unit": "JPY",
                "bound": "exact",
                "period": "FY2022",
                "actor": "JPN",
                "measure": "defence_budget",
            },
        ),
        fact(
            document,
            "claim",
            claim,
            "2024-11-28",
            {"speaker": "person:shigeru-ishiba", "cue": "said", "kind": "quote"},
        ),
        fact(
            document,
            "tie",
            "Japan-US alliance",
            "2024-11-28",
            {"kind": "alliance", "name": "US-Japan alliance", "members": ["JPN", "USA"]},
        ),
        fact(
            document,
            "event",
            "held security consultations",
            "2024-07-28",
            {"source": "USA", "target": "JPN", "type": "CONSULT"},
        ),
    ]
    with Store(path) as store:
        store.add_document(document, ACTORS, mentions, facts)
    return document
