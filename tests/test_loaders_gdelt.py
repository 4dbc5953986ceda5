"""GDELT loader: exports into monthly Parquet parts, queryable with DuckDB, never duplicated."""

from __future__ import annotations

import zipfile

import pytest

from alliances.loaders import LoadError, events_folder, gdelt_connection, load_gdelt
from alliances.store import Store
from loader_files import gdelt_line


@pytest.fixture
def store(db_path):
    with Store(db_path) as store:
        yield store


@pytest.fixture
def v2_file(tmp_path):
    path = tmp_path / "20191024143000.export.CSV"
    lines = [
        gdelt_line(2, 1, "20191024", "010"),
        gdelt_line(2, 2, "20191023", "042", Actor2CountryCode="TMP"),
        gdelt_line(2, 3, "20190915", "190", QuadClass="4", GoldsteinScale="-10.0"),
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture
def v1_file(tmp_path):
    path = tmp_path / "events.tsv"
    lines = [gdelt_line(1, 10, "20160728", "036"), gdelt_line(1, 11, "19820102", sourceurl=False)]
    path.write_text("\n".join(lines) + "\n")
    return path


def rows(store, sql):
    with gdelt_connection(store) as connection:
        return connection.execute(sql).fetchall()


def test_events_land_in_monthly_parts_with_codes_as_strings(store, v2_file):
    loaded = load_gdelt(store, [v2_file])
    assert loaded.coverage["rows"] == 3 and loaded.coverage["months"] == 2
    assert loaded.version == "2.0"
    months = sorted(p.name for p in (events_folder(store) / "gdelt").iterdir())
    assert months == ["month=2019-09", "month=2019-10"]
    codes = rows(store, "SELECT EventCode, EventRootCode FROM gdelt ORDER BY GLOBALEVENTID")
    assert codes == [("010", "01"), ("042", "04"), ("190", "19")]
    [(iso,)] = rows(store, "SELECT Actor2ISO3 FROM gdelt WHERE GLOBALEVENTID = 2")
    assert iso == "TLS"  # the CAMEO code TMP, as ISO
    [(goldstein, quad)] = rows(
        store, "SELECT GoldsteinScale, QuadClass FROM gdelt WHERE EventCode = '190'"
    )
    assert (goldstein, quad) == (-10.0, 4)


def test_reloading_the_same_file_adds_nothing(store, v2_file, tmp_path):
    load_gdelt(store, [v2_file])
    load_gdelt(store, [v2_file])
    archive = tmp_path / "export.CSV.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        handle.write(v2_file, v2_file.name)
    loaded = load_gdelt(store, [archive, v2_file])  # the same export, zipped and given twice
    assert loaded.coverage["rows"] == 3
    assert rows(store, "SELECT count(DISTINCT GLOBALEVENTID), count(*) FROM gdelt") == [(3, 3)]


def test_gdelt_1_rows_with_and_without_sourceurl(store, v1_file, v2_file):
    loaded = load_gdelt(store, [v1_file, v2_file])
    assert loaded.coverage["rows"] == 5 and loaded.coverage["versions"] == [1, 2]
    assert loaded.version == "1.0, 2.0"
    got = rows(
        store,
        "SELECT GLOBALEVENTID, SOURCEURL, Actor1Geo_ADM2Code, event_date::VARCHAR "
        "FROM gdelt WHERE gdelt_version = 1 ORDER BY 1",
    )
    assert got == [
        (10, "https://example.org/news", None, "2016-07-28"),
        (11, None, None, "1982-01-02"),
    ]
    [record] = store.datasets()
    assert record["name"] == "gdelt" and "GDELT" in record["citation"]


@pytest.mark.parametrize(
    ("content", "line", "column", "message"),
    [
        (gdelt_line(2, 1, "20191024", GoldsteinScale="high"), 1, "GoldsteinScale", "not a number"),
        (
            gdelt_line(2, 1, "20191024") + "\n" + gdelt_line(2, 2, "20191024") + "\textra",
            2,
            None,
            "62 columns, expected 61",
        ),
        ("a\tb\tc", 1, None, "not a GDELT export"),
        (gdelt_line(2, 1, "20191399"), 1, "SQLDATE", "not a YYYYMMDD date"),
        (gdelt_line(2, 1, "20191024", EventCode=""), 1, "EventCode", "empty"),
        ("", None, None, "empty file"),
    ],
)
def test_bad_exports_fail_whole_with_a_located_error(
    store, v2_file, tmp_path, content, line, column, message
):
    bad = tmp_path / "bad.export.CSV"
    bad.write_text(content)
    with pytest.raises(LoadError, match=message) as caught:
        load_gdelt(store, [v2_file, bad])
    assert (caught.value.line, caught.value.column) == (line, column)
    assert str(caught.value).startswith(str(bad))
    assert not events_folder(store).exists()  # the good file was not written either


def test_querying_before_loading_says_so(store):
    with pytest.raises(LoadError, match="no GDELT events loaded"):
        gdelt_connection(store)


def test_truncated_zip(store, v2_file, tmp_path):
    archive = tmp_path / "export.CSV.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        handle.write(v2_file, v2_file.name)
    archive.write_bytes(archive.read_bytes()[:-40])
    with pytest.raises(LoadError, match="truncated or damaged") as caught:
        load_gdelt(store, [archive])
    assert str(caught.value).startswith(str(archive))


@pytest.mark.shared
def test_real_gdelt_2_export(store, shared):
    loaded = load_gdelt(store, [shared("data", "gdelt", "gdelt2_20191024143000.export.CSV")])
    assert loaded.coverage["rows"] == 2111
    assert rows(store, "SELECT count(*) FROM gdelt WHERE length(EventCode) >= 3") == [(2111,)]
    assert rows(store, "SELECT count(*) FROM gdelt WHERE EventCode LIKE '0%'")[0][0] > 0


@pytest.mark.shared
def test_real_gdelt_1_sample(store, shared):
    loaded = load_gdelt(store, [shared("data", "gdelt", "gdelt1_sample_mixed.events.tsv")])
    assert loaded.coverage["rows"] == 710 and loaded.coverage["versions"] == [1]
