"""Quantities: money, percent, share of GDP and counts, with bound, period, actor and measure."""

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.documents import Document
from alliances.extract.actors import Actors
from alliances.extract.dates import DatesComponent, find_dates
from alliances.extract.pipeline import Pipeline
from alliances.extract.quantities import QuantitiesComponent, find_quantities
from alliances.extract.text import Sentences, Tokens, split_sentences


@dataclass(frozen=True)
class Mention:
    """Stands in for the actors component's ResolvedMention (same fields)."""

    start: int
    end: int
    text: str
    actor_id: str
    kind: str


def mentions_of(text: str, names: dict[str, str]) -> list[Mention]:
    """Every occurrence of each name, resolved to its actor id, sorted by start."""
    found = []
    for name, actor_id in names.items():
        start = text.find(name)
        while start >= 0:
            found.append(Mention(start, start + len(name), name, actor_id, "state"))
            start = text.find(name, start + 1)
    return sorted(found, key=lambda m: m.start)


def quantities(text: str, published: str | None = "2024-11-28", names: dict | None = None):
    found = find_quantities(
        text,
        split_sentences(text),
        mentions_of(text, names or {}),
        find_dates(text, published),
    )
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def summary(text: str, **kwargs) -> list[tuple]:
    return [(q.text, q.kind, q.value, q.unit, q.bound) for q in quantities(text, **kwargs)]


@pytest.mark.parametrize(
    ("sentence", "span", "value", "unit"),
    [
        ("Japan set aside JPY 6.8 trillion for defence.", "JPY 6.8 trillion", 6.8e12, "JPY"),
        ("The budget is 5.4 trillion yen this year.", "5.4 trillion yen", 5.4e12, "JPY"),
        ("a supplementary ¥800 billion", "¥800 billion", 8e11, "JPY"),
        ("Washington approved $1.2 billion in arms sales.", "$1.2 billion", 1.2e9, "USD"),
        ("a US$3.5bn package", "US$3.5bn", 3.5e9, "USD"),
        ("a $5m grant", "$5m", 5e6, "USD"),
        ("USD 250 million for the base", "USD 250 million", 2.5e8, "USD"),
        ("spending 40 billion US dollars", "40 billion US dollars", 4e10, "USD"),
        ("Seoul pays 1.15 trillion won a year.", "1.15 trillion won", 1.15e12, "KRW"),
        ("AUKUS will cost up to A$368 billion.", "up to A$368 billion", 3.68e11, "AUD"),
        ("368 billion Australian dollars", "368 billion Australian dollars", 3.68e11, "AUD"),
        ("Manila allotted 2.3 billion pesos to the bases.", "2.3 billion pesos", 2.3e9, "PHP"),
        ("a budget of 1.67 trillion yuan", "1.67 trillion yuan", 1.67e12, "CNY"),
        ("RMB 1.55 trillion for the PLA", "RMB 1.55 trillion", 1.55e12, "CNY"),
        ("London pledged £2.5bn to Kyiv.", "£2.5bn", 2.5e9, "GBP"),
        ("a €100 billion fund", "€100 billion", 1e11, "EUR"),
        ("a grant of $530,000 to the fund", "$530,000", 5.3e5, "USD"),
        ("Taiwan's NT$19 billion plan", "NT$19 billion", 1.9e10, "TWD"),
        ("a 43-trillion-yen build-up", "43-trillion-yen", 4.3e13, "JPY"),
        ("about 5 trillion Japanese yen", "about 5 trillion Japanese yen", 5e12, "JPY"),
        ("1.2 trillion South Korean won", "1.2 trillion South Korean won", 1.2e12, "KRW"),
        ("a $1.2-billion sale", "$1.2-billion", 1.2e9, "USD"),
        ("about 236 billion U.S. dollars", "about 236 billion U.S. dollars", 2.36e11, "USD"),
    ],
)
def test_money_in_every_currency(sentence, span, value, unit):
    (q,) = quantities(sentence)
    assert (q.kind, q.text, q.unit) == ("money", span, unit)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("sentence", "span", "bound"),
    [
        ("The Coalition spent more than $4 million on it.", "more than $4 million", "more_than"),
        ("Australia responded with over $135 million.", "over $135 million", "more_than"),
        ("The US will provide nearly $100 million.", "nearly $100 million", "about"),
        ("It costs about $2 billion.", "about $2 billion", "about"),
        ("It costs around $2 billion.", "around $2 billion", "about"),
        ("a reward of up to $5 million", "up to $5 million", "up_to"),
        ("It cost less than $1 billion.", "less than $1 billion", "less_than"),
    ],
)
def test_bounds_are_read_from_the_words_before(sentence, span, bound):
    (q,) = quantities(sentence)
    assert (q.text, q.bound) == (span, bound)


def test_currency_carries_forward_within_a_paragraph_with_fiscal_periods():
    text = (
        "Japan plans to double the defense budget from JPY 5.4 trillion in FY 2022 "
        "to more than 10 trillion in FY 2027."
    )
    first, second = quantities(text, published=None, names={"Japan": "JPN"})
    assert (first.text, first.value, first.unit, first.bound, first.period) == (
        "JPY 5.4 trillion",
        5.4e12,
        "JPY",
        "exact",
        "FY2022",
    )
    assert (second.text, second.value, second.unit, second.bound, second.period) == (
        "more than 10 trillion",
        1e13,
        "JPY",
        "more_than",
        "FY2027",
    )
    assert first.actor == second.actor == "JPN"
    assert first.measure == second.measure == "defence_budget"


def test_currency_does_not_carry_into_a_new_paragraph_or_onto_a_noun():
    text = "Tokyo spent JPY 5 trillion.\nThe plan covers 10 trillion in FY 2027."
    assert summary(text) == [("JPY 5 trillion", "money", 5e12, "JPY", "exact")]
    text = "Aid reached $2 billion, and 2 million Syrians received it."
    assert summary(text) == [
        ("$2 billion", "money", 2e9, "USD", "exact"),
        ("2 million Syrians", "count", 2e6, "people", "exact"),
    ]


@pytest.mark.parametrize(
    ("sentence", "spans", "values"),
    [
        ("a package of $5-10 million", ["$5", "10 million"], [5e6, 1e7]),
        ("between $1 billion and $2 billion", ["$1 billion", "$2 billion"], [1e9, 2e9]),
        ("JPY 40 to 43 trillion", ["JPY 40", "43 trillion"], [4e13, 4.3e13]),
    ],
)
def test_ranges_give_both_ends_with_the_shared_scale(sentence, spans, values):
    found = quantities(sentence)
    assert [q.text for q in found] == spans
    assert [q.value for q in found] == pytest.approx(values)
    assert {q.kind for q in found} == {"money"}


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Tokyo approved JPY 7.9 trillion for fiscal 2024.", "FY2024"),
        ("Tokyo approved JPY 7.9 trillion for fiscal year 2024.", "FY2024"),
        ("In December 2022, Tokyo approved JPY 6.8 trillion.", "2022-12"),
        ("This June, Tokyo approved JPY 1 trillion.", "2024-06"),
        ("Tokyo approved JPY 1 trillion.", None),
    ],
)
def test_period_comes_from_a_date_in_the_sentence(sentence, period):
    (q,) = quantities(sentence)
    assert q.period == period


def test_percent_and_share_of_gdp():
    text = (
        "In December 2022, Japanese Cabinet passed the JPY 6.8 trillion defense budget for "
        "FY 2023, a year-on-year increase of 26% that will mainly be used for missiles. "
        "Japan plans to increase its defense budget to 2% of GDP in the next five years."
    )
    found = quantities(text, published=None, names={"Japanese": "JPN", "Japan": "JPN"})
    assert [(q.text, q.kind, q.value, q.period, q.actor) for q in found] == [
        ("JPY 6.8 trillion", "money", 6.8e12, "FY2023", "JPN"),
        ("26%", "percent", 26, "FY2023", "JPN"),
        ("2% of GDP", "percent_gdp", 2, None, "JPN"),
    ]
    assert found[2].measure == "defence_budget"


@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value"),
    [
        ("Turnout fell by 26 percent.", "26 percent", "percent", 26),
        ("Turnout fell by 3.5 per cent.", "3.5 per cent", "percent", 3.5),
        ("spending of 1.2 percent of gross domestic product", None, "percent_gdp", 1.2),
        ("NATO's target of 2 percent of its GDP", "2 percent of its GDP", "percent_gdp", 2),
        ("more than 60 percent of the global GDP", "more than 60 percent", "percent", 60),
        (
            "a plan to relocate nearly half of the US forces in Okinawa",
            "nearly half",
            "percent",
            50,
        ),
        ("covers half the population of the world", "half", "percent", 50),
        ("a third of the budget", "a third", "percent", 100 / 3),
        ("half of Japan's defense budget", "half", "percent", 50),
        ("2% of the country's GDP", "2% of the country's GDP", "percent_gdp", 2),
        ("two-thirds of its members", "two-thirds", "percent", 200 / 3),
    ],
)
def test_percentages_and_shares(sentence, span, kind, value):
    (q,) = quantities(sentence)
    assert (q.kind, q.unit) == (kind, "%")
    assert q.value == pytest.approx(value)
    if span:
        assert q.text == span


@pytest.mark.parametrize(
    ("sentence", "span", "value", "unit"),
    [
        ("The US will move about 4,000 Marines to Guam.", "about 4,000 Marines", 4000, "Marines"),
        ("some 54,000 US troops are based in Japan", "some 54,000 US troops", 54000, "troops"),
        ("It sent 300 personnel to the drill.", "300 personnel", 300, "personnel"),
        ("twelve soldiers were injured", "twelve soldiers", 12, "soldiers"),
        ("China sent twenty-five warships.", "twenty-five warships", 25, "ships"),
        ("Japan will buy 400 Tomahawk missiles.", "400 Tomahawk missiles", 400, "missiles"),
        ("The deal covers eight submarines.", "eight submarines", 8, "submarines"),
        ("Manila opened four new sites to US forces.", "four new sites", 4, "sites"),
        ("the US has nine bases in the Philippines", "nine bases", 9, "bases"),
        ("It deployed 12 F-35 aircraft.", "12 F-35 aircraft", 12, "aircraft"),
        (
            "which involved seven of the 10 ASEAN members",
            "seven of the 10 ASEAN members",
            7,
            "states",
        ),
        ("Forces conducted more than 300 strikes.", "more than 300 strikes", 300, "strikes"),
        ("the 28,500 US troops in Korea", "28,500 US troops", 28500, "troops"),
        ("a summit of 32 NATO members", "32 NATO members", 32, "states"),
        ("the bloc's 27 member states", "27 member states", 27, "states"),
        ("deploying 2,500 peacekeepers to Darwin", "2,500 peacekeepers", 2500, "troops"),
    ],
)
def test_counts_of_what_is_counted(sentence, span, value, unit):
    (q,) = quantities(sentence)
    assert (q.kind, q.text, q.value, q.unit) == ("count", span, value, unit)


def test_count_actor_and_measure_come_from_the_sentence():
    text = "The US military plans to relocate about 4,000 Marines stationed in Okinawa to Guam."
    (q,) = quantities(text, names={"US": "USA", "Okinawa": "place:okinawa", "Guam": "place:guam"})
    assert (q.actor, q.measure) == ("USA", "troops_stationed")


def test_a_mention_inside_the_quantity_is_its_actor():
    text = "Japan lobbied hard, and the framework involved seven of the 10 ASEAN members."
    (q,) = quantities(text, names={"Japan": "JPN", "ASEAN": "org:asean"})
    assert q.actor == "org:asean"


def test_a_pronoun_refers_back_to_the_previous_sentence_subject():
    text = "Japan is taking bold steps. It plans to spend JPY 43 trillion over five years."
    (q,) = quantities(text, names={"Japan": "JPN"})
    assert q.actor == "JPN"


def test_host_nation_support_measure():
    text = "Japan pays JPY 211 billion a year in host nation support for US forces."
    (q,) = quantities(text, names={"Japan": "JPN", "US": "USA"})
    assert (q.measure, q.actor) == ("host_nation_support", "JPN")


def test_a_measure_phrase_is_named_only_as_whole_words():
    text = "Japan pays JPY 211 billion a year in ghost nation support for US forces."
    (q,) = quantities(text, names={"Japan": "JPN", "US": "USA"})
    assert q.measure is None


@pytest.mark.parametrize(
    "text",
    [
        "US B-29 bombers took off from Tinian.",
        "the modified Type-12 anti-ship missile",
        "the two countries' closer engagements",
        "the \u201ctwo plus two\u201d meeting and the 2+2 talks",
        "The 12th Marine Littoral Regiment was formed.",
        "He won after two rounds of voting.",
        "a runway 5m wide",
        "500 pounds of explosives",
        "a majority of 215 won by the coalition",
        "in the first half of 2024",
        "the second half-century of the alliance",
        "one of the most important allies",
        "The ministers met at 10:50 a.m. for 85 minutes.",
        "FY 2022 and fiscal 2023 and June 21, 2011",
        "our two nations' commitment",
        "all 32 NATO members agreed",
        "14 national land forces took part",
        "The committee has 15 members.",
        "a 10-year plan for 5-member teams",
        "No one country can do it alone, and one base is not enough.",
    ],
)
def test_non_quantities_are_left_alone(text):
    assert quantities(text) == []


def test_every_span_is_exact_on_a_realistic_paragraph():
    text = (
        "Recently, Japan said it is willing to bear certain costs. This June, the US military "
        "proposed a plan to relocate nearly half of the US forces stationed in Okinawa. "
        "Seoul agreed to pay 1.5 trillion won, up 8.3%, while Canberra committed A$368 billion "
        "over three decades and Manila opened four more sites."
    )
    found = quantities(text, names={"Japan": "JPN", "US": "USA", "Seoul": "KOR"})
    assert [(q.text, q.kind) for q in found] == [
        ("nearly half", "percent"),
        ("1.5 trillion won", "money"),
        ("8.3%", "percent"),
        ("A$368 billion", "money"),
        ("four more sites", "count"),
    ]
    assert found[0].period == "2024-06"


def test_a_count_does_not_run_across_a_sentence_end():
    assert quantities("under section 119.3 of the Criminal Code. This means") == []
    expected = [("4 U.S. Marines", "count", 4, "Marines", "exact")]
    assert summary("a team of 4 U.S. Marines") == expected


_PIECES = st.sampled_from(
    [" ", "\n", ".", ",", "-", "%", "$", "US$", "A$", "¥", "£", "€", "JPY ", "0", "1", "4,000",
     "5.4", "seven", "half", "of", "the", "GDP", "trillion", "bn", "m", "yen", "won", "dollars",
     "more than", "up to", "FY", "2022", "fiscal", "June", "May", "Marines", "troops", "members",
     "It", "Japan", "to", "in", "Syrians", "percent", "next", "five", "years", "ago"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join), st.sampled_from([None, "2024-11-28"]))
def test_arbitrary_text_never_raises_and_spans_are_exact(text, published):
    found = quantities(text, published=published, names={"Japan": "JPN"})
    assert all(q.kind in ("money", "percent", "percent_gdp", "count") for q in found)
    for d in find_dates(text, published):
        assert text[d.start : d.end] == d.text


def test_a_conversion_in_brackets_shares_the_period_and_values_are_exact():
    text = "Japan approved a budget of 8.7 trillion yen ($56 billion) for fiscal 2025."
    yen, dollars = quantities(text, names={"Japan": "JPN"})
    assert (yen.value, yen.period, dollars.value, dollars.period) == (
        8.7e12,
        "FY2025",
        5.6e10,
        "FY2025",
    )


def test_a_possessive_after_the_quantity_names_its_actor():
    text = "More than half of Japan's defense and related spending goes to personnel."
    (q,) = quantities(text, names={"Japan": "JPN"})
    assert (q.text, q.bound, q.actor, q.measure) == (
        "More than half",
        "more_than",
        "JPN",
        "defence_budget",
    )


def test_a_range_with_the_currency_after_it():
    found = quantities("a plan worth 5 to 10 trillion yen")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("5", 5e12, "JPY"),
        ("10 trillion yen", 1e13, "JPY"),
    ]
    assert quantities("from 2020-2022 the talks stalled") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The US has some 54,000 troops in Japan.",
        "In 2004 Japan sent 600 troops to Iraq.",
    ],
)
def test_troops_in_a_place_or_sent_there_are_stationed(sentence):
    (q,) = quantities(sentence)
    assert (q.kind, q.unit, q.measure) == ("count", "troops", "troops_stationed")


def test_component_with_the_real_actors_fills_the_extraction():
    pipeline = Pipeline([Sentences(), Tokens(), Actors(), DatesComponent(), QuantitiesComponent()])
    text = (
        "In December 2022, the Japanese Cabinet passed the JPY 6.8 trillion defense budget "
        "for FY 2023, a year-on-year increase of 26%."
    )
    extraction = pipeline(Document(text=text, published="2023-01-10"))
    assert [(q.text, q.actor, q.period, q.measure) for q in extraction.quantities] == [
        ("JPY 6.8 trillion", "JPN", "FY2023", "defence_budget"),
        ("26%", "JPN", "FY2023", "defence_budget"),
    ]
