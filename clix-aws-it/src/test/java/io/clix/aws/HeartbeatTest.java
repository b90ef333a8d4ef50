package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;

/**
 * With HeartbeatSeconds on the activity waits, the router heartbeats the tasks it stored, so a wait
 * outlives its heartbeat interval; without heartbeats the same wait times out. Time moves on the
 * manual clock; the test only waits for heartbeat requests to have been sent, never for a timer.
 */
class HeartbeatTest {

  private static final int HEARTBEAT_SECONDS = 10;
  private static final ExecutionAttribute<Integer> SENT_AFTER = new ExecutionAttribute<>("clix.test.sentAfter");

  private static List<HistoryEvent> history(AwsStack aws, String gameId) {
    List<HistoryEvent> events = new ArrayList<>();
    aws.sfn.getExecutionHistoryPaginator(b -> b.executionArn(aws.executionArn(gameId))).events()
        .forEach(events::add);
    return events;
  }

  @Test
  void aHeartbeatedWaitOutlivesItsHeartbeatInterval() {
    // A heartbeat counts for the clock's current instant only if it was sent after the last advance:
    // one sent before it but answered after would re-arm the timer from the old instant.
    AtomicInteger advances = new AtomicInteger();
    AtomicInteger beatenAt = new AtomicInteger(-1);
    ExecutionInterceptor counter = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof SendTaskHeartbeatRequest) {
          attributes.putAttribute(SENT_AFTER, advances.get());
        }
      }

      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof SendTaskHeartbeatRequest) {
          beatenAt.accumulateAndGet(attributes.getAttribute(SENT_AFTER), Math::max);
        }
      }
    };
    try (AwsStack aws = new AwsStack(Correlation.ACTIVITIES, counter, HEARTBEAT_SECONDS)) {
      AwsGameOrchestrator games = aws.orchestrator("beating", aws.machineArn, 4, Duration.ofMillis(20));
      games.createGame(GameSpec.builder().gameId("beat").capacity(2).lobbyTimeout(Duration.ofSeconds(60)).build());
      aws.settle();

      for (int i = 0; i < 4; i++) {
        int advanced = advances.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> beatenAt.get() >= advanced);
        aws.stack.advance(Duration.ofSeconds(HEARTBEAT_SECONDS - 2));
        advances.incrementAndGet();
      }

      assertThat(history(aws, "beat")).noneMatch(e -> e.type() == HistoryEventType.ACTIVITY_TIMED_OUT);
      assertThat(games.describe("beat").status()).isEqualTo(GameStatus.LOBBY);
    }
  }

  @Test
  void withoutHeartbeatsTheWaitTimesOutAndIsIssuedAgain() {
    try (AwsStack aws = new AwsStack(Correlation.ACTIVITIES, new ExecutionInterceptor() { }, HEARTBEAT_SECONDS)) {
      AwsGameOrchestrator games = aws.orchestrator("silent");
      games.createGame(GameSpec.builder().gameId("silent").capacity(2).lobbyTimeout(Duration.ofSeconds(60)).build());
      aws.settle();

      aws.stack.advance(Duration.ofSeconds(HEARTBEAT_SECONDS + 1));
      aws.settle();

      List<HistoryEvent> history = history(aws, "silent");
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
