"""The text and actors components on real-looking sentences: ids and exact spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.documents import Document
from alliances.extract.actors import Actors
from alliances.extract.model import Extraction
from alliances.extract.pipeline import State
from alliances.extract.text import Sentences, Tokens, split_sentences


def run(text: str, published: str | None = None) -> State:
    document = Document(text=text, published=published)
    state = State(document=document, extraction=Extraction(document=document))
    for component in (Sentences(), Tokens(), Actors()):
        component(state)
    return state


def ids(text: str, published: str | None = None) -> set[str]:
    return {a.id for a in run(text, published).extraction.actors}


def test_sentences_respect_newlines_and_abbreviations():
    text = "The U.S. Navy met Lt. Gen. Smith at No. 5 Pier. Mr. Abe agreed!\nA new line"
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got == [
        "The U.S. Navy met Lt. Gen. Smith at No. 5 Pier.",
        "Mr. Abe agreed!",
        "A new line",
    ]
    text = "Troops went to the U.S. The next day Gen. Smith spoke. I mean the U.S. Navy."
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got == [
        "Troops went to the U.S.",
        "The next day Gen. Smith spoke.",
        "I mean the U.S. Navy.",
    ]


def test_spans_are_exact_and_sorted():
    text = "Japan's current Prime Minister, Shigeru Ishiba, met US forces in Tokyo."
    state = run(text, "2024-11-28T09:00:00")
    mentions = state.slots["mentions"]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    for actor in state.extraction.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text


def test_hyphenated_chains_resolve_each_state():
    text = "the US-Japan-India-Australia grouping and Japan-US and U.S.-Japan ties"
    state = run(text)
    got = [(m.text, m.actor_id) for m in state.slots["mentions"]]
    assert got == [
        ("US", "USA"),
        ("Japan", "JPN"),
        ("India", "IND"),
        ("Australia", "AUS"),
        ("Japan", "JPN"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("Japan", "JPN"),
    ]


def test_demonyms_metonyms_and_institutions():
    text = "Japanese officials said the Pentagon, the JSDF and the Kremlin disagreed with Seoul."
    assert ids(text) == {"JPN", "USA", "RUS", "KOR"}


def test_lower_case_words_are_not_states():
    assert ids("Let us turn to china plates and a turkey.") == set()


def test_organisations():
    text = "NATO and ASEAN officials met at the UN as the Quad and AUKUS grew."
    assert ids(text) == {"org:nato", "org:asean", "org:un", "org:quad", "org:aukus"}


def test_places_are_not_states():
    state = run("Ships crossed the Taiwan Strait near Okinawa.")
    assert {(a.id, a.kind) for a in state.extraction.actors} == {
        ("place:taiwan-strait", "place"),
        ("place:okinawa", "place"),
    }


@pytest.mark.parametrize(
    ("text", "published", "person"),
    [
        ("a statement by Japan's current Prime Minister.", "2024-11-28", "person:shigeru-ishiba"),
        ("the US President held talks.", "2023-03-01", "person:joe-biden"),
        ("Japanese Prime Minister and US President met.", "2023-03-01", "person:fumio-kishida"),
        ("the US President held talks.", "2025-03-01", "person:donald-trump"),
    ],
)
def test_date_aware_titles(text, published, person):
    assert person in ids(text, published)


def test_titles_are_not_resolved_without_a_date_or_when_former():
    assert not any(i.startswith("person:") for i in ids("the US President held talks."))
    assert "person:joe-biden" not in ids("the former US President spoke.", "2023-03-01")


def test_title_and_surname_and_back_references():
    text = "Prime Minister Ishiba spoke. Later, Ishiba left. After Biden took office, he acted."
    state = run(text, "2024-11-28")
    people = [(m.text, m.actor_id) for m in state.slots["mentions"]]
    assert people == [
        ("Ishiba", "person:shigeru-ishiba"),
        ("Ishiba", "person:shigeru-ishiba"),
        ("Biden", "person:joe-biden"),
    ]


def test_unknown_people_after_a_title():
    text = "Professor Paul Smith at the US Naval War College said so. Smith added more."
    state = run(text)
    got = [(m.text, m.actor_id) for m in state.slots["mentions"]]
    assert got == [
        ("Paul Smith", "person:paul-smith"),
        ("US Naval War College", "org:us-naval-war-college"),
        ("Smith", "person:paul-smith"),
    ]
    actor = next(a for a in state.extraction.actors if a.id == "person:paul-smith")
    assert actor.name == "Paul Smith" and actor.kind == "person"


def test_government_of_a_leader_is_the_state():
    assert ids("The Biden administration and the Kishida government agreed.") == {"USA", "JPN"}


def test_fuzzy_name_after_title():
    assert "person:shigeru-ishiba" in ids("Prime Minister Shigeru Ishibe said.", "2024-11-28")


def test_name_set_off_before_a_title():
    text = "Gareth Bayley, the UK Special Representative for Syria, met officials."
    got = [(m.text, m.actor_id) for m in run(text).slots["mentions"]]
    assert ("Gareth Bayley", "person:gareth-bayley") in got
    assert ("UK", "GBR") in got


def test_the_title_refers_back_to_the_person_introduced_with_it():
    text = "Foreign Secretary Boris Johnson arrived. The Foreign Secretary then spoke."
    got = [(m.text, m.actor_id) for m in run(text).slots["mentions"]]
    assert got == [
        ("Boris Johnson", "person:boris-johnson"),
        ("Foreign Secretary", "person:boris-johnson"),
    ]


def test_titles_in_a_row_introduce_the_name_once():
    text = "Navy Senior Chief Petty Officer Scott C. Dayton was killed. Dayton served well."
    assert ids(text) == {"person:scott-dayton"}  # middle initials are not part of the id


def test_arbitrary_text_keeps_spans_exact():
    text = "  US-\n-Japan ''Mr.'' President , , Prime Minister-designate, al- \u200e Ishiba-"
    state = run(text, "2024-11-28")
    for m in state.slots["mentions"]:
        assert text[m.start : m.end] == m.text


def test_shared_forms_follow_the_document():
    syria = "The Syrian Democratic Forces (SDF) fought in Syria. The SDF advanced."
    japan = "The Japan Self-Defense Forces trained. The SDF drilled near Tokyo."
    assert ids(syria) == {"org:sdf", "SYR"}
    assert ids(japan) == {"JPN"}
    assert ids("The SDF drilled.") == set()


def test_generic_organs_belong_to_the_nearest_state():
    text = "Japan and the US met. The Defense Ministry said so. Later Australia's Navy sailed."
    got = [(m.text, m.actor_id) for m in run(text).slots["mentions"]]
    assert ("Defense Ministry", "USA") in got
    assert ("Navy", "AUS") in got
    assert ids("The Defense Ministry said so.") == set()


def test_the_title_refers_back_to_a_named_holder_of_the_role():
    text = (
        "Boris Johnson met the Iraqi Foreign Minister, Ibrahim al-Jaafari. "
        "The Foreign Secretary spoke."
    )
    got = [(m.text, m.actor_id) for m in run(text).slots["mentions"]]
    assert got == [
        ("Boris Johnson", "person:boris-johnson"),
        ("Iraqi", "IRQ"),
        ("Foreign Minister", "person:ibrahim-al-jaafari"),
        ("Ibrahim al-Jaafari", "person:ibrahim-al-jaafari"),
        ("Foreign Secretary", "person:boris-johnson"),
    ]


def test_leader_regime_is_the_state():
    assert ids("the Assad regime shelled the town") == {"SYR"}


def test_names_next_to_speech_cues():
    text = (
        "Jane Doe said the plan would fail, according to Ken Lee Moto. "
        "The Heritage Policy Center said otherwise, and Bonnie Glaser told reporters so. "
        "Prime Minister said nothing."
    )
    assert ids(text) == {
        "person:jane-doe",
        "person:ken-lee-moto",
        "person:bonnie-glaser",
        "org:heritage-policy-center",  # an organisation by its head word, not a person
    }


def test_former_and_then_titles_are_not_the_current_holder():
    assert "person:joe-biden" not in ids("the then-US President spoke.", "2023-03-01")


def test_surname_alone_goes_to_the_one_active_person():
    assert "person:shinjiro-koizumi" in ids("Koizumi inspected the base.", "2025-11-20")
    assert "person:junichiro-koizumi" in ids("Koizumi visited Yasukuni.", "2005-08-15")


def test_sino_prefix():
    assert ids("Sino-US relations and the Russo-Japanese War") == {"CHN", "USA", "RUS", "JPN"}


def test_ambassador_title_with_host_state():
    text = "The US Ambassador to Japan visited Okinawa."
    assert "person:rahm-emanuel" in ids(text, "2023-05-01")
    assert "person:rahm-emanuel" not in ids(text, "2020-05-01")


ALPHABET = "USJapnChiKorelt.-’' \n,AIMPrsdfgGNTOHabcmn"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "US",
                "Japan",
                "-",
                "Prime Minister",
                "President",
                "Ishiba",
                "Mr.",
                "said",
                ", ",
                "the",
                " ",
                "\n",
                "Paul Smith",
                "U.S.",
                "al-",
                "SDF",
                "Defense Ministry",
                "Institute",
                "of",
                "University",
                "In 2015",
                "’s",
            ]
        )
        | st.text(alphabet=ALPHABET, max_size=8),
        max_size=30,
    ).map("".join),
    st.sampled_from([None, "2023-06-01T00:00:00", "2024-11-28"]),
)
def test_any_text_gives_exact_sorted_spans(text, published):
    state = run(text, published)
    mentions = state.slots["mentions"]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
    for s in state.slots["sentences"]:
        assert 0 <= s.start < s.end <= len(text) and "\n" not in text[s.start : s.end]


def test_a_year_in_the_sentence_dates_the_title():
    text = "In 2015, the Japanese Prime Minister visited Washington."
    assert "person:shinzo-abe" in ids(text, "2024-11-28")
    text = "In 2020 the Japanese Prime Minister resigned."  # Abe, then Suga: no one person
    assert not any(i.startswith("person:") for i in ids(text, "2024-11-28"))
    text = "In 2015, Japan's current Prime Minister was a minister."
    assert "person:shigeru-ishiba" in ids(text, "2024-11-28")


def test_curly_apostrophes_in_names():
    text = "The People’s Liberation Army and the Korean People’s Army"
    assert [m.text for m in run(text).slots["mentions"]] == [
        "People’s Liberation Army",
        "Korean People’s Army",
    ]


def test_an_undated_text_dates_titles_only_by_a_year_in_the_sentence():
    assert "person:shinzo-abe" in ids("In 2015, the Japanese Prime Minister spoke.")
    assert not any(i.startswith("person:") for i in ids("The Japanese Prime Minister spoke."))


def test_headlines_name_nobody_new():
    text = "President Says Alliance Will Endure\nPresident Biden said so on Monday."
    assert ids(text, "2023-03-01") == {"person:joe-biden"}


def test_organisations_by_head_word():
    text = (
        "A researcher at the Korea Institute for Defense Analyses and Sarah Lee of the Stimson "
        "Center said Japan's National Defense Academy and the US Naval War College agreed."
    )
    state = run(text)
    got = [(m.text, m.actor_id, m.kind) for m in state.slots["mentions"]]
    assert got == [
        (
            "Korea Institute for Defense Analyses",
            "org:korea-institute-for-defense-analyses",
            "organisation",
        ),
        ("Stimson Center", "org:stimson-center", "organisation"),
        ("Japan", "JPN", "state"),
        ("National Defense Academy", "org:national-defense-academy", "organisation"),
        ("US Naval War College", "org:us-naval-war-college", "organisation"),
    ]
    names = {a.id: a.name for a in state.extraction.actors}
    assert names["org:stimson-center"] == "Stimson Center"
    headline = "Kyushu University Study Finds Alliance Strong\nIt did."
    assert ids(headline) == set()
