"""Highlighting a document's spans: escaped text, well-nested marks, inner kinds kept whole."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from alliances.facts import Fact
from alliances.web.highlight import KINDS, Span, highlight
from alliances.web.present import amount, describe

TAG = re.compile(r"</?mark[^>]*>")


def marks(markup: str) -> list[tuple[str, str]]:
    """(kind, text) of each mark that carries an anchor id (a span's first piece)."""
    found = []
    for match in re.finditer(r'<mark class="hl hl-(\w+)" id="([^"]+)"', markup):
        depth, position = 1, match.end()
        for tag in TAG.finditer(markup, position):
            depth += -1 if tag.group().startswith("</") else 1
            if depth == 0:
                inner = markup[markup.index(">", match.end()) + 1 : tag.start()]
                found.append((match.group(1), html.unescape(TAG.sub("", inner))))
                break
    return found


def test_nested_and_crossing_spans():
    text = "A <b>Japan</b> said JPY 5.4 trillion & more. Next one."
    spans = [
        Span(2, 30, "claim", "c", "a claim"),
        Span(20, 36, "quantity", "q", "a quantity"),
        Span(5, 10, "actor", "m", "Japan"),
        Span(25, 50, "tie", "t", "a tie"),
    ]
    markup = str(highlight(text, spans))
    assert html.unescape(TAG.sub("", markup)) == text
    assert "<b>" not in markup
    found = dict((kind, words) for kind, words in marks(markup))
    assert found["quantity"] == "JPY 5.4 trillion"  # the claim and the tie split around it
    assert found["actor"] == "Japan"


def test_spans_outside_the_text_or_empty_are_dropped():
    markup = str(highlight("short", [Span(3, 99, "claim", "x", ""), Span(2, 2, "actor", "y", "")]))
    assert markup == "short"


spans = st.builds(
    lambda a, b, kind, i: Span(min(a, b), max(a, b), kind, f"s{i}", "<title & 'quote'>"),
    st.integers(0, 40),
    st.integers(0, 40),
    st.sampled_from(KINDS),
    st.integers(0, 10_000),
)


@given(st.text(min_size=0, max_size=40), st.lists(spans, max_size=8, unique_by=lambda s: s.ref))
def test_any_spans_give_escaped_well_nested_html(text, spans):
    markup = str(highlight(text, spans))
    assert html.unescape(TAG.sub("", markup)) == text
    depth = 0
    for tag in TAG.finditer(markup):
        depth += -1 if tag.group().startswith("</") else 1
        assert depth >= 0
    assert depth == 0
    assert "<" not in TAG.sub("", markup)
    for span in spans:
        if span.kind in ("actor", "quantity") and 0 <= span.start < span.end <= len(text):
            others_inner = [
                s
                for s in spans
                if s is not span
                and s.kind in ("actor", "quantity")
                and s.start < span.end
                and span.start < s.end
            ]
            if not others_inner:
                assert (span.kind, text[span.start : span.end]) in marks(markup)


def test_amounts_and_descriptions_read_as_people_write():
    assert amount(5.4e12, "JPY") == "JPY 5.4 trillion"
    assert amount(28500, "troops") == "28,500 troops"
    assert amount(26, "%") == "26%"
    fact = Fact(
        kind="quantity",
        arguments={
            "kind": "money",
            "value": 5.4e12,
            "unit": "JPY",
            "actor": "JPN",
            "measure": "defence_budget",
            "period": "FY2022",
        },
        producer="t",
        producer_version="1",
        document_id="sha256:0",
        start=0,
        end=1,
    )
    assert (
        describe(fact, {"JPN": "Japan"}.get) == "Japan: JPY 5.4 trillion (defence budget, FY2022)"
    )
