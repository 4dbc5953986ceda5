"""Asymmetry of one alliance dyad: who owes what, who hosts whom, who is stronger.

Obligations are ATOP's five (Leeds, Ritter, Mitchell & Long 2002, "Alliance Treaty Obligations
and Provisions, 1815–1944", International Interactions 28(3): 237–260,
doi:10.1080/03050620213653). An asymmetric alliance trades autonomy for security (Morrow 1991,
"Alliances and asymmetry: an alternative to the capability aggregation model of alliances",
American Journal of Political Science 35(4): 904–933, doi:10.2307/2111499).

Unknown stays unknown: a missing obligation, basing code or capability gives None for the
measures that need it, and the equality index says which components it could not use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

OBLIGATIONS = ("defense", "offense", "neutrality", "nonaggression", "consultation")
BASING = ("none", "joint", "mutual", "one-way")


@dataclass(frozen=True)
class ObligationAsymmetry:
    """Obligations that a owes b but b does not owe a (`only_a`), and the reverse (`only_b`)."""

    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    compared: tuple[str, ...]

    @property
    def index(self) -> float | None:
        """Share of the compared obligations that are one-sided; None when none is known."""
        if not self.compared:
            return None
        return (len(self.only_a) + len(self.only_b)) / len(self.compared)

    @property
    def flagged(self) -> bool | None:
        """True when at least one obligation is one-sided."""
        return None if self.index is None else self.index > 0


def obligation_asymmetry(
    a_to_b: Mapping[str, bool | None], b_to_a: Mapping[str, bool | None]
) -> ObligationAsymmetry:
    """Obligation asymmetry A_ab = |{o : x_ab(o) ≠ x_ba(o)}| / |O_known|.

    x_ab(o) is 1 when a has obligation o (one of ATOP's defense, offense, neutrality,
    nonaggression, consultation) toward b. O_known holds the obligations known on both sides;
    an obligation missing from either mapping, or None, is not compared. A = 0 is a mutual
    pact; the 1960 US–Japan treaty (US defends Japan, Japan does not defend the US) has A > 0.

    Reference: Leeds et al. (2002), doi:10.1080/03050620213653 (ATOP `asymm`).

    >>> usa = {"defense": True, "consultation": True, "offense": False}
    >>> jpn = {"defense": False, "consultation": True, "offense": False}
    >>> a = obligation_asymmetry(usa, jpn)
    >>> a.only_a, round(a.index, 3), a.flagged
    (('defense',), 0.333, True)
    """
    compared = tuple(
        o for o in OBLIGATIONS if a_to_b.get(o) is not None and b_to_a.get(o) is not None
    )
    only_a = tuple(o for o in compared if a_to_b[o] and not b_to_a[o])
    only_b = tuple(o for o in compared if b_to_a[o] and not a_to_b[o])
    return ObligationAsymmetry(only_a, only_b, compared)


def one_way_basing(basing: str | None) -> bool | None:
    """One-way basing: True when one member stations forces in the other and not the reverse.

    `basing` is one of none, joint, mutual, one-way (ATOP `base` = 3 is one-way: one member
    grants bases to another). None when unknown.

    Reference: Leeds et al. (2002), ATOP codebook variable BASE.

    >>> one_way_basing("one-way"), one_way_basing("mutual"), one_way_basing(None)
    (True, False, None)
    """
    if basing is None:
        return None
    if basing not in BASING:
        raise ValueError(f"basing {basing!r} is not one of {BASING}")
    return basing == "one-way"


def capability_ratio(a: float | None, b: float | None) -> float | None:
    """Capability ratio R_ab = C_a / C_b, from CINC scores or military spending.

    R > 1 when a is the stronger member. None when either value is missing or C_b is 0.

    Reference: Singer, Bremer & Stuckey (1972), "Capability distribution, uncertainty, and major
    power war, 1820–1965", in Russett (ed.), Peace, War, and Numbers (COW CINC).

    >>> capability_ratio(0.14, 0.035)
    4.0
    >>> capability_ratio(0.14, None) is None
    True
    """
    if a is None or b is None or b == 0:
        return None
    return a / b


@dataclass(frozen=True)
class EqualityIndex:
    """A composite equality index and the components it averages (1 = equal, 0 = unequal)."""

    value: float | None
    components: dict[str, float | None] = field(default_factory=dict)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(k for k, v in self.components.items() if v is None)


def equality_index(
    obligations: ObligationAsymmetry | None,
    basing_one_way: bool | None,
    ratio: float | None,
) -> EqualityIndex:
    """Composite equality E = mean of the known components among

    - obligations: 1 − A_ab (share of obligations that are mutual),
    - basing: 0 when basing is one-way, 1 otherwise,
    - capability: min(R, 1/R), the weaker member's capability relative to the stronger.

    Each component lies in [0, 1] and is shown, so a reader sees why E moved. Unknown
    components are left out of the mean and listed in `missing`; E is None when all are.

    Reference: a transparent equal-weight composite of the measures above, after the
    autonomy–security trade-off of Morrow (1991), doi:10.2307/2111499.

    >>> a = obligation_asymmetry({"defense": True}, {"defense": False})
    >>> e = equality_index(a, True, 4.0)
    >>> e.components, round(e.value, 3)
    ({'obligations': 0.0, 'basing': 0.0, 'capability': 0.25}, 0.083)
    >>> equality_index(None, None, None).missing
    ('obligations', 'basing', 'capability')
    """
    components = {
        "obligations": None
        if obligations is None or obligations.index is None
        else 1 - obligations.index,
        "basing": None if basing_one_way is None else float(not basing_one_way),
        "capability": None if ratio is None or ratio <= 0 else min(ratio, 1 / ratio),
    }
    known = [v for v in components.values() if v is not None]
    return EqualityIndex(sum(known) / len(known) if known else None, components)
