package io.clix.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mutable working copy of a {@link GameState} that one rule edits and appends events to. */
final class Draft {
  final String gameId;
  final GameSpec spec;
  final Instant now;
  GameStatus status;
  List<GameState.Seat> players;
  int round;
  Instant roundDeadline;
  Map<String, GameState.MoveRecord> moves;
  Instant lobbyDeadline;
  Instant createdAt;
  Instant startedAt;
  Instant endedAt;
  JsonNode result;
  String cancelReason;
  long version;
  GameState.Closer closedBy;
  GameState.Turn turn;
  /** The game's turns so far (a TURNS game always has one open while running, which carries the count). */
  int turnCount;
  Map<String, Integer> misses;
  JsonNode board;
  /** The orchestrator's game logic for this rule, or null: not part of the state. */
  io.clix.core.GameLogic logic;
  final List<GameEvent> events = new ArrayList<>();

  Draft(GameState s, Instant now) {
    this.gameId = s.gameId();
    this.spec = s.spec();
    this.now = now;
    this.status = s.status();
    this.players = new ArrayList<>(s.players());
    this.round = s.round();
    this.roundDeadline = s.roundDeadline();
    this.moves = new LinkedHashMap<>(s.moves());
    this.lobbyDeadline = s.lobbyDeadline();
    this.createdAt = s.createdAt();
    this.startedAt = s.startedAt();
    this.endedAt = s.endedAt();
    this.result = s.result();
    this.cancelReason = s.cancelReason();
    this.version = s.version();
    this.closedBy = s.closedBy();
    this.turn = s.turn();
    this.turnCount = s.turn() == null ? 0 : s.turn().number();
    this.misses = s.misses() == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(s.misses());
    this.board = s.board();
  }

  Draft(GameState s, Instant now, io.clix.core.GameLogic logic) {
    this(s, now);
    this.logic = logic;
  }

  Draft(String gameId, GameSpec spec, Instant now) {
    this.gameId = gameId;
    this.spec = spec;
    this.now = now;
    this.status = GameStatus.LOBBY;
    this.players = new ArrayList<>();
    this.moves = new LinkedHashMap<>();
    this.misses = new java.util.TreeMap<>();
    this.createdAt = now;
  }

  static ObjectNode data() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Appends an event with the next sequence number and returns that number. */
  long emit(EventType type, String playerId, Integer round, JsonNode data) {
    version++;
    events.add(GameEvent.builder().gameId(gameId).sequence(version).time(now).type(type)
        .playerId(java.util.Optional.ofNullable(playerId))
        .round(java.util.Optional.ofNullable(round))
        .data(data == null ? data() : data)
        .build());
    return version;
  }

  Step done() {
    GameState state = new GameState(gameId, spec, status, players, round, roundDeadline, moves,
        lobbyDeadline, createdAt, startedAt, endedAt, result, cancelReason, version, closedBy, turn, misses,
        board);
    return new Step(state, events);
  }
}
