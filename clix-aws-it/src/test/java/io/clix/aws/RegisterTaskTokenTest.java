package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.ClixJson;
import io.clix.core.GameNotFoundException;
import io.clix.core.GameSpec;
import io.clix.core.GameStateException;
import io.clix.core.InvalidRequestException;
import io.clix.local.junit5.ClixLocalEnvironment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;

/**
 * Users with their own state machines hand Clix the task tokens of their waits with {@code
 * registerTaskToken}: the token is kept under that game and point, and completed by the write that
 * moves the game on (or at once if the game has already moved on).
 */
class RegisterTaskTokenTest {

  /** A user's machine: one task on an activity of their own, which their worker polls. */
  private static String userMachine(ClixLocalEnvironment aws, String name, String activityArn) {
    ObjectNode asl = JsonNodeFactory.instance.objectNode().put("StartAt", "WaitForLobby");
    asl.putObject("States").putObject("WaitForLobby").put("Type", "Task").put("Resource", activityArn)
        .put("End", true);
    return aws.createStateMachine(name, asl.toString());
  }

  /** The user's worker: takes one task of the activity and registers it under the game its input names. */
  private static String registerNext(ClixLocalEnvironment aws, AwsGameOrchestrator games, String activity) throws Exception {
    GetActivityTaskResponse task = aws.sfn().getActivityTask(b -> b.activityArn(activity).workerName("user"));
    String gameId = ClixJson.mapper().readTree(task.input()).path("gameId").asText();
    games.registerTaskToken(gameId, "lobby", task.taskToken());
    return gameId;
  }

  @Test
  void aRegisteredTokenIsCompletedWhenItsGameLeavesThePoint() throws Exception {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.CALLBACKS).start()) {
      String activity = aws.sfn().createActivity(b -> b.name("user-lobby")).activityArn();
      String machine = userMachine(aws, "user-machine", activity);
      AwsGameOrchestrator games = aws.orchestrator(b -> b.stateMachineArn(machine).routerWorkers(0));
      games.createGame(GameSpec.builder().gameId("mine").capacity(2).build());
      games.createGame(GameSpec.builder().gameId("other").capacity(2).build());
      aws.stack().awaitIdle();
      assertThat(java.util.List.of(registerNext(aws, games, activity), registerNext(aws, games, activity)))
          .containsExactlyInAnyOrder("mine", "other");

      games.join("other", "x");
      games.join("other", "y");
      aws.settle();
      assertThat(status(aws, "user-machine", "mine").status()).isEqualTo(ExecutionStatus.RUNNING);
      DescribeExecutionResponse other = status(aws, "user-machine", "other");
      assertThat(other.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(ClixJson.mapper().readTree(other.output()).path("gameId").asText()).isEqualTo("other");
      games.join("mine", "alice");
      games.join("mine", "bob");
      aws.settle();

      DescribeExecutionResponse mine = status(aws, "user-machine", "mine");
      assertThat(mine.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(ClixJson.mapper().readTree(mine.output()).path("gameId").asText()).isEqualTo("mine");
    }
  }

  @Test
  void aTokenForAPointTheGameHasPassedIsCompletedAtOnce() throws Exception {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.CALLBACKS).start()) {
      String activity = aws.sfn().createActivity(b -> b.name("user-late")).activityArn();
      AwsGameOrchestrator games = aws.orchestrator(
          b -> b.stateMachineArn(userMachine(aws, "user-late", activity)).routerWorkers(0));
      games.createGame(GameSpec.builder().gameId("started").capacity(2).rounds(3).build());
      games.join("started", "alice");
      games.join("started", "bob");
      aws.stack().awaitIdle();

      assertThat(registerNext(aws, games, activity)).isEqualTo("started");
      aws.stack().awaitIdle();

      assertThat(status(aws, "user-late", "started").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @Test
  void aPointTheGameNeverWaitsAtOrAnUnknownGameIsRefused() {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.CALLBACKS).start()) {
      AwsGameOrchestrator games = aws.orchestrator("user");
      games.createGame(GameSpec.builder().gameId("lobby-only").capacity(2).rounds(2).build());

      assertThatThrownBy(() -> games.registerTaskToken("lobby-only", "round-2", "token-value-1"))
          .isInstanceOf(GameStateException.class).hasMessageNotContaining("token-value-1");
      assertThatThrownBy(() -> games.registerTaskToken("nope", "lobby", "token-value-2"))
          .isInstanceOf(GameNotFoundException.class).hasMessageNotContaining("token-value-2");
      assertThatThrownBy(() -> games.registerTaskToken("lobby-only", "round-x", "token-value-3"))
          .isInstanceOf(InvalidRequestException.class).hasMessageNotContaining("token-value-3");
    }
  }

  private static DescribeExecutionResponse status(ClixLocalEnvironment aws, String machine, String gameId) {
    return aws.sfn().describeExecution(b -> b.executionArn(aws.executionArn(machine, gameId)));
  }
}
