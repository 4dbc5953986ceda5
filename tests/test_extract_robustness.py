"""The full default pipeline on arbitrary text: nothing raises, every span is exact.

Hypothesis mixes free unicode with the material extraction reacts to (actor names, cue verbs,
quotation marks, hyphen chains, numbers, currency signs, dates, empty lines), so the patterns
fire on broken and adversarial shapes, not only on tidy prose.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliances.documents import Document
from alliances.extract import extract

FRAGMENTS = [
    "Japan", "the US", "U.S.", "Japan-US-India-Australia", "Prime Minister Ishiba", "Kishida",
    "NATO", "the Pentagon", "Tokyo", "analysts", "he", "it", "the two countries", "said",
    "stated that", "according to", "has declared that", "vowed to", "proposed a plan to",
    "expressing a desire to", "announced", ":", ",", ".", ";", "“", "”", '"', "'", "’", "‘",
    "-", "–", "—", "(", ")", "$", "US$", "¥", "€", "£", "A$", "JPY", "5.4", "10", "1,000",
    "trillion", "billion", "bn", "%", "2% of GDP", "troops", "Marines", "FY 2027", "fiscal 2023",
    "In December 2022", "This June", "On November 11", "next five years", "more than",
    "nearly", "up to", "\n", "\n\n", " ", "  ", "\t", "é", "日本", "🙂", "\u200b", "\u00a0",
]  # fmt: skip

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map(
    lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts)
)


def assert_spans(text: str, items, what: str) -> None:
    for item in items:
        assert 0 <= item.start <= item.end <= len(text), (what, item)
        assert text[item.start : item.end] == item.text, (what, item)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.sampled_from([None, "2024-11-28", "2023-01-05T10:00:00"]))
def test_pipeline_never_raises_and_spans_are_exact(text: str, published: str | None) -> None:
    extraction = extract(Document(text=text, published=published))
    for actor in extraction.actors:
        assert_spans(text, actor.mentions, f"mentions of {actor.id}")
    assert_spans(text, extraction.quantities, "quantities")
    assert_spans(text, extraction.claims, "claims")
    assert_spans(text, extraction.ties, "ties")
    assert_spans(text, extraction.events, "events")
    actor_ids = {actor.id for actor in extraction.actors}
    for claim in extraction.claims:
        assert claim.kind in ("quote", "attributed")
        assert claim.speaker is None or claim.speaker in actor_ids, claim
    extraction.to_json()
