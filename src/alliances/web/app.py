"""The dashboard's Starlette application: read-only pages over one knowledge base."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from alliances.facts import FACT_KINDS
from alliances.store import Store
from alliances.web.knowledge import Knowledge
from alliances.web.pages import actors, claims, documents, metrics, network
from alliances.web.twin import respond, twin_routes

# Everything the pages use comes from this server: no CDN, no inline script.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def create_app(db_path: str | Path) -> Starlette:
    """The dashboard over the knowledge base at `db_path`, opened read-only."""
    routes = [
        *twin_routes("/", home, "home"),
        *twin_routes("/documents", documents.index, "documents"),
        *twin_routes("/documents/{key}", documents.show, "document"),
        *twin_routes("/claims", claims.index, "claims"),
        *twin_routes("/actors", actors.index, "actors"),
        *twin_routes("/actors/{actor_id}", actors.show, "actor"),
        *twin_routes("/network", network.page, "network"),
        *twin_routes("/metrics", metrics.page, "metrics"),
        Mount("/static", StaticFiles(packages=[("alliances.web", "static")]), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={HTTPException: http_error},
    )
    app.state.kb = Knowledge(Store(db_path, read_only=True))
    return app


async def home(request: Request) -> Response:
    kb: Knowledge = request.app.state.kb
    facts = kb.facts()
    data = {
        "documents": len(kb.documents()),
        "actors": len(kb.actors()),
        "facts": {kind: sum(f.kind == kind for f in facts) for kind in FACT_KINDS},
    }
    return respond(request, "home.html", data)


async def http_error(request: Request, exc: HTTPException) -> Response:
    """Errors are pages too: JSON for a `.json` request, else HTML; the status is kept."""
    data = {"error": exc.detail, "status": exc.status_code}
    return respond(request, "error.html", data, status=exc.status_code)


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
