"""Burden-sharing: who pays for the common defence, relative to what they can pay.

Inputs are mappings actor → value in one currency and year (e.g. SIPRI current US$). A missing
value is None and leaves the actor out of the measures that need it; it never counts as 0.
"""

from __future__ import annotations

from collections.abc import Mapping


def share_of_gdp(milex: float | None, gdp: float | None) -> float | None:
    """Military burden b_i = ME_i / GDP_i (a fraction: 0.02 is 2% of GDP).

    None when either value is missing or GDP is 0.

    Reference: SIPRI Military Expenditure Database, definitions (share of GDP),
    https://www.sipri.org/databases/milex/sources-and-methods.

    >>> share_of_gdp(20.0, 1000.0)
    0.02
    """
    if milex is None or gdp is None or gdp == 0:
        return None
    return milex / gdp


def _known(*mappings: Mapping[str, float | None]) -> list[str]:
    return sorted(k for k in mappings[0] if all(m.get(k) is not None for m in mappings))


def burden_sharing_index(
    milex: Mapping[str, float | None], gdp: Mapping[str, float | None]
) -> dict[str, float | None]:
    """Burden-sharing index BSI_i = (ME_i / Σ_j ME_j) / (GDP_i / Σ_j GDP_j).

    The sums run over the members with both values known. BSI > 1: the member carries more of
    the alliance's spending than its share of the alliance's output; BSI < 1: it free-rides.
    Members with a missing value get None.

    Reference: Sandler & Hartley (1999), The Political Economy of NATO, Cambridge UP,
    doi:10.1017/CBO9780511492464, ch. 2 (share of defence burden vs. share of GDP).

    >>> bsi = burden_sharing_index({"USA": 30.0, "JPN": 10.0}, {"USA": 100.0, "JPN": 100.0})
    >>> bsi
    {'USA': 1.5, 'JPN': 0.5}
    >>> burden_sharing_index({"USA": 30.0, "JPN": None}, {"USA": 100.0, "JPN": 100.0})["JPN"]
    """
    members = _known(milex, gdp)
    total_me = sum(milex[k] for k in members)
    total_gdp = sum(gdp[k] for k in members)
    result: dict[str, float | None] = dict.fromkeys(milex)
    if total_me == 0 or total_gdp == 0:
        return result
    for k in members:
        result[k] = None if gdp[k] == 0 else (milex[k] / total_me) / (gdp[k] / total_gdp)
    return result


def _ranks(values: list[float]) -> list[float]:
    """Ranks 1..n, ties given their average rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(x: list[float], y: list[float]) -> float | None:
    """Spearman's ρ: the Pearson correlation of the average ranks; None if n < 3 or constant.

    >>> round(spearman([1, 2, 3, 4], [10, 20, 30, 25]), 3)
    0.8
    """
    if len(x) != len(y):
        raise ValueError("x and y differ in length")
    if len(x) < 3:
        return None
    rx, ry = _ranks(list(x)), _ranks(list(y))
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sxx = sum((a - mx) ** 2 for a in rx)
    syy = sum((b - my) ** 2 for b in ry)
    if sxx == 0 or syy == 0:
        return None
    return sxy / (sxx * syy) ** 0.5


def olson_zeckhauser(
    size: Mapping[str, float | None], burden: Mapping[str, float | None]
) -> float | None:
    """Olson–Zeckhauser test ρ_s = Spearman(size_i, burden_i) over the members with both known.

    Size is usually GDP and burden ME/GDP. The exploitation hypothesis ("the large exploit the
    small") predicts ρ_s > 0: larger allies spend a larger share of their output on the common
    defence. None with fewer than three members.

    Reference: Olson & Zeckhauser (1966), "An economic theory of alliances", Review of
    Economics and Statistics 48(3): 266–279, doi:10.2307/1927082.

    >>> gdp = {"USA": 25.0, "JPN": 4.2, "KOR": 1.7, "AUS": 1.7, "PHL": 0.4}
    >>> share = {"USA": 0.034, "JPN": 0.012, "KOR": 0.027, "AUS": 0.019, "PHL": 0.011}
    >>> round(olson_zeckhauser(gdp, share), 3)
    0.667
    """
    members = _known(size, burden)
    return spearman([size[k] for k in members], [burden[k] for k in members])
