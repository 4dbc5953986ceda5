"""The extraction fast paths give what the plain scans they replace give.

Each fast path (a cheap literal test before a costly pattern, anchors instead of a scan of every
position, an index instead of a loop) must find exactly the same things; these tests compare
them with the plain versions on texts chosen to hit the edges (case, dotless i, long s, Kelvin
sign, dotted capital I, matches at the text's ends).
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.extract import amounts, dates
from alliances.extract.described_ties import _BETWEEN_WORD, _THEIR, _WITH_WORD, SentenceView
from alliances.extract.named_ties import default_named_ties
from alliances.extract.scan import WORD_STARTS, folded, matches_at
from alliances.extract.text import blank_english
from alliances.extract.ties import MemberIndex
from alliances.reference import load as load_reference

TEXTS = [
    "",
    "US$5bn and A$10m, Rs. 7, RMB5, ¥ 300 and 5% of GDP; half of the US forces.",
    "a dozen ships, HALF A million troops, Twenty-one missiles, three-quarters of their bases",
    "The US-Japan alliance, the U.S.-Japan Security Treaty and the QUAD; the Squad met.",
    "Their alliance with Japan and their 'special relationship' between the US and the UK.",
    "WITH THE US, between\nthe UK and Japan, their treaty with the Philippines",
    "ıs ſecurity \u212aorea İn the \u212a and AUKUS ſquad, NATO-Japan partnership",
    "the Squad",
    "five",
    "The Reciprocal Access Agreement with Britain; ANZUS; SOFA; the Five Eyes",
]
WORDS = st.sampled_from(
    ["US", "U.S.", "Japan", "alliance", "with", "the", "between", "their", "Squad", "Quad",
     "five", "half", "a third", "$", "5", "10", "bn", "million", "%", "-", ",", "\n", "ı",
     "ſ", "\u212a", "İ", "Treaty", "Security", "NATO", "AUKUS", "RAA", "one", "twenty-one"]
)  # fmt: skip
TEXT = st.lists(WORDS, max_size=30).map(" ".join) | st.text(max_size=80)


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.lower(), text.swapcase()]


def test_folded_keeps_offsets_and_finds_case_insensitive_words():
    for text in itertools.chain.from_iterable(_variants(t) for t in TEXTS):
        low = folded(text)
        if low is None:
            assert len(text.lower()) != len(text)
            continue
        assert len(low) == len(text)
        for word in ("security", "squad", "korea", "is", "in", "the"):
            for m in re.finditer(f"(?i){word}", text):
                assert low.startswith(word, m.start())


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_amount_anchors_give_the_full_scan(text):
    def spans(ms):
        return [(m.span(), m.groups()) for m in ms]

    for variant in _variants(text):
        assert spans(amounts._atoms(variant)) == spans(amounts._ATOM_RE.finditer(variant))


DATE_WORDS = st.sampled_from(
    ["Jan.", "January", "MAY", "May", "may", "5", "11th", "2024", "1999,", "FY", "FY2022", "fiscal",
     "year", "the", "The", "next", "past", "five", "three", "years", "ago", "days", "mid-2023",
     "early", "in", "In", "since", "Monday", "this", "last", "week", "yesterday", "ſeptember",
     "\u212aorea", "ıs", "İn", "-", ",", "\n", "$", "2024-11-28", "x2024", "percent"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE_WORDS, max_size=30).map(" ".join) | TEXT)
def test_date_word_starts_give_the_full_scan(text):
    def spans(ms):
        return [(m.span(), m.groups()) for m in ms]

    for variant in _variants(text):
        starts = WORD_STARTS(variant)
        assert starts == WORD_STARTS(variant)  # the kept answer
        assert spans(matches_at(dates._DATE_RE, variant, starts)) == spans(
            dates._DATE_RE.finditer(variant)
        )


STOPS = st.sampled_from(
    ["Mr.", "U.S.", "etc.", "a", "The", "5", ".", "!?", "\n", " ", "\t", "”", "(", "x.\n", "?!"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(STOPS, max_size=30).map("".join) | TEXT)
def test_sentence_ends_of_the_whole_text_are_those_of_each_line(text):
    from alliances.extract.text import _END, _LINE

    by_line = [m.span() for line in _LINE.finditer(text) for m in _END.finditer(text, *line.span())]
    assert [m.span() for m in _END.finditer(text)] == by_line


def test_a_non_word_character_stays_one_when_folded():
    non_word = re.compile(r"[^\w]")
    for code in range(0x110000):
        char = chr(code)
        low = folded(char)
        if low is not None and non_word.fullmatch(char):
            assert non_word.fullmatch(low), hex(code)


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE_WORDS, max_size=30).map(" ".join) | TEXT)
def test_word_starts_of_the_folded_text_hold_those_of_the_text(text):
    first, after = WORD_STARTS._scans[False]  # case-insensitive, on the text itself
    for variant in _variants(text):
        plain = {m.end() for m in after.finditer(variant)}
        if first.match(variant):
            plain.add(0)
        assert plain <= set(WORD_STARTS(variant))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_named_tie_words_give_the_word_by_word_scan(text):
    named = default_named_ties()
    for variant in _variants(text):
        fast = [(m.start, m.end, m.candidates) for m in named.find(variant)]
        plain = [(m.start, m.end, m.candidates) for m in named._find_words(variant)]
        assert fast == plain


def test_named_tie_words_on_every_alias():
    named = default_named_ties()
    aliases = [a for tie in named.reference.ties for a in (tie.name, *tie.aliases)]
    for text in [*aliases, " and ".join(aliases), *TEXTS]:
        for variant in _variants(text):
            assert [(m.start, m.end) for m in named.find(variant)] == [
                (m.start, m.end) for m in named._find_words(variant)
            ]


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 5), st.integers(0, 5))
def test_sentence_matches_give_finditer(text, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    for variant in _variants(text):
        view = SentenceView(variant, start, end, [], None, folded(variant))
        for pattern, literal in (
            (_WITH_WORD, "with"),
            (_BETWEEN_WORD, "between"),
            (_THEIR, "their"),
        ):
            assert [m.span() for m in view.matches(pattern, literal)] == [
                m.span() for m in pattern.finditer(variant, start, end)
            ]


@pytest.mark.parametrize("on", [None, "1951", "1960-01-19", "2001-09-11", "2024-11-28", "2026"])
def test_member_index_gives_the_reference_look_up(on):
    reference = load_reference()
    index = MemberIndex(reference)
    actors = sorted({a for tie in reference.ties for a in tie.member_ids})
    sets = {frozenset(tie.member_ids) for tie in reference.ties}
    sets |= {frozenset(pair) for pair in itertools.combinations(actors, 2)}
    for tie in reference.ties:
        ids = list(tie.member_ids)
        sets |= {frozenset(ids[:k]) for k in range(1, len(ids))}
    for members in sets:
        if on is None:
            expected, got = reference.ties_between(members), index.ties_between(members)
        else:
            expected, got = reference.ties_between(members, on=on), index.ties_between(members, on)
        assert [t.id for t in got] == [t.id for t in expected]


NAMES = st.lists(
    st.sampled_from(
        [
            "Ishiba",
            "Biden",
            "de Mistura",
            "O'Brien",
            "Kim",
            "Kim Jong Un",
            "-x",
            "Ab",
            "Kim Kim",
            "Émile",
        ]
    ),
    min_size=1,
    max_size=4,
    unique=True,
)


@settings(max_examples=300, deadline=None)
@given(NAMES, st.lists(st.sampled_from(["Ishiba", "Biden", "de Mistura", "O'Brien", "Kim", "Jong",
                                        "Un", "-x", "Ab", "xAb", "_Kim", " ", ",", "-", "\n"]),
                       max_size=20).map("".join))  # fmt: skip
def test_surname_search_gives_the_spans_of_a_whole_word_regex(names, text):
    from alliances.extract.people import whole_word_spans

    plain = re.compile(r"\b(?:{})\b".format("|".join(map(re.escape, names))))
    assert whole_word_spans(names, text) == [m.span() for m in plain.finditer(text)]


HEADLINE_WORDS = st.sampled_from(["Alliance", "Will", "the", "of", "Hold", "says", "US", "a", "X"])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.lists(HEADLINE_WORDS, max_size=40).map(" ".join), min_size=1, max_size=3).map(
        "\n".join
    ),
    st.integers(0, 400),
)
def test_headline_test_stops_early_with_the_same_answer(text, char):
    from alliances.extract.text import _WORD, HEADLINE_SHARE, SMALL_WORDS, in_headline

    char = min(char, len(text))
    line = text[text.rfind("\n", 0, char) + 1 : (text.find("\n", char) + 1 or len(text) + 1) - 1]
    words = [w for w in _WORD.findall(line) if w.lower() not in SMALL_WORDS]
    capitalised = sum(w[0].isupper() for w in words)
    expected = len(words) >= 4 and capitalised >= HEADLINE_SHARE * len(words)
    assert in_headline(text, char) == expected


SPACING = ["a  b", "a\nb", "a \n b", "  a", "a ", "a\n", "\n\n  x", "x  ", " ", "\xa0x\xa0 y",
           "x\t y", "don't U.S.-Japan's", "Cannot", "gonna", "(JSDF),", "5km",
           "e.g. US$5bn."]  # fmt: skip
SPACED = st.lists(st.sampled_from([*SPACING, "'s", ".", "-", "\r\n"]), max_size=8).map("".join)


@settings(max_examples=200, deadline=None)
@given(SPACED)
def test_token_span_gives_the_strict_char_span(text):
    from alliances.extract.matching import token_bounds, token_span

    doc = blank_english().make_doc(text)
    bounds = token_bounds(doc)
    for first in range(len(text)):
        for last in range(first + 1, len(text) + 1):
            span = doc.char_span(first, last)
            expected = None if span is None else (span.start, span.end)
            assert token_span(bounds, first, last) == expected, (first, last)


def _tokens(doc) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in doc]


def _spacy_and_chunked(text: str) -> tuple[list, list, list]:
    tokenizer = blank_english().tokenizer
    chunked = _tokens(tokenizer(text))
    again = _tokens(tokenizer(text))  # now from the remembered splits
    return _tokens(tokenizer.tokenizer(text)), chunked, again


def test_chunk_tokenizer_gives_spacys_tokens_and_whitespace():
    blank_english().tokenizer.forget()
    for text in [*TEXTS, *SPACING, " ".join(SPACING), "".join(SPACING)]:
        plain, chunked, again = _spacy_and_chunked(text)
        assert chunked == plain, text
        assert again == plain, text
    assert _tokens(blank_english().tokenizer("don't"))[0] == ("do", "")


@settings(max_examples=300, deadline=None)
@given(TEXT | SPACED)
def test_chunk_tokenizer_matches_spacy_on_any_text(text):
    plain, chunked, again = _spacy_and_chunked(text)
    assert chunked == plain
    assert again == plain


def test_chunk_tokenizer_memory_is_bounded(monkeypatch):
    from alliances.extract import text as text_module

    tokenizer = blank_english().tokenizer
    tokenizer.forget()
    monkeypatch.setattr(text_module, "CHUNKS_REMEMBERED", 5)
    doc = tokenizer(" ".join(f"word{i}," for i in range(40)))
    assert len(doc) == 80
    assert 0 < len(tokenizer.splits) <= 5
