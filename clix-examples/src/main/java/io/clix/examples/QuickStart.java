package io.clix.examples;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clix.core.GameEvent;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameView;
import io.clix.core.JoinResult;
import java.time.Duration;

/**
 * The README's usage example, compiled by the build so it cannot go stale: one game of two players
 * and one round on any {@link GameOrchestrator}.
 */
public final class QuickStart {

  private QuickStart() {}

  /** Plays one short game and returns its final view. */
  public static GameView playOneGame(GameOrchestrator games) {
    // 1. A lobby of two seats; the game starts by itself when both are taken.
    GameView game = games.createGame(GameSpec.builder()
        .gameId("table-42")
        .capacity(2)
        .minPlayers(2)
        .lobbyTimeout(Duration.ofSeconds(20))
        .rounds(1)
        .roundTimeout(Duration.ofSeconds(30))
        .build());

    // 2. Push every change to the players (the seed used a Pusher presence channel).
    games.addListener((GameEvent e) -> System.out.println(e.gameId() + " #" + e.sequence() + " " + e.type()));

    // 3. Players join with the id your own authentication established.
    JoinResult alice = games.join(game.gameId(), "alice");
    games.join(game.gameId(), "bob"); // full: the game starts and round 1 opens

    // 4. One move per player per round; the last move closes the round, and the last round ends the game.
    var json = JsonNodeFactory.instance;
    games.submitMove(game.gameId(), "alice", 1, json.objectNode().put("card", "A♠"));
    games.submitMove(game.gameId(), "bob", 1, json.objectNode().put("card", "K♥"));

    System.out.println("alice sat in seat " + alice.seat());
    return games.describe(game.gameId()); // FINISHED
  }
}
