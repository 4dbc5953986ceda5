"""Find gazetteer forms in a token Doc with one spaCy PhraseMatcher pass.

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

from collections import Counter
from dataclasses import dataclass

import numpy as np
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from alliances.extract.text import blank_english
from alliances.gazetteer import Entry

ANY_STATE = "*"  # candidate marker of a generic organ
NEAREST_STATE_WINDOW = 60  # tokens looked back for the state a generic organ belongs to


@dataclass(frozen=True)
class Match:
    """A run of tokens [start, end) whose text is a form of `actor_id`."""

    start: int
    end: int
    actor_id: str


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    candidates: tuple[str, ...]


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

    def __init__(self, entries: list[Entry], generic_organs: tuple[str, ...] = ()) -> None:
        nlp = blank_english()
        self.vocab = nlp.vocab
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
        self._matcher = PhraseMatcher(self.vocab, attr="LOWER")
        self._forms: dict[int, tuple[tuple[str, ...], list[list[str]]]] = {}
        for key, ids in owners.items():
            docs = [nlp.make_doc(s) for s in sorted(spellings[key])]
            match_id = self.vocab.strings.add(key)
            self._forms[match_id] = (tuple(sorted(ids)), [[t.text for t in d] for d in docs])
            self._matcher.add(key, docs)

    def __call__(self, doc: Doc, text: str, offsets: np.ndarray) -> list[Match]:
        """Resolved matches, longest first where they overlap, sorted by start.

        `offsets` holds each token's first character and length (`doc.to_array([IDX, LENGTH])`),
        so that token texts come from `text` without building spaCy Token objects.
        """
        found = []
        for match_id, start, end in self._matcher(doc):
            candidates, spellings = self._forms[match_id]
            first, last, length = offsets[start, 0], offsets[end - 1, 0], offsets[end - 1, 1]
            if text[first : last + length] in self._exact or any(
                len(w) == end - start and _shape_ok(w, self._words(text, offsets, start, end))
                for w in spellings
            ):
                found.append(_Found(start, end, candidates))
        found = longest_first(found)
        counts = Counter(f.candidates[0] for f in found if len(f.candidates) == 1)
        counts.pop(ANY_STATE, None)
        resolved = []
        for i, item in enumerate(found):
            if item.candidates == (ANY_STATE,):
                actor_id = self._nearest_state(found, i, counts)
            elif len(item.candidates) > 1:
                actor_id = max(item.candidates, key=lambda c: counts[c])
                actor_id = actor_id if counts[actor_id] else None
            else:
                actor_id = item.candidates[0]
            if actor_id is not None:
                resolved.append(Match(item.start, item.end, actor_id))
        return resolved

    @staticmethod
    def _words(text: str, offsets: np.ndarray, start: int, end: int) -> list[str]:
        return [text[i : i + n] for i, n in offsets[start:end].tolist()]

    def _nearest_state(self, found: list[_Found], i: int, counts: Counter) -> str | None:
        """The state of a generic organ: the nearest one named before it, else the commonest."""
        for item in reversed(found[:i]):
            if found[i].start - item.end > NEAREST_STATE_WINDOW:
                break
            if len(item.candidates) == 1 and item.candidates[0] in self.states:
                return item.candidates[0]
        states = [(n, s) for s, n in counts.items() if s in self.states]
        return max(states)[1] if states else None


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
