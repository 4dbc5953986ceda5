"""From the sources to the system's ties and events, and the merge that makes one tie of many.

Four kinds of input:
- the bundled reference (`alliances.reference.load()`): treaties, agreements, groupings and
  partnerships with member spells, obligations, basing and suspensions, and force posture;
- dataset tie facts in the store (ATOP, as `alliances.loaders.atop` writes them: one fact per
  alliance phase with its dated parties and their obligations; a generic ties CSV);
- facts extracted from documents (kind 'tie' and 'event');
- GDELT events loaded into the store's Parquet event tables.

A tie found in several sources is one tie that keeps all its sources: ties sharing a key
(`atop:<atopid>`, `ref:<reference id>`, or kind + members + name/alias) are merged. A tie read
from a document corroborates a known tie (adds its source, not its dates); an unknown one enters
the system from the document's date.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from alliances.facts import Fact
from alliances.system.model import (
    OPEN,
    EventRecord,
    Source,
    Span,
    Tie,
    end_of,
    interval,
    start_of,
    union,
)

BASE_CODES = {0: "none", 1: "joint", 2: "mutual", 3: "one-way"}  # ATOP `base`


def _name_keys(kind: str, members: Iterable[str], names: Iterable[str]) -> frozenset[str]:
    group = "+".join(sorted(set(members)))
    return frozenset(f"name:{kind}:{group}:{n.strip().lower()}" for n in names if n)


def _held(obligations: dict[str, int]) -> frozenset[str]:
    return frozenset(name for name, value in obligations.items() if value)


# -- the bundled reference ------------------------------------------------------------------


def reference_ties(reference: Any) -> list[Tie]:
    """The reference's ties, plus a posture tie (guest forces in host) per basing right and
    per stationed or rotational posture row."""
    ties = [_reference_tie(t) for t in reference.ties]
    ties += [p for t in reference.ties for p in _basing_ties(t)]
    ties += [_posture_tie(p) for p in reference.posture if p.kind != "plan" and p.host != p.guest]
    return ties


def _reference_sources(row: Any) -> list[Source]:
    return [Source("reference", row.id, s.citation, s.url) for s in row.sources]


def _reference_tie(row: Any) -> Tie:
    members: dict[str, list[Span]] = {}
    for m in row.members:
        span = (start_of(m.joined or row.start), end_of(m.left or row.ended))
        members[m.actor] = union([*members.get(m.actor, []), span])
    obligations = {a: _held(row.obligations_of(a)) for a in members} if row.obligations else {}
    hosts = tuple(dict.fromkeys((b.host, b.guest) for b in row.basing))
    basing = None
    if hosts:
        mutual = any((guest, host) in hosts for host, guest in hosts)
        basing = "mutual" if mutual else "one-way"
    suspended: dict[frozenset[str], list[Span]] = {}
    for s in row.suspensions:
        pair = frozenset(s.between)
        suspended[pair] = union([*suspended.get(pair, []), (start_of(s.start), end_of(s.end))])
    keys = {f"ref:{row.id}"} | _name_keys(row.kind, members, (row.name, *row.aliases))
    if row.atop is not None:
        keys.add(f"atop:{row.atop}")
    return Tie(
        id=f"ref:{row.id}",
        kind=row.kind,
        name=row.name,
        members=members,
        sources=_reference_sources(row),
        obligations=obligations,
        basing=basing,
        hosts=hosts,
        keys=frozenset(keys),
        suspended=suspended,
    )


def _posture_key(guest: str, host: str) -> str:
    return f"posture:{guest}>{host}"


def _basing_ties(row: Any) -> list[Tie]:
    ties = []
    for b in row.basing:
        if b.host == b.guest:
            continue
        span = [(start_of(b.start or row.start), end_of(b.end or row.ended))]
        ties.append(
            Tie(
                id=_posture_key(b.guest, b.host),
                kind="posture",
                name=f"{b.guest} forces in {b.host}",
                members={b.host: list(span), b.guest: list(span)},
                sources=_reference_sources(row),
                basing="one-way",
                hosts=((b.host, b.guest),),
                keys=frozenset({_posture_key(b.guest, b.host)}),
            )
        )
    return ties


def _posture_tie(row: Any) -> Tie:
    span = [interval(row.date)]
    return Tie(
        id=_posture_key(row.guest, row.host),
        kind="posture",
        name=f"{row.guest} forces in {row.host}",
        members={row.host: list(span), row.guest: list(span)},
        sources=_reference_sources(row),
        basing="one-way",
        hosts=((row.host, row.guest),),
        keys=frozenset({_posture_key(row.guest, row.host)}),
    )


# -- store facts ----------------------------------------------------------------------------


def fact_ties(
    facts: Iterable[Fact],
    coverage_end: dict[str, int] | None = None,
    citations: dict[str, str] | None = None,
) -> list[Tie]:
    """Ties from tie facts: dataset facts (ATOP phases, ties CSV) and document facts.

    `coverage_end` maps a dataset to the last year it covers: a membership in force at the end
    of coverage (ATOP `yrexit = 0`) is known to hold through that year, and is unknown after it.
    A tie without an end date (a ties CSV's empty `valid_to`) holds on. `citations` maps a
    dataset to its citation, for sources whose row gives none.
    """
    coverage_end, citations = coverage_end or {}, citations or {}
    return [
        _fact_tie(f, coverage_end.get(f.dataset or ""), citations.get(f.dataset or ""))
        for f in facts
        if f.kind == "tie"
    ]


def _fact_source(fact: Fact, citation: str | None = None) -> Source:
    if fact.dataset is not None:
        args = fact.arguments
        ref = f"atopid {args['atopid']}" if "atopid" in args else (fact.dataset_row or "")
        return Source(fact.dataset, ref, args.get("citation") or citation, args.get("source"))
    return Source("document", f"{fact.document_id}:{fact.start}-{fact.end}", fact.span_text)


def _fact_tie(fact: Fact, last_year: int | None, citation: str | None) -> Tie:
    args = fact.arguments
    kind = args.get("kind", "alliance")
    censored = end_of(str(last_year)) if last_year else OPEN
    tie_start = start_of(fact.valid_from)
    tie_end = end_of(fact.valid_to) if fact.valid_to else OPEN
    members: dict[str, list[Span]] = {}
    obligations: dict[str, frozenset[str]] = {}
    for party in args.get("parties", []):
        if party.get("to"):
            end = end_of(party["to"])
        else:  # in force when the data set ends (ATOP yrexit 0): known only that far
            end = censored if party.get("in_force_at_end") else OPEN
        span = (start_of(party.get("from") or fact.valid_from), end)
        members[party["actor"]] = union([*members.get(party["actor"], []), span])
        held = _held(party.get("obligations", {}))
        obligations[party["actor"]] = obligations.get(party["actor"], frozenset()) | held
    for actor in args.get("members", []):
        members.setdefault(actor, [(tie_start, tie_end)])
    keys = set(_name_keys(kind, members, [args.get("name", "")]))
    if "atopid" in args:
        keys.add(f"atop:{args['atopid']}")
    if args.get("reference"):
        keys.add(f"ref:{args['reference']}")
    source = _fact_source(fact, citation)
    if "atopid" in args:
        phase = args.get("phase")
        tie_id = f"atop:{args['atopid']}" + (f"/{phase}" if phase else "")
    else:
        tie_id = f"ref:{args['reference']}" if args.get("reference") else str(source)
    return Tie(
        id=tie_id,
        kind=kind,
        name=args.get("name") or kind,
        members=members,
        sources=[source],
        obligations=obligations,
        basing=BASE_CODES.get(args.get("base")),
        keys=frozenset(keys),
    )


def fact_events(facts: Iterable[Fact]) -> list[EventRecord]:
    """Dyadic events from event facts; negated, hypothetical and undated events are left out."""
    events = []
    for fact in facts:
        args = fact.arguments
        if fact.kind != "event" or args.get("negated") or args.get("modality"):
            continue
        if not (args.get("source") and args.get("target") and fact.valid_from):
            continue
        events.append(
            EventRecord(
                source=args["source"],
                target=args["target"],
                day=start_of(fact.valid_from),
                type=args.get("type"),
                quad_class=args.get("quad_class"),
                goldstein=args.get("goldstein"),
                origin=_fact_source(fact),
            )
        )
    return events


GDELT_EVENTS = """
SELECT Actor1ISO3, Actor2ISO3, event_date, QuadClass, avg(GoldsteinScale), count(*)
FROM gdelt
WHERE Actor1ISO3 IS NOT NULL AND Actor2ISO3 IS NOT NULL AND Actor1ISO3 <> Actor2ISO3
GROUP BY ALL
ORDER BY ALL
"""


def gdelt_events(connection: Any) -> list[EventRecord]:
    """GDELT events between two states, one record per dyad, day and quad class (with the count
    and mean Goldstein score), from a DuckDB connection with a `gdelt` view
    (`alliances.loaders.gdelt_connection`)."""
    return [
        EventRecord(
            source=a,
            target=b,
            day=day.toordinal(),
            type=None,
            quad_class=int(quad) if quad is not None else None,
            goldstein=goldstein,
            origin=Source("gdelt", day.isoformat()),
            count=count,
        )
        for a, b, day, quad, goldstein, count in connection.execute(GDELT_EVENTS).fetchall()
    ]


# -- merging --------------------------------------------------------------------------------


def _overlap(a: Tie, b: Tie) -> float:
    """Jaccard similarity of two ties' member sets."""
    x, y = set(a.members), set(b.members)
    return len(x & y) / len(x | y) if x | y else 0.0


def merge(ties: Iterable[Tie], corroborating: Iterable[Tie] = ()) -> list[Tie]:
    """One tie per identity: a tie sharing a key with a tie from another source is merged into
    it (the one with the most members in common), keeping every source.

    Ties from the same source are never merged: the reference's SEATO and US–Thailand rows
    share ATOP id 3260, and ATOP's phases of one alliance are rows of their own; each ATOP
    phase joins the reference tie it resembles most. `corroborating` ties (read from documents)
    add their sources to a known tie with a shared key, without changing its dates; those
    matching no known tie are added as they are.
    """
    merged: list[Tie] = []
    by_key: dict[str, list[Tie]] = {}
    for tie in ties:
        candidates = {
            id(t): t for k in tie.keys for t in by_key.get(k, []) if t.origin != tie.origin
        }
        if candidates:
            target = max(candidates.values(), key=lambda t: _overlap(t, tie))
            target.merge(tie)
        else:
            merged.append(tie)
            target = tie
        for key in target.keys:
            if all(t is not target for t in by_key.setdefault(key, [])):
                by_key[key].append(target)
    for tie in corroborating:
        known = [t for k in tie.keys for t in by_key.get(k, [])]
        if known:
            best = max(known, key=lambda t: _overlap(t, tie))
            best.sources.extend(s for s in tie.sources if s not in best.sources)
        else:
            merged.append(tie)
            for key in tie.keys:
                by_key.setdefault(key, []).append(tie)
    return merged
