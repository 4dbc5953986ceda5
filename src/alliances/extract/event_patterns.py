"""The event pattern dictionary (`alliances/data/events/patterns.yaml`), compiled for spaCy.

Why a data file: analysts extend the vocabulary without touching code, and each phrase carries the
CAMEO code it expresses. Why a `Matcher`: every pattern is matched in one Cython pass over the
document's tokens, however many patterns there are; inflection is expanded once, at load time, into
each token's set of accepted lower-case forms (the blank tokenizer has no lemmatizer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.matcher import Matcher
from spacy.vocab import Vocab

GAP = "..."
MAX_GAP = 4
GAP_STOPS = [",", ";", ":", ".", "!", "?", "(", ")", '"', "--"]
_CODE = re.compile(r"^(?P<body>.+?)\s*=\s*(?P<code>\d{2,4})(?P<flags>(?:\s+!\w+)*)\s*$")
_MONOSYLLABLE_CVC = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")


@dataclass(frozen=True)
class EventPattern:
    """One entry of the dictionary: a phrase that codes `type` with CAMEO `cameo`.

    `intent` marks phrases that state an intention ("promised to"): an action that follows them
    in the same clause is coded as the intention to act.
    """

    type: str
    cameo: str
    text: str
    intent: bool = False


@dataclass(frozen=True)
class Lexicon:
    """The compiled dictionary: patterns, the intent mapping and the grammatical cue words."""

    patterns: tuple[EventPattern, ...]
    intent: dict[str, tuple[str, str]]
    condition: tuple[str, str]
    cues: dict[str, frozenset[str]]
    forms: dict[str, frozenset[str]]  # verb base -> every form, for the verbs in patterns
    participles: frozenset[str]  # past participles of those verbs (passive voice)

    def matcher(self, vocab: Vocab) -> Matcher:
        """A Matcher whose match ids are `str(index)` into `patterns`."""
        matcher = Matcher(vocab)
        for index, pattern in enumerate(self.patterns):
            matcher.add(str(index), [self._token_specs(pattern.text)])
        return matcher

    def _token_specs(self, text: str) -> list[dict]:
        specs = []
        for word in text.split():
            if word == GAP:
                specs.append({"LOWER": {"NOT_IN": GAP_STOPS}, "OP": f"{{0,{MAX_GAP}}}"})
                continue
            optional = word.endswith("?")
            word = word.rstrip("?")
            verb = word.startswith("+")
            alternatives = word.lstrip("+").split("|")
            accepted = set()
            for alternative in alternatives:
                accepted |= self.forms[alternative] if verb else {alternative}
            spec: dict = {"LOWER": {"IN": sorted(accepted)}}
            if optional:
                spec["OP"] = "?"
            specs.append(spec)
        return specs


class VerbForms:
    """English verb inflection: base, -s, past, past participle, -ing (irregulars from data)."""

    def __init__(
        self,
        irregular: dict[str, list[str]],
        double_final: list[str],
        extra: dict[str, list[str]],
    ) -> None:
        self.irregular = irregular
        self.double_final = frozenset(double_final)
        self.extra = extra

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
        """Every form; a verb listed in `extra` (be) takes its present forms from there."""
        if base in self.extra:
            return frozenset({base, *self.past(base), *self.extra[base]})
        return frozenset({base, *self.past(base), self.third_person(base), self.gerund(base)})


def parse_pattern(event_type: str, entry: str) -> EventPattern:
    """'+agree to = 030 !intent' -> EventPattern('AGREE', '030', '+agree to', intent=True)."""
    match = _CODE.match(entry)
    if match is None:
        raise ValueError(f"event pattern {entry!r} ({event_type}) has no '= CAMEO' code")
    flags = match.group("flags").split()
    unknown = [f for f in flags if f != "!intent"]
    if unknown:
        raise ValueError(f"event pattern {entry!r}: unknown flags {unknown}")
    return EventPattern(event_type, match.group("code"), match.group("body").lower(), bool(flags))


def build(data: dict) -> Lexicon:
    """The Lexicon of a parsed patterns file."""
    inflect = VerbForms(data["irregular"], data["double_final"], data.get("extra_forms", {}))
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
    return Lexicon(
        patterns=patterns,
        intent={action: (kind, str(code)) for action, (kind, code) in data["intent"].items()},
        condition=(data["condition"][0], str(data["condition"][1])),
        cues={name: frozenset(words) for name, words in data["cues"].items()},
        forms=forms,
        participles=participles,
    )


@cache
def load() -> Lexicon:
    """The bundled dictionary (read once, then cached)."""
    path = resources.files("alliances") / "data" / "events" / "patterns.yaml"
    with path.open(encoding="utf-8") as handle:
        return build(yaml.safe_load(handle))
