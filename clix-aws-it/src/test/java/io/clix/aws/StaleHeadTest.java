package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Players join a lobby after the execution read its game, without leaving the lobby: the lobby
 * timer keeps its instant but now starts the game instead of cancelling it. The execution fires it
 * with the game as it stands (never the mirrors it read before the joins), so no wait is handed out
 * for a point the game never reached and nothing fails on the way.
 */
class StaleHeadTest {

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void aLobbyTimerFiredAfterJoinsItDidNotSeeStartsTheGameWithNoFailedWait(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      AwsGameOrchestrator games = aws.orchestrator("stale-head");
      games.createGame(GameSpec.builder().gameId("g").capacity(4).minPlayers(2).rounds(2)
          .lobbyTimeout(Duration.ofSeconds(20)).roundTimeout(Duration.ofSeconds(30)).build());
      aws.settle(); // the execution has read the game: its lobby timer would cancel it
      games.join("g", "p1");
      games.join("g", "p2");
      games.join("g", "p3");

      aws.advance(Duration.ofSeconds(20));
      assertThat(games.describe("g").status()).isEqualTo(GameStatus.RUNNING);
      aws.advance(Duration.ofSeconds(60));

      assertThat(games.describe("g").status()).isEqualTo(GameStatus.FINISHED);
      // A write whose condition finds the head changed is how the execution learns it read a stale
      // game (DynamoDB.ConditionalCheckFailedException, caught): anything else failing is a wait gone wrong.
      List<String> failures = aws.history("g").stream()
          .map(StaleHeadTest::failure)
          .filter(error -> error != null && !error.equals("DynamoDB.ConditionalCheckFailedException"))
          .collect(Collectors.toList());
      assertThat(failures).as("failed or timed-out tasks in the execution's history").isEmpty();
    }
  }

  /** The error of a failed or timed-out task or activity, or null for any other event. */
  private static String failure(HistoryEvent e) {
    switch (e.typeAsString()) {
      case "TaskFailed":
        return e.taskFailedEventDetails().error();
      case "ActivityFailed":
        return e.activityFailedEventDetails().error();
      case "TaskTimedOut":
      case "ActivityTimedOut":
        return e.typeAsString();
      default:
        return null;
    }
  }
}
