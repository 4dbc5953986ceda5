"""Events: the bundled codebooks, the pattern dictionary, the coder and `alliances events`."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from alliances.cli import main
from alliances.documents import Document
from alliances.events import PLOVER_TYPES
from alliances.events import load as load_codebook
from alliances.extract import default_pipeline, extract
from alliances.extract.event_patterns import VerbForms, build, parse_pattern
from alliances.extract.event_patterns import load as load_lexicon
from alliances.extract.events import actor_country, sentence_events
from alliances.extract.facts import extraction_records
from alliances.extract.text import blank_english


def triples(text: str) -> set[tuple]:
    return {(e["source"], e["target"], e["type"]) for e in sentence_events(text)}


def events_of(text: str, published: str | None = "2024-06-10"):
    return extract(Document(text=text, published=published)).events


# ---- codebook ---------------------------------------------------------------------------------


def test_cameo_codebook_rows():
    codebook = load_codebook()
    retreat = codebook.cameo("0874")
    assert retreat.name == "Retreat or surrender militarily"
    assert (retreat.goldstein, retreat.quad_class) == (10.0, 2)
    assert codebook.cameo("190").goldstein == -10.0
    assert codebook.cameo("999") is None


def test_crosswalk_and_scores():
    codebook = load_codebook()
    assert codebook.plover("1823").event == "ASSAULT"
    assert codebook.plover("0312").event == "AGREE"
    assert codebook.plover("0312").context == "military"
    assert codebook.plover("163").event == "COERCE"  # embargoes are coercion in PLOVER 2.0
    assert codebook.plover("99") is None
    assert codebook.plover_score("RETREAT", "withdraw") == 8.0
    assert codebook.plover_score("RETREAT", "no-such-mode") == 6.5
    quads = {t: codebook.quad_class(t) for t in PLOVER_TYPES}
    assert quads["AGREE"] == 1 and quads["AID"] == 2
    assert quads["ACCUSE"] == 3 and quads["ASSAULT"] == 4


# ---- the pattern dictionary -------------------------------------------------------------------


def test_every_pattern_code_maps_to_its_type():
    codebook = load_codebook()
    lexicon = load_lexicon()
    assert {p.type for p in lexicon.patterns} == set(PLOVER_TYPES)
    for pattern in lexicon.patterns:
        assert codebook.cameo(pattern.cameo) is not None, pattern
        assert codebook.plover(pattern.cameo).event == pattern.type, pattern
    for kind, code in [*lexicon.intent.values(), lexicon.condition]:
        assert codebook.plover(code).event == kind


def test_every_pattern_word_is_one_token():
    nlp = blank_english()
    for pattern in load_lexicon().patterns:
        for word in pattern.text.replace("?", "").replace("+", "").split():
            for alternative in word.split("|"):
                assert len(nlp.make_doc(alternative)) == 1, (pattern.text, alternative)


def test_verb_inflection():
    forms = VerbForms({"withdraw": ["withdrew", "withdrawn"]}, ["commit"])
    assert forms.all("agree") == {"agree", "agrees", "agreed", "agreeing"}
    assert forms.all("deny") == {"deny", "denies", "denied", "denying"}
    assert forms.all("ban") >= {"banned", "banning", "bans"}
    assert forms.all("commit") >= {"committed", "committing"}
    assert forms.all("withdraw") >= {"withdrew", "withdrawn", "withdrawing", "withdraws"}
    assert forms.all("release") >= {"released", "releasing", "releases"}


def test_pattern_syntax():
    pattern = parse_pattern("AGREE", "+Promise to? = 030 !intent")
    assert (pattern.text, pattern.cameo, pattern.intent) == ("+promise to?", "030", True)
    with pytest.raises(ValueError, match="no '= CAMEO' code"):
        parse_pattern("AGREE", "+agree")
    assert parse_pattern("AID", "+receive ... aid = 070 !converse").converse
    with pytest.raises(ValueError, match="unknown flags"):
        parse_pattern("AGREE", "+agree = 030 !often")


def test_a_new_pattern_file_extends_the_coder():
    data = yaml.safe_load(
        """
events:
  COOPERATE: ["+swap ... notes = 064"]
intent: {COOPERATE: [AGREE, "031"]}
condition: [THREATEN, "130"]
refusal: [REJECT, "120"]
cues: {modality: [will]}
irregular: {}
double_final: []
"""
    )
    lexicon = build(data)
    assert lexicon.forms["swap"] >= {"swapped", "swapping"}
    assert lexicon.patterns[0].type == "COOPERATE"


# ---- one sentence per PLOVER type -------------------------------------------------------------

PER_TYPE = [
    ("The Australian foreign minister visited Tokyo on Monday.", ("AUS", "JPN", "CONSULT")),
    (
        "India praised Vietnam's efforts to protect freedom of navigation.",
        ("IND", "VNM", "SUPPORT"),
    ),
    ("The Thai government lifted the curfew in Bangkok.", ("THA", "THA", "CONCEDE")),
    ("Germany sent humanitarian aid to Ukraine.", ("DEU", "UKR", "AID")),
    ("Russia released two Estonian border guards.", ("RUS", "EST", "RETREAT")),
    ("South Korea urged North Korea to return to talks.", ("KOR", "PRK", "REQUEST")),
    ("China accused the Philippines of provoking tensions.", ("CHN", "PHL", "ACCUSE")),
    ("Beijing rejected a proposal from Manila.", ("CHN", "PHL", "REJECT")),
    ("Pyongyang threatened Seoul with a nuclear response.", ("PRK", "KOR", "THREATEN")),
    ("Thousands of Korean students demonstrated in Seoul.", ("KOR", "KOR", "PROTEST")),
    ("Canada expelled three Chinese diplomats.", ("CAN", "CHN", "SANCTION")),
    ("China deployed additional troops to the Indian border.", ("CHN", "IND", "MOBILIZE")),
    ("Iranian authorities arrested a British journalist.", ("IRN", "GBR", "COERCE")),
    ("Russian forces attacked the Ukrainian city of Kharkiv.", ("RUS", "UKR", "ASSAULT")),
]


@pytest.mark.parametrize(("text", "expected"), PER_TYPE, ids=[t[1][2] for t in PER_TYPE])
def test_each_type(text, expected):
    assert triples(text) == {expected}


def test_agree_and_cooperate_with_compound_subjects():
    assert triples("Japan and the Philippines agreed on Tuesday to expand defence ties.") == {
        ("JPN", None, "AGREE"),
        ("PHL", None, "AGREE"),
    }
    assert triples("Indian and French warships conducted joint exercises in the Arabian Sea.") == {
        ("IND", None, "COOPERATE"),
        ("FRA", None, "COOPERATE"),
    }


def test_compound_subject_and_agent():
    text = "Japan, Australia and India condemned the missile launch by North Korea."
    assert triples(text) == {("JPN", "PRK", "ACCUSE"), ("AUS", "PRK", "ACCUSE"),
                             ("IND", "PRK", "ACCUSE")}  # fmt: skip


def test_venue_of_a_joint_event_is_not_its_target():
    assert triples("Brazil and Argentina signed a trade agreement in Buenos Aires.") == {
        ("BRA", None, "SUPPORT"),
        ("ARG", None, "SUPPORT"),
    }
    assert triples("The Iraqi president arrived in Amman.") == {("IRQ", "JOR", "CONSULT")}


def test_peoples_in_the_plural_are_their_states():
    assert triples("Palestinians protested against Israeli raids.") == {("PSE", "ISR", "PROTEST")}


def test_compound_target():
    assert triples("The Vietnamese minister met Japan and Australia in Hanoi.") == {
        ("VNM", "JPN", "CONSULT"),
        ("VNM", "AUS", "CONSULT"),
    }


# ---- negation, refusal, modality, intent, condition -------------------------------------------


def test_negated_event_is_marked_and_left_out_of_the_command():
    (event,) = events_of("Japan did not agree to the proposal.")
    assert (event.type, event.negated) == ("AGREE", True)
    assert sentence_events("Japan did not agree to the proposal.") == []


def test_refusal_is_reject_not_the_refused_action():
    (event,) = events_of("Manila refused to withdraw its troops from the shoal.")
    assert (event.source, event.type, event.negated) == ("PHL", "REJECT", False)


def test_modality_codes_the_intention_not_the_deed():
    (aid,) = events_of("Australia will send aid to Tonga.")
    assert (aid.source, aid.target, aid.type, aid.modality, aid.cameo) == (
        "AUS", "TON", "AGREE", "will", "033",
    )  # fmt: skip
    (threat,) = events_of("China may impose sanctions on Lithuania.")
    assert (threat.type, threat.modality) == ("THREATEN", "may")
    (plan,) = events_of("Russia plans to deploy more troops to the Belarusian border.")
    assert (plan.type, plan.modality) == ("THREATEN", "plans")


def test_intent_phrase_takes_the_following_action():
    (event,) = events_of("Japan pledged to provide aid to the Philippines.")
    assert (event.source, event.target, event.type) == ("JPN", "PHL", "AGREE")
    assert (event.modality, event.cameo) == ("intent", "033")


def test_conditional_intention_is_a_threat_against_the_condition():
    (event,) = events_of("Turkey would boycott the summit unless Sweden changed its policy.")
    assert (event.source, event.target, event.type) == ("TUR", "SWE", "THREATEN")


def test_negated_future_cooperation_is_a_refusal():
    text = "The Philippine government said it would not allow Chinese vessels to enter the lagoon."
    (event,) = events_of(text)
    assert (event.source, event.target, event.type, event.negated) == (
        "PHL",
        "CHN",
        "REJECT",
        False,
    )
    (attack,) = events_of("Japan will not attack any country.")
    assert (attack.type, attack.negated) == ("THREATEN", True)


# ---- voice, clauses, actors -------------------------------------------------------------------


def test_passive_with_agent():
    text = "A Philippine supply boat was attacked by Chinese coast guard vessels."
    assert triples(text) == {("CHN", "PHL", "ASSAULT")}


def test_passive_without_agent():
    (event,) = events_of("Two Japanese journalists were arrested in Myanmar.")
    assert (event.source, event.target, event.type) == (None, "JPN", "COERCE")


def test_reported_clause_takes_its_own_subject():
    text = "A spokesman in Canberra said Indonesia had agreed to the plan."
    assert triples(text) == {("IDN", None, "AGREE")}


def test_background_clause_gives_no_second_event():
    text = "Seoul protested to Tokyo after Japanese officials visited the disputed islands."
    assert triples(text) == {("KOR", "JPN", "ACCUSE")}  # a protest to a state: CAMEO 114


def test_participle_clause_and_attribution_are_background():
    text = "Indonesian police arrested 20 protesters in Jakarta, accusing them of rioting."
    assert triples(text) == {("IDN", "IDN", "COERCE")}
    text = "Japan signed a maritime agreement with Vietnam, a diplomat who helped broker it said."
    assert triples(text) == {("JPN", "VNM", "SUPPORT")}


def test_complaint_targets_what_it_is_about_not_the_addressee():
    text = "Seoul complained to the United Nations about North Korean missile tests."
    assert triples(text) == {("KOR", "PRK", "ACCUSE")}


def test_adjectival_participle_is_not_passive():
    (event,) = events_of("A spokesman said Vietnam is committed to opening its markets.")
    assert (event.source, event.type, event.modality) == ("VNM", "AGREE", "intent")


def test_cue_words_inside_names_do_not_cut_clauses():
    assert triples("The United States and Jordan agreed on a new trade pact.") == {
        ("USA", None, "AGREE"),
        ("JOR", None, "AGREE"),
    }


def test_classifying_nouns_and_plural_nouns_are_not_events():
    assert triples("Japan unveiled its new strike capabilities.") == set()
    text = "Syrian police confiscated weapons from Lebanese smugglers."
    assert triples(text) == {("SYR", "LBN", "COERCE")}
    text = "The United States warned North Korea after missile attacks on Seoul."
    assert triples(text) == {("USA", "PRK", "THREATEN")}
    assert triples("Japan protests the Chinese incursion.") == {("JPN", "CHN", "PROTEST")}


def test_welcoming_a_decision_is_support_and_a_delegation_a_visit():
    text = "Australia welcomed the Philippine decision to expand military access."
    assert triples(text) == {("AUS", "PHL", "SUPPORT")}
    text = "The Indian prime minister welcomed the visiting Japanese delegation."
    assert triples(text) == {("IND", "JPN", "CONSULT")}


def test_tests_blockades_vetoes_and_weighed_sanctions():
    text = "Officials in Seoul said North Korea had test-fired a cruise missile."
    assert triples(text) == {("PRK", None, "MOBILIZE")}
    text = "The Chinese coast guard has repeatedly blocked Philippine resupply missions."
    assert triples(text) == {("CHN", "PHL", "COERCE")}
    text = "The United States is considering new sanctions against Iran."
    assert triples(text) == {("USA", "IRN", "THREATEN")}


def test_converse_phrase_swaps_the_roles():
    assert triples("Ukraine received a shipment of tanks from Germany.") == {("DEU", "UKR", "AID")}


def test_hyphenated_modifiers_are_not_events():
    assert triples("US-backed forces entered the town.") == set()
    assert triples("Israeli jets struck Syria.") == {("ISR", "SYR", "ASSAULT")}


def test_show_of_force_and_arms_transfers():
    text = "Taiwanese officials said China had sent 30 warplanes toward the island on Sunday."
    assert triples(text) == {("CHN", None, "MOBILIZE")}
    assert triples("The United States sent arms to Ukraine.") == {("USA", "UKR", "AID")}


def test_unknown_person_acts_for_the_only_state_named():
    text = "Prime Minister Tomas Varga banned opposition rallies in Hungary."
    (event,) = events_of(text)
    assert event.source == "person:tomas-varga"
    assert triples(text) == {("HUN", "HUN", "COERCE")}


def test_organisation_outside_the_gazetteer_is_named():
    text = "The Regional Fisheries Commission accused Indonesia of overfishing."
    assert triples(text) == {("org:regional-fisheries-commission", "IDN", "ACCUSE")}


def test_person_with_state_resolves_to_the_state():
    text = "Japanese Prime Minister Shigeru Ishiba met US President Joe Biden in Lima."
    assert triples(text) == {("JPN", "USA", "CONSULT")}


def test_actor_country_of_people():
    assert actor_country("person:shigeru-ishiba", "2025-01-15") == "JPN"
    assert actor_country("person:shigeru-ishiba") == "JPN"
    assert actor_country("person:nobody-known") == "person:nobody-known"
    assert actor_country("org:nato") == "org:nato"
    assert actor_country(None) is None


# ---- dates, codebook figures, spans, facts, pipeline ------------------------------------------


def test_date_from_the_sentence_else_publication():
    text = "On 3 May 2024, Vietnam protested to China over the seizure of a fishing boat.\n"
    text += "The Philippines lodged a complaint with China."
    first, second = events_of(text, published="2024-06-10")
    assert (first.date, first.precision) == ("2024-05-03", "day")
    assert (second.source, second.target, second.type) == ("PHL", "CHN", "ACCUSE")
    assert (second.date, second.precision) == ("2024-06-10", "day")
    (undated,) = events_of("Germany sent humanitarian aid to Ukraine.", published=None)
    assert (undated.date, undated.precision) == (None, None)


def test_events_carry_codebook_figures_and_exact_spans():
    text = "Officials said on Friday that Russian forces attacked the Ukrainian city of Kharkiv."
    extraction = extract(Document(text=text))
    (event,) = extraction.events
    assert (event.cameo, event.goldstein, event.quad_class) == ("190", -10.0, 4)
    assert text[event.start : event.end] == event.text
    assert event.text.startswith("Russian forces attacked")


def test_events_become_facts():
    extraction = extract(Document(text="Germany sent humanitarian aid to Ukraine.",
                                  published="2024-06-10"))  # fmt: skip
    _, _, facts = extraction_records(extraction)
    (fact,) = [f for f in facts if f.kind == "event"]
    assert fact.arguments["type"] == "AID"
    assert (fact.arguments["source"], fact.arguments["target"]) == ("DEU", "UKR")
    assert fact.valid_from == "2024-06-10"


def test_events_component_runs_after_actors_and_dates():
    names = default_pipeline().names
    assert names.index("events") > names.index("actors")
    assert names.index("events") > names.index("dates")


def test_event_without_known_actors_keeps_its_type():
    assert triples("The rebels attacked the town.") == {(None, None, "ASSAULT")}


def test_no_trigger_no_event():
    assert sentence_events("Japan is an island country in East Asia.") == []
    assert sentence_events("") == []


# ---- the command ------------------------------------------------------------------------------


def test_events_command_end_to_end(tmp_path):
    source = tmp_path / "sentences.jsonl"
    rows = [
        {"id": "a", "text": "Canada expelled three Chinese diplomats."},
        {"id": "b", "text": "Japan is an island country."},
        {"id": "c", "text": "Japan did not agree to the proposal."},
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["events", "--input", str(source), "--output", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"id": "a", "events": [{"source": "CAN", "target": "CHN", "type": "SANCTION"}]},
        {"id": "b", "events": []},
        {"id": "c", "events": []},
    ]
    stdout = CliRunner().invoke(main, ["events", "--input", str(source)])
    assert [json.loads(line) for line in stdout.output.splitlines()] == lines


def test_events_command_bad_input(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": "a"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["events", "--input", str(source)])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output
    source.write_text('{"id": "a", "text": "Japan met China."}\n{"id": "b", "text": 3}\n')
    result = CliRunner().invoke(main, ["events", "--input", str(source)])
    assert result.exit_code == 1
    assert "bad.jsonl:2: 'text' must be a string" in result.output
