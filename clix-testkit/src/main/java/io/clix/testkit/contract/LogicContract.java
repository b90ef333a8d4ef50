package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameLogic;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.IllegalMoveException;
import io.clix.core.MoveReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Server-authoritative moves: the orchestrator's {@link GameLogic} checks every move inside its write (a refusal
 * writes nothing, racing moves are checked against the state they land on), keeps the board that views and events
 * carry, and closes every round, also one a deadline closed. Runs where {@link
 * ContractEnvironment#orchestratorWith} gives an orchestrator with a logic; skipped otherwise.
 */
public interface LogicContract extends ContractPart {

  /**
   * The logic of these tests, for games whose metadata says {@code {"logic": "claims"}}: a move claims a free cell
   * ({@code {"cell": "a1"}}); the board is {@code {"cells": {cell: player}, "closed": <rounds closed>}}.
   */
  GameLogic CLAIMS = new GameLogic() {
    @Override
    public JsonNode start(GameSpec spec, List<String> players) {
      if (!"claims".equals(spec.metadata().path("logic").asText())) {
        return null;
      }
      ObjectNode board = JsonNodeFactory.instance.objectNode();
      board.putObject("cells");
      return board.put("closed", 0);
    }

    @Override
    public JsonNode move(JsonNode board, String playerId, JsonNode move) {
      String cell = move.path("cell").asText();
      if (cell.isEmpty()) {
        throw new IllegalMoveException("a move names a cell");
      }
      JsonNode owner = board.path("cells").get(cell);
      if (owner != null) {
        throw new IllegalMoveException("cell " + cell + " is taken by " + owner.asText());
      }
      ObjectNode next = board.deepCopy();
      next.with("cells").put(cell, playerId);
      return next;
    }

    @Override
    public JsonNode closeRound(JsonNode board, int round) {
      return ((ObjectNode) board.deepCopy()).put("closed", round);
    }
  };

  private GameOrchestrator games() {
    return environment().orchestratorWith(CLAIMS).orElseGet(() -> {
      Assumptions.abort("the environment offers no orchestrator with a game logic");
      return null;
    });
  }

  private static GameView claims(GameOrchestrator games, String prefix, int rounds, String... players) {
    GameView game = games.createGame(Fixture.spec(prefix).capacity(players.length).minPlayers(1).rounds(rounds)
        .metadata(json("{\"logic\":\"claims\"}")).build());
    for (String p : players) {
      games.join(game.gameId(), p);
    }
    return games.describe(game.gameId());
  }

  @Test
  default void aLegalMoveChangesTheBoardThatTheViewAndTheEventCarry() {
    GameOrchestrator games = games();
    GameView game = claims(games, "logic-move", 1, "alice", "bob");
    assertThat(game.board()).as("the board starts with the first move").isEmpty();

    MoveReceipt receipt = games.submitMove(game.gameId(), "alice", 1, json("{\"cell\":\"a1\"}"));

    JsonNode board = json("{\"cells\":{\"a1\":\"alice\"},\"closed\":0}");
    assertThat(games.describe(game.gameId()).board()).contains(board);
    GameEvent accepted = games.events(game.gameId(), receipt.sequence() - 1).get(0);
    assertThat(accepted.type()).isEqualTo(EventType.MOVE_ACCEPTED);
    assertThat(accepted.data()).isEqualTo(json("{\"board\":" + board + "}"));
    assertThat(ClixJson.mapper().<JsonNode>valueToTree(games.describe(game.gameId())).path("board")).isEqualTo(board);
  }

  @Test
  default void anIllegalMoveIsRefusedWithItsReasonAndWritesNothing() {
    GameOrchestrator games = games();
    GameView game = claims(games, "logic-refuse", 1, "alice", "bob");
    games.submitMove(game.gameId(), "alice", 1, json("{\"cell\":\"a1\"}"));
    GameView before = games.describe(game.gameId());

    IllegalMoveException taken = catchThrowableOfType(IllegalMoveException.class,
        () -> games.submitMove(game.gameId(), "bob", 1, json("{\"cell\":\"a1\"}")));
    IllegalMoveException empty = catchThrowableOfType(IllegalMoveException.class,
        () -> games.submitMove(game.gameId(), "bob", 1, json("{}")));

    assertThat(taken).isNotNull();
    assertThat(taken.reason()).isEqualTo("cell a1 is taken by alice");
    assertThat(taken.gameId()).contains(game.gameId());
    assertThat(taken.isRetryable()).isFalse();
    assertThat(empty.reason()).isEqualTo("a move names a cell");
    assertThat(games.describe(game.gameId())).isEqualTo(before);
    games.submitMove(game.gameId(), "bob", 1, json("{\"cell\":\"b2\"}"));
    assertThat(games.describe(game.gameId()).status()).as("bob may still move").isEqualTo(GameStatus.FINISHED);
  }

  @Test
  default void racingMovesAreCheckedAgainstTheStateTheyLandOn() throws Exception {
    GameOrchestrator games = games();
    GameOrchestrator other = games(); // another backend on the same games, where the environment has one
    String[] players = {"p1", "p2", "p3", "p4", "p5", "p6"};
    GameView game = claims(games, "logic-race", 1, players);
    ExecutorService pool = Executors.newFixedThreadPool(players.length);
    List<Future<MoveReceipt>> moves = new ArrayList<>();
    try {
      for (int i = 0; i < players.length; i++) {
        String p = players[i];
        GameOrchestrator backend = i % 2 == 0 ? games : other;
        moves.add(pool.submit((Callable<MoveReceipt>) () ->
            backend.submitMove(game.gameId(), p, 1, json("{\"cell\":\"a1\"}"))));
      }
      int accepted = 0;
      String winner = null;
      for (Future<MoveReceipt> move : moves) {
        try {
          winner = move.get(60, TimeUnit.SECONDS).playerId();
          accepted++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(IllegalMoveException.class);
        }
      }
      assertThat(accepted).isEqualTo(1);
      assertThat(games.describe(game.gameId()).board().orElseThrow().path("cells"))
          .isEqualTo(json("{\"a1\":\"" + winner + "\"}"));
      assertThat(games.events(game.gameId(), 0).stream().filter(e -> e.type() == EventType.MOVE_ACCEPTED)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  default void theClosingFunctionRunsWhenARoundClosesAlsoAtItsDeadline() {
    GameOrchestrator games = games(); // the only orchestrator of this test: every instance needs the same logic
    GameView game = claims(games, "logic-close", 2, "alice", "bob");
    games.submitMove(game.gameId(), "alice", 1, json("{\"cell\":\"a1\"}"));
    games.submitMove(game.gameId(), "bob", 1, json("{\"cell\":\"b1\"}"));
    games.submitMove(game.gameId(), "alice", 2, json("{\"cell\":\"a2\"}"));

    environment().settle();
    environment().advance(Fixture.ROUND_TIMEOUT);
    environment().settle();

    List<GameEvent> closed = games.events(game.gameId(), 0).stream()
        .filter(e -> e.type() == EventType.ROUND_CLOSED).toList();
    assertThat(closed).extracting(e -> e.data().path("board").path("closed").asInt()).containsExactly(1, 2);
    assertThat(closed.get(1).data().path("trigger").asText()).isEqualTo("deadline");
    GameView view = games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(view.board()).contains(json("{\"cells\":{\"a1\":\"alice\",\"b1\":\"bob\",\"a2\":\"alice\"},\"closed\":2}"));
  }

  @Test
  default void aGameTheLogicDoesNotRunHasNoBoardAndItsMovesAreNotChecked() {
    GameOrchestrator games = games();
    GameView game = games.createGame(Fixture.spec("logic-none").capacity(2).minPlayers(1).build());
    games.join(game.gameId(), "alice");
    games.join(game.gameId(), "bob");

    games.submitMove(game.gameId(), "alice", 1, json("\"anything\""));
    games.submitMove(game.gameId(), "bob", 1, json("\"anything\""));

    GameView view = games.describe(game.gameId());
    assertThat(view.board()).isEmpty();
    assertThat(ClixJson.mapper().<JsonNode>valueToTree(view).has("board")).isFalse();
    assertThat(view.status()).isEqualTo(GameStatus.FINISHED);
  }
}
