"""The ties component: alliances, agreements, groupings and partnerships a document names or
describes, each with its exact span, resolved against the bundled reference where possible.

Two sources of ties feed one list:
- names and aliases of reference ties ("the Japan-US Security Treaty", "SOFA", "the QUAD"),
  found by `named_ties.py` from the reference itself (the one shared list of treaty names);
- ties the text describes ("the US-Japan alliance", "US-Japan-ROK", "its collusion with NATO",
  "their special relationship"), found by `described_ties.py` from the resolved mentions.

A described tie whose member set matches a reference tie in force on the publication date takes
that tie's id and kind (so "the US-Japan alliance" and "the Japan-US Security Treaty" are one
alliance tie); otherwise three or more members make a grouping and two a partnership (an
agreement when the text says agreement, an alliance when it says treaty or pact). The output
has one tie per reference id, and one per member set among the rest; a described tie repeating
the members of a known tie is dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from alliances.extract.described_ties import TIE_ACTOR_KINDS, Described, SentenceView, describe
from alliances.extract.model import Tie
from alliances.extract.named_ties import (
    NamedTies,
    choose,
    default_named_ties,
    members_for,
    object_after,
)
from alliances.extract.pipeline import State
from alliances.extract.scan import folded
from alliances.reference import Reference
from alliances.reference import Tie as ReferenceTie
from alliances.reference.model import first_day

# Which reference kinds a described noun may resolve to, in order of preference.
PREFERENCE = {
    "treaty": ("alliance", "agreement"),
    "alliance": ("alliance", "grouping", "partnership"),
    "agreement": ("agreement",),
    "partnership": ("alliance", "grouping", "partnership"),
    "weak": ("alliance", "grouping", "partnership", "agreement"),
    "chain": ("grouping", "partnership", "alliance"),
}


@dataclass
class _Candidate:
    key: tuple
    tie: Tie
    named: bool = False


def _sentence_of(starts: list[int], position: int) -> int:
    return max(0, bisect_right(starts, position) - 1)


class MemberIndex:
    """`Reference.ties_between`, testing only the ties that ever had all the wanted members and
    whose lifelong members are all wanted (the same ties in the same order, without computing
    every other tie's members on the day)."""

    def __init__(self, reference: Reference) -> None:
        self.ever = {t.id: frozenset(t.member_ids) for t in reference.ties}
        # members for the whole life of the tie: members on every day it is in force
        self.core = {
            t.id: frozenset(
                m.actor
                for m in t.members
                if m.joined in (None, t.start) and m.left in (None, t.ended)
            )
            for t in reference.ties
        }
        self.by_member: dict[str, list[ReferenceTie]] = {}
        for tie in reference.ties:
            for actor in tie.member_ids:
                self.by_member.setdefault(actor, []).append(tie)

    def ties_between(self, members, on: str | None = None) -> list[ReferenceTie]:
        wanted = frozenset(members)
        if not wanted:
            return []
        ties = self.by_member.get(next(iter(wanted)), ())
        if on is None:
            return [t for t in ties if self.ever[t.id] == wanted]
        return [
            t
            for t in ties
            if self.core[t.id] <= wanted <= self.ever[t.id]
            and frozenset(t.members_on(on)) == wanted
        ]


def resolve(
    reference: Reference,
    members: frozenset[str],
    noun: str,
    date: str | None,
    index: MemberIndex | None = None,
):
    """The reference tie a described member set and noun refer to, or None (`index`, built
    from `reference`, makes it faster)."""
    between = index.ties_between if index is not None else reference.ties_between
    ever = between(members)
    if date is None:
        pools = [ever]
    else:  # in force on the date, else any that had started by then (not a future one)
        started = [t for t in ever if t.start and first_day(t.start) <= first_day(date)]
        pools = [between(members, on=date), started]
    for pool in pools:
        for kind in PREFERENCE[noun]:
            found = [t for t in pool if t.kind == kind]
            if len(found) == 1 or (found and noun != "agreement"):
                return max(found, key=lambda t: t.start or "")
    return None


class TieFinder:
    """Finds a document's ties; built once (it compiles the reference's names)."""

    def __init__(self, reference: Reference, named: NamedTies) -> None:
        self.reference = reference
        self.named = named
        self.index = MemberIndex(reference)

    def __call__(
        self, text: str, sentences: Sequence, mentions: Sequence, date: str | None
    ) -> list[Tie]:
        starts = [s.start for s in sentences]
        by_sentence: list[list] = [[] for _ in sentences]
        for m in mentions:
            if sentences:
                by_sentence[_sentence_of(starts, m.start)].append(m)
        document_ids = Counter(m.actor_id for m in mentions)
        found: list[_Candidate] = []
        named: dict[tuple, _Candidate] = {}
        consumed: set[int] = set()
        for match in self.named.find(text):
            index = _sentence_of(starts, match.start)
            in_sentence = by_sentence[index] if sentences else []
            tie = choose(
                match,
                object_after(match, text, in_sentence),
                [m.actor_id for m in in_sentence],
                document_ids,
                date,
            )
            if tie is None:
                continue
            consumed.update(
                m.start
                for m in in_sentence
                if match.start <= m.start
                and m.end <= match.end
                and m.end - m.start < len(match.text)
            )
            if ("ref", tie.id) not in named:  # the first name of a tie is its span
                named[("ref", tie.id)] = self._named(tie, match.start, match.end, text, date)
        found.extend(named.values())
        resolved: dict[tuple, ReferenceTie | None] = {}
        previous: str | None = None
        lower = folded(text)
        for sentence, in_sentence in zip(sentences, by_sentence, strict=True):
            if not any(m.kind in TIE_ACTOR_KINDS for m in in_sentence):
                continue  # no tie to describe, and no subject for the next sentence
            view = SentenceView(text, sentence.start, sentence.end, in_sentence, previous, lower)
            for d in describe(view, consumed):
                key = (frozenset(d.members), d.noun)
                if key not in resolved:
                    resolved[key] = resolve(self.reference, key[0], d.noun, date, self.index)
                found.append(self._described(d, resolved[key], text))
            previous = view.first_actor() or previous
        return _merge(found)

    def _named(self, tie: ReferenceTie, start: int, end: int, text: str, date) -> _Candidate:
        members = list(members_for(tie, date))
        item = Tie(tie.kind, text[start:end], members, start, end, text[start:end], tie.id)
        return _Candidate(("ref", tie.id), item, named=True)

    def _described(self, d: Described, tie: ReferenceTie | None, text: str) -> _Candidate:
        """A described tie, as the reference tie `tie` it resolved to, or as it stands."""
        members = frozenset(d.members)
        span = text[d.start : d.end]
        if tie is not None:
            item = Tie(tie.kind, span, sorted(members), d.start, d.end, span, tie.id)
            return _Candidate(("ref", tie.id), item)
        if len(members) >= 3:
            kind = "grouping"
        else:  # a treaty named as such is an alliance; an unknown "alliance" a partnership
            kind = {"treaty": "alliance", "agreement": "agreement"}.get(d.noun, "partnership")
        return _Candidate(("set", members), Tie(kind, span, sorted(members), d.start, d.end, span))


def _merge(found: list[_Candidate]) -> list[Tie]:
    """One tie per key, in text order, its span the first name (else the first description);
    unresolved ties repeating the member set of a known tie are dropped."""
    known_sets = {frozenset(c.tie.members) for c in found if c.key[0] == "ref"}
    out: dict[tuple, Tie] = {}
    for c in sorted(found, key=lambda c: (not c.named, c.tie.start)):
        if c.key in out or (c.key[0] == "set" and c.key[1] in known_sets):
            continue
        out[c.key] = c.tie
    return sorted(out.values(), key=lambda t: t.start)


class Ties:
    """Fills `extraction.ties` and slot "ties" from the sentences and resolved mentions."""

    name = "ties"
    requires = ("sentences", "mentions")
    assigns = ("ties",)

    def __init__(self, finder: TieFinder | None = None) -> None:
        if finder is None:
            named = default_named_ties()
            finder = TieFinder(named.reference, named)
        self.finder = finder

    def __call__(self, state: State) -> None:
        ties = self.finder(
            state.text,
            state.slots["sentences"],
            state.slots["mentions"],
            state.document.published_date,
        )
        state.slots["ties"] = ties
        state.extraction.ties = ties
