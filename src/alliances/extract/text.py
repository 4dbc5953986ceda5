"""Base text components: sentence boundaries and a spaCy token Doc of the whole text.

Both are rule-based and need no model weights. Sentences come from one regular-expression pass
(newlines are hard boundaries; a full stop after a known abbreviation or an initial does not end a
sentence). Tokens come from `spacy.blank("en")`'s tokenizer, built once per process, with one
extra infix rule so that "U.S.-Japan" splits like "US-Japan" does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import chain

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from alliances.extract.pipeline import State

# Words that end in a full stop without ending the sentence (compared without the stop).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "rep",
        "sen",
        "gov",
        "pres",
        "amb",
        "no",
        "nos",
        "vol",
        "art",
        "sec",
        "fig",
        "ch",
        "pp",
        "para",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "est",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "rev",
        "hon",
        "cf",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
    ]
)

# A candidate end: ., ! or ? (possibly repeated), closing quotes/brackets, then spaces. Written
# `[.!?][.!?]*`, not `[.!?]+`: a pattern that opens with a character set lets `re` skip fast to
# the next stop instead of trying the pattern at every position.
_END = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?=[ \t]+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_OPENER = re.compile(
    r"[ \t]+(?:The|This|That|These|Those|It|He|She|They|We|I|But|However|Meanwhile|Yet|In|On)\b"
)


_WORD = re.compile(r"[^\W\d_]+")
HEADLINE_SHARE = 0.95  # share of capitalised words that makes a line a headline
SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with"}
)


def in_headline(text: str, char: int) -> bool:
    """Whether `text[char]` is on a line written in title case or capitals, like a headline:
    there, capitalised words name nothing in particular ("President Says Alliance Will Hold")."""
    start = text.rfind("\n", 0, char) + 1
    end = (text.find("\n", char) + 1 or len(text) + 1) - 1
    counted = capitalised = 0
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        if word.lower() in SMALL_WORDS:
            continue
        counted += 1
        if word[0].isupper():
            capitalised += 1
            continue
        # At most this many words fit on the line (each after a non-letter); once more words
        # are not capitalised than a headline allows of that many (and one more, for rounding),
        # the line cannot be a headline: stop reading it.
        most = counted + (end - match.end()) // 2
        if counted - capitalised > (1 - HEADLINE_SHARE) * most + 1:
            return False
    return counted >= 4 and capitalised >= HEADLINE_SHARE * counted


@dataclass(frozen=True)
class Sentence:
    """A sentence as a character range of the document text."""

    start: int
    end: int


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` belongs to an abbreviation or an initial.

    A dotted acronym or "etc." followed by a common sentence opener ("... to the U.S. The
    next day") still ends the sentence; a title ("Mr.", "Gen.", "No.") never does.
    """
    match = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
    if match is None:
        return False
    word = match.group(1).rstrip(".")
    if len(word) != 1 and word.lower() not in ABBREVIATIONS:
        return False
    can_end = "." in word or word.lower() in ("etc", "inc", "ltd", "co", "corp")
    return not (can_end and _OPENER.match(text, stop + 1))


def split_sentences(text: str) -> list[Sentence]:
    """Sentence ranges, trimmed of surrounding spaces; empty lines give no sentence.

    Candidate ends are found in one scan of the whole text: none holds or looks past a newline,
    so they are those a scan of each line would find.
    """
    cuts = []
    for end in _END.finditer(text):
        single_stop = text[end.start()] == "." and end.end() - end.start() == 1
        if not (single_stop and _is_abbreviation(text, end.start())):
            cuts.append(end.end())
    sentences = []
    i = 0
    for line in _LINE.finditer(text):
        start, stop = line.span()
        while i < len(cuts) and cuts[i] <= stop:
            sentences.append((start, cuts[i]))
            start = cuts[i]
            i += 1
        sentences.append((start, stop))
    out = []
    for start, end in sentences:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Sentence(start, end))
    return out


# A run of non-space characters with the one plain space after it, or a run of whitespace.
_CHUNK = re.compile(r"\S+ ?|\s+")
CHUNKS_REMEMBERED = 100_000  # the memory (about 25 MB) is emptied when it holds this many


class ChunkTokenizer:
    """spaCy's tokenizer, fed one chunk at a time, remembering each chunk's split.

    spaCy's `Tokenizer.__call__` walks the text a character at a time to find the runs between
    spaces and runs a special-case matcher over every finished Doc; together these cost more
    than the splitting itself. Here one `re.findall` cuts the text into chunks: a run of
    non-space characters with the plain space after it (which spaCy keeps as that run's last
    token's trailing space) or any other run of whitespace (which spaCy makes a token). Each
    distinct chunk is split once, by spaCy (a run of letters that is no special case stays
    whole without asking), and remembered; the Doc is built from the words. Tokens, their
    whitespace and so their character offsets are spaCy's own (tests/test_text.py compares).
    """

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self.special_cases = frozenset(tokenizer.rules)
        self.splits: dict[str, tuple[tuple[str, ...], tuple[bool, ...]]] = {}

    def forget(self) -> None:
        """Forget every remembered split (for benchmarks that read each text as new)."""
        self.splits.clear()
        self.tokenizer.rules = self.tokenizer.rules  # the setter empties spaCy's own cache

    def split(self, chunk: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
        """The words of `chunk` and whether each has a trailing space."""
        spaced = len(chunk) > 1 and chunk[-1] == " " and not chunk[0].isspace()
        run = chunk[:-1] if spaced else chunk
        if run.isalpha() and run not in self.special_cases:
            words: tuple[str, ...] = (run,)
        else:
            words = tuple(token.text for token in self.tokenizer(run))
        if len(self.splits) >= CHUNKS_REMEMBERED:
            self.splits.clear()
        split = self.splits[chunk] = (words, (False,) * (len(words) - 1) + (spaced,))
        return split

    def __call__(self, text: str) -> Doc:
        remembered = self.splits.get
        splits = [remembered(c) or self.split(c) for c in _CHUNK.findall(text)]
        words = list(chain.from_iterable(s[0] for s in splits))
        spaces = list(chain.from_iterable(s[1] for s in splits))
        return Doc(self.vocab, words=words, spaces=spaces)


@cache
def blank_english() -> Language:
    """A blank English pipeline whose tokenizer also splits a hyphen after a full stop, and
    remembers its splits (`ChunkTokenizer`)."""
    nlp = spacy.blank("en")
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer = ChunkTokenizer(nlp.tokenizer)
    return nlp


class Sentences:
    """Assigns slot "sentences": list of `Sentence`."""

    name = "sentences"
    requires: tuple[str, ...] = ()
    assigns = ("sentences",)

    def __call__(self, state: State) -> None:
        state.slots["sentences"] = split_sentences(state.text)


class Tokens:
    """Assigns slot "tokens": a spaCy Doc of the whole text (tokenizer only)."""

    name = "tokens"
    requires: tuple[str, ...] = ()
    assigns = ("tokens",)

    def __init__(self) -> None:
        self.nlp = blank_english()

    def __call__(self, state: State) -> None:
        state.slots["tokens"] = self.nlp.make_doc(state.text)
