"""The dashboard in process: every route and its JSON twin, escaping, filters, bad requests."""

from __future__ import annotations

import hashlib
import re
from html import escape

import pytest
from click.testing import CliRunner
from starlette.routing import Route
from starlette.testclient import TestClient

from alliances.cli import main
from alliances.documents import Document
from alliances.store import Store, StoreError
from alliances.web import create_app
from alliances.web.knowledge import Knowledge
from web_kb import TEXT, build


@pytest.fixture
def kb(db_path):
    document = build(db_path)
    return db_path, document.sha256


@pytest.fixture
def client(kb):
    with TestClient(create_app(kb[0])) as test_client:
        yield test_client


def pages(digest: str) -> list[str]:
    """One URL for each page route (the twin is the same URL plus .json)."""
    return [
        "/",
        "/documents",
        f"/documents/{digest}",
        "/claims",
        "/actors",
        "/actors/JPN",
        "/network?at=1990",
        "/metrics?from=1950&to=2026",
    ]


def twin(url: str) -> str:
    """The JSON twin's URL: `.json` after the path, before any query."""
    path, _, query = url.partition("?")
    path = "/index.json" if path == "/" else f"{path}.json"
    return f"{path}?{query}" if query else path


def test_every_page_route_is_covered(client, kb):
    """Adding a route without adding it to pages() fails here."""
    urls = [u.partition("?")[0] for u in pages(kb[1]) + [twin(u) for u in pages(kb[1])]]
    for route in client.app.routes:
        if isinstance(route, Route):
            assert any(route.path_regex.match(u) for u in urls), f"no test for {route.path}"


@pytest.mark.parametrize("index", range(8))
def test_every_page_and_its_json_twin(client, kb, index):
    url = pages(kb[1])[index]
    html = client.get(url)
    assert html.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    twin_url = twin(url)
    assert f'href="{escape(twin_url)}"' in html.text  # each page links its twin
    data = client.get(twin_url)
    assert data.status_code == 200
    assert data.headers["content-type"] == "application/json"
    assert isinstance(data.json(), dict)


def test_document_text_is_escaped_and_spans_marked(client, kb):
    page = client.get(f"/documents/{kb[1]}").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; other markup" in page
    assert "Test article &lt;b&gt;on the alliance&lt;/b&gt;" in page
    quantity = re.search(r'<mark class="hl hl-quantity" id=[^>]*>([^<]*)</mark>', page)
    assert quantity and quantity.group(1) == "JPY 5.4 trillion"
    for kind in ("actor", "claim", "tie", "event"):
        assert f'class="hl hl-{kind}"' in page
    # the side list links to the marks
    for anchor in re.findall(r'<li class="fact k-\w+"><a href="#([\w-]+)"', page):
        assert f'id="{anchor}"' in page


def test_document_twin_has_text_mentions_and_facts(client, kb):
    data = client.get(f"/documents/{kb[1]}.json").json()
    assert data["text"] == TEXT
    assert {m["actor"] for m in data["mentions"]} == {"JPN", "USA", "person:shigeru-ishiba"}
    kinds = [f["kind"] for f in data["facts"]]
    assert sorted(kinds) == ["claim", "event", "quantity", "tie"]
    for item in data["facts"] + data["mentions"]:
        assert TEXT[item["start"] : item["end"]] == item["text"]


def test_document_by_prefix(client, kb):
    assert client.get(f"/documents/{kb[1][:10]}.json").json()["id"] == kb[1]


@pytest.mark.parametrize(
    "query, count",
    [
        ("", 1),
        ("?speaker=person:shigeru-ishiba", 1),
        ("?speaker=USA", 0),
        ("?q=MORE+EQUAL", 1),
        ("?q=budget", 0),
        ("?kind=quote", 1),
        ("?kind=attributed", 0),
        ("?from=2024&to=2024-11", 1),
        ("?from=2024-11-29", 0),
        ("?to=2024-11-27", 0),
    ],
)
def test_claims_filters(client, query, count):
    data = client.get(f"/claims.json{query}").json()
    assert data["count"] == len(data["claims"]) == count
    page = client.get(f"/claims{query}").text
    assert ("more equal" in page) == bool(count)


def test_claim_rows_carry_speaker_date_and_source(client, kb):
    claim = client.get("/claims.json").json()["claims"][0]
    assert claim["speaker_name"] == "Shigeru Ishiba"
    assert claim["date"] == "2024-11-28"
    assert claim["document"] == kb[1]
    assert claim["source"] == "Test Source"


def test_actor_page_gathers_facts_and_sources(client, kb):
    data = client.get("/actors/JPN.json").json()
    assert data["name"] == "Japan"
    assert [q["arguments"]["value"] for q in data["quantities"]] == [5.4e12]
    assert len(data["tie_mentions"]) == len(data["events"]) == 1
    assert [d["id"] for d in data["sources"]] == [kb[1]]
    person = client.get("/actors/person:shigeru-ishiba.json").json()
    assert len(person["claims"]) == 1
    assert "JPY 5.4 trillion" in client.get("/actors/JPN").text


@pytest.mark.parametrize(
    "url, status",
    [
        ("/actors/XYZ", 404),
        ("/actors/XYZ.json", 404),
        ("/actors/not an id", 404),
        ("/actors/person:nobody", 404),
        ("/documents/" + "0" * 64, 404),
        ("/documents/zzzz.json", 404),
        ("/documents/..%2F..%2Fetc%2Fpasswd", 404),
        ("/claims?from=2024-13-01", 400),
        ("/claims.json?to=yesterday", 400),
        ("/claims.json?from=2025&to=2024", 400),
        ("/claims.json?kind=rumour", 400),
        ("/static/%2e%2e/%2e%2e/etc/passwd", 404),
        ("/static/..%2F..%2Fpyproject.toml", 404),
        ("/static/vendor/../../app.py", 404),
        ("/metrics.json?from=2000&to=1990", 400),
        ("/metrics?from=1700", 400),
        ("/network.json?at=9999", 400),
        ("/network.json?at=1990%0A", 400),
        ("/actors/JPN%0A", 404),
        ("/nowhere", 404),
        ("/nowhere.json", 404),
    ],
)
def test_bad_requests_are_400_or_404(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    if ".json" in url:
        assert response.json()["status"] == status


def test_metrics_twin_has_every_family_with_sources(client):
    data = client.get("/metrics.json?from=1985&to=2024").json()
    assert set(data["families"]) == {"structure", "asymmetry", "burden", "cohesion"}
    structure = [r for r in data["families"]["structure"] if r["layer"] == "combined"]
    assert [r["year"] for r in structure] == list(range(1985, 2025))
    assert all(r["sources"] for r in structure)
    # no spending data in this knowledge base: unknown (null), never 0
    assert all(r["share_of_gdp"] is None for r in data["families"]["burden"])
    page = client.get("/metrics?from=1985&to=2024").text
    assert page.count("<svg") >= 6


def test_vendored_libraries_are_served_with_their_licences(client):
    for name in ("sigma-3.0.3.min.js", "graphology-0.26.0.umd.min.js"):
        response = client.get(f"/static/vendor/{name}")
        assert response.status_code == 200
        assert "javascript" in response.headers["content-type"]
    for name in ("sigma-LICENSE.txt", "graphology-LICENSE.txt"):
        assert "Permission is hereby granted" in client.get(f"/static/vendor/{name}").text


def test_pages_fetch_nothing_from_elsewhere(client, kb):
    for url in pages(kb[1]):
        html = client.get(url)
        assert "default-src 'self'" in html.headers["content-security-policy"]
        assert not re.search(r'src="(https?:)?//', html.text)
        assert not re.search(r'<link[^>]+href="(https?:)?//', html.text)


def test_the_app_never_writes(kb):
    path, digest = kb
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with TestClient(create_app(path)) as client:
        for url in pages(digest):
            client.get(url)
            client.get(twin(url))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    store = Store(path, read_only=True)
    with pytest.raises(Exception, match="readonly"):
        store.db.execute("DELETE FROM documents")


def test_missing_knowledge_base_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no knowledge base here"):
        create_app(tmp_path / "absent.db")


def test_a_running_app_sees_new_documents(client, kb):
    assert len(client.get("/documents.json").json()["documents"]) == 1
    with Store(kb[0]) as store:
        store.add_document(Document(text="Australia and Japan signed an agreement.", path="b.txt"))
    assert len(client.get("/documents.json").json()["documents"]) == 2


def test_serve_refuses_a_missing_knowledge_base(tmp_path):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "serve"])
    assert result.exit_code == 1
    assert "no knowledge base here" in result.output


def test_serve_rejects_a_bad_port(kb):
    result = CliRunner().invoke(main, ["--db", str(kb[0]), "serve", "--port", "70000"])
    assert result.exit_code == 2
    assert "70000" in result.output


ODD_VALUES = [
    "9999",
    "0000",
    "1-1",
    "2024-02-30",
    "%00",
    "x" * 3000,
    "-1",
    "１９９０",
    "null",
    "[]",
    "<script>",
    "..",
    "../..",
    "%2e%2e",
    "ÿ",
    "2024-12-31T00:00",
    " 1990",
    "1990%0A",
    "JPN%0A",
]
ODD_URLS = [
    "/network.json?at={}",
    "/network?hub={}",
    "/network.json?layers={}",
    "/network.json?region={}",
    "/metrics.json?from={}",
    "/metrics.json?to={}",
    "/metrics?hub={}",
    "/claims.json?from={}",
    "/claims?to={}",
    "/claims.json?speaker={}",
    "/claims.json?q={}",
    "/claims.json?kind={}",
    "/actors/{}",
    "/actors/{}.json",
    "/documents/{}",
    "/documents/{}.json",
    "/static/{}",
    "/{}",
]


@pytest.mark.parametrize("url", ODD_URLS)
def test_odd_input_never_gets_a_500(kb, url):
    with TestClient(create_app(kb[0]), raise_server_exceptions=False) as client:
        for value in ODD_VALUES:
            status = client.get(url.format(value)).status_code
            assert status in (200, 400, 404), (url.format(value)[:80], status)


def test_the_cache_keeps_the_most_recently_used(kb):
    knowledge = Knowledge(Store(kb[0], read_only=True), size=2)
    calls = []

    def compute(key):
        calls.append(key)
        return key

    for key in ("a", "b", "a", "c", "a", "b"):
        assert knowledge.cached(key, lambda key=key: compute(key)) == key
    assert calls == ["a", "b", "c", "b"]  # 'b' was the least recently used when 'c' came
