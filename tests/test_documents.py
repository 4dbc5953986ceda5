"""Reading files into documents: headers, bylines, boilerplate, encodings and bad input."""

from __future__ import annotations

import pytest

from alliances.documents import DocumentError, find_files, read_document
from alliances.documents.header import normalise_date, split_names

NEWS = """Japan's pursuit of an equal alliance

Source
China Military Online
Editor
Li Jiayao
Time
2024-11-28 09:49:16

By Wang Hengwen

Recently, Japan stated that it is willing to bear certain costs.

Second paragraph.

Related News

back"""


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_news_header_block_becomes_metadata(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", NEWS))
    assert doc.title == "Japan's pursuit of an equal alliance"
    assert doc.source == "China Military Online"
    assert doc.editor == "Li Jiayao"
    assert doc.published == "2024-11-28T09:49:16"
    assert doc.authors == ("Wang Hengwen",)
    assert doc.text == (
        "Recently, Japan stated that it is willing to bear certain costs.\n\nSecond paragraph."
    )


def test_key_value_header_ends_at_rule(tmp_path):
    text = (
        "URL: https://example.org/a\nTITLE: Summit\nPUBLISHER: MOFA\n"
        "DATE: July 28 (2024; year from URL)\n---\nSummit\n\nBody text."
    )
    doc = read_document(write(tmp_path, "b.md", text))
    assert (doc.url, doc.title, doc.source, doc.published) == (
        "https://example.org/a",
        "Summit",
        "MOFA",
        "2024-07-28",
    )
    assert doc.text == "Summit\n\nBody text."


def test_byline_with_two_authors_and_no_header(tmp_path):
    doc = read_document(
        write(tmp_path, "c.txt", "By Chen Hanghui and Dong Pan\nThe US and Japan met.")
    )
    assert doc.authors == ("Chen Hanghui", "Dong Pan")
    assert doc.text == "The US and Japan met."
    assert doc.published is None


def test_sentence_starting_with_by_is_not_a_byline(tmp_path):
    doc = read_document(write(tmp_path, "d.txt", "By 2027 Japan will double its budget."))
    assert doc.authors == ()
    assert doc.text.startswith("By 2027")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("A B and C D", ["A B", "C D"]),
        ("A B, C D and E F", ["A B", "C D", "E F"]),
        ("A B, C D, and E F", ["A B", "C D", "E F"]),
    ],
)
def test_split_names(names, expected):
    assert split_names(names) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-28 09:49:16", "2024-11-28T09:49:16"),
        ("12 Jan 2023", "2023-01-12"),
        ("June 21, 2011", "2011-06-21"),
        ("unknown (launch in Tokyo, May 23, 2022, per other sources)", "2022-05-23"),
        ("unknown", None),
        ("", None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


def test_text_is_nfc_with_unix_newlines(tmp_path):
    doc = read_document(write(tmp_path, "e.txt", "Cafe\u0301 talks\r\nin Tokyo.\r\n"))
    assert doc.text == "Caf\u00e9 talks\nin Tokyo."


def test_html_to_text_with_metadata(tmp_path):
    page = (
        "<html><head><title>Talks</title><meta name='author' content='Jane Roe'>"
        "<meta property='article:published_time' content='2023-04-05T10:00:00'>"
        "<script>var x = '<p>no</p>';</script></head>"
        "<body><nav>Menu</nav><h1>Talks</h1><p>Japan &amp; the US met.</p><p>Second.</p>"
        "</body></html>"
    )
    doc = read_document(write(tmp_path, "f.html", page))
    assert doc.title == "Talks"
    assert doc.authors == ("Jane Roe",)
    assert doc.published == "2023-04-05T10:00:00"
    assert doc.text == "Talks\n\nJapan & the US met.\n\nSecond."


def test_cp1252_text_is_read_with_a_warning(tmp_path):
    path = write(tmp_path, "g.txt", "Japan\u2019s budget \u00a5 rose".encode("cp1252"))
    doc = read_document(path)
    assert doc.text == "Japan\u2019s budget \u00a5 rose"
    assert len(doc.warnings) == 1 and "cp1252" in doc.warnings[0] and "g.txt" in doc.warnings[0]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
        ("header-only.txt", b"TITLE: x\nDATE: 2020-01-01\n---\n", "empty document"),
        ("latin.txt", b"\x81\x8d\x8f\x90\x9d bad", "not text"),
    ],
)
def test_bad_files_raise_one_line_naming_file(tmp_path, name, content, problem):
    with pytest.raises(DocumentError) as info:
        read_document(write(tmp_path, name, content))
    message = str(info.value)
    assert name in message and problem in message and "\n" not in message


def test_too_large_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(DocumentError, match=r"huge\.txt: too large \(52\.4 MB"):
        read_document(path)


def test_find_files_recurses_and_reports_missing(tmp_path):
    write(tmp_path, "a.txt", "x")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.html", "<p>x</p>")
    write(tmp_path / "sub", "image.png", b"\x89PNG")
    write(tmp_path, "README.md", "notes about this folder")
    found = list(find_files([tmp_path, tmp_path / "missing.txt", tmp_path / "sub" / "image.png"]))
    assert [(p.name, problem) for p, problem in found] == [
        ("a.txt", None),
        ("b.html", None),
        ("missing.txt", "no such file or directory"),
        ("image.png", "unsupported file type '.png'; use .txt, .md or .html"),
    ]


def test_seed_headers(shared):
    seeds = shared("seeds")
    doc = read_document(seeds / "000_0ba1f64b593a3d1d.txt")
    assert (doc.published, doc.source, doc.editor, doc.authors) == (
        "2024-11-28T09:49:16",
        "China Military Online",
        "Li Jiayao",
        ("Wang Hengwen",),
    )
    other = read_document(seeds / "003_060637d8d12eb895.txt")
    assert other.authors == ("Chen Hanghui", "Dong Pan")
    for document in (doc, other):
        assert "Related News" not in document.text
        assert not document.text.startswith(("Source", "By ", "Japan's pursuit"))
        assert "\nEditor\n" not in document.text
