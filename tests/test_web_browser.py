"""The dashboard in a real browser: Debian's chromium, driven by Playwright, against a live
uvicorn server on 127.0.0.1 started by the test."""

from __future__ import annotations

import base64
import socket
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from alliances.api import Alliances
from alliances.web import create_app
from alliances.web.server import running
from web_kb import build

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# Counts the non-white pixels of a PNG (given as base64), decoded by the browser itself.
COUNT_INK = """async (png) => {
  const img = new Image();
  img.src = "data:image/png;base64," + png;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, img.width, img.height).data;
  let ink = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 600) ink++;
  return ink;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "kb.db"
    build(path)
    with running(create_app(path)) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (make browser installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


def open_network(page, url: str) -> None:
    page.goto(f"{url}/network")
    page.wait_for_selector("#graph canvas")  # network.js draws in one task


def test_raw_path_tricks_get_404_from_the_live_server(server):
    """Sent byte for byte, without a client that would tidy the path first."""
    host, port = urlsplit(server).hostname, urlsplit(server).port
    for target in ("/static/../../etc/passwd", "/static/..%2f..%2fetc%2fpasswd", "/../etc/passwd"):
        with socket.create_connection((host, port), timeout=5) as conn:
            conn.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            status = conn.recv(64).split(b" ")[1]
        assert status in (b"400", b"404"), target


@pytest.mark.browser
def test_network_canvas_draws(page, server):
    open_network(page, server)
    blank = page.evaluate(COUNT_INK, base64.b64encode(page.locator("#year").screenshot()).decode())
    graph = page.locator("#graph").screenshot()
    ink = page.evaluate(COUNT_INK, base64.b64encode(graph).decode())
    assert ink > 2000, f"only {ink} drawn pixels on the network canvas"
    assert blank > 0  # the counter itself sees ink where there is some


def move_slider(page, year: int) -> None:
    """Drag the slider by keyboard, as a person would: Home, then one step a year."""
    first = int(page.get_attribute("#slider", "min"))
    slider = page.locator("#slider")
    slider.focus()
    slider.press("Home")
    for _ in range(year - first):
        slider.press("ArrowRight")
    assert page.text_content("#year") == str(year)


@pytest.mark.browser
def test_slider_changes_the_visible_ties_as_the_twin_says(page, server):
    open_network(page, server)
    shown = {}
    for year in (1990, 2024):
        move_slider(page, year)
        shown[year] = int(page.text_content("#tie-count"))
        twin = httpx.get(f"{server}/network.json", params={"at": str(year)}).json()
        assert shown[year] == twin["tie_count"] == len(twin["edges"])
    assert shown[1990] != shown[2024]


def node_point(page, node: str) -> dict:
    """Where a node is drawn, in page coordinates."""
    return page.evaluate(
        """(node) => {
          const { graph, renderer } = window.allianceNetwork;
          const box = document.getElementById("graph").getBoundingClientRect();
          const p = renderer.graphToViewport(graph.getNodeAttributes(node));
          return { x: box.left + p.x, y: box.top + p.y };
        }""",
        node,
    )


@pytest.mark.browser
def test_clicking_a_node_opens_its_actor_page(page, server):
    open_network(page, server)
    point = node_point(page, "USA")
    with page.expect_navigation():
        page.mouse.click(point["x"], point["y"])
    assert page.url.endswith("/actors/USA")
    assert "United States" in page.text_content("h1")


@pytest.fixture
def seed_server(tmp_path, shared):
    seeds = shared("seeds")
    path = tmp_path / "seeds.db"
    with Alliances(path) as kb:
        kb.ingest([seeds])
        found = [f for f in kb.facts(kind="quantity") if "JPY 5.4 trillion" in (f.span_text or "")]
    if not found:
        pytest.skip("the quantities extractor does not yet find the seed's 'JPY 5.4 trillion'")
    with running(create_app(path)) as url:
        yield url, found[0].document_id.removeprefix("sha256:")


@pytest.mark.browser
@pytest.mark.shared
def test_document_page_highlights_the_seed_quantity(page, seed_server):
    url, digest = seed_server
    page.goto(f"{url}/documents/{digest}")
    mark = page.locator("article mark.hl-quantity", has_text="JPY 5.4 trillion").first
    mark.wait_for()
    assert mark.is_visible()
    colour = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    item = page.locator(f'aside a[href="#{mark.get_attribute("id")}"]')
    assert "JPY 5.4 trillion" in item.text_content()


@pytest.mark.browser
def test_pointing_at_a_node_lists_its_ties(page, server):
    open_network(page, server)
    point = node_point(page, "USA")
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("#focus li")
    assert page.text_content("#focus b").startswith("United States, ")
