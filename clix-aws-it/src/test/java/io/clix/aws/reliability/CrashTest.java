package io.clix.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.Correlation;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Backend instances that die mid-way: one that dies after a wait's token is stored but before the
 * wait is completed leaves the game to another instance, which finishes it (with no timer in
 * callbacks mode); a task router that dies holding a task lets the task time out (on the stack's
 * manual clock), and the game goes on from the state Clix recorded.
 */
class CrashTest {

  private static final Duration LOBBY = Duration.ofSeconds(60);
  private static final Duration ROUND = Duration.ofSeconds(300);
  /** Longer than the timer activity task's TimeoutSeconds (300). */
  private static final Duration TIMER_TASK = Duration.ofSeconds(301);

  private static GameSpec spec(String id) {
    return GameSpec.builder().gameId(id).capacity(2).rounds(1).lobbyTimeout(LOBBY).roundTimeout(ROUND).build();
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void anotherInstanceFinishesTheGameOfAnInstanceThatDiedAfterTheTokenWasStored(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start(); FaultProxy toA = new FaultProxy(aws.stack().endpoint())) {
      AwsGameOrchestrator a = aws.adopt(aws.closeWith(AwsClients.at(toA.endpoint(), AwsClients.Options.plain()))
          .apply(aws.orchestratorBuilder()).workerName("a").build());
      a.createGame(spec("orphan"));
      a.join("orphan", "alice");
      aws.settle();
      Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
          .until(() -> waitPoint(aws, "orphan"), "lobby"::equals);
      if (correlation == Correlation.CALLBACKS) {
        // A's join fills the lobby and lands; A dies before it can complete the lobby wait.
        toA.darkAfter("TransactWriteItems");
        a.join("orphan", "bob");
      } else {
        // A's router stored the lobby token; A dies with it.
        toA.dark(true);
      }
      a.close();
      aws.forget(a);

      AwsGameOrchestrator b = aws.orchestrator("b");
      b.join("orphan", "bob");
      b.submitMove("orphan", "alice", 1, IntNode.valueOf(1));
      b.submitMove("orphan", "bob", 1, IntNode.valueOf(2));
      aws.settle();

      assertThat(b.describe("orphan").status()).isEqualTo(GameStatus.FINISHED);
      if (correlation == Correlation.ACTIVITIES) {
        // A's long polls outlive it on the service and swallow the next tasks they are handed (as
        // on AWS): those waits end at their timeouts, on the manual clock.
        aws.advance(ROUND.plusSeconds(1));
        aws.advance(TIMER_TASK);
      }
      assertThat(aws.executionStatus("orphan")).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(types(b.events("orphan", 0))).containsExactly(EventType.GAME_CREATED, EventType.PLAYER_JOINED,
          EventType.PLAYER_JOINED, EventType.GAME_STARTED, EventType.ROUND_OPENED, EventType.MOVE_ACCEPTED,
          EventType.MOVE_ACCEPTED, EventType.ROUND_CLOSED, EventType.GAME_FINISHED);
    }
  }

  @Test
  void aTaskHeldByADeadRouterTimesOutAndTheGameGoesOn() {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.ACTIVITIES).start()) {
      AwsGameOrchestrator creator = aws.orchestrator(b -> b.routerWorkers(0));
      // A's router takes tasks but cannot reach DynamoDB: it holds the lobby task and dies with it.
      AwsClients dead = aws.closeWith(AwsClients.at(URI.create("http://127.0.0.1:1"), new AwsClients.Options(1, null)));
      AwsGameOrchestrator a = aws.orchestrator(b -> b.workerName("a").dynamoDbClient(dead.dynamoDb)
          .dynamoDbAsyncClient(dead.dynamoDbAsync));
      creator.createGame(spec("held"));
      creator.join("held", "alice");
      aws.settle();
      assertThat(waitPoint(aws, "held")).as("no token stored: the task died with router A").isNull();
      a.close();
      aws.forget(a);

      AwsGameOrchestrator b = aws.orchestrator("b");
      b.join("held", "bob");
      aws.settle();
      assertThat(b.describe("held").status()).isEqualTo(GameStatus.RUNNING);
      assertThat(lobbyWaitOpen(aws, "held")).as("the execution still waits on the lost lobby task").isTrue();

      aws.advance(LOBBY.plusSeconds(1));
      assertThat(lobbyWaitOpen(aws, "held")).as("the lost task timed out").isFalse();
      b.submitMove("held", "alice", 1, IntNode.valueOf(1));
      b.submitMove("held", "bob", 1, IntNode.valueOf(2));
      aws.advance(ROUND.plusSeconds(1));
      aws.advance(TIMER_TASK);

      assertThat(aws.executionStatus("held")).isEqualTo(ExecutionStatus.SUCCEEDED);
      List<GameEvent> events = b.events("held", 0);
      assertThat(types(events)).containsExactly(EventType.GAME_CREATED, EventType.PLAYER_JOINED,
          EventType.PLAYER_JOINED, EventType.GAME_STARTED, EventType.ROUND_OPENED, EventType.MOVE_ACCEPTED,
          EventType.MOVE_ACCEPTED, EventType.ROUND_CLOSED, EventType.GAME_FINISHED);
      assertThat(events.get(7).data().path("trigger").asText()).isEqualTo("allMoved");
    }
  }

  private static List<EventType> types(List<GameEvent> events) {
    return events.stream().map(GameEvent::type).toList();
  }

  /** True while the execution's first activity task (the lobby wait) has not closed. */
  private static boolean lobbyWaitOpen(ClixLocalEnvironment aws, String gameId) {
    return aws.history(gameId).stream().noneMatch(e -> e.type() == HistoryEventType.ACTIVITY_SUCCEEDED
        || e.type() == HistoryEventType.ACTIVITY_FAILED || e.type() == HistoryEventType.ACTIVITY_TIMED_OUT
        // the lobby's clock branch ended the wait (and the task with it) at the lobby's deadline
        || (e.stateEnteredEventDetails() != null && "Due".equals(e.stateEnteredEventDetails().name())));
  }

  /** The waiting point whose token the game's item holds (read straight from the table). */
  static String waitPoint(ClixLocalEnvironment aws, String gameId) {
    Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.deployment().tableName()).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(gameId), "sk", AttributeValue.fromN("0")))
        .projectionExpression("waitPoint")).item();
    AttributeValue wp = item.get("waitPoint");
    return wp == null ? null : wp.s();
  }
}
