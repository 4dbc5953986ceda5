// The network page: one graphology graph of the whole history, drawn by sigma.js.
// The slider and the layer toggles only change what the reducers hide; positions never move.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("history").textContent);
  const view = JSON.parse(document.getElementById("view").textContent);
  const LAYER_COLOURS = {
    alliance: "#1f5fae", agreement: "#2b8a3e", partnership: "#66a80f", grouping: "#7048e8",
    posture: "#e67700",
    events: "#868e96",
  };
  const HUB = "#c92a2a", NODE = "#495057", FADED = "#dee2e6";

  const graph = new graphology.MultiUndirectedGraph();
  const maxDegree = Math.max(1, ...data.nodes.map((n) => n.degree));
  for (const n of data.nodes) {
    const hub = n.id === view.hub;
    graph.addNode(n.id, {
      x: n.x, y: -n.y, label: n.label,
      size: hub ? 14 : 3 + 8 * Math.sqrt(n.degree / maxDegree),
      color: hub ? HUB : NODE, forceLabel: hub, hub: hub,
    });
  }
  for (const e of data.edges) {
    graph.addEdgeWithKey(e.id, e.source, e.target, {
      color: LAYER_COLOURS[e.layer] || NODE, size: e.layer === "alliance" ? 2 : 1,
      layer: e.layer, years: e.years, label: e.name,
    });
  }

  const state = { year: view.year, layers: new Set(view.shown), edges: new Set(), nodes: new Set() };

  function activeIn(years, year) {
    for (const [first, last] of years) {
      if (first <= year && (last === null || year <= last)) return true;
    }
    return false;
  }

  // Which edges and nodes are shown for the current year and layers; redraws only those
  // whose visibility changed, and updates the counts.
  function update() {
    const edges = new Set(), nodes = new Set();
    graph.forEachEdge((key, attrs, source, target) => {
      if (state.layers.has(attrs.layer) && activeIn(attrs.years, state.year)) {
        edges.add(key);
        nodes.add(source);
        nodes.add(target);
      }
    });
    const changed = {
      edges: graph.edges().filter((key) => edges.has(key) !== state.edges.has(key)),
      nodes: graph.nodes().filter((key) => nodes.has(key) !== state.nodes.has(key)),
    };
    state.edges = edges;
    state.nodes = nodes;
    document.getElementById("year").textContent = state.year;
    document.getElementById("tie-count").textContent = edges.size;
    document.getElementById("actor-count").textContent = nodes.size;
    if (renderer) renderer.refresh({ partialGraph: changed, skipIndexation: true });
  }

  let renderer = null;
  update();  // the first view, before the first draw
  renderer = new Sigma(graph, document.getElementById("graph"), {
    labelRenderedSizeThreshold: 4,
    edgeProgramClasses: { line: Sigma.rendering.EdgeLineProgram },  // 1px GL lines: cheapest
    zIndex: true,
    nodeReducer: (node, attrs) =>
      state.nodes.has(node) ? { ...attrs, zIndex: attrs.hub ? 2 : 1 }
        : { ...attrs, color: FADED, label: attrs.hub ? attrs.label : "", zIndex: 0 },
    edgeReducer: (edge, attrs) => state.edges.has(edge) ? attrs : { ...attrs, hidden: true },
  });
  renderer.on("clickNode", ({ node }) => {
    window.location.href = "/actors/" + encodeURIComponent(node);
  });
  renderer.on("enterNode", ({ node }) => {
    document.body.style.cursor = "pointer";
    showTies(node);
  });
  renderer.on("leaveNode", () => {
    document.body.style.cursor = "";
    document.getElementById("focus").replaceChildren();
  });

  // The side panel: the actor's ties shown this year, one line per tie and partner.
  function showTies(node) {
    const lines = new Set();
    graph.forEachEdge(node, (key, attrs, source, target) => {
      if (state.edges.has(key)) {
        const other = source === node ? target : source;
        lines.add(`${attrs.label} — ${graph.getNodeAttribute(other, "label")}`);
      }
    });
    const title = document.createElement("b");
    title.textContent = `${graph.getNodeAttribute(node, "label")}, ${state.year}: ${lines.size} ties`;
    const list = document.createElement("ul");
    for (const line of [...lines].sort().slice(0, 12)) {
      const item = document.createElement("li");
      item.textContent = line;
      list.append(item);
    }
    document.getElementById("focus").replaceChildren(title, list);
  }

  const slider = document.getElementById("slider");
  slider.min = data.first_year;
  slider.max = data.last_year;
  slider.value = state.year;
  slider.addEventListener("input", () => {
    state.year = Number(slider.value);
    update();
  });

  const fieldset = document.getElementById("layers");
  for (const layer of view.layers) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "layer";
    box.value = layer;
    box.checked = state.layers.has(layer);
    box.addEventListener("change", () => {
      if (box.checked) state.layers.add(layer); else state.layers.delete(layer);
      update();
    });
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = LAYER_COLOURS[layer];
    label.append(box, swatch, layer);
    fieldset.append(label, document.createElement("br"));
  }

  // For the browser console and tests: the graph, the renderer and the current view.
  window.allianceNetwork = { graph, renderer, state };
}());
