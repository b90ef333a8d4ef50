package io.clix.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs games: a lobby that fills up to its capacity (and starts when full, on {@code startNow}
 * once the minimum is met, or at the lobby timeout), rounds that gather one move per active
 * player under a deadline, and an end ({@code finish}, {@code cancel}, or the last round).
 *
 * <p>Every game is addressed by its id, and every call acts on that game only. A retried call whose
 * first attempt landed (its answer lost) returns what the first attempt answered, whatever state
 * that attempt moved the game to: creating the same game (give the spec a {@code gameId}) returns
 * it, a join returns the same seat (also after it filled the lobby and started the game), the same
 * move returns the same receipt (also after it closed the round or finished the game), a leave
 * after the start, {@code startNow}, {@code finish} with the same result and {@code cancel} return
 * the game as it stands. Views are the game now, not a copy of the first answer. Two exceptions, as
 * a retry cannot be told from a second call: a player who left the lobby is forgotten, so leaving
 * it again fails with {@link NotInGameException}; and a move's retry is recognized while its round
 * is open, or afterwards for the one move (or leave) that closed the latest round. The game keeps
 * for this only that one record (player, round, a 32-character fingerprint of the move, time and
 * sequence), so its stored size does not grow.
 *
 * <p>Each method has a {@code ...Async} twin returning a {@link CompletableFuture}; the sync method
 * throws the {@link ClixException} subclass that the twin's future completes with. Implementations
 * are thread-safe. Player identity is the caller's responsibility: pass the id your own
 * authentication established.
 *
 * <pre>{@code
 * GameView game = games.createGame(GameSpec.builder().capacity(2).rounds(1).build());
 * games.join(game.gameId(), "alice");
 * games.join(game.gameId(), "bob");             // full: the game starts, round 1 opens
 * games.submitMove(game.gameId(), "alice", 1, move);
 * games.submitMove(game.gameId(), "bob", 1, move); // all moved: round 1 closes, the game finishes
 * }</pre>
 */
public interface GameOrchestrator extends AutoCloseable {

  /**
   * Creates a game in the lobby, or returns the existing one if a game with the spec's id exists
   * with the same spec.
   *
   * @throws GameAlreadyExistsException if the id is taken by a game with a different spec
   */
  GameView createGame(GameSpec spec);

  /**
   * The async twin of {@link #createGame(GameSpec)}, without blocking the
   * caller. Never throws: the future fails with the {@link ClixException} the sync method would throw.
   */
  CompletableFuture<GameView> createGameAsync(GameSpec spec);

  /** Joins without player data; see {@link #join(String, String, JsonNode)}. */
  default JoinResult join(String gameId, String playerId) {
    return join(gameId, playerId, null);
  }

  /**
   * Seats the player in the lowest free seat; a player already seated gets the same seat back. The
   * join that takes the last seat starts the game.
   *
   * @param playerData optional JSON kept with the player (at most {@link Limits#MAX_PLAYER_DATA_BYTES}); may be null
   * @throws GameFullException if every seat is taken (also once the game has started because it filled up)
   * @throws GameStateException if the game started before filling up, or has ended
   * @throws GameNotFoundException if there is no such game
   */
  JoinResult join(String gameId, String playerId, JsonNode playerData);

  /**
   * The async twin of {@link #join(String, String, JsonNode)}, without blocking the
   * caller. Never throws: the future fails with the {@link ClixException} the sync method would throw.
   */
  CompletableFuture<JoinResult> joinAsync(String gameId, String playerId, JsonNode playerData);

  /**
   * In the lobby, frees the player's seat (the player is no longer seated); after the start, marks
   * the player inactive so rounds stop waiting for the player's moves, and leaving again is
   * harmless (also after the game ended, for the player whose leave ended it). When the last
   * active player leaves a running game, it is cancelled.
   *
   * @throws NotInGameException if the player is not seated
   * @throws GameStateException if the game has ended
   */
  GameView leave(String gameId, String playerId);

  /**
   * The async twin of {@link #leave(String, String)}, without blocking the
   * caller. Never throws: the future fails with the {@link ClixException} the sync method would throw.
   */
  CompletableFuture<GameView> leaveAsync(String gameId, String playerId);

  /**
   * Starts the game before the lobby is full; returns the game as it is if it is already running.
   *
   * @throws NotEnoughPlayersException if fewer than the minimum are seated
   * @throws GameStateException if the game has ended
   */
  GameView startNow(String gameId);

  /**
   * The async twin of {@link #startNow(String)}, without blocking the
   * caller. Never throws: the future fails with the {@link ClixException} the sync method would throw.
   */
  CompletableFuture<GameView> startNowAsync(String gameId);

  /**
   * Records the player's move in the open round. The same move again returns the same receipt,
   * also for the move that completed the round after the round has closed (or the game finished).
   * The move that completes the round closes it (and opens the next one, or finishes the game). In a
   * {@link PlayMode#TURNS} game only the player whose turn it is may move, and the move ends the turn.
   *
   * @param move the move, any JSON value but {@code null}, at most {@link Limits#MAX_MOVE_BYTES}
   * @throws RoundNotOpenException if {@code round} is closed or not yet open
   * @throws DuplicateMoveException if the player already made a different move in this round
   * @throws NotYourTurnException in a {@link PlayMode#TURNS} game, if another player's turn is open
   * @throws NotInGameException if the player is not an active player of the game
   * @throws GameStateException if the game is not running
   */
  MoveReceipt submitMove(String gameId, String playerId, int round, JsonNode move);

  /**
   * The async twin of {@link #submitMove(String, String, int, JsonNode)}, without blocking the
   * caller. Never throws: the future fails with the {@link ClixException} the sync method would throw.
   */
  CompletableFuture<MoveReceipt> submitMoveAsync(String gameId, String playerId, int round, JsonNode move);

  /**
   * Finishes a running game with the backend's result. Finishing a finished game again with the
   * same result returns it. A game that finished without a result — by its last round, or by
   * {@code finish(null)} — takes the backend's result once: it is recorded (an
   * {@link EventType#RESULT_RECORDED} event, the view's {@code result}; status and {@code endedAt}
   * stay), and from then on it is the game's result like any other.
   *
   * @param result any JSON value, at most {@link Limits#MAX_RESULT_BYTES}; null (or JSON null) for none
   * @throws GameStateException if the game is in the lobby, cancelled, or finished with another result
   */
  GameView finish(String gameId, JsonNode result);

  /**
   * The async twin of {@link #finish(String, JsonNode)}, without blocking the
   * caller. Never throws: the future fails with the {@link ClixException} the sync method would throw.
   */
  CompletableFuture<GameView> finishAsync(String gameId, JsonNode result);

  /**
   * Cancels a game in the lobby or running. Cancelling a cancelled game again returns it.
   *
   * @throws GameStateException if the game has finished
   */
  GameView cancel(String gameId, String reason);

  /**
   * The async twin of {@link #cancel(String, String)}, without blocking the
   * caller. Never throws: the future fails with the {@link ClixException} the sync method would throw.
   */
  CompletableFuture<GameView> cancelAsync(String gameId, String reason);

  /**
   * The game as it stands now.
   *
   * @throws GameNotFoundException if there is no such game
   */
  GameView describe(String gameId);

  /**
   * The async twin of {@link #describe(String)}, without blocking the
   * caller. Never throws: the future fails with the {@link ClixException} the sync method would throw.
   */
  CompletableFuture<GameView> describeAsync(String gameId);

  /**
   * The game's events with a sequence number above {@code afterSequence}, in order; pass 0 for all.
   *
   * @throws GameNotFoundException if there is no such game
   */
  List<GameEvent> events(String gameId, long afterSequence);

  /**
   * The async twin of {@link #events(String, long)}, without blocking the
   * caller. Never throws: the future fails with the {@link ClixException} the sync method would throw.
   */
  CompletableFuture<List<GameEvent>> eventsAsync(String gameId, long afterSequence);

  /**
   * Registers a listener for the events of every game this orchestrator changes or observes
   * changing, delivered in sequence order per game.
   */
  Subscription addListener(GameEventListener listener);

  /** Releases the orchestrator's resources (pollers, threads); the clients passed in stay open. */
  @Override
  void close();
}
