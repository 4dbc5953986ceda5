"""The network page and its twin: the slider's data agrees with the system's snapshots."""

from __future__ import annotations

import json
import random
import re

import pytest
from starlette.testclient import TestClient

from alliances.web import create_app
from alliances.web.network import layout
from web_kb import build


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("network") / "kb.db"
    build(path)
    with TestClient(create_app(path)) as test_client:
        yield test_client


def history(client, query: str = "") -> dict:
    page = client.get(f"/network{query}").text
    blocks = dict(re.findall(r'<script type="application/json" id="(\w+)">(.*?)</script>', page))
    assert set(blocks) == {"history", "view"}, "the page embeds its history and its view"
    return {**json.loads(blocks["history"]), **json.loads(blocks["view"])}


def visible(data: dict, year: int, layers) -> int:
    """What network.js counts for a year: edges of the shown layers active that year."""
    return sum(
        1
        for e in data["edges"]
        if e["layer"] in layers
        and any(a <= year and (b is None or year <= b) for a, b in e["years"])
    )


@pytest.mark.parametrize("year", [1955, 1975, 1990, 2017, 2024])
def test_slider_counts_equal_the_twin(client, year):
    data = history(client)
    twin = client.get(f"/network.json?at={year}").json()
    assert twin["tie_count"] == len(twin["edges"]) == visible(data, year, data["shown"])


def test_layer_toggles_agree_with_the_twin(client):
    data = history(client)
    twin = client.get("/network.json?at=2024&layers=alliance").json()
    assert {e["layer"] for e in twin["edges"]} == {"alliance"}
    assert twin["tie_count"] == visible(data, 2024, ["alliance"])


def test_the_story_shows_in_the_counts(client):
    """Hub-and-spoke before minilaterals: fewer ties in 1990 than in 2024."""
    ties = {y: client.get(f"/network.json?at={y}").json()["edges"] for y in (1990, 2024)}
    assert len(ties[1990]) < len(ties[2024])
    assert any(e["layer"] == "grouping" for e in ties[2024])
    assert all({e["source"], e["target"]} != {"JPN", "KOR"} for e in ties[1990])


def test_positions_are_fixed_across_time(client):
    one, other = (client.get(f"/network.json?at={y}").json() for y in (1990, 2024))
    where = {n["id"]: (n["x"], n["y"]) for n in one["nodes"]}
    shared = [n for n in other["nodes"] if n["id"] in where]
    assert shared
    assert all(where[n["id"]] == (n["x"], n["y"]) for n in shared)
    pinned = {n["id"]: (n["x"], n["y"]) for n in history(client)["nodes"]}
    assert all(pinned[n["id"]] == (n["x"], n["y"]) for n in shared)


def test_hub_and_history_block(client):
    data = history(client, "?hub=JPN&at=2000")
    assert data["hub"] == "JPN" and data["year"] == 2000
    assert "JPN" in {n["id"] for n in data["nodes"]}
    assert data["first_year"] <= 1951 and data["last_year"] >= 2024


def test_layout_is_deterministic_and_leaves_random_alone():
    names = ["AUS", "JPN", "KOR", "PHL", "USA"]
    pairs = [("USA", s, 1.0) for s in names[:4]] + [("JPN", "AUS", 0.2)]
    random.seed(7)
    expected_next = random.random()
    random.seed(7)
    assert layout(names, pairs) == layout(names, pairs)
    assert random.random() == expected_next


def test_actor_known_only_to_the_system(client):
    data = client.get("/actors/AUS.json").json()
    assert data["name"] == "Australia"
    names = {t["name"] for t in data["ties"]}
    assert any("ANZUS" in n or "Australia, New Zealand" in n for n in names), names
    assert all(t["sources"] for t in data["ties"])
    assert "Australia" in client.get("/actors/AUS").text
    listed = {a["id"]: a for a in client.get("/actors.json").json()["actors"]}
    assert listed["AUS"]["mentions"] == 0 and listed["AUS"]["ties"] > 0
    assert listed["JPN"]["mentions"] == 2


@pytest.mark.parametrize(
    "query",
    ["at=1990-13", "at=soon", "layers=alliance,foo", "layers=", "region=mars", "hub=not%20id"],
)
def test_bad_network_queries_are_400(client, query):
    assert client.get(f"/network?{query}").status_code == 400
    assert client.get(f"/network.json?{query}").json()["status"] == 400
