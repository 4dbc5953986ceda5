"""The start guard: a zero-width test of where a scanned match may begin."""

import re

from alliances.extract.scan import start_guard


def test_guard_allows_digits_symbols_and_listed_words_only_at_word_starts():
    guard = re.compile(start_guard(["jan", r"the\s", "us\\$"], symbols="$£"), re.IGNORECASE)
    text = "In Jan the 5 $ and £, US$ but Japan, JANUARY, a5, other, theme"
    starts = [m.start() for m in guard.finditer(text)]
    found = [text[s : s + 3] for s in starts]
    assert found == ["Jan", "the", "5 $", "$ a", "£, ", "US$", "$ b", "JAN"]
