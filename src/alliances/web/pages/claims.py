"""Claims: who said what, when, and where it is written; filterable."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from alliances.web.knowledge import Knowledge
from alliances.web.params import bad_request, choice, parse_date
from alliances.web.twin import respond

CLAIM_KINDS = ("quote", "attributed")


async def index(request: Request) -> Response:
    kb: Knowledge = request.app.state.kb
    query = request.query_params
    filters = {
        "speaker": query.get("speaker", ""),
        "q": query.get("q", ""),
        "kind": choice(query.get("kind"), "kind", ("", *CLAIM_KINDS), ""),
        "from": parse_date(query.get("from"), "from", last=False) or "",
        "to": parse_date(query.get("to"), "to") or "",
    }
    if filters["from"] and filters["to"] and filters["from"] > filters["to"]:
        raise bad_request("from is after to")
    documents = kb.documents()
    every = [_claim(row, documents, kb) for row in kb.rows(kb.facts()) if row["kind"] == "claim"]
    claims = [c for c in every if _keep(c, filters)]
    claims.sort(key=lambda c: (c["date"] or "", c["speaker"] or ""), reverse=True)
    speakers = sorted({(c["speaker"], c["speaker_name"]) for c in every if c["speaker"]})
    data = {"filters": filters, "count": len(claims), "claims": claims}
    return respond(request, "claims.html", data, speakers=speakers, kinds=CLAIM_KINDS)


def _claim(row: dict, documents: dict, kb: Knowledge) -> dict:
    speaker = row["arguments"].get("speaker")
    document = documents.get(row["document"], {})
    return {
        "id": row["id"],
        "date": (row["valid_from"] or "")[:10] or None,
        "speaker": speaker,
        "speaker_name": kb.name(speaker) if speaker else None,
        "kind": row["arguments"].get("kind"),
        "cue": row["arguments"].get("cue"),
        "text": row["text"],
        "document": row["document"],
        "title": document.get("title"),
        "source": document.get("source"),
    }


def _keep(claim: dict, filters: dict) -> bool:
    if filters["speaker"] and claim["speaker"] != filters["speaker"]:
        return False
    if filters["kind"] and claim["kind"] != filters["kind"]:
        return False
    if filters["q"] and filters["q"].casefold() not in (claim["text"] or "").casefold():
        return False
    date = claim["date"] or ""
    if filters["from"] and not date >= filters["from"]:
        return False
    return not (filters["to"] and not (date and date <= filters["to"]))
