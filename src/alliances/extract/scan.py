"""A fast front for scanning regular expressions: where can a match start at all?

Python's `re` tries a pattern at every position of the text. For a grammar whose matches can only
start at a digit, a few symbols, or the start of one of a list of words, testing that first (one
character class, then the words grouped by first letter) lets the scanner skip almost every
position cheaply; a flat case-insensitive alternation of the words is about five times slower.
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
