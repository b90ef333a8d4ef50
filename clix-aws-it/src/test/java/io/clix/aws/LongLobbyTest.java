package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.Limits;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A lobby open far longer than a round re-reads its game once per round timeout and stays within
 * the history budget {@link Limits} documents, so the execution lives to fire every deadline.
 */
class LongLobbyTest {

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void aLobbyOfOneHundredTwentyRoundTimeoutsEndsOnTimeWithinItsHistoryBudget(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      AwsGameOrchestrator games = aws.orchestrator("lobby");
      Duration round = Duration.ofSeconds(10);
      Duration lobby = round.multipliedBy(120);
      games.createGame(GameSpec.builder().gameId("long-lobby").capacity(4).minPlayers(2)
          .lobbyTimeout(lobby).rounds(1).roundTimeout(round).build());
      games.join("long-lobby", "ann");
      games.join("long-lobby", "bob");
      aws.settle();

      aws.advance(lobby.plus(round).plusSeconds(1));

      int events = aws.history("long-lobby").size();
      int budget = 120 * Limits.MAX_HISTORY_EVENTS_PER_LOBBY_POLL + 2 * Limits.MAX_HISTORY_EVENTS_PER_WAIT + 20;
      System.out.printf("history of a lobby of 120 round timeouts (%s): %d events, budget %d%n", correlation,
          events, budget);
      assertThat(aws.executionStatus("long-lobby")).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(games.describe("long-lobby").status()).isEqualTo(GameStatus.FINISHED);
      assertThat(events).isLessThanOrEqualTo(budget);
    }
  }
}
