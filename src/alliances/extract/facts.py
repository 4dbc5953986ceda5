"""Turn one document's Extraction into store records: actors, mentions and facts with spans."""

from __future__ import annotations

from dataclasses import asdict

from alliances import __version__
from alliances.extract.model import Extraction
from alliances.facts import ActorRecord, Fact, MentionRecord

PRODUCER = "alliances.extract"


def extraction_records(
    extraction: Extraction,
) -> tuple[list[ActorRecord], list[MentionRecord], list[Fact]]:
    actors = [ActorRecord(a.id, a.kind, a.name) for a in extraction.actors]
    mentions = [
        MentionRecord(a.id, m.start, m.end, m.text) for a in extraction.actors for m in a.mentions
    ]
    document_id = extraction.document.id
    published = extraction.document.published_date
    facts = []
    for kind, items in (
        ("quantity", extraction.quantities),
        ("claim", extraction.claims),
        ("tie", extraction.ties),
        ("event", extraction.events),
    ):
        for item in items:
            arguments = {k: v for k, v in asdict(item).items() if k not in ("start", "end", "text")}
            date = arguments.get("date")
            facts.append(
                Fact(
                    kind=kind,
                    arguments=arguments,
                    producer=PRODUCER,
                    producer_version=__version__,
                    confidence=arguments.pop("confidence", 0.8),
                    valid_from=date or published,
                    valid_from_precision=arguments.get("precision")
                    if date
                    else ("day" if published else None),
                    document_id=document_id,
                    start=item.start,
                    end=item.end,
                    span_text=item.text,
                )
            )
    return actors, mentions, facts
