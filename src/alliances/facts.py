"""Facts and the records they hang on.

The Fact: one assertion (tie, event, quantity or claim) with when it holds and where it is from.

Facts are bi-temporal: `valid_from`/`valid_to` say when the assertion holds in the world (with a
precision), `recorded_at` when we learned it. Provenance is either a document span
(`document_id`, `start`, `end`, `span_text`) or a dataset row (`dataset`, `dataset_row`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields

FACT_KINDS = ("tie", "event", "quantity", "claim")
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class Fact:
    kind: str
    arguments: dict
    producer: str
    producer_version: str
    confidence: float = 1.0
    valid_from: str | None = None
    valid_from_precision: str | None = None
    valid_to: str | None = None
    valid_to_precision: str | None = None
    document_id: str | None = None
    start: int | None = None
    end: int | None = None
    span_text: str | None = None
    dataset: str | None = None
    dataset_row: str | None = None
    recorded_at: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in FACT_KINDS:
            raise ValueError(f"fact kind {self.kind!r} is not one of {FACT_KINDS}")
        for precision in (self.valid_from_precision, self.valid_to_precision):
            if precision is not None and precision not in PRECISIONS:
                raise ValueError(f"precision {precision!r} is not one of {PRECISIONS}")
        if not 0 <= self.confidence <= 1:
            raise ValueError(f"confidence {self.confidence} is outside [0, 1]")
        has_span = self.document_id is not None and self.start is not None and self.end is not None
        if not has_span and self.dataset is None:
            raise ValueError("a fact needs a provenance: a document span or a dataset row")

    @property
    def fingerprint(self) -> str:
        """Identifies the fact by what it says and where it comes from, so re-runs add nothing."""
        # A shallow dict, not dataclasses.asdict: the same JSON, without deep copies (loads of
        # 100k dataset facts spent most of their time copying).
        key = {name: getattr(self, name) for name in _FINGERPRINT_FIELDS}
        return hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()


_FINGERPRINT_FIELDS = tuple(
    f.name for f in fields(Fact) if f.name not in ("recorded_at", "confidence", "producer_version")
)


@dataclass(frozen=True)
class ActorRecord:
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class MentionRecord:
    actor_id: str
    start: int
    end: int
    text: str
