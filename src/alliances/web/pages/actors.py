"""Actors: the list, and one actor's ties over time, events, quantities, claims and sources."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from alliances.system.export import kind, label
from alliances.web.knowledge import Knowledge
from alliances.web.params import check_actor_id, not_found
from alliances.web.present import fact_actors
from alliances.web.twin import respond


async def index(request: Request) -> Response:
    """The actors documents mention and those in the system's ties, with their counts."""
    kb: Knowledge = request.app.state.kb
    graph = kb.system().graph
    ties = dict(zip(graph.vs["name"], graph.degree(), strict=True)) if graph.vcount() else {}
    known = {a["id"]: {**a, "ties": ties.get(a["id"], 0)} for a in kb.actors()}
    for actor_id, count in ties.items():
        known.setdefault(
            actor_id,
            {
                "id": actor_id,
                "kind": kind(actor_id),
                "name": label(actor_id),
                "mentions": 0,
                "ties": count,
            },
        )
    rows = sorted(known.values(), key=lambda a: (-a["mentions"] - a["ties"], a["name"]))
    return respond(request, "actors.html", {"actors": rows})


async def show(request: Request) -> Response:
    kb: Knowledge = request.app.state.kb
    actor_id = check_actor_id(request.path_params["actor_id"])
    facts = [f for f in kb.facts() if actor_id in fact_actors(f)]
    record = next((a for a in kb.actors() if a["id"] == actor_id), None)
    ties = kb.ties_of(actor_id)
    if record is None and not facts and not ties:
        raise not_found(f"no actor {actor_id!r} in this knowledge base")
    rows = kb.rows(facts)
    documents = kb.documents()
    cited = dict.fromkeys([*kb.mentioned_in().get(actor_id, []), *(r["document"] for r in rows)])
    data = {
        "id": actor_id,
        "name": record["name"] if record else label(actor_id),
        "kind": record["kind"] if record else kind(actor_id),
        "ties": [
            {**tie, "partners": [{"id": p, "name": label(p)} for p in tie["partners"]]}
            for tie in ties
        ],
        "tie_mentions": [r for r in rows if r["kind"] == "tie"],
        "events": [r for r in rows if r["kind"] == "event"],
        "quantities": [r for r in rows if r["kind"] == "quantity"],
        "claims": [r for r in rows if r["kind"] == "claim"],
        "sources": [documents[key] for key in cited if key in documents],
    }
    return respond(request, "actor.html", data)
