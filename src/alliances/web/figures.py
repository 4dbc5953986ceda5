"""The story's figures, from the rows of `alliances.system.query.metrics`: shared by the
metrics page and the report. Each returns (title, note, SVG)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from markupsafe import Markup

from alliances.web.charts import Point, bar_chart, line_chart

Figure = tuple[str, str, Markup]


def pivot(
    rows: Iterable[dict], value: str, by: str | None = None, scale: float = 1.0
) -> dict[str, list[Point]]:
    """Rows to named series of (year, value × scale): one series per distinct `by`, or one."""
    series: dict[str, list[Point]] = defaultdict(list)
    for row in rows:
        y = row[value]
        series[str(row[by]) if by else value].append(
            (row["year"], None if y is None else y * scale)
        )
    return dict(series)


def sources(rows: Iterable[dict]) -> str:
    found = sorted({s for row in rows for s in row.get("sources") or []})
    return "sources: " + (", ".join(found) if found else "none")


def structure_figures(rows: list[dict], hub: str) -> list[Figure]:
    """Spoke–spoke density by layer, and the combined network's centralisation measures."""
    combined = [r for r in rows if r["layer"] == "combined"]
    return [
        (
            f"Spoke–spoke density around {hub}, by layer",
            "0 = pure hub-and-spoke (spokes tied only to the hub); 1 = every spoke pair tied. "
            + sources(rows),
            line_chart(
                "spoke–spoke density", pivot(rows, "spoke_density", "layer"), y_label="D_ss"
            ),
        ),
        (
            f"How central {hub} is (all layers combined)",
            "Freeman degree centralisation and the hub's normalised betweenness. "
            + sources(combined),
            line_chart(
                "centralisation",
                {
                    "degree centralisation": [
                        (r["year"], r["degree_centralization"]) for r in combined
                    ],
                    "hub betweenness": [(r["year"], r["hub_betweenness"]) for r in combined],
                },
            ),
        ),
    ]


def asymmetry_figures(rows: list[dict], hub: str) -> list[Figure]:
    """The equality index and the obligation asymmetry of each hub–spoke alliance."""
    return [
        (
            f"Equality of each alliance with {hub}",
            "Composite equality index (1 = equal partners); gaps where a dyad has no treaty. "
            + sources(rows),
            line_chart("equality index", pivot(rows, "equality_index", "spoke"), y_label="index"),
        ),
        (
            f"Obligation asymmetry with {hub}",
            "Share of ATOP's five obligations held by one side only. " + sources(rows),
            line_chart(
                "obligation asymmetry",
                pivot(rows, "obligation_asymmetry", "spoke"),
                y_label="asymmetry",
            ),
        ),
    ]


def burden_figures(rows: list[dict]) -> list[Figure]:
    """Military spending as a share of GDP by member, and the latest year's bars."""
    known = [r for r in rows if r["share_of_gdp"] is not None]
    latest = max((r["year"] for r in known), default=None)
    bars = [
        (r["actor"], None if r["share_of_gdp"] is None else 100 * r["share_of_gdp"])
        for r in rows
        if r["year"] == latest
    ]
    return [
        (
            "Military spending, share of GDP",
            "Unknown where no spending data is loaded (`alliances load sipri`). " + sources(rows),
            line_chart(
                "share of GDP", pivot(rows, "share_of_gdp", "actor", 100), y_label="% of GDP"
            ),
        ),
        (
            f"Share of GDP in {latest or 'the latest year'}",
            sources([r for r in rows if r["year"] == latest]),
            bar_chart("share of GDP", sorted(bars, key=lambda b: -(b[1] or 0)), unit="%"),
        ),
    ]


def cohesion_figures(rows: list[dict]) -> list[Figure]:
    """Cooperation share and mean Goldstein score of events among the allies."""
    return [
        (
            "Cohesion among the allies",
            "Share of cooperative events and mean Goldstein score (−10…10), from events. "
            + sources(rows),
            line_chart(
                "cohesion",
                {
                    "cooperation share": [(r["year"], r["cooperation_share"]) for r in rows],
                    "mean Goldstein / 10": [
                        (
                            r["year"],
                            None if r["mean_goldstein"] is None else r["mean_goldstein"] / 10,
                        )
                        for r in rows
                    ],
                },
            ),
        )
    ]
