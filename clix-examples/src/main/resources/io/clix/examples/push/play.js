// A game to play in a browser tab: joins through the push backend's POST endpoints and follows the game's
// Server-Sent Events. Another player's move is shown only once ROUND_CLOSED reveals it.
"use strict";
const state = {
  me: null, game: null, status: "LOBBY", total: null, players: [], left: new Set(), round: 0, deadline: null,
  lobbyDeadline: null, moved: new Set(), myMove: null, rounds: [], result: null, reason: null, source: null
};

function init() {
  const path = location.pathname.match(/^\/play\/([A-Za-z0-9_.-]{1,80})$/);
  const params = new URLSearchParams(location.search);
  $("game").value = path ? path[1] : (params.get("game") || "table-1");
  $("player").value = params.get("player") || "";
  if (params.get("rounds")) $("rounds").value = params.get("rounds");
  if (params.get("capacity")) $("capacity").value = params.get("capacity");
  for (let card = 1; card <= 9; card++) {
    const button = el("button", card, {type: "button", "data-card": card, disabled: ""});
    button.addEventListener("click", () => move(card));
    $("cards").appendChild(button);
  }
  $("join-form").addEventListener("submit", e => { e.preventDefault(); join(); });
  setInterval(tick, 200);
}

async function post(url, body) {
  const response = await fetch(url, {method: "POST", body: body === undefined ? "" : body});
  const json = await response.json().catch(() => ({}));
  return {ok: response.ok, json};
}

async function join() {
  const game = $("game").value.trim(), me = $("player").value.trim();
  $("message").textContent = "";
  const base = "/games/" + encodeURIComponent(game);
  const created = await post(base + "?capacity=" + $("capacity").value + "&rounds=" + $("rounds").value
      + "&roundSeconds=" + $("round-seconds").value);
  if (!created.ok && created.json.error !== "GameAlreadyExistsException") {
    $("message").textContent = "could not create " + game + ": " + (created.json.message || created.json.error);
    return;
  }
  const joined = await post(base + "/join?player=" + encodeURIComponent(me));
  if (!joined.ok) {
    $("message").textContent = "could not join: " + (joined.json.message || joined.json.error);
    return;
  }
  state.me = me;
  state.game = game;
  state.lobbyDeadline = joined.json.lobbyDeadline || null;
  state.total = joined.json.spec ? joined.json.spec.rounds : null;
  history.replaceState(null, "", "/play/" + encodeURIComponent(game) + "?player=" + encodeURIComponent(me));
  $("join-form").hidden = true;
  $("board").hidden = false;
  $("me").textContent = me;
  $("game-id").textContent = game;
  listen(base + "/events");
}

function listen(url) {
  const source = new EventSource(url);
  state.source = source;
  ["GAME_CREATED", "PLAYER_JOINED", "PLAYER_LEFT", "GAME_STARTED", "ROUND_OPENED", "MOVE_ACCEPTED", "ROUND_CLOSED",
    "GAME_FINISHED", "GAME_CANCELLED", "RESULT_RECORDED"].forEach(type =>
    source.addEventListener(type, message => { apply(JSON.parse(message.data)); render(); }));
}

function apply(event) {
  const data = event.data || {};
  switch (event.type) {
    case "GAME_CREATED": if (data.spec) state.total = data.spec.rounds; break;
    case "PLAYER_JOINED": if (!state.players.includes(event.playerId)) state.players.push(event.playerId); break;
    case "PLAYER_LEFT":
      if (state.status === "LOBBY") state.players = state.players.filter(p => p !== event.playerId);
      else state.left.add(event.playerId);
      break;
    case "GAME_STARTED": state.status = "RUNNING"; state.lobbyDeadline = null; break;
    case "ROUND_OPENED":
      state.round = event.round; state.deadline = data.deadline || null; state.moved = new Set();
      break;
    case "MOVE_ACCEPTED": state.moved.add(event.playerId); break;
    case "ROUND_CLOSED":
      state.rounds.push({round: event.round, moves: data.moves || {}, trigger: data.trigger});
      state.deadline = null;
      break;
    case "GAME_FINISHED": case "RESULT_RECORDED":
      state.status = "FINISHED"; state.deadline = null; state.result = data.result === undefined ? null : data.result;
      break;
    case "GAME_CANCELLED": state.status = "CANCELLED"; state.deadline = null; state.reason = data.reason; break;
  }
}

/** The round's winner: the one highest card (a tie wins nothing). */
function roundWinner(moves) {
  let best = null, winner = null;
  Object.entries(moves).forEach(([player, card]) => {
    const value = Number(card);
    if (best === null || value > best) { best = value; winner = player; } else if (value === best) winner = null;
  });
  return winner;
}

/** My move in the current round, if I made one (the answer to a move may arrive after the next round opened). */
function myMove() {
  return state.myMove !== null && state.myMove.round === state.round ? state.myMove.card : null;
}

async function move(card) {
  if (state.status !== "RUNNING" || myMove() !== null || state.moved.has(state.me)) return;
  const round = state.round;
  const answer = await post("/games/" + encodeURIComponent(state.game) + "/moves?player=" + encodeURIComponent(state.me)
      + "&round=" + round, String(card));
  if (answer.ok) {
    state.myMove = {round, card};
    $("message").textContent = "";
  } else {
    $("message").textContent = "move refused: " + (answer.json.message || answer.json.error);
  }
  render();
}

function render() {
  $("status").textContent = state.status;
  $("status").className = "status " + state.status;
  $("round").textContent = state.round || "–";
  $("rounds-total").textContent = state.total === null ? "?" : state.total;
  const players = $("players");
  players.replaceChildren(...state.players.map(p => {
    const li = el("li", null, {"data-player": p});
    li.appendChild(el("span", p + (p === state.me ? " (you)" : ""), {class: "name"}));
    li.appendChild(document.createTextNode(" "));
    if (state.left.has(p)) li.appendChild(el("span", "left", {class: "left"}));
    else if (state.status === "RUNNING" && state.moved.has(p)) li.appendChild(el("span", "moved", {class: "moved"}));
    else if (state.status === "RUNNING") li.appendChild(el("span", "thinking…", {class: "waiting"}));
    return li;
  }));
  const mine = myMove();
  const canMove = state.status === "RUNNING" && state.round > 0 && mine === null && !state.moved.has(state.me);
  document.querySelectorAll("#cards button").forEach(b => {
    b.disabled = !canMove;
    b.classList.toggle("picked", Number(b.dataset.card) === mine);
  });
  $("my-move").textContent = mine !== null ? "you picked " + mine + " in round " + state.round
      : (state.moved.has(state.me) && state.status === "RUNNING" ? "you moved in round " + state.round : "");
  renderHistory();
  renderResult();
  tick();
}

function renderHistory() {
  const head = $("history-head");
  head.replaceChildren(el("th", "round"), ...state.players.map(p => el("th", p)), el("th", "winner"));
  $("history-body").replaceChildren(...state.rounds.map(r => {
    const winner = roundWinner(r.moves);
    const tr = el("tr", null, {"data-round": r.round});
    tr.appendChild(el("td", r.round));
    state.players.forEach(p => {
      const td = el("td", p in r.moves ? r.moves[p] : "–", {"data-round": r.round, "data-player": p, class: "move"});
      if (p === winner) td.classList.add("won");
      tr.appendChild(td);
    });
    tr.appendChild(el("td", winner || "tie", {class: "winner"}));
    return tr;
  }));
}

function renderResult() {
  if (state.status === "CANCELLED") {
    $("result").textContent = "Game cancelled: " + (state.reason || "");
    return;
  }
  if (state.status !== "FINISHED") {
    $("result").textContent = "";
    return;
  }
  const wins = {};
  state.players.forEach(p => { wins[p] = 0; });
  state.rounds.forEach(r => { const w = roundWinner(r.moves); if (w) wins[w] = (wins[w] || 0) + 1; });
  const best = Math.max(...Object.values(wins));
  const leaders = Object.keys(wins).filter(p => wins[p] === best);
  const score = Object.entries(wins).map(([p, n]) => p + " " + n).join(", ");
  $("result").textContent = "Game over: " + (leaders.length === 1 ? leaders[0] + " wins" : "draw") + " (" + score + ")"
      + (state.result !== null ? "; result " + JSON.stringify(state.result) : "");
}

function tick() {
  const countdown = $("countdown");
  const until = state.status === "RUNNING" ? state.deadline : (state.status === "LOBBY" ? state.lobbyDeadline : null);
  if (!until) {
    countdown.textContent = state.status === "LOBBY" ? "waiting for players" : "";
    countdown.removeAttribute("data-deadline");
    return;
  }
  const seconds = Math.max(0, Math.ceil((Date.parse(until) - Date.now()) / 1000));
  countdown.setAttribute("data-deadline", until);
  countdown.textContent = (state.status === "LOBBY" ? "lobby closes in " : "round closes in ") + seconds + " s";
}

init();
