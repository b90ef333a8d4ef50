package io.clix.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A backend's own rules for the moves of its games, registered on the orchestrator's builder
 * ({@code InMemoryGameOrchestrator.builder().gameLogic(...)}, {@code AwsGameOrchestrator.builder().gameLogic(...)}),
 * so that the server, not the client, decides what a move does to the game's public board. Its
 * functions must be pure (the same answer for the same arguments, no side effects): Clix calls
 * {@link #move} inside the conditional write of the move, and calls it again on the fresh state
 * when another write got there first, so validation and change are atomic across any number of
 * backend instances.
 *
 * <pre>{@code
 * GameLogic nim = new GameLogic() {
 *   public JsonNode start(GameSpec spec, List<String> players) {
 *     return JsonNodeFactory.instance.objectNode().put("stones", 12);
 *   }
 *   public JsonNode move(JsonNode board, String playerId, JsonNode move) {
 *     int take = move.path("take").asInt();
 *     if (take < 1 || take > 3 || take > board.path("stones").asInt()) {
 *       throw new IllegalMoveException("take 1 to 3 stones, at most the " + board.path("stones") + " left");
 *     }
 *     return JsonNodeFactory.instance.objectNode().put("stones", board.path("stones").asInt() - take);
 *   }
 * };
 * }</pre>
 *
 * <p>The board is stored with the game (at most {@link Limits#MAX_BOARD_BYTES}), shown by {@link
 * GameView#board()}, and carried by the events that change it ({@code MOVE_ACCEPTED} and {@code
 * ROUND_CLOSED}, data {@code "board"}). It is public: in a SIMULTANEOUS game, keep the round's moves
 * out of it until {@link #closeRound} reveals them.
 */
public interface GameLogic {

  /**
   * The board of a game, from its spec and its players in seat order, when its first move comes; or
   * {@code null} if this logic does not run the game (it then has no board, and its moves are not
   * checked): one logic may serve several kinds of game, told apart by the spec's metadata.
   */
  JsonNode start(GameSpec spec, List<String> players);

  /**
   * Checks {@code playerId}'s move against the board: the new board, or a refusal.
   *
   * @throws IllegalMoveException with the reason, if the move is not allowed: nothing is written
   */
  JsonNode move(JsonNode board, String playerId, JsonNode move);

  /**
   * The board once round {@code round} closed (all moved, its deadline, its last turn), before the
   * next one opens. By default the board as it is. An exception here leaves the board unchanged.
   */
  default JsonNode closeRound(JsonNode board, int round) {
    return board;
  }
}
