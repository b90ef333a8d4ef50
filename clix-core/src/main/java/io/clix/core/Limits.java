package io.clix.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The bounds Clix enforces on every implementation, so that a game fits in one Step Functions
 * execution and one DynamoDB partition whatever backend runs it. Every JSON value a caller passes
 * (metadata, player data, moves, results) is checked before anything is written: its size as
 * compact UTF-8 JSON, its nesting ({@link #MAX_JSON_DEPTH}), the length of each number ({@link
 * #MAX_NUMBER_LENGTH}), finite numbers only (no {@code NaN} or {@code Infinity}) and strings of
 * whole Unicode characters; a value that breaks one is refused with {@code InvalidRequestException}
 * naming the field and the rule. Values that pass come back from every read exactly as {@link
 * ClixJson#canonical} gives them.
 *
 * <p>The limits fit together (KB = 1,024 bytes; DynamoDB items hold at most 400 KB). On AWS the game
 * item holds the state: the spec with its metadata (16 KB), the seats (64 &times; (2 KB data +
 * 128-character id + about 100 bytes of seat, time and names) = about 146 KB), the result (64 KB,
 * only once the game has finished and the moves are gone), and the open round's moves without
 * their payloads (64 &times; (128-character id + about 70 bytes) = about 13 KB), plus a copy of
 * the spec (16 KB): at most about 16 + 146 + 64 + 13 + 16 = 255 KB. A {@link PlayMode#TURNS} game adds
 * its round's turn order (64 &times; 130 bytes = about 9 KB) and a timer schedule of at most {@link
 * #MAX_TURNS} + 1 entries (about 9 KB); a {@link MissPolicy} its default move (4 KB, in the spec and its
 * copy) and the players' miss counts (64 &times; 140 bytes = about 9 KB); a {@link GameLogic} its
 * board (32 KB): at most about 322 KB. Each move's payload (4 KB) is
 * kept on the item of its {@code MOVE_ACCEPTED} event and read back with one query. The largest
 * event, {@code ROUND_CLOSED}, lists every move of the round: 64 &times; (4 KB + 128) = about 270
 * KB; the largest write (the last move: game item, that move, the round's close and the next
 * round's opening) stays far below TransactWriteItems' 4 MB.
 *
 * <p>The {@code check...} methods apply these rules to one argument as every orchestrator does before
 * anything is written, and throw the same {@link InvalidRequestException} an orchestrator would (a
 * backend may call them to refuse a request early); {@link GameSpec.Builder#build()} checks a spec.
 */
public final class Limits {
  /** Longest game id: a Step Functions execution name is at most 80 characters. */
  public static final int MAX_GAME_ID_LENGTH = 80;
  /** Longest player id. */
  public static final int MAX_PLAYER_ID_LENGTH = 128;
  /** Most seats in one game. */
  public static final int MAX_CAPACITY = 64;
  /**
   * Most rounds in one game. With it a game's Step Functions history stays below the 25,000 events a
   * Standard execution may record: each wait (the lobby, each round) costs at most {@value
   * #MAX_HISTORY_EVENTS_PER_WAIT} events — one loop {@code Sync → Route → wait → Due → Fire} is
   * about 25 events, and a wait woken three times for the same deadline (stale or foreign answers,
   * failures, missed heartbeats) stops handing out tasks and waits on time alone — and the lobby
   * re-reads the game once per round timeout at {@value #MAX_HISTORY_EVENTS_PER_LOBBY_POLL} events
   * each (a start whose wake-up was lost is seen before round 1's deadline). A game therefore costs
   * at most {@code ceil(lobbyTimeout / roundTimeout) × 24 + (rounds + 1) × 240 + 20} events; a spec
   * that could exceed the history limit is refused, naming {@code rounds} or {@code lobbyTimeout}.
   * With one round a lobby may last up to 1,020 round timeouts (a day-long lobby needs rounds of at
   * least 85 s); with 100 rounds, 30.
   */
  public static final int MAX_ROUNDS = 100;
  /**
   * Most turns in one {@link PlayMode#TURNS} game ({@code rounds × capacity}). Every turn is a wait of
   * its own, so the history bound of {@link #MAX_ROUNDS} counts turns instead of rounds: a TURNS game
   * costs at most {@code ceil(lobbyTimeout / turnTimeout) × 24 + (rounds × capacity + 1) × 240 + 20}
   * events ({@code (25,000 - 20) / 240 - 1} = 103 turns with a short lobby), and a spec above the limit is
   * refused, naming {@code rounds} or {@code lobbyTimeout}. Two
   * players may play 51 rounds, four 25; and {@code lobbyTimeout + rounds × capacity × turnTimeout} is
   * at most {@link #MAX_GAME_DURATION}.
   */
  public static final int MAX_TURNS = 103;
  /** History events one wait of a game's execution may cost; see {@link #MAX_ROUNDS}. */
  public static final int MAX_HISTORY_EVENTS_PER_WAIT = 240;
  /** History events each lobby re-read (once per round timeout) may cost; see {@link #MAX_ROUNDS}. */
  public static final int MAX_HISTORY_EVENTS_PER_LOBBY_POLL = 24;
  /** The most events a Standard Step Functions execution's history may hold. */
  public static final int MAX_HISTORY_EVENTS = 25_000;
  /** Shortest lobby or round timeout. */
  public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
  /** Longest lobby or round timeout: Step Functions Standard executions run up to a year. */
  public static final Duration MAX_TIMEOUT = Duration.ofDays(365);
  /**
   * Longest a game may last, {@code lobbyTimeout + rounds × roundTimeout}: one Standard execution
   * runs the whole game and lives at most a year; a day is left for the steps after the last deadline.
   */
  public static final Duration MAX_GAME_DURATION = Duration.ofDays(364);
  /** Largest game metadata, as UTF-8 JSON. */
  public static final int MAX_METADATA_BYTES = 16 * 1024;
  /** Largest player data given on join, as UTF-8 JSON. */
  public static final int MAX_PLAYER_DATA_BYTES = 2 * 1024;
  /** Largest move, as UTF-8 JSON; a round's moves together (64 &times; 4 KB) stay below DynamoDB's 400 KB item size. */
  public static final int MAX_MOVE_BYTES = 4 * 1024;
  /**
   * Largest board a {@link GameLogic} may keep with a game, as UTF-8 JSON: a board above it (or one
   * breaking the JSON rules) refuses the move with {@code InvalidRequestException} naming {@code board}.
   */
  public static final int MAX_BOARD_BYTES = 32 * 1024;
  /** Largest game result, as UTF-8 JSON. */
  public static final int MAX_RESULT_BYTES = 64 * 1024;
  /** Deepest nesting of a JSON value: a scalar is depth 0, {@code [1]} depth 1, {@code [[1]]} depth 2. */
  public static final int MAX_JSON_DEPTH = 64;
  /**
   * Longest number in a JSON value, in characters as written ({@code -1.5E+10} is 8): a
   * 100-digit integer passes, a 1,200-digit one is refused (Jackson reads at most 1,000).
   */
  public static final int MAX_NUMBER_LENGTH = 100;
  /** Longest cancel reason. */
  public static final int MAX_REASON_LENGTH = 256;

  private Limits() {}

  /**
   * Checks a game id argument: 1 to {@value #MAX_GAME_ID_LENGTH} of {@code A-Z a-z 0-9 _ -}.
   *
   * @return the id
   * @throws InvalidRequestException naming {@code gameId}, as an orchestrator would throw it
   */
  public static String checkGameId(String gameId) {
    return RequestRules.gameId(gameId);
  }

  /**
   * Checks a player id argument: 1 to {@value #MAX_PLAYER_ID_LENGTH} of {@code A-Z a-z 0-9 _ . @ + -}.
   *
   * @return the player id
   * @throws InvalidRequestException naming {@code playerId}, as an orchestrator would throw it
   */
  public static String checkPlayerId(String gameId, String playerId) {
    return RequestRules.playerId(gameId, playerId);
  }

  /**
   * Checks the data given on join: none ({@code null}) or a JSON value that keeps the JSON rules above and is
   * at most {@link #MAX_PLAYER_DATA_BYTES}.
   *
   * @throws InvalidRequestException naming {@code playerData}, as an orchestrator would throw it
   */
  public static void checkPlayerData(String gameId, JsonNode playerData) {
    RequestRules.playerData(gameId, playerData);
  }

  /**
   * Checks a move: a round from 1 to {@link #MAX_ROUNDS}, and a JSON value (not {@code null}) that keeps the
   * JSON rules above and is at most {@link #MAX_MOVE_BYTES}.
   *
   * @throws InvalidRequestException naming {@code round} and/or {@code move}, as an orchestrator would throw it
   */
  public static void checkMove(String gameId, int round, JsonNode move) {
    RequestRules.move(gameId, round, move);
  }

  /**
   * Checks a finish result: none ({@code null}) or a JSON value that keeps the JSON rules above and is at most
   * {@link #MAX_RESULT_BYTES}.
   *
   * @throws InvalidRequestException naming {@code result}, as an orchestrator would throw it
   */
  public static void checkResult(String gameId, JsonNode result) {
    RequestRules.result(gameId, result);
  }

  /**
   * Checks a board a {@link GameLogic} returned: a JSON value (not {@code null}) that keeps the JSON rules above and
   * is at most {@link #MAX_BOARD_BYTES}.
   *
   * @throws InvalidRequestException naming {@code board}, as an orchestrator would throw it
   */
  public static void checkBoard(String gameId, JsonNode board) {
    RequestRules.board(gameId, board);
  }

  /**
   * Checks a cancel reason: not blank, at most {@value #MAX_REASON_LENGTH} characters, no control characters.
   *
   * @return the reason
   * @throws InvalidRequestException naming {@code reason}, as an orchestrator would throw it
   */
  public static String checkReason(String gameId, String reason) {
    return RequestRules.reason(gameId, reason);
  }
}
