"""The COW <-> ISO3 crosswalk, including states whose identity changed over time."""

from __future__ import annotations

import csv
import doctest

import pycountry
import pytest

from alliances import codes


def test_doctests_run():
    assert doctest.testmod(codes).failed == 0


@pytest.mark.parametrize(
    ("ccode", "on", "iso3"),
    [
        (2, None, "USA"),
        (740, None, "JPN"),
        (713, None, "TWN"),
        (365, "1950", "SUN"),
        (365, "1991-12-25", "SUN"),
        (365, "1991-12-26", "RUS"),
        (365, 1900, "RUS"),
        (260, "1970", "DEU"),
        (265, "1970", "DDR"),
        (345, "1980", "YUG"),
        (345, "2004-06", "SCG"),
        (345, 2010, "SRB"),
        (816, 1965, "VDR"),
        (816, 2000, "VNM"),
        (817, 1965, "VNM"),
        (315, 1980, "CSK"),
        (860, None, "TLS"),
        (438, None, "GIN"),
        (245, 1850, None),
    ],
)
def test_iso3_of_cow_codes(ccode, on, iso3):
    assert codes.iso3(ccode, on) == iso3


def test_actor_ids_fall_back_to_cow_codes():
    assert codes.actor_id(245) == "cow:245"
    assert codes.actor_id(8152) == "cow:8152"  # ATOP uses codes outside the COW list
    assert codes.actor_id(365, "1960-01-01") == "SUN"


def test_reverse_lookup_picks_the_state_of_the_date():
    assert codes.ccode("DEU", 1970) == 260
    assert codes.ccode("DEU", 1995) == 255
    assert codes.ccode("VNM", 1965) == 817
    assert codes.ccode("VNM", 2020) == 816
    assert codes.ccode("sun") == 365
    assert codes.ccode("RUS", 2020) == 365


def test_unknown_codes_raise_a_lookup_error():
    with pytest.raises(codes.CodeError, match="unknown COW state code 9999"):
        codes.iso3(9999)
    with pytest.raises(codes.CodeError, match="'XYZ'"):
        codes.ccode("XYZ")


def test_cameo_country_codes():
    assert codes.cameo_to_iso3("USA") == "USA"
    assert codes.cameo_to_iso3("TMP") == "TLS"
    assert codes.cameo_to_iso3("KSV") == "XKX"
    assert codes.cameo_to_iso3("AFR") is None  # a region, not a state
    assert codes.cameo_to_iso3("") is None


def test_country_names():
    assert codes.from_name("Timor Leste") == "TLS"
    assert codes.from_name("  united   kingdom ") == "GBR"
    assert codes.from_name("Asia & Oceania") is None


def test_every_iso_code_is_a_real_or_historical_one():
    for row in codes.crosswalk():
        if row.iso3 and row.iso3 not in codes.USER_ASSIGNED:
            known = pycountry.countries.get(alpha_3=row.iso3) or pycountry.historic_countries.get(
                alpha_3=row.iso3
            )
            assert known, row


def test_dated_windows_of_one_code_do_not_overlap():
    by_code = {}
    for row in codes.crosswalk():
        by_code.setdefault(row.ccode, []).append(row)
    for rows in by_code.values():
        for before, after in zip(rows, rows[1:], strict=False):
            assert before.end is not None and after.start == before.end, rows


@pytest.mark.shared
def test_every_cow_state_maps(shared):
    path = shared("data", "cow", "cow_states.csv")
    with path.open() as handle:
        for record in csv.DictReader(handle):
            ccode = int(float(record["ccode"]))
            assert codes.name(ccode), record
            assert codes.actor_id(ccode, record["styear"][:4]), record
