"""A fast front for scanning regular expressions: where can a match start at all?

Python's `re` tries a pattern at every position of the text. For a grammar whose matches can only
start at a digit, a few symbols, or the start of one of a list of words, testing that first (one
character class, then the words grouped by first letter) lets the scanner skip almost every
position cheaply; a flat case-insensitive alternation of the words is about five times slower.

Cheaper still, when several readers scan the same text: `WORD_STARTS` finds, once per text, every
word start that any of them could want (a digit or one of their words after a non-word
character, a scan that moves from one non-word character to the next), and each reader tries
its own pattern only there (`matches_at`).
"""

from __future__ import annotations

import re


def start_guard(words, symbols: str = "") -> str:
    """A zero-width pattern true where a digit, one of `symbols`, or one of `words` begins.

    `words` are regular-expression fragments starting with a lower-case letter ("jan", r"the\\s");
    they match case-insensitively and at a word boundary. Put the guard before the real pattern.
    """
    by_letter: dict[str, set[str]] = {}
    for word in words:
        by_letter.setdefault(word[0], set()).add(word[1:])
    branches = "|".join(
        f"[{c}{c.upper()}](?i:{'|'.join(sorted(rest, key=len, reverse=True))})"
        for c, rest in by_letter.items()
    )
    letters = "".join(c + c.upper() for c in by_letter)
    signs = re.escape(symbols)
    symbol_branch = f"(?=[{signs}])|" if symbols else ""
    return rf"(?=[\d{signs}{letters}])(?:{symbol_branch}\b(?-i:(?=\d|{branches})))"


class WordStarts:
    """Where a digit or one of the registered words begins after a non-word character (or at
    the start of the text): a superset of where any registered reader's `start_guard` holds,
    except at its symbols.

    Readers register their guard's words when imported (`add`); the answer for the last text
    is kept, so the readers of one document share one scan.
    """

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._first: re.Pattern | None = None  # the guard of every word, at the text's start
        self._after: re.Pattern | None = None  # a non-word character, then the guard
        self._last: tuple[str | None, list[int]] = (None, [])

    def add(self, words) -> None:
        """Also find where `words` begin (regular-expression fragments, as for `start_guard`)."""
        self._words.update(words)
        guard = start_guard(sorted(self._words))
        self._first, self._after = re.compile(guard), re.compile(r"[^\w]" + guard)
        self._last = (None, [])

    def __call__(self, text: str) -> list[int]:
        """The word starts in `text`, in order."""
        last = self._last  # read once: a tuple, so another thread cannot half-change it
        if last[0] == text:
            return last[1]
        starts = [m.end() for m in self._after.finditer(text)]
        if self._first.match(text):
            starts.insert(0, 0)
        self._last = (text, starts)
        return starts


WORD_STARTS = WordStarts()


def matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """`pattern.finditer(text)`, tried only at `starts` (in order, a superset of where a match
    can start): a match found at a start hides the starts inside it, as in the full scan."""
    out = []
    taken = 0
    for start in starts:
        if start >= taken and (m := pattern.match(text, start)) is not None:
            out.append(m)
            taken = m.end()
    return out


_DOTLESS = ("\u0131", "\u017f")  # dotless i, long s: `re.IGNORECASE` matches them to i and s


def folded(text: str) -> str | None:
    """`text` lower-cased character for character (same length, same offsets), for cheap literal
    tests of where a case-insensitive pattern could match: wherever `(?i)word` matches `text`,
    `folded(text)` has `word`. None when lower-casing changes the length ("İ"), so the offsets
    would not line up (callers then skip the test)."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    if not lower.isascii() and (_DOTLESS[0] in lower or _DOTLESS[1] in lower):
        lower = lower.replace(_DOTLESS[0], "i").replace(_DOTLESS[1], "s")
    return lower
