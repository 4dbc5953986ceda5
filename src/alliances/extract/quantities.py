"""Quantities: each amount of the text with its bound, period, actor and measure.

`amounts.py` finds the amounts (money, percent, share of GDP, counts) with their bound. Each then
gets, from its sentence: the date that follows it closely or else the nearest one before it as its
period (slot "dates"; a horizon such as "the next five years" is not a period), the actor it is
about (slot "mentions": a mention inside the quantity, else the nearest state or organisation
before it, else a possessive just after it, else the subject of the previous sentence when this
one refers back with "it"/"they"), and the measure named nearest to it (defence_budget,
troops_stationed, host_nation_support, arms_sales, assistance).
"""

from __future__ import annotations

import bisect
import re

from alliances.extract.amounts import Amount, find_amounts
from alliances.extract.model import Quantity

# Measures named in a sentence (one pattern each), and the kinds of quantity each can describe.
_MEASURES = {
    "defence_budget": (
        r"\b(?:defen[cs]e|military)(?:[- ]related|\s+and\s+related)?\s+"
        r"(?:budgets?|spending|expenditures?|outlays?)",
        {"money", "percent", "percent_gdp"},
    ),
    "host_nation_support": (
        r"\b(?:host[- ]nation\s+support|special\s+measures\s+agreement|cost[- ]sharing"
        r"|sympathy\s+budget)",
        {"money", "percent"},
    ),
    "arms_sales": (r"\b(?:arms|weapons?|military)\s+sales?\b", {"money"}),
    "assistance": (r"\b(?:aid|assistance)\b", {"money"}),
    "troops_stationed": (
        r"\b(?:stationed|deployed|deployments?|based|garrisoned|relocat\w+|redeploy\w*"
        r"|rotat\w+|presence|sen[dt]|sending|dispatch\w*)\b",
        {"count", "percent"},
    ),
}
_MEASURE_RE = re.compile(
    "|".join(f"(?P<{name}>{pattern})" for name, (pattern, _) in _MEASURES.items()), re.IGNORECASE
)
_TROOP_UNITS = frozenset({"troops", "soldiers", "Marines", "personnel", "sailors", "airmen"})
_IN_PLACE_RE = re.compile(r"\s+(?:in|on|at)\s+(?:the\s+)?[A-Z]")
_BACK_REFERENCE_RE = re.compile(r"\b(?:it|its|they|their)\b", re.IGNORECASE)


def _span_index(spans, starts: list[int], position: int) -> int | None:
    """The index of the span (sorted, disjoint; `starts` their starts) holding `position`."""
    i = bisect.bisect_right(starts, position) - 1
    return i if i >= 0 and position < spans[i].end else None


def _period(q: Amount, dates, sentence, next_start: int) -> str | None:
    """The date just after the quantity, else the nearest before it, in its sentence; a horizon
    ("in the next five years") is a span of time, not the quantity's period."""
    inside = [
        d for d in dates if sentence.start <= d.start and d.end <= sentence.end and not d.horizon
    ]
    for d in inside:
        if q.end <= d.start < min(next_start, q.end + 40):
            return d.period
    before = [d for d in inside if d.end <= q.start]
    return before[-1].period if before else None


def _next_start(text: str, found: list[Amount], i: int) -> int:
    """Where the next quantity starts, passing over conversions in brackets right after this one
    ("8.7 trillion yen ($56 billion) for fiscal 2025": both are for fiscal 2025)."""
    end = found[i].end
    for later in found[i + 1 :]:
        if text[end : later.start].strip() not in ("(", "[", "or", "about", "or about"):
            return later.start
        end = later.end
    return len(text)


def _is_actor(mention) -> bool:
    """Places are not actors; a person's quantity is reported for nobody rather than guessed."""
    return not mention.actor_id.startswith(("place:", "person:"))


class _Mentions:
    """The actor mentions of a document, looked up by character range."""

    def __init__(self, mentions) -> None:
        self.mentions = [m for m in mentions if _is_actor(m)]
        self.starts = [m.start for m in self.mentions]

    def within(self, span) -> list:
        """Mentions inside `span` (an object with start and end), in text order."""
        lo = bisect.bisect_left(self.starts, span.start)
        hi = bisect.bisect_left(self.starts, span.end)
        return [m for m in self.mentions[lo:hi] if m.end <= span.end]


def _actor(q: Amount, text: str, mentions: _Mentions, sentences, s_index: int) -> str | None:
    """The state or organisation the quantity is about, where its sentence says so."""
    sentence = sentences[s_index]
    in_sentence = mentions.within(sentence)
    for m in in_sentence:
        if q.start <= m.start and m.end <= q.end:
            return m.actor_id
    before = [m for m in in_sentence if m.end <= q.start]
    if before:
        return before[-1].actor_id
    for m in in_sentence:  # "half of Japan's defense budget"
        if q.end <= m.start <= q.end + 30 and text.startswith(("'s", "’s"), m.end):
            return m.actor_id
    if s_index == 0 or not _BACK_REFERENCE_RE.search(text, sentence.start, q.start):
        return None
    previous = sentences[s_index - 1]
    if "\n" in text[previous.end : sentence.start]:
        return None  # a new paragraph does not refer back
    earlier = mentions.within(previous)
    return earlier[0].actor_id if earlier else None


def _measures(text: str, sentence) -> list[tuple[int, int, str]]:
    """The measures named in a sentence: (start, end, measure)."""
    return [
        (m.start(), m.end(), m.lastgroup)
        for m in _MEASURE_RE.finditer(text, sentence.start, sentence.end)
    ]


def _measure(q: Amount, text: str, sentence, found: dict | None = None) -> str | None:
    """The measure named nearest the quantity in its sentence, for a kind it can describe
    (`found` keeps each sentence's `_measures` by its start, for the next quantity there)."""
    if q.kind == "count" and q.unit in _TROOP_UNITS and _IN_PLACE_RE.match(text, q.end):
        return "troops_stationed"  # "54,000 troops in Japan"
    named = found.get(sentence.start) if found is not None else None
    if named is None:
        named = _measures(text, sentence)
        if found is not None:
            found[sentence.start] = named
    best: tuple[int, str] | None = None
    for start, end, measure in named:
        if q.kind not in _MEASURES[measure][1]:
            continue
        if measure == "troops_stationed" and q.kind == "count" and q.unit not in _TROOP_UNITS:
            continue
        distance = max(start - q.end, q.start - end, 0)
        if best is None or distance < best[0]:
            best = (distance, measure)
    return best[1] if best else None


def _inside_date(q: Amount, dates) -> bool:
    """A number that is part of a date ("FY 2022", "June 21, 2011") is not a quantity."""
    return any(d.start <= q.start and q.value_end <= d.end for d in dates)


def find_quantities(text: str, sentences, mentions, dates) -> list[Quantity]:
    """The quantities of `text`, each with bound, period, actor and measure where stated.

    `sentences` are (start, end) objects covering the text; `mentions` resolved actor mentions
    (start, end, actor_id) sorted by start; `dates` DateMention objects sorted by start.
    """
    found = [q for q in find_amounts(text) if not _inside_date(q, dates)]
    actors = _Mentions(mentions)
    sentence_starts = [s.start for s in sentences]
    quantities = []
    measures: dict[int, list[tuple[int, int, str]]] = {}  # by sentence start, found once
    for i, q in enumerate(found):
        s_index = _span_index(sentences, sentence_starts, q.start)
        period = actor = measure = None
        if s_index is not None:
            sentence = sentences[s_index]
            next_start = _next_start(text, found, i)
            period = _period(q, dates, sentence, next_start)
            actor = _actor(q, text, actors, sentences, s_index)
            measure = _measure(q, text, sentence, measures)
        quantities.append(
            Quantity(
                kind=q.kind,
                value=q.value,
                unit=q.unit,
                bound=q.bound,
                period=period,
                actor=actor,
                start=q.start,
                end=q.end,
                text=text[q.start : q.end],
                measure=measure,
            )
        )
    return quantities


class QuantitiesComponent:
    """Pipeline component: fills `extraction.quantities` and slot "quantities"."""

    name = "quantities"
    requires = ("sentences", "mentions", "dates")
    assigns = ("quantities",)

    def __call__(self, state) -> None:
        quantities = find_quantities(
            state.text, state.slots["sentences"], state.slots["mentions"], state.slots["dates"]
        )
        state.slots["quantities"] = quantities
        state.extraction.quantities = quantities
