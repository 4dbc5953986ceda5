"""The CAMEO codebook and the CAMEO -> PLOVER 2.0 crosswalk, bundled in `alliances/data/events`.

Why: an event coded in PLOVER (from text or from GDELT's CAMEO codes) should carry the same
intensity and class figures everywhere: the CAMEO Goldstein score (-10 conflict .. +10
cooperation) and quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict). Origins and licences: `alliances/data/events/README.md`.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True)
class CameoCode:
    """One row of the CAMEO codebook."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    description: str
    example: str


@dataclass(frozen=True)
class PloverMapping:
    """Where a CAMEO code lands in PLOVER 2.0."""

    event: str
    mode: str | None
    context: str | None


class Codebook:
    """Look-ups over the bundled CAMEO codebook, the crosswalk and the PLOVER scores."""

    def __init__(
        self,
        cameo: dict[str, CameoCode],
        crosswalk: dict[str, PloverMapping],
        scores: dict[tuple[str, str | None], float],
    ) -> None:
        self._cameo = cameo
        self._crosswalk = crosswalk
        self._scores = scores
        self._type_quad = _type_quad_classes(cameo, crosswalk)

    def cameo(self, code: str) -> CameoCode | None:
        """The CAMEO codebook row of `code` ('0874'), or None for an unknown code."""
        return self._cameo.get(code)

    def plover(self, code: str) -> PloverMapping | None:
        """The PLOVER event of a CAMEO code; a code missing from the crosswalk inherits from its
        parent code ('0312' -> '031' -> '03' is not tried: root codes are categories, not events).
        """
        while len(code) >= 3:
            if code in self._crosswalk:
                return self._crosswalk[code]
            code = code[:-1]
        return None

    def plover_score(self, event: str, mode: str | None = None) -> float | None:
        """The PLOVER 2.0 score of an event type and mode, falling back to the type's own score."""
        key = (event.upper(), mode.lower() if mode else None)
        return self._scores.get(key, self._scores.get((key[0], None)))

    def quad_class(self, event: str) -> int | None:
        """The CAMEO quad class most CAMEO codes of a PLOVER type carry (AID -> 2, ASSAULT -> 4)."""
        return self._type_quad.get(event.upper())


def _type_quad_classes(
    cameo: dict[str, CameoCode], crosswalk: dict[str, PloverMapping]
) -> dict[str, int]:
    votes: dict[str, Counter] = {}
    for code, mapping in crosswalk.items():
        row = cameo.get(code)
        if row is not None:
            votes.setdefault(mapping.event, Counter())[row.quad_class] += 1
    return {event: counter.most_common(1)[0][0] for event, counter in votes.items()}


def _rows(name: str) -> list[dict[str, str]]:
    path = resources.files("alliances") / "data" / "events" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def load() -> Codebook:
    """The bundled codebook (read once, then cached)."""
    cameo = {
        row["code"]: CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            description=row["description"],
            example=row["example"],
        )
        for row in _rows("cameo_event_codes.csv")
    }
    crosswalk: dict[str, PloverMapping] = {}
    for row in _rows("cameo_to_plover_2021.csv"):
        crosswalk.setdefault(
            row["cameo_code"],
            PloverMapping(
                event=row["plover_event"],
                mode=row["plover_mode"] or None,
                context=row["plover_context"] or None,
            ),
        )
    scores = {
        (row["category"].upper(), row["mode"].lower() or None): float(row["score"])
        for row in _rows("plover_scores.csv")
    }
    return Codebook(cameo, crosswalk, scores)
