"""SIPRI loader: the official workbook layout and the CSV extract, in base units."""

from __future__ import annotations

import math

import openpyxl
import pytest

from alliances.loaders import LoadError, load_sipri, panel
from alliances.loaders.sipri import iso3_of_name
from alliances.store import Store


@pytest.fixture
def store(db_path):
    with Store(db_path) as store:
        yield store


def workbook(path, share_cell=0.0342):
    """A made-up workbook with SIPRI's layout: title rows, a 'Country' header, regions, '...'."""
    book = openpyxl.Workbook()
    front = book.active
    front.title = "Front page"
    front.append(["SIPRI Military Expenditure Database"])
    sheets = {
        "Constant (2023) US$": [[1000.5, 1100.0, "..."], [50.0, 52.0, 55.0]],
        "Current USD": [[900.0, 1000.0, 1200.0], ["xxx", 40.0, 45.0]],
        "Share of GDP": [[share_cell, 0.035, "..."], [0.01, 0.011, 0.0137]],
    }
    for title, (usa, japan) in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append([f"Military expenditure by country, {title}"])
        sheet.append(["Figures are in US$ m."])
        sheet.append([])
        sheet.append(["Country", "Notes", 2022, 2023, 2024])
        sheet.append([])
        sheet.append(["Americas"])
        sheet.append(["United States of America", None, *usa])
        sheet.append(["Asia & Oceania"])
        sheet.append(["Japan", "§", *japan])
        sheet.append(["Atlantis", None, 1.0, "...", "..."])
        sheet.append(["Europe", None, "...", "...", "..."])
    book.save(path)
    return path


def values(store, measure):
    return panel(store, measure, dataset="sipri").set_index(["actor", "year"])["value"]


def test_workbook_sheets_become_state_year_values(store, tmp_path):
    loaded = load_sipri(store, workbook(tmp_path / "milex.xlsx"), version="2025")
    assert loaded.version == "2025"
    assert loaded.coverage["states"] == 2 and loaded.coverage["years"] == [2022, 2024]
    assert loaded.coverage["unmapped_countries"] == ["Atlantis"]  # reported, not guessed
    constant = values(store, "milex_constant_usd")
    assert constant["USA", 2022] == pytest.approx(1000.5e6)
    assert math.isnan(constant["USA", 2024])  # '...': not available
    current = values(store, "milex_current_usd")
    assert ("JPN", 2022) not in current.index  # 'xxx': no value, not even a missing one
    share = values(store, "milex_share_gdp")
    assert share["USA", 2022] == pytest.approx(3.42)  # a fraction in the workbook, percent here
    years = {
        f.arguments["measure"]: f.arguments.get("price_year") for f in store.facts(dataset="sipri")
    }
    assert years == {
        "milex_constant_usd": 2023,
        "milex_current_usd": None,
        "milex_share_gdp": None,
    }


def test_workbook_with_text_in_a_value_cell_names_sheet_row_and_column(store, tmp_path):
    path = workbook(tmp_path / "milex.xlsx", share_cell="3.4%")
    with pytest.raises(LoadError, match="'3.4%' is not a number") as caught:
        load_sipri(store, path)
    assert "Share of GDP" in str(caught.value)
    assert (caught.value.line, caught.value.column) == (7, "C")


@pytest.mark.parametrize("keep", [500, 0])
def test_truncated_or_empty_workbook(store, tmp_path, keep):
    path = workbook(tmp_path / "milex.xlsx")
    path.write_bytes(path.read_bytes()[:keep])
    with pytest.raises(LoadError, match="not a readable xlsx workbook") as caught:
        load_sipri(store, path)
    assert str(caught.value).startswith(str(path))


def test_workbook_without_sipri_sheets(store, tmp_path):
    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Country", 2022])
    book.save(path)
    with pytest.raises(LoadError, match="no SIPRI sheet"):
        load_sipri(store, path)


CSV = (
    "sipri_country,ccode,year,milex_const2023_usd_m,milex_current_usd_m,milex_share_gdp\n"
    "Japan,740,2023,50.0,48.0,0.0114\n"
    '"Korea, South",732,1950,,108.4,\n'
)


def test_csv_extract(store, tmp_path):
    path = tmp_path / "extract.csv"
    path.write_text(CSV)
    loaded = load_sipri(store, path)
    assert loaded.coverage["rows"] == 2 and loaded.version == "data 1950-2023"
    assert values(store, "milex_share_gdp")["JPN", 2023] == pytest.approx(1.14)
    assert math.isnan(values(store, "milex_constant_usd")["KOR", 1950])
    constant = [
        f for f in store.facts(dataset="sipri") if f.arguments["measure"] == "milex_constant_usd"
    ]
    assert {f.arguments["price_year"] for f in constant} == {2023}


def test_csv_with_a_wrong_type(store, tmp_path):
    path = tmp_path / "extract.csv"
    path.write_text(CSV.replace("0.0114", "1.1%"))
    with pytest.raises(LoadError) as caught:
        load_sipri(store, path)
    assert (caught.value.line, caught.value.column) == (2, "milex_share_gdp")


def test_country_names():
    assert iso3_of_name("Korea, South") == "KOR"
    assert iso3_of_name("USSR") == "SUN"
    assert iso3_of_name("Philippines") == "PHL"
    assert iso3_of_name("Asia & Oceania") is None


@pytest.mark.shared
def test_real_sipri_extract(store, shared):
    loaded = load_sipri(store, shared("data", "sipri", "sipri_milex_extract_9countries.csv"))
    assert loaded.coverage["states"] == 9 and loaded.coverage["years"] == [1949, 2024]
    share = values(store, "milex_share_gdp")
    assert 1 < share["JPN", 2024] < 2  # percent of GDP, not a fraction
    assert 2 < share["USA", 2024] < 5
