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

import functools
import re


def _by_first_letter(words) -> dict[str, list[str]]:
    """The rests of `words` by their first letter, longest first (so `re` tries a few words at
    a position, not all, and the longest of them first)."""
    by_letter: dict[str, set[str]] = {}
    for word in words:
        by_letter.setdefault(word[0], set()).add(word[1:])
    return {c: sorted(rest, key=len, reverse=True) for c, rest in by_letter.items()}


def start_guard(words, symbols: str = "") -> str:
    """A zero-width pattern true where a digit, one of `symbols`, or one of `words` begins.

    `words` are regular-expression fragments starting with a lower-case letter ("jan", r"the\\s");
    they match case-insensitively and at a word boundary. Put the guard before the real pattern.
    """
    by_letter = _by_first_letter(words)
    branches = "|".join(f"[{c}{c.upper()}](?i:{'|'.join(rest)})" for c, rest in by_letter.items())
    letters = "".join(c + c.upper() for c in by_letter)
    signs = re.escape(symbols)
    symbol_branch = f"(?=[{signs}])|" if symbols else ""
    return rf"(?=[\d{signs}{letters}])(?:{symbol_branch}\b(?-i:(?=\d|{branches})))"


def remember_last(function):
    """`function` of a text, remembering its answer for the last text asked about: the readers
    of one document ask about the same text in turn, so the answer is made once per document.
    `forget()` drops the answer (for when what `function` computes changes)."""
    last: tuple = (None, None)

    @functools.wraps(function)
    def remembered(text: str):
        nonlocal last
        known = last  # read once: a tuple, so another thread cannot half-change it
        if known[0] == text:
            return known[1]
        answer = function(text)
        last = (text, answer)
        return answer

    def forget() -> None:
        nonlocal last
        last = (None, None)

    remembered.forget = forget
    return remembered


class WordStarts:
    """Where a digit or one of the registered words begins after a non-word character (or at
    the start of the text): a superset of where any registered reader's `start_guard` holds,
    except at its symbols.

    Readers register their guard's words when imported (`add`); the answer for the last text
    is kept, so the readers of one document share one scan. The scan reads `folded(text)` with
    a pattern of lower-case words: matching each character case-insensitively would make it
    about 60% slower (`folded` keeps every case-insensitive match of the words, and a
    non-word character stays one when lower-cased: tests/test_fast_paths.py).
    """

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._scans: dict[bool, tuple[re.Pattern, re.Pattern]] = {}  # by folded: first, after
        self._remembered = remember_last(self._scan)

    def add(self, words) -> None:
        """Also find where `words` begin (regular-expression fragments, as for `start_guard`)."""
        self._words.update(words)
        branches = "|".join(
            f"{c}(?:{'|'.join(rest)})" for c, rest in _by_first_letter(self._words).items()
        )
        guard = rf"(?=\d|{branches})"
        for low, flags in ((True, 0), (False, re.IGNORECASE)):
            self._scans[low] = (re.compile(guard, flags), re.compile(r"[^\w]" + guard, flags))
        self._remembered.forget()

    def __call__(self, text: str) -> tuple[int, ...]:
        """The word starts in `text`, in order (a tuple: readers share the answer)."""
        return self._remembered(text)

    def _scan(self, text: str) -> tuple[int, ...]:
        low = folded(text)
        first, after = self._scans[low is not None]
        read = text if low is None else low
        starts = (0,) if first.match(read) else ()
        return starts + tuple(m.end() for m in after.finditer(read))


WORD_STARTS = WordStarts()


def matches_at(pattern: re.Pattern, text: str, starts) -> list[re.Match]:
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


@remember_last
def folded(text: str) -> str | None:
    """`text` lower-cased character for character (same length, same offsets), for cheap literal
    tests of where a case-insensitive pattern could match: wherever `(?i)word` matches `text`,
    `folded(text)` has `word`. None when lower-casing changes the length ("İ"), so the offsets
    would not line up (callers then skip the test). Remembers the last answer, for the several
    readers of one document."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    if not lower.isascii() and (_DOTLESS[0] in lower or _DOTLESS[1] in lower):
        lower = lower.replace(_DOTLESS[0], "i").replace(_DOTLESS[1], "s")
    return lower
