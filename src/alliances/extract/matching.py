"""Find gazetteer forms in a token Doc with one spaCy PhraseMatcher pass.

Forms are matched on lower-cased tokens, then checked against the form's capitalisation: a word
written in capitals in the form ("US", "NATO") must appear exactly so, and a capitalised word
("Japan", "Pentagon") must be capitalised in the text. So "us" is never the United States and
"the Biden Administration" still matches "Biden administration".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from alliances.extract.text import blank_english
from alliances.gazetteer import Entry


@dataclass(frozen=True)
class Match:
    """A run of tokens [start, end) whose text is a form of `actor_id`."""

    start: int
    end: int
    actor_id: str


def _shape_ok(form_words: list[str], tokens: list[str]) -> bool:
    for want, got in zip(form_words, tokens, strict=True):
        if len(want) > 1 and want.isupper():
            if got != want:
                return False
        elif want[:1].isupper() and not got[:1].isupper():
            return False
    return True


class FormMatcher:
    """Every form of every entry, matched case-insensitively with a capitalisation check.

    A form shared by two entries is dropped (it cannot be resolved without more context).
    """

    def __init__(self, entries: list[Entry]) -> None:
        nlp = blank_english()
        self.vocab = nlp.vocab
        owners: dict[str, set[str]] = {}
        spellings: dict[str, set[str]] = {}
        for entry in entries:
            for form in entry.forms:
                key = form.lower()
                owners.setdefault(key, set()).add(entry.id)
                spellings.setdefault(key, set()).add(form)
        self._matcher = PhraseMatcher(self.vocab, attr="LOWER")
        self._forms: dict[int, tuple[str, list[list[str]]]] = {}
        for key, ids in owners.items():
            if len(ids) != 1:
                continue
            docs = [nlp.make_doc(s) for s in sorted(spellings[key])]
            match_id = self.vocab.strings.add(key)
            self._forms[match_id] = (next(iter(ids)), [[t.text for t in d] for d in docs])
            self._matcher.add(key, docs)

    def __call__(self, doc: Doc) -> list[Match]:
        """Matches, longest first where they overlap, sorted by start."""
        found = []
        for match_id, start, end in self._matcher(doc):
            actor_id, spellings = self._forms[match_id]
            tokens = [t.text for t in doc[start:end]]
            if any(len(w) == len(tokens) and _shape_ok(w, tokens) for w in spellings):
                found.append(Match(start, end, actor_id))
        return longest_first(found)


def longest_first(matches: list[Match]) -> list[Match]:
    """Drop matches overlapping a longer (or, equally long, earlier) one; sort by start."""
    taken: set[int] = set()
    kept = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if taken.isdisjoint(range(m.start, m.end)):
            kept.append(m)
            taken.update(range(m.start, m.end))
    return sorted(kept, key=lambda m: m.start)
