package io.clix.examples.nim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.GameLogic;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameView;
import io.clix.core.IllegalMoveException;
import io.clix.core.PlayMode;
import java.time.Duration;
import java.util.List;

/**
 * Nim, a turn-based game run by Clix with its rules on the server: two players take turns removing 1 to 3 stones
 * from a pile of 12; whoever takes the last stone wins. The {@link #LOGIC} checks every move inside the move's
 * write (an illegal take is an {@link IllegalMoveException} and changes nothing), the board {@code {"stones": n,
 * "last": player}} travels with the views and events, and {@link #take} finishes the game with the winner once the
 * pile is empty. Register the logic on the orchestrator's builder:
 *
 * <pre>{@code
 * GameOrchestrator games = InMemoryGameOrchestrator.builder().clock(clock).gameLogic(Nim.LOGIC).build();
 * GameView game = games.createGame(Nim.spec("nim-1"));
 * games.join(game.gameId(), "alice");
 * games.join(game.gameId(), "bob");       // full: round 1 opens, alice's turn
 * Nim.take(games, game.gameId(), "alice", 3);
 * }</pre>
 */
public final class Nim {

  /** Stones on the pile at the start. */
  public static final int STONES = 12;
  /** Most stones one move takes. */
  public static final int MAX_TAKE = 3;

  /** The rules of Nim for games whose metadata says {@code {"game": "nim"}}; other games are left alone. */
  public static final GameLogic LOGIC = new GameLogic() {
    @Override
    public JsonNode start(GameSpec spec, List<String> players) {
      if (!"nim".equals(spec.metadata().path("game").asText())) {
        return null;
      }
      return JsonNodeFactory.instance.objectNode().put("stones", STONES);
    }

    @Override
    public JsonNode move(JsonNode board, String playerId, JsonNode move) {
      int stones = board.path("stones").asInt();
      JsonNode take = move.path("take");
      if (!take.canConvertToInt() || !take.isIntegralNumber()) {
        throw new IllegalMoveException("a move is {\"take\": n}, n a whole number");
      }
      int n = take.asInt();
      if (stones == 0) {
        throw new IllegalMoveException("the pile is empty: the game is over");
      }
      if (n < 1 || n > Math.min(MAX_TAKE, stones)) {
        throw new IllegalMoveException("take 1 to " + Math.min(MAX_TAKE, stones) + " stones, not " + n);
      }
      ObjectNode next = JsonNodeFactory.instance.objectNode().put("stones", stones - n);
      return next.put("last", playerId);
    }
  };

  private Nim() {}

  /**
   * A game of Nim for two players: turns of {@code 30 s}, enough rounds for every stone to be taken one at a time
   * (a round is one turn each), a lobby of a minute.
   */
  public static GameSpec spec(String gameId) {
    return GameSpec.builder()
        .gameId(gameId)
        .capacity(2)
        .playMode(PlayMode.TURNS)
        .turnTimeout(Duration.ofSeconds(30))
        .rounds(STONES / 2)
        .metadata(JsonNodeFactory.instance.objectNode().put("game", "nim"))
        .build();
  }

  /**
   * {@code playerId} takes {@code stones} in the open round; the move that empties the pile finishes the game
   * with {@code {"winner": playerId}}.
   *
   * @throws IllegalMoveException if the take breaks the rules
   * @throws io.clix.core.NotYourTurnException if it is the other player's turn
   */
  public static GameView take(GameOrchestrator games, String gameId, String playerId, int stones) {
    int round = games.describe(gameId).currentRound();
    games.submitMove(gameId, playerId, round, JsonNodeFactory.instance.objectNode().put("take", stones));
    GameView view = games.describe(gameId);
    if (view.board().map(b -> b.path("stones").asInt()).orElse(-1) == 0 && !view.status().isEnded()) {
      view = games.finish(gameId, JsonNodeFactory.instance.objectNode().put("winner", playerId));
    }
    return view;
  }
}
