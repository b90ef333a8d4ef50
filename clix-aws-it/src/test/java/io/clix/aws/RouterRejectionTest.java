package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.local.junit5.ClixLocalEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The router fails, with SendTaskFailure and a clear error, every task it cannot file under its own
 * game: input that names no game, an unknown game, a waiting point the game is not at. The tasks
 * come from a one-state machine that hands its execution input to a shared activity as it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouterRejectionTest {

  private ClixLocalEnvironment aws;
  private AwsGameOrchestrator games;

  @BeforeAll
  void start() {
    aws = ClixLocalEnvironment.builder().correlation(Correlation.ACTIVITIES).start();
    games = aws.orchestrator("router");
    games.createGame(GameSpec.builder().gameId("in-lobby").capacity(3).rounds(3).build());
  }

  @AfterAll
  void stop() {
    aws.close();
  }

  private DescribeExecutionResponse runOn(String activityArn, ObjectNode input) {
    ObjectNode asl = JsonNodeFactory.instance.objectNode().put("StartAt", "Wait");
    asl.putObject("States").putObject("Wait").put("Type", "Task").put("Resource", activityArn).put("End", true);
    String machine = "raw-" + Math.abs(input.hashCode()) + "-" + activityArn.substring(activityArn.lastIndexOf('-') + 1);
    String arn = aws.createStateMachine(machine, asl.toString());
    String execution = aws.sfn().startExecution(b -> b.stateMachineArn(arn).input(input.toString())).executionArn();
    aws.settle();
    return aws.sfn().describeExecution(b -> b.executionArn(execution));
  }

  private static ObjectNode input(String gameId, String point) {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    if (gameId != null) {
      input.put("gameId", gameId);
    }
    if (point != null) {
      input.put("waitPoint", point);
    }
    return input;
  }

  @Test
  void aTaskNamingNoGameFailsWithBadTaskInput() {
    DescribeExecutionResponse failed = runOn(aws.activities().lobby(), input(null, "lobby").put("player", "x"));

    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Clix.BadTaskInput");
    assertThat(failed.cause()).contains("gameId");
  }

  @Test
  void aTaskNamingAnUnknownGameFailsWithUnknownGame() {
    DescribeExecutionResponse failed = runOn(aws.activities().lobby(), input("no-such-game", "lobby"));

    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Clix.UnknownGame");
    assertThat(failed.cause()).contains("no-such-game");
  }

  @Test
  void aTaskForARoundOfAGameInTheLobbyFailsWithWrongWaitPoint() {
    DescribeExecutionResponse failed = runOn(aws.activities().round(), input("in-lobby", "round-2"));

    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Clix.WrongWaitPoint");
    assertThat(failed.cause()).contains("in-lobby").contains("lobby").contains("round-2");
    assertThat(games.describe("in-lobby").status()).isEqualTo(GameStatus.LOBBY);
  }

  @Test
  void aRoundPointOnTheLobbyActivityFailsWithWrongWaitPoint() {
    DescribeExecutionResponse failed = runOn(aws.activities().lobby(), input("in-lobby", "round-1"));

    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Clix.WrongWaitPoint");
  }

  @Test
  void aMalformedPointFailsWithBadTaskInput() {
    DescribeExecutionResponse failed = runOn(aws.activities().round(), input("in-lobby", "round-zero"));

    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Clix.BadTaskInput");
    assertThat(failed.cause()).contains("waitPoint");
  }
}
