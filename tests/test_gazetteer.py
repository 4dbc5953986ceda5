"""The bundled gazetteer: it loads, its ids are unique and well formed, its roles are dated."""

from __future__ import annotations

import re

import pycountry
import pytest

from alliances.gazetteer import ROLES, load

# pycountry entries that are not UN member states: territories, dependencies, Antarctica, and the
# two observer states (Holy See, Palestine). 249 - 56 = 193 members.
NOT_UN_MEMBERS = set(
    [
        "ABW",
        "AIA",
        "ALA",
        "ASM",
        "ATA",
        "ATF",
        "BES",
        "BLM",
        "BMU",
        "BVT",
        "CCK",
        "COK",
        "CUW",
        "CXR",
        "CYM",
        "ESH",
        "FLK",
        "FRO",
        "GGY",
        "GIB",
        "GLP",
        "GRL",
        "GUF",
        "GUM",
        "HKG",
        "HMD",
        "IMN",
        "IOT",
        "JEY",
        "MAC",
        "MAF",
        "MNP",
        "MSR",
        "MTQ",
        "MYT",
        "NCL",
        "NFK",
        "NIU",
        "PCN",
        "PRI",
        "PSE",
        "PYF",
        "REU",
        "SGS",
        "SHN",
        "SJM",
        "SPM",
        "SXM",
        "TCA",
        "TKL",
        "TWN",
        "UMI",
        "VAT",
        "VGB",
        "VIR",
        "WLF",
    ]
)


@pytest.fixture(scope="module")
def gazetteer():
    return load()


def test_load_is_cached(gazetteer):
    assert load() is gazetteer
    assert "JPN" in gazetteer and "person:shigeru-ishiba" in gazetteer
    assert "XXX" not in gazetteer and gazetteer.get("XXX") is None


def test_every_un_member_state_is_present(gazetteer):
    members = {c.alpha_3 for c in pycountry.countries} - NOT_UN_MEMBERS
    assert len(members) == 193
    listed = {e.id for e in gazetteer.of_kind("state") if e.un_member}
    assert listed == members


def test_taiwan_kosovo_palestine_and_the_soviet_union(gazetteer):
    for actor_id in ("TWN", "XKX", "PSE", "SUN"):
        entry = gazetteer.get(actor_id)
        assert entry is not None and entry.kind == "state" and not entry.un_member
    assert gazetteer.get("SUN").historical


def test_cow_codes_are_unique_among_current_states(gazetteer):
    codes = [e.cow for e in gazetteer.of_kind("state") if e.cow and not e.historical]
    assert len(codes) == len(set(codes))
    assert gazetteer.get("USA").cow == 2
    assert gazetteer.get("JPN").cow == 740
    assert gazetteer.get("CHN").cow == 710


def test_ids_are_well_formed(gazetteer):
    patterns = {
        "state": r"[A-Z]{3}",
        "organisation": r"org:[a-z0-9-]+",
        "person": r"person:[a-z0-9-]+",
        "place": r"place:[a-z0-9-]+",
    }
    for entry in gazetteer.entries.values():
        assert re.fullmatch(patterns[entry.kind], entry.id), entry.id


def test_enough_organisations(gazetteer):
    organisations = {e.id for e in gazetteer.of_kind("organisation")}
    assert len(organisations) >= 60
    for actor_id in ("org:nato", "org:asean", "org:eu", "org:un", "org:g7", "org:quad"):
        assert actor_id in organisations
    for actor_id in ("org:aukus", "org:ipef", "org:sco", "org:brics", "org:five-eyes"):
        assert actor_id in organisations
    for actor_id in ("org:fpda", "org:pif", "org:ldp", "org:us-naval-war-college"):
        assert actor_id in organisations


def test_metonyms_and_institutions_resolve_to_their_state(gazetteer):
    assert {"Washington", "the White House", "the Pentagon"} <= set(gazetteer.get("USA").aliases)
    assert {"Tokyo", "JSDF", "National Diet"} <= set(gazetteer.get("JPN").aliases)
    assert {"Beijing", "Zhongnanhai", "PLA"} <= set(gazetteer.get("CHN").aliases)
    assert "the Kremlin" in gazetteer.get("RUS").aliases
    assert "Biden administration" in gazetteer.get("USA").aliases


def test_roles_are_known_and_ordered(gazetteer):
    for person in gazetteer.of_kind("person"):
        assert person.name and person.surname
        for role in person.roles:
            assert role.role in ROLES
            assert role.end is None or role.start < role.end, (person.id, role)
            assert role.state or role.org, (person.id, role)


def test_role_holder_by_date(gazetteer):
    assert gazetteer.role_holder("head_of_state", "USA", "2023-05-01").id == "person:joe-biden"
    assert gazetteer.role_holder("head_of_state", "USA", "2025-01-20").id == "person:donald-trump"
    pm = "head_of_government"
    assert gazetteer.role_holder(pm, "JPN", "2024-11-28").id == "person:shigeru-ishiba"
    assert gazetteer.role_holder(pm, "JPN", "2023-06-01").id == "person:fumio-kishida"
    assert gazetteer.role_holder(pm, "JPN", "1900-01-01") is None


STATES_2000_2026 = ("USA", "JPN", "CHN", "KOR", "PRK", "TWN", "AUS", "NZL", "IND", "PHL", "IDN")
STATES_2000_2026 += ("VNM", "GBR", "FRA", "DEU", "RUS", "CAN")
DATED_ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")


def test_one_holder_at_a_time(gazetteer):
    spans: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for person in gazetteer.of_kind("person"):
        for r in person.roles:
            if r.role in (*DATED_ROLES, "secretary_general"):
                key = (r.role, r.state or r.org)
                spans.setdefault(key, []).append((r.start, r.end or "9999", person.id))
    for key, held in spans.items():
        held.sort()
        for (_, end, who), (start, _, successor) in zip(held, held[1:], strict=False):
            assert start >= end, (key, who, successor)


def test_every_state_has_a_leader_every_year(gazetteer):
    for year in range(2001, 2027):
        day = f"{year}-07-01"  # clear of acting presidents (Korea, spring 2017 and 2025)
        for state in STATES_2000_2026:
            leaders = [
                gazetteer.role_holder(role, state, day)
                for role in ("head_of_state", "head_of_government")
            ]
            assert any(leaders), (state, day)


def test_ministers_of_the_main_allies_every_year(gazetteer):
    for year in range(2001, 2027):
        day = f"{year}-06-01"
        for state in ("USA", "JPN", "CHN", "AUS", "GBR", "IND", "FRA", "DEU", "RUS"):
            for role in ("foreign_minister", "defence_minister"):
                assert gazetteer.role_holder(role, state, day), (state, role, day)


def test_nato_secretaries_general_and_ambassadors(gazetteer):
    sg = "secretary_general"
    assert gazetteer.role_holder(sg, "org:nato", "2020-01-01").id == "person:jens-stoltenberg"
    assert gazetteer.role_holder(sg, "org:nato", "2025-01-01").id == "person:mark-rutte"
    emanuel = gazetteer.role_holder("ambassador", "USA", "2023-01-01", to="JPN")
    assert emanuel.id == "person:rahm-emanuel"
    assert gazetteer.role_holder("head_of_government", "JPN", "2025-11-01").name == "Sanae Takaichi"
