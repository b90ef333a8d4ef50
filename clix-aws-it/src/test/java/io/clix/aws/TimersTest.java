package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.internal.GameRules;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Lobby timeouts and round deadlines are Step Functions timers on the local stack's manual clock:
 * the test moves time with {@code stack.advance(...)}, never by sleeping.
 */
class TimersTest {

  private static final Duration LOBBY = Duration.ofSeconds(40);
  private static final Duration ROUND = Duration.ofSeconds(25);

  private static GameSpec spec(String id, int capacity, int min) {
    return GameSpec.builder().gameId(id).capacity(capacity).minPlayers(min).rounds(2)
        .lobbyTimeout(LOBBY).roundTimeout(ROUND).build();
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void atTheLobbyTimeoutTheGameStartsWhenTheMinimumIsMet(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      AwsGameOrchestrator games = aws.orchestrator("timers");
      GameView created = games.createGame(spec("min-met", 4, 2));
      games.join("min-met", "alice");
      games.join("min-met", "bob");
      aws.settle();

      aws.stack().advance(LOBBY.minusSeconds(1));
      aws.settle();
      assertThat(games.describe("min-met").status()).isEqualTo(GameStatus.LOBBY);
      aws.stack().advance(Duration.ofSeconds(1));
      aws.settle();

      GameView view = games.describe("min-met");
      assertThat(view.status()).isEqualTo(GameStatus.RUNNING);
      assertThat(view.startedAt()).contains(created.createdAt().plus(LOBBY));
      assertThat(view.roundDeadline()).contains(created.createdAt().plus(LOBBY).plus(ROUND));
      GameEvent started = only(games.events("min-met", 0), EventType.GAME_STARTED);
      assertThat(started.data().path("trigger").asText()).isEqualTo(GameRules.LOBBY_TIMEOUT);
    }
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void atTheLobbyTimeoutTheGameIsCancelledBelowTheMinimum(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      AwsGameOrchestrator games = aws.orchestrator("timers");
      games.createGame(spec("min-missed", 4, 3));
      games.join("min-missed", "alice");
      aws.settle();

      aws.stack().advance(LOBBY);
      aws.settle();

      GameView view = games.describe("min-missed");
      assertThat(view.status()).isEqualTo(GameStatus.CANCELLED);
      assertThat(view.cancelReason()).contains(GameRules.LOBBY_TIMEOUT_REASON);
      assertThat(aws.executionStatus("min-missed")).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void atTheRoundDeadlineTheRoundClosesWithTheMissingMoves(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      AwsGameOrchestrator games = aws.orchestrator("timers");
      games.createGame(spec("deadline", 2, 2));
      games.join("deadline", "alice");
      Instant opened = games.join("deadline", "bob").game().startedAt().orElseThrow();
      games.submitMove("deadline", "alice", 1, IntNode.valueOf(7));
      aws.settle();

      aws.stack().advance(ROUND.minusSeconds(1));
      aws.settle();
      assertThat(games.describe("deadline").currentRound()).isEqualTo(1);
      aws.stack().advance(Duration.ofSeconds(1));
      aws.settle();

      assertThat(games.describe("deadline").currentRound()).isEqualTo(2);
      GameEvent closed = only(games.events("deadline", 0), EventType.ROUND_CLOSED);
      assertThat(closed.time()).isEqualTo(opened.plus(ROUND));
      assertThat(closed.data().path("missing")).hasSize(1);
      assertThat(closed.data().path("missing").get(0).asText()).isEqualTo("bob");
      assertThat(closed.data().path("moves").path("alice").asInt()).isEqualTo(7);

      aws.stack().advance(ROUND);
      aws.settle();
      assertThat(games.describe("deadline").status()).isEqualTo(GameStatus.FINISHED);
      assertThat(aws.executionStatus("deadline")).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @Test
  void aFiredTimerShowsOnTheNextReadEvenWithNoRouterRunning() {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.CALLBACKS).start()) {
      AwsGameOrchestrator games = aws.orchestrator(b -> b.routerWorkers(0));
      games.createGame(spec("lazy", 4, 2));
      games.join("lazy", "alice");
      aws.stack().awaitIdle();

      aws.stack().advance(LOBBY);

      GameView view = games.describe("lazy");
      assertThat(view.status()).isEqualTo(GameStatus.CANCELLED);
      assertThat(view.endedAt()).contains(view.createdAt().plus(LOBBY));
      assertThat(aws.executionStatus("lazy")).isEqualTo(ExecutionStatus.RUNNING);
    }
  }

  private static GameEvent only(List<GameEvent> events, EventType type) {
    List<GameEvent> matching = events.stream().filter(e -> e.type() == type).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }
}
