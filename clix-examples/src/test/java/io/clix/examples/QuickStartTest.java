package io.clix.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.testkit.InMemoryGameOrchestrator;
import io.clix.core.time.ManualClock;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void theReadmeExamplePlaysAGameToTheEnd() {
    try (InMemoryGameOrchestrator games = InMemoryGameOrchestrator.create(ManualClock.create())) {
      GameView end = QuickStart.playOneGame(games);
      assertThat(end.status()).isEqualTo(GameStatus.FINISHED);
      assertThat(end.players()).extracting(p -> p.playerId()).containsExactly("alice", "bob");
      assertThat(games.events("table-42", 0)).last().satisfies(e -> assertThat(e.sequence()).isEqualTo(end.version()));
    }
  }
}
