"""Checks that the reference is consistent: dates ordered, members known, every row sourced.

`validate(reference)` returns every problem found (an empty list means valid), so that a
maintainer editing the YAML sees all of them at once. Members are known when they are ISO 3166
alpha-3 codes (current or historical, e.g. SUN for the Soviet Union) or an `org:` identifier
that a reference tie declares as its `actor` (org:nato).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import pycountry

from alliances.reference.index import Reference
from alliances.reference.model import OBLIGATIONS, TIE_KINDS, Source, Tie, first_day

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ORG = re.compile(r"^org:[a-z0-9]+(-[a-z0-9]+)*$")
POSTURE_KINDS = ("stationed", "rotational", "plan")
BOUNDS = ("exact", "about", "up_to")


@cache
def iso3_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes of current states and of historical ones (SUN, YUG, DDR...)."""
    current = {c.alpha_3 for c in pycountry.countries}
    return frozenset(current | {c.alpha_3 for c in pycountry.historic_countries})


@cache
def currency_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _sources(sources: tuple[Source, ...], where: str) -> list[str]:
    if not sources:
        return [f"{where}: no source"]
    return [
        f"{where}: source {i + 1} needs an http(s) url and a citation"
        for i, s in enumerate(sources)
        if not s.url.startswith(("http://", "https://")) or not s.citation.strip()
    ]


def _ordered(where: str, *dates: tuple[str, str | None], strict_last: bool = False) -> list[str]:
    """Problems where named dates (given in expected order) go backwards."""
    present = [(name, value) for name, value in dates if value]
    problems = []
    for (n1, v1), (n2, v2) in zip(present, present[1:], strict=False):
        if first_day(v2) < first_day(v1):
            problems.append(f"{where}: {n2} {v2} is before {n1} {v1}")
    if strict_last and len(present) >= 2 and present[-1][1] == present[-2][1]:
        problems.append(f"{where}: {present[-1][0]} equals {present[-2][0]}")
    return problems


def _tie_problems(tie: Tie, known: set[str]) -> list[str]:
    where = f"tie {tie.id or '?'}"
    problems = []
    if not _SLUG.match(tie.id):
        problems.append(f"{where}: id must be a lower-case slug")
    if tie.kind not in TIE_KINDS:
        problems.append(f"{where}: kind {tie.kind!r} is not one of {', '.join(TIE_KINDS)}")
    if not tie.name.strip():
        problems.append(f"{where}: no name")
    if tie.actor is not None and not _ORG.match(tie.actor):
        problems.append(f"{where}: actor {tie.actor!r} must be an org: identifier")
    if not tie.start:
        problems.append(f"{where}: needs a signed or in_force date")
    problems += _ordered(
        where, ("signed", tie.signed), ("in_force", tie.in_force), ("ended", tie.ended)
    )
    problems += _sources(tie.sources, where)
    if len(tie.member_ids) < 2:
        problems.append(f"{where}: needs at least two members")
    for m in tie.members:
        mw = f"{where} member {m.actor}"
        if m.actor not in known:
            problems.append(f"{mw}: unknown member (not an ISO3 code or a declared org: id)")
        problems += _ordered(
            mw, ("tie signed", tie.signed), ("joined", m.joined), ("left", m.left),
            ("tie ended", tie.ended), strict_last=False,
        )  # fmt: skip
        if m.joined and m.left and m.joined == m.left:
            problems.append(f"{mw}: left on the day it joined")
    spells = Counter(m.actor for m in tie.members)
    for actor in (a for a, n in spells.items() if n > 1):
        runs = sorted(
            (first_day(m.joined or tie.start or "0000"), m.left and first_day(m.left))
            for m in tie.members
            if m.actor == actor
        )
        for (_, end), (start, _) in zip(runs, runs[1:], strict=False):
            if end is None or start < end:
                problems.append(f"{where} member {actor}: membership spells overlap")
    members = set(tie.member_ids)
    for actor, row in tie.obligations.items():
        if actor != "default" and actor not in members:
            problems.append(f"{where}: obligations for {actor}, who is not a member")
        for name, value in row.items():
            if name not in OBLIGATIONS or value not in (0, 1):
                problems.append(f"{where}: obligation {actor}.{name}={value!r} is not valid")
    for b in tie.basing:
        if b.host not in known or b.guest not in known:
            problems.append(f"{where}: basing {b.guest} in {b.host} names an unknown state")
        problems += _ordered(f"{where} basing", ("from", b.start), ("to", b.end))
    for s in tie.suspensions:
        if not set(s.between) <= members:
            problems.append(f"{where}: suspension between non-members {s.between}")
        problems += _ordered(f"{where} suspension", ("from", s.start), ("to", s.end))
    return problems


def validate(reference: Reference) -> list[str]:
    """Every problem in the reference, one line each; [] when it is valid."""
    orgs = {t.actor for t in reference.ties if t.actor}
    known = set(iso3_codes()) | orgs
    problems = []
    for tie_id, n in Counter(t.id for t in reference.ties).items():
        if n > 1:
            problems.append(f"tie {tie_id}: id used {n} times")
    for tie in reference.ties:
        problems += _tie_problems(tie, known)
    for p in reference.posture:
        where = f"posture {p.id or '?'}"
        if not _SLUG.match(p.id):
            problems.append(f"{where}: id must be a lower-case slug")
        if p.host not in known or p.guest not in known:
            problems.append(f"{where}: unknown host or guest ({p.host}, {p.guest})")
        if p.kind not in POSTURE_KINDS:
            problems.append(f"{where}: kind {p.kind!r} is not one of {', '.join(POSTURE_KINDS)}")
        if p.personnel is not None and (p.personnel <= 0 or p.bound not in BOUNDS):
            problems.append(f"{where}: personnel needs a positive figure and a bound")
        problems += _sources(p.sources, where)
    seen: Counter = Counter()
    for b in reference.budgets:
        where = f"budget {b.state} {b.fiscal_year}"
        seen[(b.state, b.fiscal_year, b.basis)] += 1
        if b.state not in iso3_codes():
            problems.append(f"{where}: unknown state")
        if b.currency not in currency_codes():
            problems.append(f"{where}: {b.currency!r} is not an ISO 4217 code")
        if b.amount <= 0:
            problems.append(f"{where}: amount must be positive")
        if not 1 <= b.fiscal_year_start_month <= 12:
            problems.append(f"{where}: fiscal year start month must be 1-12")
        problems += _sources(b.sources, where)
    problems += [f"budget {s} {fy}: listed {n} times" for (s, fy, _), n in seen.items() if n > 1]
    return problems
