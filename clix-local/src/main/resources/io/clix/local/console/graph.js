// Draws an Amazon States Language definition as an SVG graph laid out by dagre (vendored from npm):
// states as nodes, Next/Default/Choice/Catch/Retry as edges, Parallel and Map as nested groups.
// An execution's path (from /console/api/execution) is highlighted on it.
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const CAPTION = 16;

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }

  const OPS = { Equals: "==", LessThan: "<", GreaterThan: ">", LessThanEquals: "\u2264", GreaterThanEquals: "\u2265", Matches: "matches" };

  function comparison(key, value) {
    if (key === "IsPresent") return value ? "is present" : "is absent";
    if (["IsNull", "IsString", "IsNumeric", "IsBoolean", "IsTimestamp"].includes(key)) {
      return (value ? "is " : "is not ") + key.slice(2).toLowerCase();
    }
    const path = key.endsWith("Path");
    const bare = (path ? key.slice(0, -4) : key).replace(/^(String|Numeric|Boolean|Timestamp)/, "");
    const shown = path || typeof value !== "string" ? String(value) : JSON.stringify(value);
    return (OPS[bare] || bare) + " " + shown;
  }

  function choiceLabel(rule) {
    if (!rule || typeof rule !== "object") return "";
    if (rule.Condition) return rule.Condition;
    for (const op of ["And", "Or"]) if (Array.isArray(rule[op])) return rule[op].map(choiceLabel).join(" " + op.toLowerCase() + " ");
    if (rule.Not) return "not (" + choiceLabel(rule.Not) + ")";
    const v = rule.Variable || "";
    for (const [k, value] of Object.entries(rule)) {
      if (["Variable", "Next", "Comment", "Assign", "Output"].includes(k)) continue;
      return (v + " " + comparison(k, value)).trim();
    }
    return v;
  }

  function shorten(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
  }

  // Builds the dagre graph for one definition.
  function build(definition) {
    const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
    g.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 36, edgesep: 12, marginx: 16, marginy: 28 });
    g.setDefaultEdgeLabel(() => ({}));
    let edgeCount = 0;
    const edge = (from, to, data) => {
      const label = data.label ? shorten(data.label, 34) : "";
      g.setEdge(from, to, Object.assign({ width: label.length * 6.2, height: label ? 14 : 0, labelpos: "c" }, data, { label }),
        "e" + (edgeCount++));
    };
    const leaf = (id, name, type, parent, extra) => {
      const width = Math.max(90, Math.max(name.length * 7.4, type.length * 6.2) + 30);
      g.setNode(id, Object.assign({ name, type, width, height: 42, kind: "state" }, extra || {}));
      if (parent) g.setParent(id, parent);
    };

    // Adds the states of one (sub)machine; returns nothing. terminal(id) is where End states lead.
    function states(machine, prefix, parent, terminal) {
      const all = machine.States || {};
      const exitOf = {};
      for (const [name, state] of Object.entries(all)) {
        const id = prefix + name;
        const type = state.Type || "?";
        exitOf[name] = id;
        if (type === "Parallel" || type === "Map") {
          const group = "g:" + id;
          g.setNode(group, { kind: "group", label: name + " (" + type + ")", name });
          if (parent) g.setParent(group, parent);
          leaf(id, name, type, group);
          const end = id + "#end";
          g.setNode(end, { kind: "join", name, width: 70, height: 20, label: "end " + type.toLowerCase() });
          g.setParent(end, group);
          exitOf[name] = end;
          const branches = type === "Parallel" ? (state.Branches || []) : [state.ItemProcessor || state.Iterator || {}];
          branches.forEach((branch, i) => {
            const sub = "g:" + id + "/" + i;
            g.setNode(sub, { kind: "branch", label: type === "Parallel" ? "branch " + (i + 1) : "each item", name: "" });
            g.setParent(sub, group);
            const p = id + "/" + i + "/";
            states(branch, p, sub, (from, fromName) => edge(from, end, { kind: "join", from: fromName, to: name }));
            if (branch.StartAt) edge(id, p + branch.StartAt, { kind: "fork", from: name, to: branch.StartAt });
          });
        } else {
          leaf(id, name, type, parent);
        }
      }
      for (const [name, state] of Object.entries(all)) {
        const id = prefix + name;
        const from = exitOf[name];
        if (state.Next && all[state.Next]) edge(from, prefix + state.Next, { kind: "next", from: name, to: state.Next });
        if (state.End || state.Type === "Succeed" || state.Type === "Fail") terminal(from, name, state.Type === "Fail");
        (state.Choices || []).forEach(rule => {
          if (rule.Next && all[rule.Next]) edge(id, prefix + rule.Next, { kind: "choice", from: name, to: rule.Next, label: choiceLabel(rule) });
        });
        if (state.Default && all[state.Default]) edge(id, prefix + state.Default, { kind: "choice", from: name, to: state.Default, label: "default" });
        (state.Catch || []).forEach(c => {
          if (c.Next && all[c.Next]) edge(id, prefix + c.Next, { kind: "catch", from: name, to: c.Next, label: "catch " + (c.ErrorEquals || []).join(", ") });
        });
        (state.Retry || []).forEach(r => {
          edge(id, id, { kind: "retry", from: name, to: name, label: "retry " + (r.ErrorEquals || []).join(", ") + (r.MaxAttempts !== undefined ? " \u00d7" + r.MaxAttempts : "") });
        });
      }
    }

    g.setNode("__start", { kind: "start", name: "", width: 56, height: 26, label: "Start" });
    g.setNode("__end", { kind: "end", name: "", width: 56, height: 26, label: "End" });
    states(definition, "", null, (from, fromName, fail) => edge(from, "__end", { kind: "end", from: fromName, to: "", fail }));
    if (definition.StartAt) edge("__start", definition.StartAt, { kind: "start", from: "", to: definition.StartAt });
    return g;
  }

  function pathD(points) {
    let d = "M" + points[0].x + "," + points[0].y;
    if (points.length === 2) return d + "L" + points[1].x + "," + points[1].y;
    for (let i = 1; i < points.length - 1; i++) {
      const mid = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
      d += "Q" + points[i].x + "," + points[i].y + " " + (i === points.length - 2 ? points[i + 1].x + "," + points[i + 1].y : mid.x + "," + mid.y);
    }
    return d;
  }

  // What the execution did: visited/exited state names and transitions taken.
  function progress(execution) {
    if (!execution) return null;
    const entered = new Set(), exited = new Set(), open = new Set(), taken = new Set();
    for (const s of execution.path.states) {
      entered.add(s.name);
      if (s.exitedEventId) exited.add(s.name);
    }
    for (const s of execution.path.states) if (!s.exitedEventId) open.add(s.name);
    for (const t of execution.path.transitions) taken.add(t.from + "\u2192" + t.to);
    return { entered, exited, open, taken, status: execution.status };
  }

  function edgeTaken(data, p) {
    switch (data.kind) {
      case "start": return p.entered.has(data.to);
      case "end": return data.fail ? p.entered.has(data.from) && p.status === "FAILED"
        : p.exited.has(data.from) && p.status === "SUCCEEDED";
      case "join": return p.exited.has(data.from);
      case "retry": return false;
      default: return p.taken.has(data.from + "\u2192" + data.to);
    }
  }

  function nodeState(data, p) {
    if (!p) return "";
    if (data.kind === "start") return "visited";
    if (data.kind === "end") return p.status === "SUCCEEDED" ? "visited" : p.status === "RUNNING" ? "" : "visited failed";
    if (data.kind === "join") return p.exited.has(data.name) ? "visited" : "";
    if (!p.entered.has(data.name)) return "";
    if (p.open.has(data.name)) return p.status === "RUNNING" ? "visited current" : "visited failed";
    return "visited";
  }

  // Renders the definition into container (replacing what was there); execution (optional) is highlighted.
  function render(container, definition, execution) {
    const g = build(definition);
    dagre.layout(g);
    const p = progress(execution);
    const size = g.graph();
    const svg = el("svg", { class: "graph", width: Math.ceil(size.width), height: Math.ceil(size.height),
      viewBox: "0 0 " + Math.ceil(size.width) + " " + Math.ceil(size.height), role: "img" });
    const defs = el("defs", {}, svg);
    for (const [id, cls] of [["arrow", "arrow"], ["arrow-taken", "arrow taken"]]) {
      const m = el("marker", { id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
      el("path", { d: "M0,0 L10,5 L0,10 z", class: cls }, m);
    }
    const groups = el("g", { class: "groups" }, svg), edges = el("g", { class: "edges" }, svg), nodes = el("g", { class: "nodes" }, svg);
    // outer groups first so inner ones paint on top
    const clusterIds = g.nodes().filter(id => ["group", "branch"].includes(g.node(id).kind));
    const depth = id => { let d = 0; for (let q = g.parent(id); q; q = g.parent(q)) d++; return d; };
    clusterIds.sort((a, b) => depth(a) - depth(b));
    for (const id of clusterIds) {
      const n = g.node(id);
      const box = el("g", { class: "cluster " + n.kind, "data-state": n.name }, groups);
      // the caption sits in a band above what dagre gave the group (the gap between ranks)
      const top = n.y - n.height / 2 - CAPTION;
      el("rect", { x: n.x - n.width / 2, y: top, width: n.width, height: n.height + CAPTION, rx: 8 }, box);
      el("text", { x: n.x - n.width / 2 + 7, y: top + 12, class: "cluster-label" }, box).textContent = n.label;
    }
    for (const e of g.edges()) {
      const data = g.edge(e);
      const taken = p && edgeTaken(data, p);
      const cls = "edge " + data.kind + (taken ? " taken" : "");
      const group = el("g", { class: cls, "data-from": data.from, "data-to": data.to }, edges);
      let points = data.points;
      if (e.v === e.w) { // a retry loop on the node's right side
        const n = g.node(e.v), x = n.x + n.width / 2, y = n.y;
        points = [{ x, y: y - 8 }, { x: x + 26, y: y - 14 }, { x: x + 26, y: y + 14 }, { x, y: y + 8 }];
        data.x = x + 30 + data.width / 2; data.y = y;
      }
      el("path", { d: pathD(points), "marker-end": taken ? "url(#arrow-taken)" : "url(#arrow)" }, group);
      if (data.label) {
        el("rect", { x: data.x - data.width / 2 - 2, y: data.y - 8, width: data.width + 4, height: 15, rx: 3, class: "edge-label-bg" }, group);
        el("text", { x: data.x, y: data.y + 3, class: "edge-label" }, group).textContent = data.label;
      }
    }
    for (const id of g.nodes()) {
      const n = g.node(id);
      if (n.kind === "group" || n.kind === "branch") continue;
      const state = nodeState(n, p);
      const node = el("g", { class: ("node " + n.kind + " " + (n.type ? "type-" + n.type.toLowerCase() : "") + " " + state).trim(),
        "data-state": n.name || "", "data-id": id, transform: "translate(" + (n.x - n.width / 2) + "," + (n.y - n.height / 2) + ")" }, nodes);
      const rx = n.kind === "start" || n.kind === "end" ? n.height / 2 : 6;
      el("rect", { width: n.width, height: n.height, rx }, node);
      if (n.kind === "state") {
        el("text", { x: n.width / 2, y: 18, class: "name" }, node).textContent = n.name;
        el("text", { x: n.width / 2, y: 33, class: "type" }, node).textContent = n.type;
        el("title", {}, node).textContent = n.name + " (" + n.type + ")";
      } else {
        el("text", { x: n.width / 2, y: n.height / 2 + 4, class: "name small" }, node).textContent = n.label;
      }
    }
    container.replaceChildren(svg);
    return svg;
  }

  window.ClixGraph = { render, build };
})();
