"""The report: one self-contained HTML file (inline CSS and SVG, nothing fetched) telling the
story of `alliances.web.story`."""

from __future__ import annotations

import datetime as dt

from alliances import __version__
from alliances.store import Store
from alliances.web import figures
from alliances.web.story import Story
from alliances.web.twin import templates


def render_report(story: Story, store: Store) -> str:
    """The report's HTML for `story`, with what the knowledge base holds."""
    structure = figures.structure_figures(story.structure, story.hub)
    asymmetry = figures.asymmetry_figures(story.asymmetry, story.hub)
    latest, shares = story.shares()
    return templates.get_template("report.html").render(
        story=story,
        version=__version__,
        made=dt.date.today().isoformat(),
        documents=len(store.documents()),
        datasets=[dict(r) for r in store.datasets()],
        structure=structure,
        asymmetry=asymmetry,
        burden=figures.burden_figures(story.burden) if latest else [],
        shares_year=latest,
        shares=shares,
        hub_and_spoke=story.hub_and_spoke(),
        dyad=story.dyad(),
    )
