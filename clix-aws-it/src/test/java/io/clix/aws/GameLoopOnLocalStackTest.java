package io.clix.aws;

import static io.clix.aws.GameLoopRun.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import io.clix.local.junit5.LocalStackOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/**
 * The generated definition run by the local stack's Step Functions against its DynamoDB, with the
 * backend's part played by the test: every wait, timer and catch of the game loop, time moved only
 * by {@link LocalStack#advance}.
 */
@ExtendWith(LocalStackExtension.class)
@LocalStackOptions(stackPerMethod = true)
class GameLoopOnLocalStackTest {

  private static final ActivityArns ARNS = new ActivityArns(
      "arn:aws:states:us-east-1:123456789012:activity:v-lobby",
      "arn:aws:states:us-east-1:123456789012:activity:v-round",
      "arn:aws:states:us-east-1:123456789012:activity:v-timers");

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void theDefinitionValidates(Correlation correlation, SfnClient sfn) {
    for (StateMachineDefinition definition : new StateMachineDefinition[] {
        StateMachineDefinition.builder().correlation(correlation).tableName("games").activities(ARNS).build(),
        StateMachineDefinition.builder().correlation(correlation).tableName("games").activities(ARNS)
            .heartbeatSeconds(20).timerTaskTimeoutSeconds(60).build()}) {
      ValidateStateMachineDefinitionResponse result =
          sfn.validateStateMachineDefinition(r -> r.definition(definition.toJsonString()).type("STANDARD"));

      assertThat(result.diagnostics()).isEmpty();
      assertThat(result.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    }
  }

  @Test
  void callbacksCarryAGameFromLobbyThroughEveryDeadlineToTheEndWithNoBackend(
      LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb, ClixProvisioner.builder().activityPrefix("cb").tableName("cb-games"));
    Instant t0 = stack.clock().instant();
    run.putGame("g1", "LOBBY", 0,
        tick("lobby", t0.plusSeconds(20), "RUNNING", 1, "round-1"),
        tick("round-1", t0.plusSeconds(50), "RUNNING", 2, "round-2"),
        tick("round-2", t0.plusSeconds(80), "FINISHED", 0, "end"));
    String execution = run.start("g1", 20, 30);
    Map<String, AttributeValue> lobby = run.game("g1");
    assertThat(lobby.get("waitPoint").s()).isEqualTo("lobby");
    assertThat(lobby.get("waitToken").s()).isNotBlank();

    stack.advance(Duration.ofSeconds(200)); // one jump: each wait is due at its announced instant

    Map<String, AttributeValue> game = run.game("g1");
    assertThat(game.get("status").s()).isEqualTo("FINISHED");
    assertThat(game.get("round").n()).isEqualTo("0");
    assertThat(game.get("point").s()).isEqualTo("end");
    assertThat(game.get("schedule").l()).isEmpty();
    assertThat(game.get("fired").m()).containsOnlyKeys("lobby", "round-1", "round-2");
    assertThat(Instant.parse(game.get("fired").m().get("lobby").s())).isEqualTo(t0.plusSeconds(20));
    assertThat(Instant.parse(game.get("fired").m().get("round-1").s())).isEqualTo(t0.plusSeconds(50));
    assertThat(Instant.parse(game.get("fired").m().get("round-2").s())).isEqualTo(t0.plusSeconds(80));
    assertThat(run.enteredStates(execution)).containsSubsequence("Sync", "Route", "Lobby", "Due", "Fire",
        "Sync", "Route", "Clock", "Due", "Fire", "Sync", "Route", "Clock", "Due", "Fire", "Sync", "Route", "LastTimer");

    GetActivityTaskResponse timer = run.takeTask(run.deployment.activities().timers());
    assertThat(GameLoopRun.json(timer.input())).isEqualTo(GameLoopRun.json("{\"gameId\":\"g1\",\"timer\":\"round-2\"}"));
    run.succeed(timer.taskToken(), "{}");
    assertThat(run.status(execution)).isEqualTo("SUCCEEDED");
    assertThat(run.enteredStates(execution)).endsWith("LastTimer", "Done");
  }

  @Test
  void theLobbyTimeoutFiresAtItsAnnouncedInstantThoughTheWaitWasIssuedAgain(
      LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb,
        ClixProvisioner.builder().activityPrefix("act").tableName("act-games").correlation(Correlation.ACTIVITIES));
    Instant deadline = stack.clock().instant().plusSeconds(20);
    run.putGame("g2", "LOBBY", 0, tick("lobby", deadline, "CANCELLED", 0, "end"));
    String execution = run.start("g2", 20, 30);
    GetActivityTaskResponse wait = run.takeTask(run.deployment.activities().lobby());
    assertThat(GameLoopRun.json(wait.input())).isEqualTo(GameLoopRun.json("{\"gameId\":\"g2\",\"waitPoint\":\"lobby\"}"));

    stack.advance(Duration.ofSeconds(12));
    sfn.sendTaskFailure(r -> r.taskToken(wait.taskToken()).error("Clix.WrongWaitPoint").cause("not yet"));
    stack.awaitIdle();
    GetActivityTaskResponse held = run.takeTask(run.deployment.activities().lobby()); // a poller that never answers
    stack.advance(Duration.ofSeconds(7));
    assertThat(run.game("g2").get("fired").m()).isEmpty();
    stack.advance(Duration.ofSeconds(1));

    assertThat(Instant.parse(run.game("g2").get("fired").m().get("lobby").s())).isEqualTo(deadline);
    assertThat(run.game("g2").get("status").s()).isEqualTo("CANCELLED");
    GetActivityTaskResponse timer = run.takeTask(run.deployment.activities().timers());
    assertThat(GameLoopRun.json(timer.input())).isEqualTo(GameLoopRun.json("{\"gameId\":\"g2\",\"timer\":\"lobby\"}"));
    run.succeed(timer.taskToken(), "{}");
    assertThat(run.status(execution)).isEqualTo("SUCCEEDED");
    assertThat(held.taskToken()).isNotEqualTo(wait.taskToken());
  }

  @Test
  void aLostWakeUpFromTheLobbyStillLeavesTimeForRoundOnesDeadline(
      LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb, ClixProvisioner.builder().activityPrefix("lw").tableName("lw-games"));
    Instant t0 = stack.clock().instant();
    run.putGame("g3", "LOBBY", 0, tick("lobby", t0.plusSeconds(300), "CANCELLED", 0, "end"));
    String execution = run.start("g3", 300, 30);

    stack.advance(Duration.ofSeconds(5));
    // A backend starts the game (round 1 due at +35) and dies before waking the execution.
    run.moveGame("g3", "RUNNING", 1, tick("round-1", t0.plusSeconds(35), "FINISHED", 0, "end"));
    stack.advance(Duration.ofSeconds(29));
    assertThat(run.game("g3").get("fired").m()).isEmpty();
    stack.advance(Duration.ofSeconds(1));

    assertThat(Instant.parse(run.game("g3").get("fired").m().get("round-1").s())).isEqualTo(t0.plusSeconds(35));
    assertThat(run.game("g3").get("status").s()).isEqualTo("FINISHED");
    assertThat(run.enteredStates(execution)).containsSubsequence("Lobby", "Sync", "Route", "Clock", "Due", "Fire");
  }

  @Test
  void aMissedHeartbeatIssuesTheWaitAgainWithoutFiringTheTimer(LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb, ClixProvisioner.builder()
        .activityPrefix("hb").tableName("hb-games").correlation(Correlation.ACTIVITIES).heartbeatSeconds(10));
    run.putGame("g4", "LOBBY", 0, tick("lobby", stack.clock().instant().plusSeconds(60), "CANCELLED", 0, "end"));
    String execution = run.start("g4", 60, 30);
    String first = run.takeTask(run.deployment.activities().lobby()).taskToken();

    stack.advance(Duration.ofSeconds(10));

    GetActivityTaskResponse again = run.takeTask(run.deployment.activities().lobby());
    assertThat(again.taskToken()).isNotEqualTo(first);
    assertThat(GameLoopRun.json(again.input()).path("waitPoint").asText()).isEqualTo("lobby");
    assertThat(run.game("g4").get("fired").m()).isEmpty();
    assertThat(run.enteredStates(execution)).doesNotContain("Fire");
  }

  @Test
  void aBackendWriteBeforeTheDeadlineMovesTheWaitToTheNewHeadAndNoStaleTimerFires(
      LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb, ClixProvisioner.builder().activityPrefix("nh").tableName("nh-games"));
    Instant t0 = stack.clock().instant();
    run.putGame("g5", "RUNNING", 1, tick("round-1", t0.plusSeconds(30), "RUNNING", 2, "round-2"),
        tick("round-2", t0.plusSeconds(60), "FINISHED", 0, "end"));
    String execution = run.start("g5", 20, 30);

    stack.advance(Duration.ofSeconds(10));
    run.moveGame("g5", "RUNNING", 2, tick("round-2", t0.plusSeconds(40), "FINISHED", 0, "end"));
    stack.advance(Duration.ofSeconds(30));

    Map<String, AttributeValue> game = run.game("g5");
    assertThat(game.get("fired").m()).containsOnlyKeys("round-2");
    assertThat(Instant.parse(game.get("fired").m().get("round-2").s())).isEqualTo(t0.plusSeconds(40));
    assertThat(game.get("status").s()).isEqualTo("FINISHED");
    assertThat(run.enteredStates(execution)).containsSubsequence("Clock", "Due", "Fire", "Sync", "Route", "Clock",
        "Due", "Fire");
  }

  @Test
  void aGameEndedByABackendEndsItsExecutionByItsOldDeadlineAndBadItemsFailClearly(
      LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb, ClixProvisioner.builder().activityPrefix("rs").tableName("rs-games"));
    run.putGame("g6", "RUNNING", 2, tick("round-2", stack.clock().instant().plusSeconds(30), "FINISHED", 0, "end"));
    String execution = run.start("g6", 20, 30);
    run.moveGame("g6", "FINISHED", 0);
    stack.advance(Duration.ofSeconds(30));
    assertThat(run.status(execution)).isEqualTo("SUCCEEDED");
    assertThat(run.game("g6").get("fired").m()).isEmpty();
    assertThat(run.enteredStates(execution)).endsWith("Fire", "Sync", "Route", "Done");

    String missing = run.start("nobody", 20, 30);
    assertThat(run.status(missing)).isEqualTo("FAILED");
    assertThat(sfn.describeExecution(r -> r.executionArn(missing)).error()).isEqualTo("Clix.UnknownGame");
    run.putGame("old", "RUNNING", 1);
    String unscheduled = run.start("old", 20, 30);
    assertThat(run.status(unscheduled)).isEqualTo("FAILED");
    assertThat(sfn.describeExecution(r -> r.executionArn(unscheduled)).error()).isEqualTo("Clix.BadGameItem");
  }
}
