"""Cohesion between allies, from dyadic events: do they cooperate more than they quarrel?

An event is a mapping with `quad_class` (1 verbal cooperation, 2 material cooperation, 3 verbal
conflict, 4 material conflict), `goldstein` (−10 … +10) and optionally a PLOVER 2.0 `type` and
a `count`: a record standing for `count` like events (GDELT aggregated by dyad, day and quad
class, with their mean Goldstein score), 1 when absent.
When `quad_class` is missing it is read from the PLOVER type; events whose class or score is
unknown are left out of the measure that needs it, never counted as 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

QUADS = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}

# PLOVER 2.0 event types by quad class (Halterman et al., PLOVER codebook, openeventdata/PLOVER).
PLOVER_QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "REQUEST": 1,
    "CONCEDE": 2,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 3,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}


def quad_class(event: Mapping) -> int | None:
    """The event's quad class, from `quad_class` or else its PLOVER `type`; None if unknown.

    >>> quad_class({"type": "CONSULT"}), quad_class({"quad_class": 4}), quad_class({})
    (1, 4, None)
    """
    value = event.get("quad_class")
    if value is not None:
        return int(value)
    return PLOVER_QUAD.get(str(event.get("type") or "").upper())


@dataclass(frozen=True)
class Cohesion:
    """Event-based cohesion of a set of dyads over a period."""

    events: int
    cooperation_share: float | None
    mean_goldstein: float | None
    quad_counts: dict[str, int] = field(default_factory=dict)


def cohesion(events: Iterable[Mapping]) -> Cohesion:
    """Cooperation share and mean Goldstein score of a set of events.

    - cooperation share c = (n_1 + n_2) / (n_1 + n_2 + n_3 + n_4), n_q the events of quad
      class q (events of unknown class not counted); None when no class is known;
    - mean Goldstein ḡ = Σ g_e / n_g over the events with a known score; None when none is
      (a record with a count w adds w events and w·g to the sums);
    - counts by quad class, by name.

    References: Goldstein (1992), "A conflict-cooperation scale for WEIS events data", Journal
    of Conflict Resolution 36(2): 369–385, doi:10.1177/0022002792036002007; Schrodt (2012),
    CAMEO Conflict and Mediation Event Observations codebook (quad classes).

    >>> evs = [{"quad_class": 1, "goldstein": 3.0}, {"type": "AID", "goldstein": 7.0},
    ...        {"quad_class": 3, "goldstein": -2.0}, {"type": "UNKNOWN"}]
    >>> c = cohesion(evs)
    >>> c.events, round(c.cooperation_share, 3), round(c.mean_goldstein, 3)
    (4, 0.667, 2.667)
    >>> c.quad_counts["verbal_conflict"], c.quad_counts["material_cooperation"]
    (1, 1)
    >>> weighted = cohesion([{"quad_class": 1, "goldstein": 3.0, "count": 3},
    ...                      {"quad_class": 4, "goldstein": -9.0}])
    >>> weighted.events, weighted.cooperation_share, weighted.mean_goldstein
    (4, 0.75, 0.0)
    """
    counts = dict.fromkeys(QUADS.values(), 0)
    total = scored = 0
    score_sum = 0.0
    for event in events:
        weight = int(event.get("count") or 1)
        total += weight
        q = quad_class(event)
        if q in QUADS:
            counts[QUADS[q]] += weight
        if event.get("goldstein") is not None:
            scored += weight
            score_sum += weight * float(event["goldstein"])
    classified = sum(counts.values())
    coop = counts["verbal_cooperation"] + counts["material_cooperation"]
    return Cohesion(
        events=total,
        cooperation_share=coop / classified if classified else None,
        mean_goldstein=score_sum / scored if scored else None,
        quad_counts=counts,
    )
