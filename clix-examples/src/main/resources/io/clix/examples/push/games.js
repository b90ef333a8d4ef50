// Clix's games view: the games of the table (views and events, never task tokens), each linked to its execution
// in the local stack's console. Polls /api/games every second and redraws when something changed.
"use strict";
let last = null;
const open = new Set();

function row(game) {
  const view = game.view || {};
  const spec = view.spec || {};
  const players = view.players || [];
  const tr = el("tr", null, {"data-game": game.gameId});
  tr.appendChild(el("td", game.gameId, {class: "game"}));
  const status = el("td", null, {class: "status-cell"});
  status.appendChild(el("span", view.status || game.error || "?", {class: "status " + (view.status || "")}));
  tr.appendChild(status);
  tr.appendChild(el("td", players.filter(p => p.active !== false).length + " / " + (spec.capacity || "?"),
      {class: "seats"}));
  tr.appendChild(el("td", players.map(p => p.seat + ": " + p.playerId + (p.active === false ? " (left)" : "")).join(", "),
      {class: "players"}));
  const closed = (game.events || []).filter(e => e.type === "ROUND_CLOSED").length;
  tr.appendChild(el("td", view.status === "RUNNING" ? view.currentRound + " of " + spec.rounds
      : closed + " of " + (spec.rounds || "?") + " played", {class: "round"}));
  const deadline = view.status === "RUNNING" ? view.roundDeadline : (view.status === "LOBBY" ? view.lobbyDeadline : null);
  tr.appendChild(el("td", deadline ? (view.status === "LOBBY" ? "lobby " : "round ") + deadline : "–", {class: "deadline"}));
  const events = el("td", null, {class: "events"});
  const details = el("details", null, {"data-game": game.gameId});
  if (open.has(game.gameId)) details.open = true;
  details.addEventListener("toggle", () => details.open ? open.add(game.gameId) : open.delete(game.gameId));
  details.appendChild(el("summary", (game.events || []).length + " events"));
  (game.events || []).forEach(e => details.appendChild(el("pre",
      e.sequence + " " + e.type + (e.playerId ? " " + e.playerId : "") + (e.round ? " round " + e.round : "")
      + (e.data && Object.keys(e.data).length ? " " + JSON.stringify(e.data) : ""), {class: "event"})));
  events.appendChild(details);
  tr.appendChild(events);
  const execution = el("td");
  execution.appendChild(el("a", "console", {class: "console", href: game.consolePage, target: "_blank",
    title: game.executionArn}));
  tr.appendChild(execution);
  return tr;
}

async function refresh() {
  try {
    const response = await fetch("/api/games");
    const text = await response.text();
    $("updated").textContent = "updated " + new Date().toLocaleTimeString();
    if (text === last) return;
    last = text;
    $("games-body").replaceChildren(...JSON.parse(text).map(row));
  } catch (e) {
    $("updated").textContent = "backend unreachable: " + e;
  }
}

refresh();
setInterval(refresh, 1000);
