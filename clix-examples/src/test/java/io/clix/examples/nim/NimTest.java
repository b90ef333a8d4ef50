package io.clix.examples.nim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.IllegalMoveException;
import io.clix.core.NotYourTurnException;
import io.clix.core.time.ManualClock;
import io.clix.testkit.InMemoryGameOrchestrator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NimTest {

  private static InMemoryGameOrchestrator games(ManualClock clock) {
    return InMemoryGameOrchestrator.builder().clock(clock).gameLogic(Nim.LOGIC).build();
  }

  @Test
  void whoeverTakesTheLastStoneWins() {
    try (InMemoryGameOrchestrator games = games(ManualClock.create())) {
      GameView game = games.createGame(Nim.spec("nim-win"));
      games.join(game.gameId(), "alice");
      games.join(game.gameId(), "bob");

      Nim.take(games, game.gameId(), "alice", 3);
      Nim.take(games, game.gameId(), "bob", 3);
      Nim.take(games, game.gameId(), "alice", 2);
      GameView beforeLast = Nim.take(games, game.gameId(), "bob", 1);
      assertThat(beforeLast.board().orElseThrow().path("stones").asInt()).isEqualTo(3);
      assertThat(beforeLast.turnPlayer()).contains("alice");
      GameView end = Nim.take(games, game.gameId(), "alice", 3);

      assertThat(end.status()).isEqualTo(GameStatus.FINISHED);
      assertThat(end.result()).contains(JsonNodeFactory.instance.objectNode().put("winner", "alice"));
      assertThat(end.board().orElseThrow()).isEqualTo(
          JsonNodeFactory.instance.objectNode().put("stones", 0).put("last", "alice"));
    }
  }

  @Test
  void theServerRefusesIllegalTakesAndMovesOutOfTurn() {
    try (InMemoryGameOrchestrator games = games(ManualClock.create())) {
      GameView game = games.createGame(Nim.spec("nim-refuse"));
      games.join(game.gameId(), "alice");
      games.join(game.gameId(), "bob");

      IllegalMoveException tooMany = catchThrowableOfType(IllegalMoveException.class,
          () -> Nim.take(games, game.gameId(), "alice", 4));
      NotYourTurnException outOfTurn = catchThrowableOfType(NotYourTurnException.class,
          () -> Nim.take(games, game.gameId(), "bob", 1));

      assertThat(tooMany.reason()).isEqualTo("take 1 to 3 stones, not 4");
      assertThat(outOfTurn.currentPlayer()).isEqualTo("alice");
      assertThat(games.describe(game.gameId()).board()).as("nothing was taken").isEmpty();
    }
  }

  @Test
  void aPlayerWhoSleepsLosesTheTurnToTheClock() {
    ManualClock clock = ManualClock.create();
    try (InMemoryGameOrchestrator games = games(clock)) {
      GameView game = games.createGame(Nim.spec("nim-clock"));
      games.join(game.gameId(), "alice");
      games.join(game.gameId(), "bob");

      clock.advance(Duration.ofSeconds(30));

      assertThat(games.describe(game.gameId()).turnPlayer()).contains("bob");
      assertThat(Nim.take(games, game.gameId(), "bob", 2).board().orElseThrow().path("stones").asInt()).isEqualTo(10);
    }
  }
}
