package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;

/**
 * With HeartbeatSeconds on the activity waits, the router heartbeats the tasks it stored, so a wait
 * outlives its heartbeat interval; without heartbeats the same wait times out. Time, heartbeats
 * included, moves only on the environment's manual clock.
 */
class HeartbeatTest {

  private static final int HEARTBEAT_SECONDS = 10;

  @Test
  void aHeartbeatedWaitOutlivesItsHeartbeatInterval() {
    AtomicInteger beats = new AtomicInteger();
    ExecutionInterceptor counter = new ExecutionInterceptor() {
      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof SendTaskHeartbeatRequest) {
          beats.incrementAndGet();
        }
      }
    };
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.ACTIVITIES)
        .heartbeatSeconds(HEARTBEAT_SECONDS).addInterceptor(counter).start()) {
      // the heartbeats run on the environment's manual clock: every 4 s of it
      AwsGameOrchestrator games = aws.orchestrator(b -> b.workerName("beating").heartbeat(Duration.ofSeconds(4)));
      games.createGame(GameSpec.builder().gameId("beat").capacity(2).lobbyTimeout(Duration.ofSeconds(60)).build());
      aws.settle();

      for (int i = 0; i < 4; i++) {
        aws.advance(Duration.ofSeconds(HEARTBEAT_SECONDS - 2));
      }

      assertThat(beats.get()).isGreaterThanOrEqualTo(7);
      assertThat(aws.history("beat")).noneMatch(e -> e.type() == HistoryEventType.ACTIVITY_TIMED_OUT);
      assertThat(games.describe("beat").status()).isEqualTo(GameStatus.LOBBY);
    }
  }

  @Test
  void withoutHeartbeatsTheWaitTimesOutAndIsIssuedAgain() {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.ACTIVITIES)
        .heartbeatSeconds(HEARTBEAT_SECONDS).start()) {
      AwsGameOrchestrator games = aws.orchestrator("silent");
      games.createGame(GameSpec.builder().gameId("silent").capacity(2).lobbyTimeout(Duration.ofSeconds(60)).build());
      aws.settle();

      aws.advance(Duration.ofSeconds(HEARTBEAT_SECONDS + 1));

      List<HistoryEvent> history = aws.history("silent");
      assertThat(history).anyMatch(e -> e.type() == HistoryEventType.ACTIVITY_TIMED_OUT);
      assertThat(history).filteredOn(e -> e.type() == HistoryEventType.ACTIVITY_SCHEDULED).hasSizeGreaterThan(1);
      assertThat(games.describe("silent").status()).isEqualTo(GameStatus.LOBBY);
      games.join("silent", "alice");
      games.join("silent", "bob");
      aws.settle();
      assertThat(games.describe("silent").currentRound()).isEqualTo(1);
    }
  }
}
