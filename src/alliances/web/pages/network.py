"""The network: the alliance system drawn with sigma.js, a year slider and layer toggles.

The page carries the whole history (edges with their active years, fixed positions) so the
slider needs no request; its JSON twin is the snapshot at one date.
"""

from __future__ import annotations

import datetime as dt

from starlette.requests import Request
from starlette.responses import Response

from alliances.system import LAYERS, get_region, to_json
from alliances.system.model import SECURITY_LAYERS
from alliances.system.regions import load as load_regions
from alliances.web.knowledge import Knowledge
from alliances.web.params import bad_request, choice, parse_actor, parse_when
from alliances.web.twin import respond, script_json

DEFAULT_REGION = "indo-pacific"
DEFAULT_HUB = "USA"
EVERYWHERE = "all"
# Shown unless asked otherwise: security ties and events; broad partnerships are a toggle away.
DEFAULT_LAYERS = (*SECURITY_LAYERS, "events")


def settings(request: Request) -> dict:
    """The query: at (a date; default this year), region, hub and layers (comma-separated)."""
    query = request.query_params
    regions = tuple(sorted(load_regions()))
    region = choice(query.get("region"), "region", (*regions, EVERYWHERE), DEFAULT_REGION)
    given = query.get("layers")
    layers = list(DEFAULT_LAYERS) if given is None else given.split(",")
    unknown = [layer for layer in layers if layer not in LAYERS]
    if unknown:
        raise bad_request(f"layers: {unknown} are not among {', '.join(LAYERS)}")
    return {
        "at": parse_when(query.get("at")) or str(dt.date.today().year),
        "region": region,
        "hub": parse_actor(query.get("hub"), "hub", DEFAULT_HUB),
        "layers": layers,
        "regions": [*regions, EVERYWHERE],
    }


async def page(request: Request) -> Response:
    kb: Knowledge = request.app.state.kb
    wanted = settings(request)
    region = None if wanted["region"] == EVERYWHERE else wanted["region"]
    history = kb.timeline(region)
    positions = {n["id"]: (n["x"], n["y"]) for n in history["nodes"]}
    members = get_region(region).members if region else None
    snapshot = to_json(kb.system().at(wanted["at"], members=members, layers=wanted["layers"]))
    for node in snapshot["nodes"]:
        node["x"], node["y"] = positions.get(node["id"], (0.0, 0.0))
    data = {**wanted, **snapshot, "tie_count": len(snapshot["edges"])}
    page_data = {
        "hub": wanted["hub"],
        "year": int(wanted["at"][:4]),
        "layers": list(LAYERS),
        "shown": wanted["layers"],
    }
    return respond(
        request, "network.html", data, history=kb.page_json(region), view=script_json(page_data)
    )
