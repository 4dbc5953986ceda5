"""The bundled reference: it validates, it holds known facts, and the validator catches bad rows."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from alliances import reference
from alliances.reference import ReferenceDataError, load, load_dir, validate


@pytest.fixture(scope="module")
def ref():
    return load()


def write(tmp_path: Path, name: str, body: str) -> Path:
    (tmp_path / name).write_text(textwrap.dedent(body), encoding="utf-8")
    return tmp_path


GOOD_TIE = """\
- id: pact
  name: Test Pact
  kind: alliance
  members: [USA, JPN]
  signed: 1960-01-19
  in_force: 1960-06-23
  sources:
    - {url: "https://example.org/pact", citation: "The Test Pact."}
"""


def test_bundled_reference_is_valid(ref):
    assert validate(ref) == []


def test_every_identifier_is_a_gazetteer_actor(ref):
    from alliances.gazetteer import load as load_gazetteer

    gazetteer = load_gazetteer()
    ids = {b.state for b in ref.budgets} | {i for p in ref.posture for i in (p.host, p.guest)}
    for tie in ref.ties:
        ids.update(tie.member_ids)
        ids.update(i for b in tie.basing for i in (b.host, b.guest))
        if tie.actor:
            ids.add(tie.actor)
    assert sorted(i for i in ids if gazetteer.get(i) is None) == []


def test_load_is_cached(ref):
    assert load() is ref


def test_every_theme_is_present(ref):
    kinds = {t.kind for t in ref.ties}
    assert kinds == set(reference.TIE_KINDS)
    assert ref.posture and ref.budgets
    assert {"JPN", "USA", "KOR", "AUS", "CHN", "IND"} <= {b.state for b in ref.budgets}


def test_nato_has_32_members_in_june_2024(ref):
    nato = ref["nato"]
    assert len(nato.members_on("2024-06-01")) == 32
    assert "SWE" not in nato.members_on("2024-03-06")
    assert "SWE" in nato.members_on("2024-03-07")
    assert "FIN" in nato.members_on("2023-04-04")
    assert len(nato.members_on("1949-08-24")) == 12
    assert nato.members_on("1949-05-01") == ()  # signed, not yet in force


def test_anzus_us_nz_suspended_after_1986(ref):
    anzus = ref["anzus"]
    assert anzus.dyads_on("1985-01-01") == [("AUS", "NZL"), ("AUS", "USA"), ("NZL", "USA")]
    assert anzus.dyads_on("1987-01-01") == [("AUS", "NZL"), ("AUS", "USA")]
    assert anzus.suspended("USA", "NZL", "2024-01-01")
    assert anzus.members_on("2024-01-01") == ("AUS", "NZL", "USA")


def test_us_japan_treaty_obligations_are_asymmetric(ref):
    treaty = ref["us-japan-security-treaty"]
    assert treaty.obligations_of("USA")["defense"] == 1
    assert treaty.obligations_of("JPN")["defense"] == 0
    assert treaty.atop == 3375
    assert [(b.host, b.guest) for b in treaty.basing] == [("JPN", "USA")]


def test_treaty_succession_and_endings(ref):
    assert not ref["us-japan-security-treaty-1951"].active("1960-06-23")
    assert ref["us-japan-security-treaty"].active("1960-06-23")
    assert ref["us-roc-mutual-defense-treaty"].active("1979-06-01")
    assert not ref["us-roc-mutual-defense-treaty"].active("1980-01-01")
    assert ref["seato"].members_on("1973-01-01") == (
        "AUS", "FRA", "GBR", "NZL", "PHL", "THA", "USA",
    )  # fmt: skip
    assert not ref["seato"].active("1977-07-01")
    assert ref["sino-soviet-treaty-1950"].member_ids == ("CHN", "SUN")
    assert "ALB" not in ref["warsaw-pact"].members_on("1970-01-01")
    assert not ref["warsaw-pact"].active("1991-07-01")


def test_quad_lapsed_between_2008_and_2017(ref):
    quad = ref["quad"]
    assert quad.members_on("2007-06-01") == ("AUS", "IND", "JPN", "USA")
    assert quad.members_on("2010-01-01") == ()
    assert quad.members_on("2021-03-12") == ("AUS", "IND", "JPN", "USA")


def test_ipef_has_fourteen_partners_after_fiji_joined(ref):
    ipef = ref["ipef"]
    assert len(ipef.members_on("2022-05-24")) == 13
    assert len(ipef.members_on("2022-06-01")) == 14


def test_ties_active_returns_members_on_the_date(ref):
    active = {a.tie.id: a.members for a in ref.ties_active("2024-06-01")}
    assert active["aukus"] == ("AUS", "GBR", "USA")
    assert "japan-australia-raa" in active
    assert "japan-philippines-raa" not in active  # signed July 2024
    assert "us-roc-mutual-defense-treaty" not in active
    groupings = {a.tie.id for a in ref.ties_active("2024-06-01", kind="grouping")}
    assert {"quad", "aukus", "us-japan-rok-trilateral"} <= groupings


def test_aliases_name_ties_as_news_writes_them(ref):
    assert [t.id for t in ref.by_alias("Japan-U.S. Security Treaty")] == [
        "us-japan-security-treaty"
    ]
    assert [t.id for t in ref.by_alias("the quad".removeprefix("the "))] == ["quad"]
    sofas = {t.id for t in ref.by_alias("SOFA")}
    assert sofas == {"us-japan-sofa", "us-rok-sofa"}  # shared: the caller disambiguates
    raas = {t.id for t in ref.by_alias("reciprocal access agreement")}
    assert raas == {"japan-australia-raa", "japan-uk-raa", "japan-philippines-raa"}


def test_ties_between_finds_exact_member_sets(ref):
    ids = [t.id for t in ref.ties_between({"JPN", "USA"}, on="2024-01-01", kind="alliance")]
    assert ids == ["us-japan-security-treaty"]
    assert ref.ties_between({"GBR", "USA"}, kind="alliance") == []


def test_posture_and_budgets(ref):
    assert {p.id for p in ref.posture_on("2012-12-31")} >= {"okinawa-guam-plan-2012"}
    assert "okinawa-guam-relocation-start-2024" not in {p.id for p in ref.posture_on("2024-11")}
    okinawa = [p for p in ref.posture if p.destination == "Guam"]
    assert any(p.date == "2012-04-27" and p.personnel == 4000 for p in okinawa)
    japan = {b.fiscal_year: b for b in ref.budgets_of("JPN")}
    assert japan["FY2022"].currency == "JPY"
    assert japan["FY2022"].amount == pytest.approx(5.4e12, rel=0.01)
    assert japan["FY2022"].fiscal_year_start_month == 4
    assert all(b.sources for b in ref.budgets)


def test_validator_accepts_a_good_row(tmp_path):
    assert validate(load_dir(write(tmp_path, "alliances.yaml", GOOD_TIE))) == []


def test_validator_catches_unordered_dates(tmp_path):
    body = GOOD_TIE.replace("in_force: 1960-06-23", "in_force: 1959-06-23\n  ended: 1958")
    problems = validate(load_dir(write(tmp_path, "alliances.yaml", body)))
    assert any("in_force 1959-06-23 is before signed" in p for p in problems)
    assert any("ended 1958 is before in_force" in p for p in problems)


def test_validator_catches_member_dates_outside_the_tie(tmp_path):
    body = GOOD_TIE.replace("[USA, JPN]", "[USA, {id: JPN, joined: 1950, left: 1949}]")
    problems = validate(load_dir(write(tmp_path, "alliances.yaml", body)))
    assert any("member JPN: joined 1950 is before tie signed" in p for p in problems)
    assert any("left 1949 is before joined" in p for p in problems)


def test_validator_catches_unknown_member(tmp_path):
    body = GOOD_TIE.replace("[USA, JPN]", "[USA, XXX, org:nowhere]")
    problems = validate(load_dir(write(tmp_path, "alliances.yaml", body)))
    assert sum("unknown member" in p for p in problems) == 2


def test_validator_catches_missing_source(tmp_path):
    body = GOOD_TIE.split("  sources:")[0]
    problems = validate(load_dir(write(tmp_path, "groupings.yaml", body)))
    assert problems == ["tie pact: no source"]


def test_validator_catches_a_source_without_url(tmp_path):
    body = GOOD_TIE.replace('"https://example.org/pact"', '"example.org"')
    problems = validate(load_dir(write(tmp_path, "alliances.yaml", body)))
    assert problems == ["tie pact: source 1 needs an http(s) url and a citation"]


def test_validator_catches_bad_obligations_and_duplicates(tmp_path):
    body = GOOD_TIE + "  obligations:\n    KOR: {defense: 1}\n    USA: {attack: 1}\n"
    problems = validate(load_dir(write(tmp_path, "alliances.yaml", body + GOOD_TIE)))
    assert "tie pact: id used 2 times" in problems
    assert any("obligations for KOR, who is not a member" in p for p in problems)
    assert any("obligation USA.attack=1 is not valid" in p for p in problems)


def test_validator_checks_posture_and_budgets(tmp_path):
    write(
        tmp_path,
        "posture.yaml",
        """\
        - id: base
          host: JPN
          guest: ZZZ
          kind: stationed
          date: 2024
          personnel: 100
          description: A base.
          sources: []
        """,
    )
    write(
        tmp_path,
        "budgets.yaml",
        """\
        - state: JPN
          currency: YEN
          basis: Initial budget
          fiscal_year_start_month: 4
          sources: [{url: "https://example.org", citation: "Budget."}]
          years: {FY2023: 6.8e+12}
        """,
    )
    problems = validate(load_dir(tmp_path))
    assert "posture base: unknown host or guest (JPN, ZZZ)" in problems
    assert "posture base: personnel needs a positive figure and a bound" in problems
    assert "posture base: no source" in problems
    assert "budget JPN FY2023: 'YEN' is not an ISO 4217 code" in problems


def test_malformed_rows_raise_with_file_and_row(tmp_path):
    write(tmp_path, "agreements.yaml", GOOD_TIE.replace("signed: 1960-01-19", "signed: 19/1/60"))
    with pytest.raises(ReferenceDataError, match=r"agreements.yaml row 1 \(pact\) signed"):
        load_dir(tmp_path)
    write(tmp_path, "agreements.yaml", GOOD_TIE + "  colour: red\n")
    with pytest.raises(ReferenceDataError, match="unknown field"):
        load_dir(tmp_path)
