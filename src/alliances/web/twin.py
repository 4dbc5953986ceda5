"""Every page has a JSON twin: the same data, as HTML at `/path` and as JSON at `/path.json`."""

from __future__ import annotations

import json
import math
from typing import Any

import jinja2
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from alliances import __version__

templates = jinja2.Environment(
    loader=jinja2.PackageLoader("alliances.web", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.globals["version"] = __version__


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def twin_routes(path: str, endpoint, name: str) -> list[Route]:
    """The JSON route first, so `/actors/JPN.json` is not taken for an actor called 'JPN.json'."""
    json_path = "/index.json" if path == "/" else f"{path}.json"
    return [Route(json_path, endpoint, name=f"{name}_json"), Route(path, endpoint, name=name)]


def respond(
    request: Request, template: str, data: dict, status: int = 200, **page: Any
) -> Response:
    """`data` as JSON for the twin, else the template with `data` and page-only extras."""
    if wants_json(request):
        return json_response(data, status)
    html = templates.get_template(template).render(request=request, data=data, **page)
    return HTMLResponse(html, status)


def script_json(value: Any) -> Markup:
    """JSON to embed in `<script type="application/json">`: compact, and no `<` that could
    close the element early."""
    return Markup(json.dumps(_finite(value), separators=(",", ":")).replace("<", "\\u003c"))


def json_response(data: Any, status: int = 200) -> Response:
    """Strict JSON (NaN and infinities become null), UTF-8, human-readable."""
    body = json.dumps(_finite(data), ensure_ascii=False, indent=1, default=str)
    return Response(body, status, media_type="application/json")


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value
