"""Find gazetteer forms in a token Doc with one spaCy PhraseMatcher pass.

The pass is shared (`PhraseGroups`): the phrases other readers look for (titles, speech cues,
surnames) are found in the same passes over the Doc, one per token attribute.

Forms are matched on lower-cased tokens, then checked against the form's capitalisation: a word
written in capitals in the form ("US", "NATO") must appear exactly so, and a capitalised word
("Japan", "Pentagon") must be capitalised in the text. So "us" is never the United States and
"the Biden Administration" still matches "Biden administration".

Two kinds of form need the document to resolve:
- a form shared by several entries ("SDF": Japan's Self-Defense Forces or the Syrian Democratic
  Forces) goes to the candidate mentioned most elsewhere in the document, or is dropped;
- a generic organ of government ("the Defense Ministry", "Parliament") goes to the nearest
  state mentioned before it, or else to the document's most mentioned state.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from operator import itemgetter
from typing import NamedTuple

from spacy.attrs import IDX, LENGTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from alliances.extract.text import blank_english
from alliances.gazetteer import Entry

ANY_STATE = "*"  # candidate marker of a generic organ
NEAREST_STATE_WINDOW = 60  # tokens looked back for the state a generic organ belongs to


class Match(NamedTuple):
    """A run of tokens [start, end) whose text is a form of `actor_id`."""

    start: int
    end: int
    actor_id: str


TokenBounds = tuple[list[int], list[int]]  # per token: first character, end
Found = dict[str, list[tuple[int, int, int]]]  # group -> (match id, start, end), by start


class PhraseGroups:
    """Groups of phrases, all found in one PhraseMatcher pass per token attribute.

    A PhraseMatcher pass costs about as much for a few phrases as for thousands (it walks every
    token either way), so the readers of one document share passes instead of each running its
    own. Keys are kept apart per group: the same phrase may be in two groups ("Major").
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self._matchers: dict[str, PhraseMatcher] = {}  # by attribute ("ORTH", "LOWER")
        self._group_of: dict[int, str] = {}  # match id -> group
        self._groups: dict[str, None] = {}  # every group, in the order first added

    def add(self, group: str, key: str, phrases: list[Doc], attr: str = "ORTH") -> int:
        """Look for `phrases` as `key` of `group`, comparing tokens by `attr`; returns the
        match id that `key` is reported with."""
        match_id = self.vocab.strings.add(f"{group}:{key}")
        self._group_of[match_id] = group
        self._groups[group] = None
        if attr not in self._matchers:
            self._matchers[attr] = PhraseMatcher(self.vocab, attr=attr)
        self._matchers[attr].add(f"{group}:{key}", phrases)
        return match_id

    def __call__(self, doc: Doc) -> Found:
        """Each group's matches in `doc` (every group present, maybe with no match)."""
        found: Found = {group: [] for group in self._groups}
        group_of = self._group_of
        for matcher in self._matchers.values():
            for match in matcher(doc):
                found[group_of[match[0]]].append(match)
        return found


def token_bounds(doc: Doc) -> TokenBounds:
    """Each token's first character and end in the text, as two lists: a plain list is cheap
    to read one item at a time, where a numpy array makes an object per item read."""
    offsets = doc.to_array([IDX, LENGTH])
    firsts = offsets[:, 0]
    return firsts.tolist(), (firsts + offsets[:, 1]).tolist()


def token_span(bounds: TokenBounds, first: int, last: int) -> tuple[int, int] | None:
    """The tokens [start, end) whose characters are exactly [first, last) (first < last), as
    `Doc.char_span` finds them (strict: None when a token holds first or last inside it),
    without building a Span."""
    firsts, ends = bounds
    start, end = bisect_left(firsts, first), bisect_left(ends, last)
    if start == len(firsts) or firsts[start] != first or end == len(ends) or ends[end] != last:
        return None
    return start, end + 1


def _words(text: str, bounds: TokenBounds, start: int, end: int) -> list[str]:
    """The texts of tokens [start, end)."""
    firsts, ends = bounds
    return [text[firsts[i] : ends[i]] for i in range(start, end)]


def _shape_ok(form_words: list[str], tokens: list[str]) -> bool:
    for want, got in zip(form_words, tokens, strict=True):
        if len(want) > 1 and want.isupper():
            if got != want:
                return False
        elif want[:1].isupper() and not got[:1].isupper():
            return False
    return True


class FormMatcher:
    """Every form of every entry, plus generic organs, matched with a capitalisation check."""

    def __init__(
        self, entries: list[Entry], phrases: PhraseGroups, generic_organs: tuple[str, ...] = ()
    ) -> None:
        """Registers every form in `phrases` (group "forms", compared lower-cased)."""
        nlp = blank_english()
        self.states = {e.id for e in entries if e.kind == "state"}
        owners: dict[str, set[str]] = {}
        spellings: dict[str, set[str]] = {}
        for entry in entries:
            for form in entry.forms:
                owners.setdefault(form.lower(), set()).add(entry.id)
                spellings.setdefault(form.lower(), set()).add(form)
                if "'" in form:  # news often prints "People’s Liberation Army"
                    spellings[form.lower()].add(form.replace("'", "’"))
        for form in generic_organs:
            if form.lower() not in owners:
                owners[form.lower()] = {ANY_STATE}
                spellings[form.lower()] = {form}
        self._exact = {form for forms in spellings.values() for form in forms}
        self._forms: dict[int, tuple[tuple[str, ...], list[list[str]]]] = {}
        for key, ids in owners.items():
            docs = [nlp.make_doc(s) for s in sorted(spellings[key])]
            match_id = phrases.add("forms", key, docs, attr="LOWER")
            self._forms[match_id] = (tuple(sorted(ids)), [[t.text for t in d] for d in docs])

    def __call__(self, phrases: Found, text: str, bounds: TokenBounds) -> list[Match]:
        """Resolved matches, longest first where they overlap, sorted by start, from the
        `phrases` found in the document's Doc.

        `bounds` are the tokens' characters (`token_bounds`), so that token texts come from
        `text` without building spaCy Token objects.
        """
        firsts, ends = bounds
        exact, forms = self._exact, self._forms
        found = []  # (start, end, candidates)
        for match_id, start, end in phrases["forms"]:
            candidates, spellings = forms[match_id]
            if text[firsts[start] : ends[end - 1]] in exact or any(
                len(w) == end - start and _shape_ok(w, _words(text, bounds, start, end))
                for w in spellings
            ):
                found.append((start, end, candidates))
        found = _longest_first(found)
        counts: Counter | None = None  # counted when a match needs them (seldom)
        resolved = []
        for i, (start, end, candidates) in enumerate(found):
            actor_id = candidates[0]
            if len(candidates) > 1 or actor_id == ANY_STATE:
                if counts is None:
                    counts = Counter(c[0] for _, _, c in found if len(c) == 1)
                    counts.pop(ANY_STATE, None)
                if len(candidates) == 1:
                    actor_id = self._nearest_state(found, i, counts)
                else:
                    actor_id = max(candidates, key=lambda c: counts[c])
                    actor_id = actor_id if counts[actor_id] else None
            if actor_id is not None:
                resolved.append(Match(start, end, actor_id))
        return resolved

    def _nearest_state(self, found: list[tuple], i: int, counts: Counter) -> str | None:
        """The state of a generic organ: the nearest one named before it, else the commonest."""
        for _, end, candidates in reversed(found[:i]):
            if found[i][0] - end > NEAREST_STATE_WINDOW:
                break
            if len(candidates) == 1 and candidates[0] in self.states:
                return candidates[0]
        states = [(n, s) for s, n in counts.items() if s in self.states]
        return max(states)[1] if states else None


def _longest_first(found: list[tuple]) -> list[tuple]:
    """`longest_first` for (start, end, ...) tuples."""
    if len(found) < 2:
        return found
    by_start = sorted(found, key=itemgetter(0))
    if all(a[1] <= b[0] for a, b in zip(by_start, by_start[1:], strict=False)):
        return by_start  # no overlaps (the common case): every match stays
    taken = bytearray(max(end for _, end, *_ in found))
    kept = []
    for item in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
        start, end = item[0], item[1]
        if not any(taken[start:end]):
            kept.append(item)
            taken[start:end] = b"\x01" * (end - start)
    kept.sort(key=lambda m: m[0])
    return kept


def longest_first(matches: list) -> list:
    """Drop matches overlapping a longer (or, equally long, earlier) one; sort by start.

    Works on anything with `start` and `end` token offsets.
    """
    taken: set[int] = set()
    kept = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if taken.isdisjoint(range(m.start, m.end)):
            kept.append(m)
            taken.update(range(m.start, m.end))
    return sorted(kept, key=lambda m: m.start)
