"""Ties that the text describes rather than names, read off the resolved actor mentions.

Shapes handled, each within one sentence:
- a hyphenated chain: "US-Japan-ROK" (3+ states: a grouping, whatever follows), "the Japan-US
  alliance", "Japan-NATO partnership" (two actors: only before a tie noun);
- "between": "defense relations between the US and the UK and between the US and Japan",
  "an alliance ... similar to the one between the UK and the US";
- an owner and a partner: "its alliance with Japan", "Japan's collusion with NATO", "signed a
  defence pact with Britain" (the owner is a possessive, else the sentence's first actor; an
  "it"/"its" before any actor refers to the previous sentence's first actor);
- "their": "The US and the UK ..., with their 'special relationship'" (the two actors named
  before it);
- a coordinated subject: "the US and Japan formed an alliance";
- allies: "US ally Japan", "Japan, a treaty ally of the US", "Japan and the US are allies";
- a list of 3+ states in a sentence that says trilateral/quadrilateral ("the trilateral summit
  of Japan, the US and South Korea").

Weak nouns ("relations", "ties", "cooperation") count only with a security qualifier ("defense
relations", "security ties"), so "China-US relations" is not a tie. Each shape gives the member
set, the span and the noun; `ties.py` turns that into a kind with the reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

TIE_ACTOR_KINDS = frozenset({"state", "organisation"})
# Words that may stand before a tie noun, and those that make a weak noun a security tie.
_Q = r"(?:security|defen[cs]e|military|strategic|bilateral|trilateral|mutual|comprehensive|" \
    r"global|special|equal|formal|close|closer|deepening|growing|new|reciprocal|ironclad|" \
    r"enduring|robust|long-standing|decades-old|formidable|historic|regional|" \
    r"[\"“‘][^\"“”‘’]{1,30}[\"”’])"  # fmt: skip
_SEC = (
    r"(?:security|defen[cs]e|military|strategic|special|reciprocal|intelligence|logistics|"
    r"access|basing|status-of-forces|host-nation)"
)
_MOD = rf"(?:{_Q}|{_SEC}|framework|cooperation|sharing|information-sharing|support)"
STRONG = r"alliances?|partnerships?|treat(?:y|ies)|pacts?|collusion"
WEAK = (
    r"relations|relationship|ties|cooperation|co-operation|arrangements?|dialogue|links|"
    r"agreements?|accords?"
)
# A tie noun, allowing qualifiers and quotes before it; weak nouns need a qualifier.
_NOUN = (
    rf"(?:[\"“”'‘’]?(?:{_Q}[\"“”'‘’]?\s+){{0,3}}(?P<strong>(?:quasi-)?(?:{STRONG}))\b"
    rf"|[\"“”'‘’]?(?:{_MOD}[\"“”'‘’]?\s+){{0,2}}{_SEC}[\"“”'‘’]?\s+"
    rf"(?:{_MOD}[\"“”'‘’]?\s+){{0,2}}(?P<weak>{WEAK})\b)"
)
_CHAIN_GAP = re.compile(r"^\s?[-\u2010-\u2015]\s?$")
_AFTER_CHAIN = re.compile(rf"[\"“”'‘’]?\s+{_NOUN}", re.IGNORECASE)  # used with .match(pos)
_BETWEEN_WORD = re.compile(r"\bbetween\s+(?:the\s+)?", re.IGNORECASE)
_BETWEEN = re.compile(rf"(?:{_NOUN}|\b(?P<one>one|ones))\s+$", re.IGNORECASE)
_AND = re.compile(r"^\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?$", re.IGNORECASE)
_AND_BETWEEN = re.compile(r"^\s+and\s+between\s+(?:the\s+)?$", re.IGNORECASE)
_WITH_WORD = re.compile(r"\bwith\s+(?:the\s+)?", re.IGNORECASE)
_WITH = re.compile(
    rf"(?:{_NOUN}|\b(?P<verb>signed|concluded|inked|forged|sealed)\s+"
    rf"(?P<object>[^.;,]{{0,80}}?\b(?:{STRONG}|{WEAK}|deal)))\s+$",
    re.IGNORECASE,
)
# What a signed object must show to be a security tie: a qualifier or a capitalised name.
_SECURITY_OBJECT = re.compile(
    rf"\b{_Q}\b|\b(?:Agreement|Accord|Treaty|Pact|Arrangement)s?\b|\b(?:{STRONG})\b"
)
_NOT_SECURITY = re.compile(
    r"\b(?:trade|economic|investment|tax|currency|swap|climate|energy|loan|fisher(?:y|ies)|"
    r"customs|tariffs?|aviation|visa|cultural|educational|scientific|health|business)\b",
    re.IGNORECASE,
)
_THEIR = re.compile(rf"\btheir\s+{_NOUN}", re.IGNORECASE)
_THEN_WITH = re.compile(r"\s+with\b", re.IGNORECASE)
_SUBJECT_VERB = re.compile(
    r"\s+(?:have\s+|has\s+|had\s+|also\s+|jointly\s+){0,2}"
    r"(?:formed|signed|concluded|forged|established|inked|sealed|upgraded|launched|declared|"
    r"announced|unveiled|agreed\s+(?:on|to)|elevated|renewed|restored)\s+"
    rf"(?:(?:a|an|the|their|new)\s+)?(?:[\w-]+\s+){{0,4}}?{_NOUN}",
    re.IGNORECASE,
)
_ALLY_ADJ = r"(?:(?:treaty|close|closest|key|major|staunch|important|major\s+non-NATO)\s+)?"
_ALLY_AFTER = re.compile(rf"(?:['’]s)?\s+{_ALLY_ADJ}ally,?\s+(?:the\s+)?$", re.IGNORECASE)
_ALLY_OF = re.compile(rf",\s+an?\s+{_ALLY_ADJ}ally\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_ARE_ALLIES = re.compile(
    rf"\s+(?:are|remain|became|were|have\s+been)\s+{_ALLY_ADJ}allies\b", re.IGNORECASE
)
_MINILATERAL = re.compile(r"\b(?:tri|quadri|mini)lateral\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and)\s+(?:the\s+)?$", re.IGNORECASE)
_POSSESSIVE_GAP = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,4}$")
_PRONOUN_GAP = re.compile(r"\b(?P<p>its|their)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
_LEADING_PRONOUN = re.compile(r"\b(?:it|its)\b", re.IGNORECASE)
# Every word a tie noun (`_NOUN`, or the object of a signing verb) can end in, lower-cased: a
# regex that ends in a tie noun and then spaces can only match where the text before the spaces
# ends in one of these (a cheap test before the costly search).
_NOUN_ENDINGS = (
    "alliance", "alliances", "partnership", "partnerships", "treaty", "treaties", "pact",
    "pacts", "collusion", "relations", "relationship", "ties", "cooperation", "co-operation",
    "arrangement", "arrangements", "dialogue", "links", "agreement", "agreements", "accord",
    "accords", "deal",
)  # fmt: skip


@dataclass(frozen=True)
class Described:
    """A tie read from the text: members (unsorted), noun class, span."""

    members: tuple[str, ...]
    noun: str  # treaty | alliance | agreement | partnership | weak | chain
    start: int
    end: int


def noun_class(word: str | None) -> str:
    """The kind a tie noun suggests: treaty, alliance, agreement, partnership or weak."""
    if word is None:
        return "chain"
    w = word.lower().removeprefix("quasi-")
    if w.startswith(("treat", "pact")):
        return "treaty"
    if w.startswith("allian"):
        return "alliance"
    if w.startswith(("partnership", "collusion")):
        return "partnership"
    if w.startswith(("agreement", "accord", "arrangement")):
        return "agreement"
    return "weak"


def _noun(match: re.Match) -> str | None:
    return match.group("strong") or match.group("weak")


class SentenceView:
    """One sentence and the tie-capable mentions in it, with the previous sentence's subject."""

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        mentions: Sequence,
        previous: str | None,
        folded: str | None = None,
    ):
        self.text, self.start, self.end = text, start, end
        self.mentions = [m for m in mentions if m.kind in TIE_ACTOR_KINDS]
        self.by_start = {m.start: m for m in self.mentions}
        self.previous_subject = previous
        self.folded = folded  # `scan.folded(text)`, for cheap tests; None: no tests

    def may_say(self, word: str) -> bool:
        """False only when the sentence surely lacks `word` (lower case) in any case."""
        return self.folded is None or self.folded.find(word, self.start, self.end) >= 0

    def matches(self, pattern: re.Pattern, literal: str) -> Iterator[re.Match]:
        """`pattern.finditer` over the sentence, for a pattern whose every match starts with
        `literal` (lower case, in any case): tried only where the literal is."""
        text, end, low = self.text, self.end, self.folded
        if low is None:
            yield from pattern.finditer(text, self.start, end)
            return
        at = low.find(literal, self.start, end)
        while at >= 0:
            match = pattern.match(text, at, end)
            if match is not None:
                yield match
                at = low.find(literal, max(match.end(), at + 1), end)
            else:
                at = low.find(literal, at + 1, end)

    def may_end_in_noun(self, start: int, end: int, more: tuple[str, ...] = ()) -> bool:
        """False only when text[start:end] surely does not end in a tie noun and spaces."""
        if self.folded is None:
            return True
        return self.folded[start:end].rstrip().endswith(_NOUN_ENDINGS + more)

    def first_actor(self) -> str | None:
        """The first actor the sentence names (what a following "it" most often refers to)."""
        return self.mentions[0].actor_id if self.mentions else None

    def subject(self, before: int) -> str | None:
        """The sentence's subject before `before`: an "it"/"its" before any actor defers to the
        previous sentence's first actor, else the first actor of the sentence (None when the
        sentence names none there: "Ishiba said the alliance with the US ..." has no owner)."""
        first = next((m for m in self.mentions if m.start < before), None)
        lead = _LEADING_PRONOUN.search(self.text, self.start, first.start if first else before)
        if lead is not None:
            return self.previous_subject
        return first.actor_id if first else None

    def owners(self, at: int) -> list[str]:
        """Whose tie the noun at `at` is: "X's ...", "its ...", "their ..." (a pair) or the
        sentence's subject."""
        for m in reversed(self.mentions):
            if m.end <= at and _POSSESSIVE_GAP.match(self.text[m.end : at]):
                return [m.actor_id]
        pronoun = _PRONOUN_GAP.search(self.text, max(self.start, at - 60), at)
        if pronoun is not None and pronoun.group("p").lower() == "its":
            earlier = [m for m in self.mentions if m.end <= pronoun.start()]
            found = earlier[-1].actor_id if earlier else self.previous_subject
            return [found] if found else []
        if pronoun is not None:
            return list(self.pair_before(pronoun.start()) or ())
        subject = self.subject(at)
        return [subject] if subject else []

    def pair_before(self, at: int) -> tuple[str, str] | None:
        """What "their" before `at` refers to: the last "A and B" before it, else the only two
        actors the sentence names before it."""
        earlier = [m for m in self.mentions if m.end <= at]
        for a, b in zip(earlier[-2::-1], earlier[::-1], strict=False):
            if a.actor_id != b.actor_id and _AND.match(self.text[a.end : b.start]):
                return a.actor_id, b.actor_id
        distinct = _distinct([m.actor_id for m in earlier])
        return (distinct[0], distinct[1]) if len(distinct) == 2 else None

    def after(self, position: int, gap: re.Pattern) -> object | None:
        """The first mention after `position` if the text up to it matches `gap`."""
        for m in self.mentions:
            if m.start >= position:
                return m if gap.match(self.text[position : m.start]) else None
        return None


def chains(view: SentenceView) -> list[list]:
    """Runs of mentions joined by single hyphens or dashes ("US-Japan-India-Australia")."""
    out, run = [], []
    for m in view.mentions:
        gap = m.start - run[-1].end if run else 0
        if run and 0 < gap <= 3 and _CHAIN_GAP.match(view.text[run[-1].end : m.start]):
            run.append(m)
            continue
        if len(run) >= 2:
            out.append(run)
        run = [m]
    if len(run) >= 2:
        out.append(run)
    return out


def _distinct(ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def from_chains(view: SentenceView, consumed: set[int]) -> list[Described]:
    out = []
    for run in chains(view):
        if any(m.start in consumed for m in run):
            continue
        members = _distinct([m.actor_id for m in run])
        if len(members) < 2:
            continue
        end = run[-1].end
        noun = _AFTER_CHAIN.match(view.text, end)
        states = sum(1 for m in run if m.kind == "state")
        if noun is not None:
            out.append(Described(members, noun_class(_noun(noun)), run[0].start, noun.end()))
        elif len(members) >= 3 and states >= 3:
            out.append(Described(members, "chain", run[0].start, end))
    return out


def _anchored(view: SentenceView, word: re.Pattern, literal: str) -> list[tuple[re.Match, object]]:
    """Each occurrence of `word` ("between ", "with the "), which starts with `literal`,
    directly followed by a mention."""
    out = []
    if not view.mentions or not view.may_say(literal):
        return out
    for w in view.matches(word, literal):
        mention = view.by_start.get(w.end())
        if mention is not None:
            out.append((w, mention))
    return out


def from_between(view: SentenceView) -> list[Described]:
    """ "<noun> between A and B (and between C and D)"."""
    out = []
    for word, a in _anchored(view, _BETWEEN_WORD, "between"):
        lo = max(view.start, word.start() - 80)
        if not view.may_end_in_noun(lo, word.start(), ("one", "ones")):
            continue
        head = _BETWEEN.search(view.text, lo, word.start())
        if head is None:
            continue
        if head.group("one") and not re.search(STRONG, view.text[view.start : head.start()]):
            continue
        noun = "alliance" if head.group("one") else noun_class(_noun(head))
        first = a
        while True:
            b = view.after(first.end, _AND)
            if b is None or b.actor_id == first.actor_id:
                break
            out.append(Described((first.actor_id, b.actor_id), noun, head.start(), b.end))
            first = view.after(b.end, _AND_BETWEEN)
            if first is None:
                break
    return out


def from_owner_with(view: SentenceView) -> list[Described]:
    """ "<owner>'s <noun> with B (and C)" and "<owner> signed ... <noun> with B"."""
    out = []
    for word, b in _anchored(view, _WITH_WORD, "with"):
        lo = max(view.start, word.start() - 120)
        if not view.may_end_in_noun(lo, word.start()):
            continue
        head = _WITH.search(view.text, lo, word.start())
        if head is None:
            continue
        if head.group("verb") is None:
            noun = noun_class(_noun(head))
        else:
            signed = head.group("object")
            if not _SECURITY_OBJECT.search(signed):
                continue
            words = re.findall(rf"{STRONG}|{WEAK}|deal", signed, re.IGNORECASE)
            noun = noun_class(words[-1]) if words else "agreement"
        owners = view.owners(head.start())
        partner = b
        while partner is not None and owners:
            for owner in owners:
                if partner.actor_id != owner:
                    members = (owner, partner.actor_id)
                    out.append(Described(members, noun, head.start(), partner.end))
            partner = view.after(partner.end, _AND)
    return out


def from_their(view: SentenceView) -> list[Described]:
    """ "their <noun>" (not followed by "with"): the pair named before it."""
    out = []
    if len(view.mentions) < 2 or not view.may_say("their"):
        return out
    for head in view.matches(_THEIR, "their"):
        if _THEN_WITH.match(view.text, head.end()):
            continue
        pair = view.pair_before(head.start())
        if pair is not None:
            out.append(Described(pair, noun_class(_noun(head)), head.start(), head.end()))
    return out


def from_subject_verb(view: SentenceView) -> list[Described]:
    """ "A and B formed/signed ... <noun>"."""
    out = []
    for a in view.mentions:
        b = view.after(a.end, _AND)
        if b is None or b.actor_id == a.actor_id:
            continue
        verb = _SUBJECT_VERB.match(view.text, b.end)
        if verb is not None:
            members = (a.actor_id, b.actor_id)
            out.append(Described(members, noun_class(_noun(verb)), a.start, verb.end()))
    return out


def from_allies(view: SentenceView) -> list[Described]:
    """ "US ally Japan", "Japan, a treaty ally of the US", "Japan and the US are allies"."""
    out = []
    for a, b in zip(view.mentions, view.mentions[1:], strict=False):
        if a.actor_id == b.actor_id:
            continue
        gap = view.text[a.end : b.start]
        if _ALLY_AFTER.match(gap) or _ALLY_OF.match(gap):
            out.append(Described((a.actor_id, b.actor_id), "alliance", a.start, b.end))
        elif _AND.match(gap):
            allies = _ARE_ALLIES.match(view.text, b.end)
            if allies is not None:
                out.append(Described((a.actor_id, b.actor_id), "alliance", a.start, allies.end()))
    return out


def from_minilateral_lists(view: SentenceView) -> list[Described]:
    """ "trilateral ... Japan, the US and South Korea": a list of 3+ states in a sentence that
    calls their meeting or cooperation trilateral (or quadrilateral, minilateral)."""
    if sum(1 for m in view.mentions if m.kind == "state") < 3 or not view.may_say("lateral"):
        return []
    if not _MINILATERAL.search(view.text, view.start, view.end):
        return []
    out = []
    run: list = []
    for m in [*view.mentions, None]:
        if (
            m is not None
            and m.kind == "state"
            and run
            and _LIST_GAP.match(view.text[run[-1].end : m.start])
        ):
            run.append(m)
            continue
        members = _distinct([r.actor_id for r in run])
        if len(members) >= 3 and re.search(r"\band\b", view.text[run[0].end : run[-1].start]):
            out.append(Described(members, "chain", run[0].start, run[-1].end))
        run = [m] if m is not None and m.kind == "state" else []
    return out


def describe(view: SentenceView, consumed: set[int]) -> list[Described]:
    """Every described tie in one sentence, in text order."""
    if len(view.mentions) < 2:  # all other shapes need two actors in the sentence
        found = from_owner_with(view) if view.mentions else []
    else:
        found = (
            from_chains(view, consumed)
            + from_between(view)
            + from_owner_with(view)
            + from_their(view)
            + from_subject_verb(view)
            + from_minilateral_lists(view)
            + from_allies(view)
        )
    found = [
        d
        for d in found
        if not _NOT_SECURITY.search(view.text, max(view.start, d.start - 25), d.end)
    ]
    return sorted(found, key=lambda d: d.start)
