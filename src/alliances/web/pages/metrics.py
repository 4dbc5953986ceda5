"""Metrics: yearly series of the four families for a hub and region, as charts."""

from __future__ import annotations

import datetime as dt

from starlette.requests import Request
from starlette.responses import Response

from alliances.metrics import FAMILIES
from alliances.system.query import metrics
from alliances.system.regions import load as load_regions
from alliances.web import figures
from alliances.web.knowledge import Knowledge
from alliances.web.pages.network import DEFAULT_HUB, DEFAULT_REGION, EVERYWHERE
from alliances.web.params import bad_request, choice, parse_actor, parse_year
from alliances.web.twin import respond

FIRST_YEAR = 1946


def settings(request: Request) -> dict:
    """The query: hub, region, from and to (years)."""
    query = request.query_params
    this_year = dt.date.today().year
    regions = tuple(sorted(load_regions()))
    wanted = {
        "hub": parse_actor(query.get("hub"), "hub", DEFAULT_HUB),
        "region": choice(query.get("region"), "region", (*regions, EVERYWHERE), DEFAULT_REGION),
        "from": parse_year(query.get("from"), "from", FIRST_YEAR, 1800, this_year),
        "to": parse_year(query.get("to"), "to", this_year, 1800, this_year),
        "regions": [*regions, EVERYWHERE],
    }
    if wanted["from"] > wanted["to"]:
        raise bad_request(f"from={wanted['from']} is after to={wanted['to']}")
    return wanted


def series(kb: Knowledge, wanted: dict) -> dict[str, list[dict]]:
    """Every family's yearly rows for the query (cached until the knowledge base changes)."""
    region = None if wanted["region"] == EVERYWHERE else wanted["region"]
    key = ("metrics", wanted["hub"], region, wanted["from"], wanted["to"])
    return kb.cached(
        key,
        lambda: {
            family: metrics(
                kb.store,
                family,
                wanted["hub"],
                region=region,
                first=wanted["from"],
                last=wanted["to"],
            )
            for family in FAMILIES
        },
    )


async def page(request: Request) -> Response:
    kb: Knowledge = request.app.state.kb
    wanted = settings(request)
    rows = series(kb, wanted)
    hub = wanted["hub"]
    charts = [
        *figures.structure_figures(rows["structure"], hub),
        *figures.asymmetry_figures(rows["asymmetry"], hub),
        *figures.burden_figures(rows["burden"]),
        *figures.cohesion_figures(rows["cohesion"]),
    ]
    return respond(request, "metrics.html", {**wanted, "families": rows}, charts=charts)
