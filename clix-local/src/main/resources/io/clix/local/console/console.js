// The Clix local stack console: hash-routed views over /console/api/*, refreshed by Server-Sent Events.
"use strict";
const view = document.getElementById("view");
const state = { clock: null, filters: { status: "", search: "", machine: "" }, tableStart: [], refreshing: false, again: false };

function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

async function api(path) {
  const response = await fetch("api/" + path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

const q = encodeURIComponent;
const time = seconds => seconds === undefined || seconds === null ? "" : new Date(seconds * 1000).toISOString().replace("T", " ").replace("Z", "");
const duration = ms => ms < 1000 ? Math.round(ms) + " ms" : ms < 120000 ? (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + " s" : (ms / 60000).toFixed(1) + " min";
const badge = status => h("span", { class: "status " + (status || "").toLowerCase() }, status);
const link = (hash, text) => h("a", { href: hash }, text);
const machineLink = (arn, name) => link("#/machine/" + q(arn), name);
const executionLink = (arn, name) => link("#/execution/" + q(arn), name);

function pretty(text) {
  if (text === undefined || text === null) return "";
  try { return JSON.stringify(typeof text === "string" ? JSON.parse(text) : text, null, 2); } catch (e) { return String(text); }
}

function json(value, key) {
  return h("pre", { class: "json", "data-key": key }, pretty(value));
}

// ---- views -------------------------------------------------------------------------------------

async function machinesView() {
  const machines = await api("state-machines");
  return [h("h2", {}, "State machines"),
    machines.length === 0 ? h("p", { class: "muted" }, "No state machines yet.") :
      h("table", { class: "list" }, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Type"), h("th", {}, "Created"), h("th", {}, "Executions")),
        machines.map(m => h("tr", { class: "machine" }, h("td", {}, machineLink(m.stateMachineArn, m.name)), h("td", {}, m.type),
          h("td", {}, time(m.creationDate)),
          h("td", {}, Object.entries(m.executions).map(([s, n]) => h("span", { class: "count" }, badge(s), " " + n)))))) ];
}

async function machineView(arn) {
  const [machine, executions] = await Promise.all([api("state-machine?arn=" + q(arn)), api("executions?stateMachineArn=" + q(arn))]);
  const graph = h("div", { class: "graph-box" });
  ClixGraph.render(graph, machine.definitionJson, null);
  return [h("h2", {}, "State machine ", h("span", { class: "name" }, machine.name), " ", h("span", { class: "pill" }, machine.type)),
    h("p", { class: "arn" }, machine.stateMachineArn),
    graph, h("h3", {}, "Executions"), executionTable(executions, false),
    h("details", { "data-key": "definition" }, h("summary", {}, "Definition (JSON)"), json(machine.definitionJson))];
}

function executionTable(executions, showMachine) {
  if (executions.length === 0) return h("p", { class: "muted" }, "No executions match.");
  return h("table", { class: "list executions" },
    h("tr", {}, h("th", {}, "Name"), showMachine ? h("th", {}, "State machine") : null, h("th", {}, "Status"), h("th", {}, "Started"), h("th", {}, "Duration")),
    executions.map(e => h("tr", { class: "execution", "data-status": e.status },
      h("td", {}, executionLink(e.executionArn, e.name)),
      showMachine ? h("td", {}, machineLink(e.stateMachineArn, e.stateMachineName)) : null,
      h("td", {}, badge(e.status)), h("td", {}, time(e.startDate)),
      h("td", {}, e.stopDate ? duration((e.stopDate - e.startDate) * 1000) : (state.clock ? duration(state.clock.epochMillis - e.startDate * 1000) + " so far" : "")))));
}

async function executionsView() {
  const f = state.filters;
  const [executions, machines] = await Promise.all([
    api("executions?status=" + q(f.status) + "&search=" + q(f.search) + (f.machine ? "&stateMachineArn=" + q(f.machine) : "")),
    api("state-machines")]);
  const status = h("select", { id: "status-filter", onchange: e => { f.status = e.target.value; refresh(); } },
    ["", "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"].map(s => h("option", { value: s, selected: s === f.status }, s || "any status")));
  const machine = h("select", { id: "machine-filter", onchange: e => { f.machine = e.target.value; refresh(); } },
    h("option", { value: "" }, "any state machine"), machines.map(m => h("option", { value: m.stateMachineArn, selected: m.stateMachineArn === f.machine }, m.name)));
  const search = h("input", { id: "search", type: "search", placeholder: "search by name", value: f.search,
    onchange: e => { f.search = e.target.value; refresh(); } });
  return [h("h2", {}, "Executions"), h("div", { class: "filters" }, status, machine, search), executionTable(executions, true)];
}

// One row per state entered: when, how long, its input and output, and the events in between.
function timeline(execution) {
  const events = execution.events;
  const byId = new Map(events.map(e => [e.id, e]));
  const start = events.length ? events[0].timestamp : execution.startDate;
  const end = execution.stopDate || (state.clock ? state.clock.epochMillis / 1000 : events.length ? events[events.length - 1].timestamp : start);
  const span = Math.max(end - start, 0.001);
  const owner = new Map(); // event id -> entered event id of the state it belongs to
  for (const e of events) {
    for (let p = byId.get(e.previousEventId); p; p = byId.get(p.previousEventId)) {
      if (p.type.endsWith("StateEntered")) { owner.set(e.id, p.id); break; }
      if (p.type.endsWith("StateExited")) break;
    }
  }
  const rows = execution.path.states.map(s => {
    const entered = byId.get(s.enteredEventId), exited = s.exitedEventId ? byId.get(s.exitedEventId) : null;
    const t0 = entered.timestamp, t1 = exited ? exited.timestamp : end;
    const inner = events.filter(e => owner.get(e.id) === s.enteredEventId && e !== exited && !e.type.endsWith("StateEntered"));
    const masked = JSON.stringify(inner).includes("[task token masked]");
    const status = exited ? "done" : execution.status === "RUNNING" ? "running" : "failed";
    const bar = h("div", { class: "track" }, h("div", { class: "bar " + status,
      style: "left:" + (100 * (t0 - start) / span).toFixed(2) + "%;width:" + Math.max(0.6, 100 * (t1 - t0) / span).toFixed(2) + "%" }));
    return h("details", { class: "step " + status, "data-key": "step-" + s.enteredEventId, "data-state": s.name },
      h("summary", {}, h("span", { class: "step-name" }, s.name), h("span", { class: "pill" }, s.type),
        h("span", { class: "step-time" }, "+" + duration((t0 - start) * 1000), exited ? " \u00b7 " + duration((t1 - t0) * 1000) : " \u00b7 " + status),
        masked ? h("span", { class: "pill token", title: "task tokens are never shown" }, "task token masked") : null, bar),
      h("div", { class: "io" },
        h("div", {}, h("h4", {}, "Input"), json(entered.stateEnteredEventDetails && entered.stateEnteredEventDetails.input)),
        h("div", {}, h("h4", {}, "Output"), exited ? json(exited.stateExitedEventDetails && exited.stateExitedEventDetails.output) : h("p", { class: "muted" }, status))),
      inner.length ? h("div", { class: "inner" }, inner.map(eventLine)) : null);
  });
  return h("div", { class: "timeline" }, rows);
}

function eventLine(e) {
  const details = Object.entries(e).find(([k]) => k.endsWith("EventDetails"));
  return h("div", { class: "event" }, h("span", { class: "event-id" }, "#" + e.id), h("span", { class: "event-type" }, e.type),
    h("span", { class: "muted" }, time(e.timestamp)), details ? json(details[1]) : null);
}

async function executionView(arn) {
  const execution = await api("execution?arn=" + q(arn));
  const graph = h("div", { class: "graph-box" });
  ClixGraph.render(graph, execution.definitionJson, execution);
  return [h("h2", {}, "Execution ", h("span", { class: "name" }, execution.name), " ", badge(execution.status)),
    h("p", { class: "arn" }, "of ", machineLink(execution.stateMachineArn, execution.stateMachineName), " \u00b7 started ", time(execution.startDate),
      execution.stopDate ? " \u00b7 stopped " + time(execution.stopDate) : ""),
    execution.error ? h("p", { class: "error" }, execution.error + (execution.cause ? ": " + execution.cause : "")) : null,
    graph,
    h("div", { class: "io" }, h("div", {}, h("h4", {}, "Execution input"), json(execution.input)),
      h("div", {}, h("h4", {}, "Execution output"), execution.output ? json(execution.output) : h("p", { class: "muted" }, execution.status === "RUNNING" ? "none yet" : "none"))),
    h("h3", {}, "Timeline"), timeline(execution),
    h("details", { "data-key": "events" }, h("summary", {}, "All " + execution.events.length + " events"), execution.events.map(eventLine))];
}

async function activitiesView() {
  const activities = await api("activities");
  return [h("h2", {}, "Activities"), activities.length === 0 ? h("p", { class: "muted" }, "No activities yet.") :
    h("table", { class: "list" }, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Waiting tasks"), h("th", {}, "Pollers"), h("th", {}, "Created")),
      activities.map(a => h("tr", { class: "activity" }, h("td", {}, a.name, h("div", { class: "arn" }, a.activityArn)),
        h("td", { class: "num" }, a.waitingTasks), h("td", { class: "num" }, a.pollers), h("td", {}, time(a.creationDate)))))];
}

async function tablesView() {
  const tables = await api("tables");
  return [h("h2", {}, "DynamoDB tables"), tables.length === 0 ? h("p", { class: "muted" }, "No tables yet.") :
    h("table", { class: "list" }, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Keys"), h("th", {}, "Items"), h("th", {}, "Size")),
      tables.map(t => h("tr", { class: "table" }, h("td", {}, link("#/table/" + q(t.name), t.name)),
        h("td", {}, t.keySchema.map(k => k.AttributeName + " (" + k.KeyType.toLowerCase() + ")").join(", ")),
        h("td", { class: "num" }, t.itemCount), h("td", { class: "num" }, t.sizeBytes + " B"))))];
}

function plain(value) { // DynamoDB JSON to plain JSON
  const [type, v] = Object.entries(value)[0] || [];
  switch (type) {
    case "S": case "BOOL": return v;
    case "N": return Number(v);
    case "NULL": return null;
    case "M": return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    case "L": return v.map(plain);
    case "SS": case "BS": return v;
    case "NS": return v.map(Number);
    case "B": return "<binary " + v + ">";
    default: return value;
  }
}

async function tableView(name) {
  const start = state.tableStart[state.tableStart.length - 1] || "";
  const page = await api("table-items?table=" + q(name) + "&limit=20" + (start ? "&start=" + q(start) : ""));
  const raw = state.rawItems;
  return [h("h2", {}, "Table ", h("span", { class: "name" }, name)),
    h("div", { class: "filters" },
      h("button", { id: "first-page", disabled: !start, onclick: () => { state.tableStart = []; refresh(); } }, "\u21e4 First"),
      h("button", { id: "next-page", disabled: !page.next, onclick: () => { state.tableStart.push(page.next); refresh(); } }, "Next \u2192"),
      h("label", {}, h("input", { type: "checkbox", checked: raw, onchange: e => { state.rawItems = e.target.checked; refresh(); } }), " DynamoDB JSON"),
      h("span", { class: "muted" }, "page " + (state.tableStart.length + 1) + " \u00b7 " + page.items.length + " items")),
    h("div", { class: "items" }, page.items.map(item => h("pre", { class: "json item" }, JSON.stringify(raw ? item : plain({ M: item }), null, 2))))];
}

// ---- routing, refresh, live updates ------------------------------------------------------------

function route() {
  const [, name, arg] = (location.hash || "#/machines").match(/^#\/([^/]*)\/?(.*)$/) || [null, "machines", ""];
  const key = decodeURIComponent(arg || "");
  switch (name) {
    case "machine": return { nav: "machines", render: () => machineView(key) };
    case "execution": return { nav: "executions", render: () => executionView(key) };
    case "executions": return { nav: "executions", render: executionsView };
    case "activities": return { nav: "activities", render: activitiesView };
    case "tables": return { nav: "tables", render: tablesView };
    case "table": return { nav: "tables", render: () => tableView(key) };
    default: return { nav: "machines", render: machinesView };
  }
}

async function refresh() {
  if (state.refreshing) { state.again = true; return; }
  state.refreshing = true;
  try {
    const r = route();
    document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.dataset.view === r.nav));
    const open = new Set([...view.querySelectorAll("details[open]")].map(d => d.dataset.key));
    const focused = document.activeElement && document.activeElement.id;
    let content;
    try { content = await r.render(); } catch (e) { content = h("p", { class: "error" }, String(e.message || e)); }
    const scroll = window.scrollY;
    const nodes = [].concat(content).filter(Boolean);
    const html = nodes.map(n => n.outerHTML || n.textContent).join("");
    if (html === state.lastHtml && view.childElementCount > 0) return; // nothing changed: keep the page as it is
    state.lastHtml = html;
    view.replaceChildren(...nodes);
    view.querySelectorAll("details").forEach(d => { if (open.has(d.dataset.key)) d.open = true; });
    if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
    window.scrollTo(0, scroll);
    view.dataset.rendered = String(Date.now());
  } finally {
    state.refreshing = false;
    if (state.again) { state.again = false; refresh(); }
  }
}

function showClock(clock) {
  state.clock = clock;
  document.getElementById("clock-now").textContent = clock.now;
  document.getElementById("clock-kind").textContent = clock.manual ? "manual clock" : "system clock";
  document.getElementById("advance").hidden = !clock.manual;
}

async function advance(seconds) {
  const response = await fetch("api/clock/advance?seconds=" + q(seconds), { method: "POST" });
  const body = await response.json();
  if (!response.ok) { alert(body.message); return; }
  showClock(body);
  refresh();
}

document.getElementById("advance").addEventListener("submit", e => { e.preventDefault(); advance(document.getElementById("advance-seconds").value); });
document.querySelectorAll("#advance button[data-seconds]").forEach(b => b.addEventListener("click", () => advance(b.dataset.seconds)));
window.addEventListener("hashchange", () => { state.tableStart = []; refresh(); });

function listen() {
  const live = document.getElementById("live");
  const events = new EventSource("api/events");
  let timer = null;
  events.addEventListener("open", () => live.classList.add("on"));
  events.addEventListener("error", () => live.classList.remove("on"));
  events.addEventListener("change", e => {
    showClock(JSON.parse(e.data));
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
}

api("clock").then(showClock).finally(() => { refresh(); listen(); });
