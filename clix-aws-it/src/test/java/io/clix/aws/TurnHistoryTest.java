package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.core.EventType;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.Limits;
import io.clix.core.PlayMode;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A TURNS game with the most turns a spec allows ({@link Limits#MAX_TURNS}: two players, 51 rounds), its players
 * moving early (each move moves the schedule's head within the round, so the execution finds it replaced when it
 * wakes) and now and then missing a turn, stays within the history budget the spec's validation counts: one wait
 * per turn.
 */
class TurnHistoryTest {

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void theLongestTurnsGameEndsWithinItsHistoryBudget(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      AwsGameOrchestrator games = aws.orchestrator("turns");
      Duration turn = Duration.ofSeconds(10);
      int rounds = Limits.MAX_TURNS / 2;
      games.createGame(GameSpec.builder().gameId("long-turns").capacity(2).minPlayers(2).rounds(rounds)
          .playMode(PlayMode.TURNS).turnTimeout(turn).lobbyTimeout(Duration.ofSeconds(5)).build());
      games.join("long-turns", "ann");
      games.join("long-turns", "bob");
      aws.settle();

      for (int i = 0; ; i++) {
        GameView view = games.describe("long-turns");
        if (view.status().isEnded()) {
          break;
        }
        if (i % 7 == 3) {
          aws.advance(turn); // this player sleeps through the turn
        } else {
          aws.advance(Duration.ofSeconds(2));
          games.submitMove("long-turns", view.turnPlayer().orElseThrow(), view.currentRound(), IntNode.valueOf(i));
          aws.settle();
        }
      }
      aws.advance(turn.multipliedBy(2));

      int events = aws.history("long-turns").size();
      int budget = (Limits.MAX_TURNS + 1) * Limits.MAX_HISTORY_EVENTS_PER_WAIT + 20;
      System.out.printf("history of a TURNS game of %d turns (%s): %d events, budget %d%n", rounds * 2, correlation,
          events, budget);
      assertThat(aws.executionStatus("long-turns")).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(games.describe("long-turns").status()).isEqualTo(GameStatus.FINISHED);
      assertThat(games.events("long-turns", 0)).filteredOn(e -> e.type() == EventType.TURN_ENDED).hasSize(rounds * 2);
      assertThat(events).isLessThanOrEqualTo(budget);
    }
  }
}
