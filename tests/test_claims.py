"""Claims: reported speech and quotes, their speakers, cues, dates and exact spans.

Mentions are built by hand here (a small surface-form table), so these tests pin the claims
component's own behaviour whatever the actors component resolves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from alliances.documents import Document
from alliances.extract.claims import Claims
from alliances.extract.dates import find_dates
from alliances.extract.model import Extraction
from alliances.extract.pipeline import Pipeline, State
from alliances.extract.text import split_sentences


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actor_id: str
    kind: str


FORMS = [
    ("Itsunori Onodera", "person:itsunori-onodera", "person"),
    ("Shigeru Ishiba", "person:shigeru-ishiba", "person"),
    ("Paul Smith", "person:paul-smith", "person"),
    ("Rahm Emanuel", "person:rahm-emanuel", "person"),
    ("James Bierman", "person:james-bierman", "person"),
    ("Fumio Kishida", "person:fumio-kishida", "person"),
    ("Kishida", "person:fumio-kishida", "person"),
    ("Lin Jian", "person:lin-jian", "person"),
    ("Minoru Kihara", "person:minoru-kihara", "person"),
    ("US Naval War College", "org:us-naval-war-college", "organisation"),
    ("LDP", "org:ldp", "organisation"),
    ("NATO", "org:nato", "organisation"),
    ("the Pentagon", "USA", "state"),
    ("Japanese", "JPN", "state"),
    ("Chinese", "CHN", "state"),
    ("Japan", "JPN", "state"),
    ("Philippines", "PHL", "state"),
    ("China", "CHN", "state"),
    ("US", "USA", "state"),
    ("Guam", "place:guam", "place"),
]


def hand_mentions(text: str) -> list[Mention]:
    taken: set[int] = set()
    found = []
    for form, actor_id, kind in FORMS:
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if taken & set(range(match.start(), match.end())):
                continue
            taken.update(range(match.start(), match.end()))
            found.append(Mention(match.start(), match.end(), form, actor_id, kind))
    return sorted(found, key=lambda m: m.start)


def claims_of(text: str, published: str | None = "2024-11-28"):
    document = Document(text=text, published=published)
    state = State(document=document, extraction=Extraction(document=document))
    state.slots["sentences"] = split_sentences(text)
    state.slots["mentions"] = hand_mentions(text)
    state.slots["dates"] = find_dates(text, published)
    Claims()(state)
    claims = state.extraction.claims
    assert state.slots["claims"] is claims
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    return claims


def only(text: str, **kwargs):
    claims = claims_of(text, **kwargs)
    assert len(claims) == 1, claims
    return claims[0]


def test_component_declares_what_it_needs_and_adds():
    component = Claims()
    assert set(component.requires) == {"sentences", "mentions", "dates"}
    assert component.assigns == ("claims",)
    with pytest.raises(ValueError, match="requires"):
        Pipeline([component])


def test_stated_that_with_apposition_resolves_to_the_person():
    claim = only(
        "Recently, Itsunori Onodera, chairman of the LDP's policy research council, stated that "
        "Japan is willing to bear certain costs to continue using the training grounds."
    )
    assert claim.speaker == "person:itsunori-onodera"
    assert claim.cue == "stated"
    assert claim.kind == "attributed"
    assert claim.text == (
        "Japan is willing to bear certain costs to continue using the training grounds"
    )


def test_said_without_that_skips_a_prepositional_modifier():
    claim = only(
        "Professor Paul Smith at the US Naval War College said the release of Japan's new "
        "defense strategy marked the beginning of a new stage."
    )
    assert claim.speaker == "person:paul-smith"
    assert claim.text.startswith("the release of Japan's")


def test_has_declared_that_he_will():
    claim = only(
        "Shigeru Ishiba has declared that he will push for the revision of the Japan-US "
        "Security Treaty, aiming to elevate the relationship."
    )
    assert (claim.speaker, claim.cue) == ("person:shigeru-ishiba", "declared")
    assert claim.text.startswith("he will push for the revision")


def test_expressing_a_desire_attaches_to_the_adjacent_mention():
    claim = only(
        "It follows a statement in September by Japan's Prime Minister, Shigeru Ishiba, "
        "expressing a desire to establish a training base for the JSDF in the US."
    )
    assert claim.speaker == "person:shigeru-ishiba"
    assert claim.cue == "expressing a desire"
    assert claim.text == "to establish a training base for the JSDF in the US"
    assert (claim.date, claim.precision) == ("2024-09", "month")


def test_expressed_his_intention():
    claim = only("Kishida also expressed his intention to deepen cooperation with NATO.")
    assert claim.speaker == "person:fumio-kishida"
    assert claim.text == "to deepen cooperation with NATO"


def test_proposed_a_plan_keeps_the_plan_but_not_a_bare_noun_phrase():
    claim = only(
        "This June, the US military proposed a plan to relocate nearly half of the US forces "
        "in Okinawa to Guam."
    )
    assert (claim.speaker, claim.cue) == ("USA", "proposed")
    assert claim.text == "a plan to relocate nearly half of the US forces in Okinawa to Guam"
    assert (claim.date, claim.precision) == ("2024-06", "month")
    assert claims_of("This is the second time Japan has proposed the long-term deployment.") == []


def test_stances_calls_and_concerns():
    claim = only("Japan reaffirmed its unwavering commitment to the alliance with the US.")
    assert (claim.speaker, claim.cue) == ("JPN", "reaffirmed")
    assert claim.text == "its unwavering commitment to the alliance with the US"
    claim = only("Paul Smith reaffirmed the United States' ironclad commitment to Japan.")
    assert claim.text == "the United States' ironclad commitment to Japan"
    claim = only("Kishida called on China to act responsibly in the East China Sea.")
    assert (claim.cue, claim.text) == (
        "called on",
        "China to act responsibly in the East China Sea",
    )
    claim = only("The Philippines expressed concern that the drills could escalate tensions.")
    assert (claim.speaker, claim.cue) == ("PHL", "expressed concern")
    assert claims_of("The US confirmed the sale of 400 missiles to Japan.") == []


def test_announced_a_plan_hopes_and_denials():
    claim = only("Later, the Pentagon announced a plan to station a new regiment in Okinawa.")
    assert (claim.speaker, claim.text) == ("USA", "a plan to station a new regiment in Okinawa")
    assert claims_of("The Pentagon announced the restructuring of its command in Japan.") == []
    claim = only("China denied that its ships had entered the waters of Japan.")
    assert (claim.speaker, claim.cue) == ("CHN", "denied")
    claim = only("Kishida hopes that the summit will deepen cooperation with the US.")
    assert (claim.speaker, claim.cue) == ("person:fumio-kishida", "hopes")
    assert claims_of("It is expected that Japan will raise its budget.") == []
    claim = only("Japan and the Philippines agreed that the pact would deepen cooperation.")
    assert (claim.speaker, claim.cue) == ("PHL", "agreed")
    assert claims_of("Japan and the Philippines agreed to deepen their cooperation.") == []


def test_vowed_to_after_a_prepositional_subject():
    claim = only(
        "The Indo-Pacific Strategy of the US in 2022 vowed to form an environment around China "
        "that is beneficial to the US."
    )
    assert (claim.speaker, claim.cue) == ("USA", "vowed")
    assert claim.text.startswith("to form an environment")
    assert (claim.date, claim.precision) == ("2022", "year")


def test_announced_that_and_a_date_inside_the_claim_does_not_date_it():
    claim = only(
        "On November 11, the Philippines announced that it will open two more bases in 2026."
    )
    assert claim.speaker == "PHL"
    assert claim.text == "it will open two more bases in 2026"
    assert claim.date == "2024-11-11"


def test_according_to_an_actor():
    claim = only("According to the Pentagon, the deployment will begin next spring.")
    assert (claim.speaker, claim.cue) == ("USA", "according to")
    assert claim.text == "the deployment will begin next spring"


def test_according_to_the_head_of_the_phrase():
    claim = only("According to Japanese Prime Minister Fumio Kishida, the talks went well.")
    assert claim.speaker == "person:fumio-kishida"
    claim = only("According to Japanese Foreign Minister Hans Broek, the talks went well.")
    assert claim.speaker is None
    claim = only("According to the provisions of the Japan-US treaty, the alliance is unequal.")
    assert claim.speaker is None


def test_according_to_a_document_credits_the_actor_its_pronoun_names():
    claim = only(
        "Japan is taking bold steps. According to the Defense Force Preparedness Plan, it plans "
        "to double the defense budget by FY 2027."
    )
    assert claim.speaker == "JPN"
    assert claim.text.startswith("it plans to double")


def test_according_to_which_and_trailing_according_to():
    claim = only(
        "The Japanese government issued its strategy in December 2022, according to which it "
        "planned to increase its defense budget."
    )
    assert (claim.speaker, claim.text) == ("JPN", "it planned to increase its defense budget")
    claim = only("The talks will resume next month, according to the Pentagon.")
    assert (claim.speaker, claim.text) == ("USA", "The talks will resume next month")


def test_vague_sources_have_no_speaker():
    for text in (
        "Analysts believe that the alliance is not an equal relationship.",
        "Experts said the Japan-US treaty remains lopsided in its obligations.",
        "According to observers, the exercise was larger than last year's.",
    ):
        claim = only(text)
        assert claim.speaker is None, text


def test_an_expert_named_in_apposition_is_the_speaker():
    claim = only("Paul Smith, a Chinese military expert, holds that the US is drawing Japan in.")
    assert (claim.speaker, claim.cue) == ("person:paul-smith", "holds")


def test_an_unknown_named_speaker_is_not_replaced_by_the_state_before_the_name():
    claim = only("Japanese Foreign Minister Hans Van den Broek said the talks had failed.")
    assert claim.speaker is None
    claim = only("The Japanese Cabinet said the budget would rise.")
    assert claim.speaker == "JPN"


def test_speaker_named_after_the_cue():
    claims = claims_of(
        "“The alliance is stronger than ever before,” said Japanese Defense Minister Minoru "
        "Kihara, speaking in Tokyo.\n"
        "“The talks have failed us all today,” said Japanese Foreign Minister Hans Broek.\n"
        "The alliance is stronger than ever before, said Japanese Defense Minister Minoru Kihara."
    )
    assert [c.speaker for c in claims] == ["person:minoru-kihara", None, "person:minoru-kihara"]


def test_a_comma_before_said_with_a_short_subject_still_reads_forward():
    claim = only("Kishida, however, said Paul Smith had agreed.")
    assert (claim.speaker, claim.text) == ("person:fumio-kishida", "Paul Smith had agreed")


def test_officials_speak_for_the_actor_before_them():
    claim = only("US officials said the deployment would be rotational.")
    assert claim.speaker == "USA"


def test_the_two_countries_resolves_to_the_nearest_state():
    claim = only(
        "Japan and the US met in April. Leaders of the two countries have repeatedly "
        "mentioned “the importance of peace and stability across the Taiwan Strait”."
    )
    assert claim.speaker == "USA"
    assert claim.kind == "quote"
    assert claim.text == "the importance of peace and stability across the Taiwan Strait"


def test_the_two_countries_are_the_pair_the_article_is_about():
    claims = claims_of(
        "Japan and the US held talks. Japan and the US agreed to upgrade their commands, "
        "prompting protests from China. According to a joint statement, the two countries will "
        "expand missile production."
    )
    assert [c.speaker for c in claims] == ["USA"]


def test_pronoun_he_resolves_to_the_nearest_person():
    claims = claims_of(
        "Fumio Kishida met Japanese lawmakers on Monday. He said that the budget must grow."
    )
    assert [(c.speaker, c.text) for c in claims] == [
        ("person:fumio-kishida", "the budget must grow")
    ]


def test_saying_after_a_comma_belongs_to_the_sentence_subject():
    claim = only(
        "Paul Smith criticised NATO for expanding into Asia, saying the bloc was building up "
        "its presence in the region."
    )
    assert (claim.speaker, claim.cue) == ("person:paul-smith", "saying")
    assert claim.text == "the bloc was building up its presence in the region"


def test_adding_continues_the_speaker_of_the_cue_before_it():
    claims = claims_of(
        "“The alliance will always stand with its partners,” Paul Smith said, adding that "
        "Japan would deploy new missiles."
    )
    assert [(c.speaker, c.cue, c.text) for c in claims] == [
        ("person:paul-smith", "said", "The alliance will always stand with its partners"),
        ("person:paul-smith", "adding", "Japan would deploy new missiles"),
    ]


def test_the_ministry_points_back_to_the_state_named_before():
    claims = claims_of(
        "Japan's Foreign Ministry lodged a protest on Monday. The ministry added that the "
        "intrusion was unacceptable."
    )
    assert [(c.speaker, c.text) for c in claims] == [("JPN", "the intrusion was unacceptable")]


def test_saying_credits_the_person_a_title_phrase_ends_with():
    claim = only(
        "Chinese Foreign Ministry spokesperson Lin Jian criticized the move on Monday, saying "
        "the allies were hyping up the so-called China threat."
    )
    assert (claim.speaker, claim.cue) == ("person:lin-jian", "saying")


def test_inverted_attribution_with_a_trailing_adverbial_and_apposition():
    claim = only(
        "The US will transform its forces in Japan into a joint headquarters, Paul Smith said "
        "after talks with his counterpart, Minoru Kihara."
    )
    assert (claim.speaker, claim.text) == (
        "person:paul-smith",
        "The US will transform its forces in Japan into a joint headquarters",
    )


def test_owner_of_the_subject_speaks_but_a_place_of_the_talks_does_not():
    claim = only("Japan's annual defense white paper says China poses the greatest challenge.")
    assert claim.speaker == "JPN"
    claim = only("The joint statement, issued after talks in Japan, said the allies would act.")
    assert claim.speaker is None


def test_weekday_after_said_dates_the_claim_and_a_second_cue_ends_the_first():
    claim = only("China said Tuesday it had tested a new missile.")
    assert claim.text == "it had tested a new missile"
    assert (claim.date, claim.precision) == ("2024-11-26", "day")
    first, second = claims_of(
        "Kishida said NATO and its partners face common threats, and added that China is "
        "enabling the war."
    )
    assert first.text == "NATO and its partners face common threats"
    assert (second.cue, second.text) == ("added", "China is enabling the war")


def test_a_pronoun_prefers_the_subject_of_its_own_sentence():
    claim = only(
        "The Philippines complained to NATO over two Chinese raids in which it said that 20 "
        "people were wounded."
    )
    assert claim.speaker == "PHL"


def test_comment_after_the_claim_is_cut():
    claim = only(
        "Kishida said that the treaty applies to the islands, which means the alliance is "
        "set to expand."
    )
    assert claim.text == "the treaty applies to the islands"
    claim = only("Kishida said that the alliance is the cornerstone, but the reality is otherwise.")
    assert claim.text == "the alliance is the cornerstone"


def test_direct_quote_with_speaker_after_and_its_continuation():
    text = (
        "“There are two primary responsibilities we have here,” said Lt. Gen. James Bierman, "
        'the commanding general. "First is to deter aggression and to prevent a war in the '
        'region."\nOther news.'
    )
    first, second = claims_of(text)
    assert (first.kind, first.speaker, first.cue) == ("quote", "person:james-bierman", "said")
    assert first.text == "There are two primary responsibilities we have here"
    assert second.speaker == "person:james-bierman"
    assert second.text == "First is to deter aggression and to prevent a war in the region"


def test_straight_quote_with_pronoun_and_speaker_before_quote():
    claims = claims_of(
        'Paul Smith spoke on Monday. "The alliance has never been stronger," he said.\n'
        "Kishida said: “Japan will stand with its partners in the region.”"
    )
    assert [(c.speaker, c.kind, c.text) for c in claims] == [
        ("person:paul-smith", "quote", "The alliance has never been stronger"),
        ("person:fumio-kishida", "quote", "Japan will stand with its partners in the region"),
    ]


def test_quote_attributed_after_an_apposition_with_abbreviations():
    claim = only(
        "“The coalition sends its condolences to the family,” Army Lt. Gen. James Bierman, "
        "commander of the task force, said in the release."
    )
    assert (claim.kind, claim.speaker) == ("quote", "person:james-bierman")
    assert claim.text == "The coalition sends its condolences to the family"


def test_a_scare_quote_before_a_later_cue_is_not_attributed():
    claims = claims_of("It is a “new stage” of the alliance as Paul Smith said on Monday.")
    assert all(c.kind != "quote" for c in claims)


def test_adverbials_between_cue_and_quote_or_clause():
    claims = claims_of(
        'Kishida said on Monday: "Japan will stand with its partners in the region."\n'
        "Paul Smith was quoted as saying that Japan would not change its nuclear policy.\n"
        "Japan said in 2019 that the treaty was outdated."
    )
    assert [(c.speaker, c.kind, c.text, c.date) for c in claims] == [
        ("person:fumio-kishida", "quote", "Japan will stand with its partners in the region",
         "2024-11-25"),
        ("person:paul-smith", "attributed", "Japan would not change its nuclear policy", None),
        ("JPN", "attributed", "the treaty was outdated", "2019"),
    ]  # fmt: skip


def test_a_quotation_over_several_paragraphs():
    claims = claims_of(
        "“We will defend the islands with all our capabilities.\n\n"
        "“And we will do it together with our allies,” Paul Smith said.\n"
    )
    assert [(c.speaker, c.text) for c in claims] == [
        ("person:paul-smith", "We will defend the islands with all our capabilities"),
        ("person:paul-smith", "And we will do it together with our allies"),
    ]


def test_block_quote_after_said_colon():
    claims = claims_of(
        "Kishida said:\n\nJapan will double its defense budget within five years.\n\nEnd."
    )
    assert [(c.speaker, c.kind, c.text) for c in claims] == [
        ("person:fumio-kishida", "quote", "Japan will double its defense budget within five years")
    ]


def test_inverted_attribution():
    claim = only("The talks with China were productive and frank, Kishida said on Monday.")
    assert (claim.speaker, claim.text) == (
        "person:fumio-kishida",
        "The talks with China were productive and frank",
    )


def test_not_claims():
    for text in (
        "It must be pointed out that the alliance has become aggressive.",
        "This represents a gross interference in said country's sovereignty and its claims.",
        "Japan aims to adjust the alliance through a “small steps, fast pace” approach.",
        "Diplomatic notes for the entry into force of the agreement were exchanged.",
        "They deepened discussions, and confirmed to enhance concrete cooperation.",
        "They condemned the attacks in Baghdad claimed by Daesh that targeted mourners.",
        "China has repeatedly warned the Philippines against provocations at sea.",
        "As noted above, the alliance with the US has deepened since 2015.",
        "It was the attack for which Daesh has claimed responsibility in a statement online.",
    ):
        assert claims_of(text) == [], text


def test_every_span_is_exact_on_awkward_text():
    text = (
        '"Unclosed quote, said X\n“”, he said.\n" " said.\nsaid that\n'
        "According to ,\nAccording to which\nKishida said:\n"
    )
    claims_of(text)
    claims_of(text, published=None)
