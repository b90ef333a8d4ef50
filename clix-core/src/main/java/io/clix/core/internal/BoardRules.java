package io.clix.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.ClixJson;
import io.clix.core.GameLogic;
import io.clix.core.IllegalMoveException;
import io.clix.core.Limits;
import java.util.Comparator;
import java.util.List;

/**
 * The orchestrator's {@link GameLogic}, for {@link GameRules}: the board starts at a game's first
 * move, a move goes through the logic before anything is recorded (a refusal writes nothing), a
 * round's close through its closing function. Every board is checked ({@link Limits#MAX_BOARD_BYTES})
 * and kept in {@link ClixJson#canonical} form; the logic gets copies.
 */
final class BoardRules {

  private BoardRules() {}

  /**
   * The board after {@code playerId}'s move, or null if the game has no logic (nothing to check).
   *
   * @throws IllegalMoveException if the logic refuses the move
   */
  static JsonNode afterMove(GameState s, GameLogic logic, String playerId, JsonNode move) {
    JsonNode board = current(s.spec(), s.players(), s.board(), logic);
    if (board == null) {
      return null;
    }
    JsonNode next;
    try {
      next = logic.move(board.deepCopy(), playerId, move.deepCopy());
    } catch (IllegalMoveException e) {
      throw e.gameId().isPresent() ? e : new IllegalMoveException(s.gameId(), e.reason());
    }
    Limits.checkBoard(s.gameId(), next);
    return ClixJson.canonical(next);
  }

  /**
   * Passes a default move through the logic, setting the draft's board; false if the logic refuses it
   * (or fails): then no default move is played. Without a logic for the game, true and no board.
   */
  static boolean playDefault(Draft d, String playerId, JsonNode move) {
    if (d.logic == null) {
      return true;
    }
    try {
      JsonNode board = current(d.spec, d.players, d.board, d.logic);
      if (board == null) {
        return true;
      }
      JsonNode next = d.logic.move(board.deepCopy(), playerId, move.deepCopy());
      Limits.checkBoard(d.gameId, next);
      d.board = ClixJson.canonical(next);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Applies the closing function to the board of round {@code round}; unchanged if it fails. */
  static void closeRound(Draft d, int round) {
    if (d.logic == null || d.board == null) {
      return;
    }
    try {
      JsonNode next = d.logic.closeRound(d.board.deepCopy(), round);
      Limits.checkBoard(d.gameId, next);
      d.board = ClixJson.canonical(next);
    } catch (RuntimeException e) {
      // the board stays as it was: a timer must not fail because of the backend's function
    }
  }

  private static JsonNode current(io.clix.core.GameSpec spec, List<GameState.Seat> players, JsonNode board,
      GameLogic logic) {
    if (board != null || logic == null) {
      return board;
    }
    List<String> seated = players.stream().sorted(Comparator.comparingInt(GameState.Seat::seat))
        .map(GameState.Seat::playerId).toList();
    JsonNode start = logic.start(spec, seated);
    if (start == null || start.isNull() || start.isMissingNode()) {
      return null;
    }
    return ClixJson.canonical(start);
  }
}
