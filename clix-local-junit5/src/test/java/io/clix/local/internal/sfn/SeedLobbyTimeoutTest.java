package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.describe;
import static io.clix.local.internal.sfn.SfnFixture.history;
import static io.clix.local.internal.sfn.SfnFixture.json;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static io.clix.local.internal.sfn.SfnFixture.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The seed's own state machine: a WaitingForPlayers Task on one shared JoinGame activity with
 * TimeoutSeconds 20, two executions; one task is answered, the other times out when the manual
 * clock passes 20 seconds, in milliseconds of wall time.
 */
@ExtendWith(LocalStackExtension.class)
class SeedLobbyTimeoutTest {

  @Test
  void unansweredLobbyTimesOutWhenTheClockPassesTwentySeconds(LocalStack stack, SfnClient sfn) {
    String activityArn = sfn.createActivity(b -> b.name("JoinGame")).activityArn();
    assertThat(activityArn).isEqualTo("arn:aws:states:us-east-1:123456789012:activity:JoinGame");
    String machineArn = SfnFixture.machine(sfn, "GameStateMachine", q("{'StartAt':'WaitingForPlayers','States':{"
        + "'WaitingForPlayers':{'Type':'Task','Resource':'" + activityArn + "','TimeoutSeconds':20,'End':true}}}"));
    String game1 = sfn.startExecution(b -> b.stateMachineArn(machineArn).name("game-1").input("{\"gameId\":\"g1\"}"))
        .executionArn();
    String game2 = sfn.startExecution(b -> b.stateMachineArn(machineArn).name("game-2").input("{\"gameId\":\"g2\"}"))
        .executionArn();
    assertThat(game1).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:GameStateMachine:game-1");
    stack.awaitIdle();

    GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activityArn).workerName("player-1"));
    assertThat(json(task.input()).path("gameId").asText()).isEqualTo("g1");
    sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"joined\":true}"));
    stack.awaitIdle();
    assertThat(describe(sfn, game1).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(describe(sfn, game1).output()).isEqualTo("{\"joined\":true}");

    stack.advance(Duration.ofSeconds(19));
    assertThat(describe(sfn, game2).status()).isEqualTo(ExecutionStatus.RUNNING);
    long before = System.nanoTime();
    stack.advance(Duration.ofSeconds(1));
    long micros = (System.nanoTime() - before) / 1_000;
    System.out.println("advance(1 s) over the 20 s timeout took " + micros + " µs of wall time");
    assertThat(micros).as("wall time of the timeout, µs").isLessThan(50_000);

    var failed = describe(sfn, game2);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("States.Timeout");
    assertThat(failed.stopDate()).isEqualTo(failed.startDate().plusSeconds(20));

    assertThat(types(sfn, game1)).containsExactly("ExecutionStarted", "TaskStateEntered", "ActivityScheduled",
        "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded");
    List<HistoryEvent> events = history(sfn, game2);
    assertThat(events).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
        "TaskStateEntered", "ActivityScheduled", "ActivityTimedOut", "ExecutionFailed");
    assertThat(events).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(events).extracting(HistoryEvent::previousEventId).containsExactly(0L, 0L, 2L, 3L, 4L);
    assertThat(events.get(2).activityScheduledEventDetails().resource()).isEqualTo(activityArn);
    assertThat(events.get(2).activityScheduledEventDetails().timeoutInSeconds()).isEqualTo(20L);
    assertThat(json(events.get(2).activityScheduledEventDetails().input()).path("gameId").asText()).isEqualTo("g2");
    assertThat(events.get(3).activityTimedOutEventDetails().error()).isEqualTo("States.Timeout");
    assertThat(events.get(4).executionFailedEventDetails().error()).isEqualTo("States.Timeout");
    assertThat(events.get(3).timestamp()).isEqualTo(events.get(0).timestamp().plusSeconds(20));

    List<HistoryEvent> answered = history(sfn, game1);
    assertThat(answered.get(3).activityStartedEventDetails().workerName()).isEqualTo("player-1");
    assertThat(answered.get(4).activitySucceededEventDetails().output()).isEqualTo("{\"joined\":true}");
  }
}
