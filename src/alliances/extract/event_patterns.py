"""The event pattern dictionary (`alliances/data/events/patterns.yaml`), compiled for matching.

Why a data file: analysts extend the vocabulary without touching code, and each phrase carries the
CAMEO code it expresses. How it is matched: inflection is expanded once, at load time, into each
slot's set of accepted lower-case forms (the blank tokenizer has no lemmatizer), stored as spaCy
string hashes. `PatternIndex.find` is given the tokens that can start a pattern (one look-up of
each token's LOWER hash, with the other cue words: `WordClasses`) and tries only the few patterns
anchored on each such token; spaCy's `Matcher` with set predicates was 30x slower here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.strings import hash_string

FLAGS = ("!intent", "!converse")
GAP = "..."
MAX_GAP = 4
_CODE = re.compile(r"^(?P<body>.+?)\s*=\s*(?P<code>\d{2,4})(?P<flags>(?:\s+!\w+)*)\s*$")
_MONOSYLLABLE_CVC = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")


def hashes(words) -> frozenset[int]:
    """spaCy string hashes of words (what `doc.to_array([LOWER])` holds for their tokens)."""
    return frozenset(hash_string(w) for w in words)


class WordClasses:
    """Word hashes with bit flags: `classify(words)` gives (position, bits) of each token in
    any class, bits holding every class it belongs to. One dict look-up per token; the few
    classified tokens are then all that the cue positions are gathered from."""

    def __init__(self, classes: dict[int, Iterable[int]]) -> None:
        self.flags: dict[int, int] = {}
        for bit, words in classes.items():
            for word in words:
                self.flags[word] = self.flags.get(word, 0) | bit

    def classify(self, words: list[int]) -> list[tuple[int, int]]:
        flags = self.flags
        return [(i, flags[word]) for i, word in enumerate(words) if word in flags]


GAP_STOPS = hashes((",", ";", ":", ".", "!", "?", "(", ")", '"', "--"))


@dataclass(frozen=True)
class EventPattern:
    """One entry of the dictionary: a phrase that codes `type` with CAMEO `cameo`.

    `intent` marks phrases that state an intention ("promised to"): an action that follows them
    in the same clause is coded as the intention to act. `converse` marks phrases whose subject
    is the target ("received aid from X": X is the source).
    """

    type: str
    cameo: str
    text: str
    intent: bool = False
    converse: bool = False


@dataclass(frozen=True)
class Lexicon:
    """The compiled dictionary: patterns, the intent mapping and the grammatical cue words."""

    patterns: tuple[EventPattern, ...]
    intent: dict[str, tuple[str, str]]
    condition: tuple[str, str]
    refusal: tuple[str, str]
    cues: dict[str, frozenset[str]]
    forms: dict[str, frozenset[str]]  # verb base -> every form, for the verbs in patterns
    participles: frozenset[str]  # past participles of those verbs (passive voice)
    third_person: frozenset[str]  # their -s forms (also plural nouns: "attacks", "bombs")

    def index(self) -> PatternIndex:
        """The patterns compiled for matching (built once per Lexicon)."""
        return PatternIndex(self)

    def slots(self, text: str) -> tuple[Slot, ...]:
        """A pattern's token slots: accepted forms (as hashes), optional, or a gap."""
        slots = []
        for word in text.split():
            if word == GAP:
                slots.append(Slot(None))
                continue
            optional = word.endswith("?")
            word = word.rstrip("?")
            verb = word.startswith("+")
            accepted: set[str] = set()
            for alternative in word.lstrip("+").split("|"):
                accepted |= self.forms[alternative] if verb else {alternative}
            slots.append(Slot(frozenset(hash_string(w) for w in accepted), optional))
        if slots[0].forms is None or slots[0].optional:
            raise ValueError(f"event pattern {text!r} must begin with a word")
        return tuple(slots)


@dataclass(frozen=True)
class Slot:
    """One token position of a pattern: `forms` None is a gap of 0..MAX_GAP tokens."""

    forms: frozenset[int] | None
    optional: bool = False


class PatternIndex:
    """Patterns by the hashes of their first word's forms."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.by_first: dict[int, list[tuple[int, tuple[Slot, ...]]]] = {}
        for number, pattern in enumerate(lexicon.patterns):
            slots = lexicon.slots(pattern.text)
            for form in slots[0].forms:
                self.by_first.setdefault(form, []).append((number, slots))

    def find(self, anchors: list[int], words: list[int]) -> list[tuple[int, int, int]]:
        """(pattern number, start, end) of every match in a document given as its tokens' LOWER
        hashes (`words`) and the positions of the tokens that begin a pattern (`anchors`, found
        by a look-up of `by_first`), the longest per pattern and start."""
        found = []
        for start in anchors:
            for number, slots in self.by_first[words[start]]:
                end = start + 1 if len(slots) == 1 else _longest(words, start + 1, slots, 1)
                if end is not None:
                    found.append((number, start, end))
        return found


def _longest(lowers: list[int], at: int, slots: tuple[Slot, ...], k: int) -> int | None:
    """The furthest end at which slots[k:] match from token `at` (backtracking), or None.
    Required words, which leave nothing to choose, are matched in a loop (most tries fail on
    the first of them); gaps and optional words recurse."""
    while k < len(slots) and slots[k].forms is not None and not slots[k].optional:
        if at >= len(lowers) or lowers[at] not in slots[k].forms:
            return None
        at, k = at + 1, k + 1
    if k == len(slots):
        return at
    slot = slots[k]
    if slot.forms is None:
        ends = []
        for skip in range(MAX_GAP + 1):
            if skip and (at + skip > len(lowers) or lowers[at + skip - 1] in GAP_STOPS):
                break
            end = _longest(lowers, at + skip, slots, k + 1)
            if end is not None:
                ends.append(end)
        return max(ends, default=None)
    taken = None  # an optional word: the longer of taking and skipping it
    if at < len(lowers) and lowers[at] in slot.forms:
        taken = _longest(lowers, at + 1, slots, k + 1)
    skipped = _longest(lowers, at, slots, k + 1)
    return max((e for e in (taken, skipped) if e is not None), default=None)


class VerbForms:
    """English verb inflection: base, -s, past, past participle, -ing (irregulars from data)."""

    def __init__(self, irregular: dict[str, list[str]], double_final: list[str]) -> None:
        self.irregular = irregular
        self.double_final = frozenset(double_final)

    def _doubles(self, base: str) -> bool:
        return base in self.double_final or bool(_MONOSYLLABLE_CVC.match(base))

    def past(self, base: str) -> tuple[str, str]:
        """(past tense, past participle)."""
        if base in self.irregular:
            past, participle = self.irregular[base]
            return past, participle
        if base.endswith("e"):
            form = base + "d"
        elif re.search(r"[^aeiou]y$", base):
            form = base[:-1] + "ied"
        elif self._doubles(base):
            form = base + base[-1] + "ed"
        else:
            form = base + "ed"
        return form, form

    def third_person(self, base: str) -> str:
        if re.search(r"(s|sh|ch|x|z|o)$", base):
            return base + "es"
        if re.search(r"[^aeiou]y$", base):
            return base[:-1] + "ies"
        return base + "s"

    def gerund(self, base: str) -> str:
        if base.endswith("ie"):
            return base[:-2] + "ying"
        if base.endswith(("ee", "ye", "oe")):
            return base + "ing"
        if base.endswith("e"):
            return base[:-1] + "ing"
        if self._doubles(base):
            return base + base[-1] + "ing"
        return base + "ing"

    def all(self, base: str) -> frozenset[str]:
        return frozenset({base, *self.past(base), self.third_person(base), self.gerund(base)})


def parse_pattern(event_type: str, entry: str) -> EventPattern:
    """'+agree to = 030 !intent' -> EventPattern('AGREE', '030', '+agree to', intent=True)."""
    match = _CODE.match(entry)
    if match is None:
        raise ValueError(f"event pattern {entry!r} ({event_type}) has no '= CAMEO' code")
    flags = match.group("flags").split()
    unknown = [f for f in flags if f not in FLAGS]
    if unknown:
        raise ValueError(f"event pattern {entry!r}: unknown flags {unknown}")
    body = match.group("body").lower()
    return EventPattern(
        event_type, match.group("code"), body, "!intent" in flags, "!converse" in flags
    )


def build(data: dict) -> Lexicon:
    """The Lexicon of a parsed patterns file."""
    inflect = VerbForms(data["irregular"], data["double_final"])
    patterns = tuple(
        parse_pattern(event_type, entry)
        for event_type, entries in data["events"].items()
        for entry in entries
    )
    bases = {
        alternative
        for pattern in patterns
        for word in pattern.text.split()
        if word.startswith("+")
        for alternative in word.lstrip("+").rstrip("?").split("|")
    }
    forms = {base: inflect.all(base) for base in bases}
    participles = frozenset(inflect.past(base)[1] for base in bases)
    third_person = frozenset(inflect.third_person(base) for base in bases)
    return Lexicon(
        patterns=patterns,
        intent={action: (kind, str(code)) for action, (kind, code) in data["intent"].items()},
        condition=(data["condition"][0], str(data["condition"][1])),
        refusal=(data["refusal"][0], str(data["refusal"][1])),
        cues={name: frozenset(words) for name, words in data["cues"].items()},
        forms=forms,
        participles=participles,
        third_person=third_person,
    )


@cache
def load() -> Lexicon:
    """The bundled dictionary (read once, then cached)."""
    path = resources.files("alliances") / "data" / "events" / "patterns.yaml"
    with path.open(encoding="utf-8") as handle:
        return build(yaml.safe_load(handle))
