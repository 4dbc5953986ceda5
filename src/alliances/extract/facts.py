"""Turn one document's Extraction into store records: actors, mentions and facts with spans.

Every quantity, claim, tie and event becomes one Fact whose provenance is its exact span
(`document_id`, `start`, `end`, `span_text`). When it holds (`valid_from` and its precision):
- an event's or claim's own date ("On November 11, ..."), at the date's precision;
- a quantity's period: "FY2027" and "2024" at year precision, "2023-06" at month, a full
  date at day;
- otherwise the publication day: the fact is known to hold as of then.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from alliances import __version__
from alliances.extract.model import Extraction
from alliances.facts import ActorRecord, Fact, MentionRecord

PRODUCER = "alliances.extract"
DEFAULT_CONFIDENCE = 0.8
_PERIOD = re.compile(r"(?:FY\s?)?(?P<value>\d{4}(?:-\d{2}(?:-\d{2})?)?)")
_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


def period_start(period: str | None) -> tuple[str, str] | None:
    """A quantity period as (value, precision): 'FY2027' -> ('2027', 'year'); else None."""
    match = _PERIOD.fullmatch(period or "")
    if match is None:
        return None
    value = match.group("value")
    return value, _PRECISION_BY_LENGTH[len(value)]


def valid_from(kind: str, arguments: dict, published: str | None) -> tuple[str | None, str | None]:
    """When an extracted item holds: its own date, its period, or the publication day."""
    if kind in ("event", "claim") and arguments.get("date"):
        return arguments["date"], arguments.get("precision")
    if kind == "quantity":
        period = period_start(arguments.get("period"))
        if period:
            return period
    return (published, "day") if published else (None, None)


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
            when, precision = valid_from(kind, arguments, published)
            confidence = arguments.pop("confidence", None)
            facts.append(
                Fact(
                    kind=kind,
                    arguments=arguments,
                    producer=PRODUCER,
                    producer_version=__version__,
                    confidence=DEFAULT_CONFIDENCE if confidence is None else confidence,
                    valid_from=when,
                    valid_from_precision=precision,
                    document_id=document_id,
                    start=item.start,
                    end=item.end,
                    span_text=item.text,
                )
            )
    return actors, mentions, facts
