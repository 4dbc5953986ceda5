// The network page: one graphology graph of the whole history, drawn by sigma.js.
// The slider and the layer toggles only change what the reducers hide; positions never move.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("history").textContent);
  const LAYER_COLOURS = {
    alliance: "#1f5fae", agreement: "#2b8a3e", partnership: "#66a80f", grouping: "#7048e8",
    posture: "#e67700",
    events: "#868e96",
  };
  const HUB = "#c92a2a", NODE = "#495057", FADED = "#dee2e6";

  const graph = new graphology.MultiUndirectedGraph();
  const maxDegree = Math.max(1, ...data.nodes.map((n) => n.degree));
  for (const n of data.nodes) {
    const hub = n.id === data.hub;
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

  const state = { year: data.year, layers: new Set(data.shown), active: new Set(), count: 0 };

  function activeIn(years, year) {
    for (const [first, last] of years) {
      if (first <= year && (last === null || year <= last)) return true;
    }
    return false;
  }

  // Which edges and nodes are shown for the current year and layers; updates the counts.
  function update() {
    const active = new Set();
    let count = 0;
    graph.forEachEdge((key, attrs, source, target) => {
      if (state.layers.has(attrs.layer) && activeIn(attrs.years, state.year)) {
        count += 1;
        active.add(source);
        active.add(target);
      }
    });
    state.active = active;
    state.count = count;
    document.getElementById("year").textContent = state.year;
    document.getElementById("tie-count").textContent = count;
    document.getElementById("actor-count").textContent = active.size;
    renderer.refresh();
  }

  const renderer = new Sigma(graph, document.getElementById("graph"), {
    labelRenderedSizeThreshold: 7,
    zIndex: true,
    nodeReducer: (node, attrs) =>
      state.active.has(node) ? { ...attrs, zIndex: attrs.hub ? 2 : 1 }
        : { ...attrs, color: FADED, label: attrs.hub ? attrs.label : "", zIndex: 0 },
    edgeReducer: (edge, attrs) =>
      state.layers.has(attrs.layer) && activeIn(attrs.years, state.year)
        ? attrs : { ...attrs, hidden: true },
  });
  renderer.on("clickNode", ({ node }) => {
    window.location.href = "/actors/" + encodeURIComponent(node);
  });
  renderer.on("enterNode", () => { document.body.style.cursor = "pointer"; });
  renderer.on("leaveNode", () => { document.body.style.cursor = ""; });

  const slider = document.getElementById("slider");
  slider.min = data.first_year;
  slider.max = data.last_year;
  slider.value = state.year;
  slider.addEventListener("input", () => {
    state.year = Number(slider.value);
    update();
  });

  const fieldset = document.getElementById("layers");
  for (const layer of data.layers) {
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

  update();
  // For the browser console and tests: the graph, the renderer and the current view.
  window.allianceNetwork = { graph, renderer, state };
}());
