"""Tie extraction: named reference ties, described ties, resolution against the reference."""

from __future__ import annotations

import re

import pytest

from alliances.documents import Document
from alliances.extract import default_pipeline
from alliances.extract.actors import ResolvedMention
from alliances.extract.named_ties import alias_pattern
from alliances.extract.text import split_sentences
from alliances.extract.ties import Ties

NAMES = {
    "Japan": "JPN", "Tokyo": "JPN", "US": "USA", "U.S.": "USA", "Washington": "USA",
    "UK": "GBR", "Britain": "GBR", "Australia": "AUS", "India": "IND", "ROK": "KOR",
    "South Korea": "KOR", "China": "CHN", "France": "FRA", "Vietnam": "VNM",
    "Philippines": "PHL", "NATO": "org:nato", "North Korea": "PRK", "Russia": "RUS",
}  # fmt: skip
_NAME = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(NAMES, key=len)[::-1])) + r")")


def mentions(text: str) -> list[ResolvedMention]:
    """Hand-built mentions: every occurrence of a name in NAMES, each hyphenated part alone."""
    out = []
    for m in _NAME.finditer(text):
        actor = NAMES[m.group()]
        kind = "organisation" if actor.startswith("org:") else "state"
        out.append(ResolvedMention(m.start(), m.end(), m.group(), actor, kind))
    return out


def ties(text: str, published: str | None = "2024-06-01"):
    """Run the ties component alone on text with hand-built sentences and mentions."""
    from alliances.extract.model import Extraction
    from alliances.extract.pipeline import State

    document = Document(text=text, published=published)
    state = State(document, Extraction(document))
    state.slots["sentences"] = split_sentences(text)
    state.slots["mentions"] = mentions(text)
    Ties()(state)
    found = state.extraction.ties
    for tie in found:
        assert text[tie.start : tie.end] == tie.text
        assert tie.members == sorted(tie.members)
    assert state.slots["ties"] is found
    return found


def summary(found) -> list[tuple]:
    return [(t.kind, tuple(t.members), t.reference) for t in found]


def test_named_treaty_by_alias_with_exact_span():
    text = "Tokyo wants to revise the Japan-U.S. Security Treaty soon."
    (tie,) = ties(text)
    assert (tie.kind, tie.members, tie.reference) == (
        "alliance", ["JPN", "USA"], "us-japan-security-treaty",
    )  # fmt: skip
    assert tie.text == "Japan-U.S. Security Treaty"


def test_named_and_described_mentions_of_one_tie_are_one_tie():
    text = (
        "The US-Japan alliance is not equal. Ishiba wants to revise the Japan-US Security "
        "Treaty and the US-Japan Status of Forces Agreement."
    )
    assert summary(ties(text)) == [
        ("alliance", ("JPN", "USA"), "us-japan-security-treaty"),
        ("agreement", ("JPN", "USA"), "us-japan-sofa"),
    ]


def test_shared_alias_is_decided_by_the_state_after_with():
    text = "Japan has signed the Reciprocal Access Agreement with Britain."
    (tie,) = ties(text)
    assert (tie.kind, tie.members, tie.reference) == ("agreement", ["GBR", "JPN"], "japan-uk-raa")
    assert tie.text == "Reciprocal Access Agreement"


def test_shared_alias_without_evidence_is_dropped():
    assert ties("The Reciprocal Access Agreement was debated in parliament.") == []


def test_shared_alias_is_decided_by_the_document_states():
    text = "US troops in South Korea are many. The SOFA governs their status."
    assert summary(ties(text)) == [("agreement", ("KOR", "USA"), "us-rok-sofa")]


def test_case_carries_meaning_for_acronyms_and_short_names():
    assert ties("He sat on the sofa and rode a quad bike.") == []
    assert [t.reference for t in ties("Leaders of the Quad met; the QUAD grows.")] == ["quad"]


def test_named_multilateral_tie_has_its_members_on_the_date():
    (dated,) = ties("NATO held a summit.", published="2023-01-01")
    assert len(dated.members) == 30 and "FIN" not in dated.members
    (undated,) = ties("NATO held a summit.", published=None)
    assert len(undated.members) == 32 and "SWE" in undated.members


def test_chain_of_three_or_more_states_is_a_grouping():
    text = "Washington formed US-Japan-ROK, US-Japan-Australia and US-Japan-India-Australia."
    assert summary(ties(text)) == [
        ("grouping", ("JPN", "KOR", "USA"), "us-japan-rok-trilateral"),
        ("grouping", ("AUS", "JPN", "USA"), "us-japan-australia-tsd"),
        ("grouping", ("AUS", "IND", "JPN", "USA"), "quad"),
    ]
    (tie,) = ties("The India-Japan-France format met in Paris.")
    assert (tie.kind, tie.members, tie.reference, tie.text) == (
        "grouping", ["FRA", "IND", "JPN"], None, "India-Japan-France",
    )  # fmt: skip


def test_chain_of_two_needs_a_tie_noun():
    assert ties("China-US relations are tense.") == []
    assert summary(ties("The US-India partnership deepens.")) == [
        ("partnership", ("IND", "USA"), None)
    ]
    assert summary(ties("Japan-Australia security cooperation grew.")) == [
        ("partnership", ("AUS", "JPN"), "japan-australia-security-declaration-2022")
    ]


def test_between_pairs_and_their_continuation():
    text = "There are differences between the defense relations between the US and the UK and between the US and Japan."  # noqa: E501
    assert summary(ties(text)) == [
        ("partnership", ("GBR", "USA"), None),
        ("alliance", ("JPN", "USA"), "us-japan-security-treaty"),
    ]


def test_the_one_between_refers_back_to_a_tie_noun():
    text = "Japan seeks a more equal alliance, similar to the one between the UK and the US."
    assert ("partnership", ("GBR", "USA"), None) in summary(ties(text))
    assert ties("The gap is like the one between India and China.") == []


def test_owner_with_partner_and_pronoun_from_the_previous_sentence():
    text = (
        "Japan has been busy with shuttle diplomacy. As a result, its collusion with NATO "
        "has deepened, and Washington, based on its alliance with Japan, acts."
    )
    found = summary(ties(text))
    assert ("partnership", ("JPN", "org:nato"), "japan-nato") in found
    assert ("alliance", ("JPN", "USA"), "us-japan-security-treaty") in found
    assert [t[2] for t in found] == ["japan-nato", "nato", "us-japan-security-treaty"]


def test_signed_security_agreement_with_object_gives_subject_and_object():
    (tie,) = ties("Japan signed a defence equipment agreement with Vietnam.")
    assert (tie.kind, tie.members, tie.reference) == ("agreement", ["JPN", "VNM"], None)
    assert ties("Japan signed a trade agreement with Vietnam.") == []


def test_their_special_relationship_takes_the_two_states_before():
    text = 'The US and the UK are similar, with their "special relationship" rooted in WWII.'
    assert summary(ties(text)) == [("partnership", ("GBR", "USA"), None)]


def test_coordinated_subject_forming_an_alliance():
    text = "The US and the Philippines formed an alliance in 1951."
    assert summary(ties(text)) == [
        ("alliance", ("PHL", "USA"), "us-philippines-mutual-defense-treaty")
    ]


def test_alias_pattern_tolerates_news_spellings():
    pattern = re.compile(alias_pattern("US-Japan Status of Forces Agreement"))
    assert pattern.fullmatch("U.S.\u2013Japan status of forces agreement")
    assert not re.compile(alias_pattern("SOFA")).fullmatch("Sofa")


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline()


def test_default_pipeline_fills_ties_after_actors(pipeline):
    names = pipeline.names
    assert names.index("actors") < names.index("ties")
    text = "Japan and Australia signed a Reciprocal Access Agreement in January 2022."
    result = pipeline(Document(text=text, published="2022-01-06"))
    assert summary(result.ties) == [("agreement", ("AUS", "JPN"), "japan-australia-raa")]
    assert result.to_json()["ties"][0]["text"] == "Reciprocal Access Agreement"


def test_treaty_named_as_such_is_an_alliance_even_when_unknown():
    text = "North Korea and Russia signed a mutual defense treaty."
    assert summary(ties(text, published="2024-06-01")) == [("alliance", ("PRK", "RUS"), None)]
    assert summary(ties(text, published="2024-12-10")) == [
        ("alliance", ("PRK", "RUS"), "russia-dprk-treaty-2024")
    ]


def test_future_reference_ties_are_not_used_to_resolve():
    text = "Tokyo will deepen its security cooperation with the Philippines."
    assert summary(ties(text, published="2023-01-01")) == [("partnership", ("JPN", "PHL"), None)]
    assert summary(ties(text, published="2025-10-01")) == [
        ("agreement", ("JPN", "PHL"), "japan-philippines-raa")
    ]


def test_trilateral_list_of_states_is_a_grouping():
    text = "Leaders of Japan, the US and South Korea held a trilateral summit."
    assert summary(ties(text)) == [("grouping", ("JPN", "KOR", "USA"), "us-japan-rok-trilateral")]
    assert ties("Leaders of Japan, the US and South Korea met in Lima.") == []


def test_quoted_and_compound_modifiers_before_the_noun():
    text = 'China and Russia declared a "no limits" partnership.'
    assert summary(ties(text)) == [("partnership", ("CHN", "RUS"), None)]
    text = "India and the US signed a defense framework agreement."
    assert summary(ties(text)) == [("agreement", ("IND", "USA"), None)]
    assert ties("India and the US signed a trade framework agreement.") == []


def test_their_with_a_partner_pairs_each_owner_with_the_partner():
    text = "China accused Japan and the Philippines of using their alliance with the US."
    assert summary(ties(text)) == [
        ("alliance", ("JPN", "USA"), "us-japan-security-treaty"),
        ("alliance", ("PHL", "USA"), "us-philippines-mutual-defense-treaty"),
    ]


def test_a_name_cannot_refer_to_a_tie_signed_years_later():
    assert ties("The Squad met in Manila.", published="2019-01-01") == []
    assert [t.reference for t in ties("The Squad met.", published="2024-06-01")] == ["squad"]
    text = "Japan and Australia had formed a 'quasi-alliance'."
    assert summary(ties(text)) == [
        ("partnership", ("AUS", "JPN"), "japan-australia-security-declaration-2022")
    ]


def test_no_owner_when_the_sentence_names_none_before_the_tie():
    text = "China protested. Ishiba said the alliance with the US must become equal."
    assert ties(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The visit reassured US ally Japan.",
        "Japan, a treaty ally of the US, protested.",
        "Japan and the US are close allies.",
        "Washington's closest ally, Tokyo, agreed.",
    ],
)
def test_allies_described_as_such(text):
    assert summary(ties(text)) == [("alliance", ("JPN", "USA"), "us-japan-security-treaty")]


def test_allies_need_the_word_ally():
    assert ties("Japan and the US are rivals in trade.") == []
