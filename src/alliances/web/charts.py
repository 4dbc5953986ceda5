"""Charts as inline SVG, drawn on the server: used by the metrics page and the report.

Missing values (None) break a line rather than drop it to zero: unknown is not 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

PALETTE = ("#1f5fae", "#c92a2a", "#2b8a3e", "#e67700", "#7048e8", "#0b7285", "#862e9c", "#5c940d")
Point = tuple[float, float | None]


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high].

    >>> nice_ticks(0, 1)
    [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    >>> nice_ticks(1951, 2026, 8)[:3]
    [1950, 1960, 1970]
    """
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks, value = [], first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value = first + step * len(ticks)
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def _label(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.2g}"


def line_chart(
    title: str,
    series: Mapping[str, Sequence[Point]],
    width: int = 640,
    height: int = 260,
    y_label: str = "",
) -> Markup:
    """A line chart of named series of (x, y) points; y None leaves a gap."""
    left, right, top = 56, 16, 16
    bottom = 36 + 16 * math.ceil(len(series) / 4)
    points = [(x, y) for values in series.values() for x, y in values if y is not None]
    xs = [x for values in series.values() for x, _ in values]
    parts = [_open(title, width, height)]
    if not points:
        parts.append(_note(width, height, "no data for this period"))
        return Markup("".join(parts) + "</svg>")
    x_ticks = nice_ticks(min(xs), max(xs), 8)
    y_ticks = nice_ticks(min(0.0, min(y for _, y in points)), max(y for _, y in points))
    x0, x1, y0, y1 = min(xs), max(xs), y_ticks[0], y_ticks[-1]
    x1 = x1 if x1 > x0 else x0 + 1

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * (width - left - right)

    def sy(y: float) -> float:
        return height - bottom - (y - y0) / (y1 - y0) * (height - top - bottom)

    for tick in y_ticks:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{sy(tick):.1f}" y2="{sy(tick):.1f}" '
            f'stroke="#e9ecef"/><text x="{left - 6}" y="{sy(tick) + 4:.1f}" '
            f'text-anchor="end" font-size="11" fill="#5f6b7a">{_label(tick)}</text>'
        )
    for tick in x_ticks:
        if x0 <= tick <= x1:
            parts.append(
                f'<text x="{sx(tick):.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                f'font-size="11" fill="#5f6b7a">{tick:g}</text>'
            )
    if y_label:
        parts.append(
            f'<text x="12" y="{top + (height - top - bottom) / 2:.1f}" font-size="11" '
            f'fill="#5f6b7a" transform="rotate(-90 12 {top + (height - top - bottom) / 2:.1f})" '
            f'text-anchor="middle">{escape(y_label)}</text>'
        )
    for index, (name, values) in enumerate(series.items()):
        colour = PALETTE[index % len(PALETTE)]
        for run in _runs(values):
            coordinates = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in run)
            if len(run) == 1:
                x, y = run[0]
                parts.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="2.5" fill="{colour}"/>')
            else:
                parts.append(
                    f'<polyline points="{coordinates}" fill="none" stroke="{colour}" '
                    'stroke-width="2" stroke-linejoin="round"/>'
                )
        legend_x = left + 8 + (index % 4) * ((width - left - right) / 4)
        legend_y = height - bottom + 36 + (index // 4) * 16
        parts.append(
            f'<rect x="{legend_x:.1f}" y="{legend_y - 9}" width="10" height="10" '
            f'fill="{colour}"/><text x="{legend_x + 14:.1f}" y="{legend_y}" font-size="11" '
            f'fill="#1d2330">{escape(name)}</text>'
        )
    return Markup("".join(parts) + "</svg>")


def bar_chart(
    title: str, rows: Sequence[tuple[str, float | None]], width: int = 640, unit: str = ""
) -> Markup:
    """Horizontal bars, one per (label, value); a missing value says 'unknown'."""
    bar, gap, left, right = 18, 8, 150, 70
    height = 16 + len(rows) * (bar + gap)
    known = [v for _, v in rows if v is not None]
    parts = [_open(title, width, max(height, 40))]
    if not known:
        parts.append(_note(width, 40, "no data"))
        return Markup("".join(parts) + "</svg>")
    top_value = max(max(known), 0) or 1
    for index, (label, value) in enumerate(rows):
        y = 8 + index * (bar + gap)
        parts.append(
            f'<text x="{left - 8}" y="{y + 13}" text-anchor="end" font-size="12" '
            f'fill="#1d2330">{escape(label)}</text>'
        )
        if value is None:
            parts.append(
                f'<text x="{left}" y="{y + 13}" font-size="12" fill="#5f6b7a">unknown</text>'
            )
            continue
        length = max(value, 0) / top_value * (width - left - right)
        parts.append(
            f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{bar}" '
            f'fill="{PALETTE[0]}"/><text x="{left + length + 6:.1f}" y="{y + 13}" '
            f'font-size="12" fill="#1d2330">{value:.3g}{escape(unit)}</text>'
        )
    return Markup("".join(parts) + "</svg>")


def _open(title: str, width: int, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" font-family="system-ui, '
        f'sans-serif"><title>{escape(title)}</title>'
    )


def _note(width: int, height: int, text: str) -> str:
    return (
        f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" font-size="13" '
        f'fill="#5f6b7a">{escape(text)}</text>'
    )


def _runs(values: Sequence[Point]) -> list[list[tuple[float, float]]]:
    """Consecutive known points; a None ends a run."""
    runs: list[list[tuple[float, float]]] = [[]]
    for x, y in sorted(values, key=lambda p: p[0]):
        if y is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((x, y))
    return [run for run in runs if run]
