"""Documents: the list, and one document's text with its spans highlighted and its facts."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from alliances.store import StoreError
from alliances.web.highlight import Span, highlight
from alliances.web.knowledge import Knowledge
from alliances.web.params import check_digest, not_found
from alliances.web.present import anchor, describe
from alliances.web.twin import respond


async def index(request: Request) -> Response:
    kb: Knowledge = request.app.state.kb
    data = {"documents": list(kb.documents().values())}
    return respond(request, "documents.html", data)


async def show(request: Request) -> Response:
    kb: Knowledge = request.app.state.kb
    key = check_digest(request.path_params["key"])
    try:
        row = kb.store.document(key)
    except StoreError as exc:
        raise not_found(f"no document {key!r}") from exc
    digest = row["sha256"]
    facts = [f for f in kb.facts() if f.document_id == row["id"]]
    mentions = [dict(m) for m in kb.store.mentions(row["id"])]
    data = {
        **kb.documents()[digest],
        "url": row["url"],
        "editor": row["editor"],
        "text": row["text"],
        "mentions": [
            {
                "id": f"m-{i}",
                "actor": m["actor_id"],
                "name": kb.name(m["actor_id"]),
                "start": m["start"],
                "end": m["end"],
                "text": m["text"],
            }
            for i, m in enumerate(mentions)
        ],
        "actors": [
            {"id": actor_id, "name": kb.name(actor_id)}
            for actor_id in sorted({m["actor_id"] for m in mentions})
        ],
        "facts": sorted(kb.rows(facts), key=lambda f: (f["start"], f["end"])),
    }
    spans = [
        Span(m["start"], m["end"], "actor", m["id"], f"{m['name']} ({m['actor']})")
        for m in data["mentions"]
    ] + [Span(f.start, f.end, f.kind, anchor(f), describe(f, kb.name)) for f in facts]
    return respond(request, "document.html", data, marked=highlight(row["text"], spans))
