"""Named treaties, agreements and groupings found by the aliases of the bundled reference.

The reference (`alliances.reference`) is the one list of names: this module compiles every
name and alias into one regular expression and, for a match, picks the reference tie it names.
Matching is tolerant of how news writes names ("U.S.-Japan", en dashes, any case in long names)
but strict where case carries meaning: an acronym must be in capitals ("SOFA", not "sofa") and
a capitalised word in a one- or two-word name must be capitalised ("Quad", not "quad").

An alias can name several ties ("the Reciprocal Access Agreement": Japan's with Australia, the
UK or the Philippines). The states the text names decide: the state right after "with", then
those of the sentence, then those of the document; without a clear winner the match is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from alliances.extract.scan import folded
from alliances.reference import Reference, Tie
from alliances.reference import load as load_reference
from alliances.reference.model import first_day

_DASH = r"\s*[-\u2010-\u2015\u2212]\s*"
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WITH = re.compile(r"^\s+with\s+(?:the\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
_JOINERS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_")


def _first_words(alias: str) -> set[str]:
    """The lower-cased first word(s) a text match of the alias starts with ("U.S." is "u")."""
    alias = re.sub(r"\s*\([^)]*\)", "", alias)
    first = _WORD.search(alias)
    word = first.group().lower() if first else ""
    return {"us", "u"} if word in ("us", "u") else {"uk", "u"} if word in ("uk",) else {word}


def _word(token: str, strict_case: bool) -> str:
    if token in ("US", "UK"):
        return rf"{token[0]}\.?{token[1]}\.?"
    if len(token) > 1 and token.isupper():
        return re.escape(token)
    if token == "'":
        return "['\u2019]"
    if strict_case and token[:1].isupper():
        return re.escape(token[0]) + f"(?i:{re.escape(token[1:])})" if token[1:] else token
    return f"(?i:{re.escape(token)})"


def _clean(alias: str) -> str:
    """The alias as its pattern is built from: no bracketed parts, "U.S." as "US"."""
    return re.sub(r"\s*\([^)]*\)", "", alias).replace("U.S.", "US").replace("U.K.", "UK")


def _needed_word(alias: str) -> str | None:
    """A lower-cased word that every text match of the alias holds beyond its first word (its
    longest plain word; "US"/"UK" may be dotted, so not those), or None when there is none."""
    words = [
        t.group()
        for t in list(_TOKEN.finditer(_clean(alias)))[1:]
        if t.group().isascii() and t.group().isalpha() and t.group() not in ("US", "UK")
    ]
    return max(words, key=len).lower() if words else None


def alias_pattern(alias: str) -> str:
    """A regular expression for one alias (see the module docstring for the case rules)."""
    alias = _clean(alias)
    tokens = list(_TOKEN.finditer(alias))
    strict = sum(t.group()[0].isalnum() for t in tokens) <= 2
    out: list[str] = []
    previous_end = None
    for match in tokens:
        token = match.group()
        if token in "-\u2013\u2014":
            out.append(_DASH)
        else:
            if out and out[-1] != _DASH and previous_end is not None:
                out.append(r"\s+" if alias[previous_end : match.start()] else "")
            out.append(_word(token, strict))
        previous_end = match.end()
    return "".join(out)


@dataclass(frozen=True)
class NamedMatch:
    """A span of text that names one or more reference ties."""

    start: int
    end: int
    text: str
    candidates: tuple[Tie, ...]


class NamedTies:
    """Every reference name and alias as a pattern, grouped by its first word.

    One regular expression with hundreds of alternatives would try each of them at every
    character; instead each word of the text is looked up by its first word, and only that
    word's group of patterns (longest first) is tried there. A group is tried in a text only
    when the text holds, as a word, for one of its aliases, the word that alias needs besides
    its first ("the" starts only "the Squad": a text without the word "squad" never tries it;
    every match of an alias holds its needed word whole, between spaces, dashes or marks).
    """

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        patterns: dict[str, set[str]] = {}
        first_words: dict[str, set[str]] = {}
        needs: dict[str, set[str | None]] = {}
        for tie in reference.ties:
            for name in (tie.name, *tie.aliases):
                pattern = alias_pattern(name)
                patterns.setdefault(pattern, set()).add(tie.id)
                first_words.setdefault(pattern, set()).update(_first_words(name))
                for word in _first_words(name):
                    needs.setdefault(word, set()).add(_needed_word(name))
        # first word -> the words one of which a text needs for its group to match (None: none)
        self._needs = {w: None if None in n else tuple(sorted(n)) for w, n in needs.items()}
        # first word -> a pattern finding it as a whole word (a literal first: a fast scan)
        self._whole = {
            w: re.compile(rf"{re.escape(w)}(?<![^\W_]{'.' * len(w)})(?![^\W_])", re.DOTALL)
            for w in needs
        }
        by_word: dict[str, list[str]] = {}
        for pattern, words in first_words.items():
            for word in words:
                by_word.setdefault(word, []).append(pattern)
        self._groups: dict[str, tuple[re.Pattern, list[tuple[Tie, ...]]]] = {}
        for word, group in by_word.items():
            ordered = sorted(group, key=len, reverse=True)
            regex = re.compile("|".join(f"({p})" for p in ordered) + r"(?!\w)")
            ties = [tuple(reference[i] for i in sorted(patterns[p])) for p in ordered]
            self._groups[word] = (regex, ties)

    def find(self, text: str) -> list[NamedMatch]:
        """Every alias match, leftmost-longest, not overlapping."""
        low = folded(text)
        if low is None:
            return self._find_words(text)
        groups = self._groups
        # the lower-cased words of the text that start a group, in order (found in C, not in
        # a loop over every word); each is then found again in the text, from the last one
        words = _WORD.findall(low)
        live = self._live(set(words))
        out: list[NamedMatch] = []
        taken = position = 0
        for key in [w for w in words if w in live]:
            found = self._whole[key].search(low, position)
            start, position = found.start(), found.end()
            if start < taken or (start and text[start - 1] in _JOINERS):
                continue
            if text[start:position].lower() != key:  # folded "ı" and "ſ", which lower() keeps
                continue
            regex, ties = groups[key]
            m = regex.match(text, start)
            if m is not None:
                out.append(NamedMatch(start, m.end(), m.group(), ties[m.lastindex - 1]))
                taken = m.end()
        return out

    def _live(self, words: set[str]) -> set[str]:
        """The first words among `words` whose group may match: those with a needed word among
        `words` (set look-ups, where testing each needed word's presence in the text would
        scan the whole text for each)."""
        return {
            key
            for key in words & self._groups.keys()
            if self._needs[key] is None or not words.isdisjoint(self._needs[key])
        }

    def _find_words(self, text: str) -> list[NamedMatch]:
        """`find`, word by word (for texts that `folded` cannot map)."""
        out: list[NamedMatch] = []
        taken = 0
        for word in _WORD.finditer(text):
            start = word.start()
            group = self._groups.get(word.group().lower())
            if group is None or start < taken or (start and text[start - 1] in _JOINERS):
                continue
            m = group[0].match(text, start)
            if m is not None:
                out.append(NamedMatch(start, m.end(), m.group(), group[1][m.lastindex - 1]))
                taken = m.end()
        return out


@cache
def default_named_ties() -> NamedTies:
    """The matcher over the bundled reference, built once per process."""
    return NamedTies(load_reference())


def members_for(tie: Tie, date: str | None) -> tuple[str, ...]:
    """The tie's members on the document's date; its final members when undated or inactive."""
    if date is not None and tie.active(date):
        return tie.members_on(date)
    if tie.ended is None:
        last = max(first_day(m.joined or tie.start or "0000") for m in tie.members)
        return tie.members_on(last) or tie.member_ids
    return tie.member_ids


def choose(
    match: NamedMatch,
    object_id: str | None,
    sentence_ids: Sequence[str],
    document_ids: Counter,
    date: str | None,
) -> Tie | None:
    """The tie a name refers to, or None when the text does not decide it.

    A tie that starts more than a year after the document's date cannot be the one it names
    (news of negotiations comes a little before a signing, not years before)."""
    candidates = [t for t in match.candidates if date is None or not _too_late(t, date)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    day = first_day(date) if date else None

    def score(tie: Tie) -> tuple:
        members = set(tie.member_ids)
        return (
            object_id in members,
            len(members & set(sentence_ids)),
            sum(1 for m in members if document_ids[m]),
            # the latest tie already started on the document's date
            tie.start if day is None or first_day(tie.start or "9999") <= day else "",
        )

    ranked = sorted(candidates, key=score, reverse=True)
    if score(ranked[0]) == score(ranked[1]):
        return None
    best = ranked[0]
    if not (score(best)[0] or score(best)[1] or score(best)[2] >= len(best.member_ids)):
        return None
    return best


def _too_late(tie: Tie, date: str) -> bool:
    start = tie.signed or tie.start
    return start is not None and int(start[:4]) > int(date[:4]) + 1


def object_after(match: NamedMatch, text: str, mentions: Sequence) -> str | None:
    """The actor named right after the match by "with" ("... Agreement with Britain")."""
    for m in mentions:
        if m.start >= match.end:
            return m.actor_id if _WITH.match(text[match.end : m.start]) else None
    return None
