package io.clix.examples.nim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.Correlation;
import io.clix.core.EventType;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.IllegalMoveException;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nim on the AWS orchestrator in the local environment: the same rules, a turn deadline fired by the state machine. */
class NimOnLocalStackTest {

  @Test
  void aGameOfNimOnTheLocalStack() {
    try (ClixLocalEnvironment env = ClixLocalEnvironment.builder().correlation(Correlation.ACTIVITIES).start()) {
      AwsGameOrchestrator games = env.orchestrator(b -> b.gameLogic(Nim.LOGIC));
      GameView game = games.createGame(Nim.spec("nim-aws"));
      games.join(game.gameId(), "alice");
      games.join(game.gameId(), "bob");

      Nim.take(games, game.gameId(), "alice", 3);
      env.advance(Duration.ofSeconds(30)); // bob sleeps: his turn ends at its deadline
      assertThat(catchThrowableOfType(IllegalMoveException.class, () -> Nim.take(games, game.gameId(), "alice", 5))
          .reason()).isEqualTo("take 1 to 3 stones, not 5");
      for (int take : new int[] {3, 3, 3}) {
        String player = games.describe(game.gameId()).turnPlayer().orElseThrow();
        Nim.take(games, game.gameId(), player, take);
      }

      GameView end = games.describe(game.gameId());
      assertThat(end.status()).isEqualTo(GameStatus.FINISHED);
      assertThat(end.result().orElseThrow().path("winner").asText()).isEqualTo("alice");
      assertThat(games.events(game.gameId(), 0)).filteredOn(e -> e.type() == EventType.TURN_ENDED)
          .extracting(e -> e.data().path("trigger").asText()).startsWith("moved", "missed");
    }
  }
}
