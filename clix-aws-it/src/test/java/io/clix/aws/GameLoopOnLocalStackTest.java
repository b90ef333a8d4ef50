package io.clix.aws;

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
  void callbacksCarryAGameFromLobbyThroughATimedOutRoundToTheEnd(LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb, ClixProvisioner.builder().activityPrefix("cb").tableName("cb-games"));
    run.putGame("g1", "LOBBY", 0);
    String execution = run.start("g1", 20, 30);

    Map<String, AttributeValue> lobby = run.game("g1");
    assertThat(lobby.get("waitPoint").s()).isEqualTo("lobby");
    String lobbyToken = lobby.get("waitToken").s();
    assertThat(lobbyToken).isNotBlank();

    run.moveGame("g1", "RUNNING", 1);
    run.succeed(lobbyToken, "{\"status\":\"RUNNING\",\"round\":1}");
    Map<String, AttributeValue> round = run.game("g1");
    assertThat(round.get("waitPoint").s()).isEqualTo("round-1");
    assertThat(round.get("waitToken").s()).isNotEqualTo(lobbyToken);

    Instant deadline = stack.clock().instant().plusSeconds(30);
    stack.advance(Duration.ofSeconds(30));
    assertThat(Instant.parse(run.game("g1").get("fired").m().get("round-1").s())).isEqualTo(deadline);
    GetActivityTaskResponse timer = run.takeTask(run.deployment.activities().timers());
    assertThat(GameLoopRun.json(timer.input())).isEqualTo(GameLoopRun.json("{\"gameId\":\"g1\",\"timer\":\"round-1\"}"));

    // No backend folded the marker yet: the round is still open, so the loop waits without a second timer.
    run.succeed(timer.taskToken(), "{}");
    String afterTimerToken = run.game("g1").get("waitToken").s();
    stack.advance(Duration.ofDays(2));
    assertThat(run.game("g1").get("waitToken").s()).isEqualTo(afterTimerToken);
    assertThat(run.enteredStates(execution)).containsSubsequence(
        "Sync", "Route", "Lobby", "Sync", "Route", "RoundCheck", "RoundRoute", "Round",
        "RoundTimer", "Timer", "Sync", "Route", "RoundCheck", "RoundRoute", "RoundAfterTimer");

    run.moveGame("g1", "FINISHED", 0);
    run.succeed(afterTimerToken, "{\"status\":\"FINISHED\",\"round\":0}");
    assertThat(run.status(execution)).isEqualTo("SUCCEEDED");
    assertThat(run.enteredStates(execution)).endsWith("Sync", "Route", "Done");
  }

  @Test
  void aLobbyTimeoutRecordsWhenItFiredAndAnnouncesItOnTheTimerActivity(LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb,
        ClixProvisioner.builder().activityPrefix("act").tableName("act-games").correlation(Correlation.ACTIVITIES));
    run.putGame("g2", "LOBBY", 0);
    Instant deadline = stack.clock().instant().plusSeconds(20);
    String execution = run.start("g2", 20, 30);

    GetActivityTaskResponse wait = run.takeTask(run.deployment.activities().lobby());
    assertThat(GameLoopRun.json(wait.input())).isEqualTo(GameLoopRun.json("{\"gameId\":\"g2\",\"waitPoint\":\"lobby\"}"));

    stack.advance(Duration.ofSeconds(20));
    assertThat(Instant.parse(run.game("g2").get("fired").m().get("lobby").s())).isEqualTo(deadline);
    GetActivityTaskResponse timer = run.takeTask(run.deployment.activities().timers());
    assertThat(GameLoopRun.json(timer.input())).isEqualTo(GameLoopRun.json("{\"gameId\":\"g2\",\"timer\":\"lobby\"}"));

    run.moveGame("g2", "CANCELLED", 0);
    run.succeed(timer.taskToken(), "{}");
    assertThat(run.status(execution)).isEqualTo("SUCCEEDED");
    assertThat(run.enteredStates(execution))
        .containsSubsequence("Lobby", "LobbyTimer", "Timer", "Sync", "Route", "Done");
  }

  @Test
  void whenNoBackendAnswersTheTimerTheMarkerStaysAndTheWaitGoesOnUntimed(
      LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb,
        ClixProvisioner.builder().activityPrefix("nb").tableName("nb-games").timerTaskTimeoutSeconds(300));
    run.putGame("g7", "LOBBY", 0);
    String execution = run.start("g7", 20, 30);
    String lobbyToken = run.game("g7").get("waitToken").s();

    stack.advance(Duration.ofSeconds(20));
    String fired = run.game("g7").get("fired").m().get("lobby").s();
    stack.advance(Duration.ofSeconds(300));

    Map<String, AttributeValue> game = run.game("g7");
    assertThat(game.get("fired").m().get("lobby").s()).isEqualTo(fired);
    assertThat(game.get("waitPoint").s()).isEqualTo("lobby");
    assertThat(game.get("waitToken").s()).isNotEqualTo(lobbyToken);
    assertThat(run.enteredStates(execution)).containsExactly(
        "Sync", "Route", "Lobby", "LobbyTimer", "Timer", "Sync", "Route", "LobbyAfterTimer");
    assertThat(run.status(execution)).isEqualTo("RUNNING");
  }

  @Test
  void aMissedHeartbeatIssuesTheWaitAgainInsteadOfFiringTheTimer(LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb, ClixProvisioner.builder()
        .activityPrefix("hb").tableName("hb-games").correlation(Correlation.ACTIVITIES).heartbeatSeconds(10));
    run.putGame("g3", "LOBBY", 0);
    String execution = run.start("g3", 60, 30);
    String first = run.takeTask(run.deployment.activities().lobby()).taskToken();

    stack.advance(Duration.ofSeconds(10));

    GetActivityTaskResponse again = run.takeTask(run.deployment.activities().lobby());
    assertThat(again.taskToken()).isNotEqualTo(first);
    assertThat(GameLoopRun.json(again.input()).path("waitPoint").asText()).isEqualTo("lobby");
    assertThat(run.game("g3").get("fired").m()).isEmpty();
    assertThat(run.enteredStates(execution)).doesNotContain("LobbyTimer");
  }

  @Test
  void aWrongWaitPointFailureSendsTheExecutionBackToSync(LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb,
        ClixProvisioner.builder().activityPrefix("wp").tableName("wp-games").correlation(Correlation.ACTIVITIES));
    run.putGame("g4", "LOBBY", 0);
    String execution = run.start("g4", 60, 30);
    String lobbyToken = run.takeTask(run.deployment.activities().lobby()).taskToken();

    run.moveGame("g4", "RUNNING", 1);
    sfn.sendTaskFailure(r -> r.taskToken(lobbyToken).error("Clix.WrongWaitPoint").cause("game g4 is in round 1"));
    stack.awaitIdle();

    GetActivityTaskResponse round = run.takeTask(run.deployment.activities().round());
    assertThat(GameLoopRun.json(round.input())).isEqualTo(GameLoopRun.json("{\"gameId\":\"g4\",\"waitPoint\":\"round-1\"}"));
    assertThat(run.status(execution)).isEqualTo("RUNNING");
  }

  @Test
  void aLobbyWhoseTimerAlreadyFiredWaitsWithoutASecondTimer(LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb, ClixProvisioner.builder().activityPrefix("af").tableName("af-games"));
    run.putGame("g5", "LOBBY", 0);
    dynamoDb.updateItem(r -> r.tableName("af-games")
        .key(Map.of("pk", AttributeValue.fromS("g5"), "sk", AttributeValue.fromN("0")))
        .updateExpression("SET fired.lobby = :at")
        .expressionAttributeValues(Map.of(":at", AttributeValue.fromS("2026-01-01T00:00:00Z"))));
    String execution = run.start("g5", 20, 30);

    stack.advance(Duration.ofDays(1));

    assertThat(run.game("g5").get("waitPoint").s()).isEqualTo("lobby");
    assertThat(run.game("g5").get("fired").m().get("lobby").s()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(run.enteredStates(execution)).containsExactly("Sync", "Route", "LobbyAfterTimer");
  }

  @Test
  void aGameAlreadyPastTheLobbyGoesStraightToItsRoundAndAMissingGameFailsClearly(
      LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    GameLoopRun run = new GameLoopRun(stack, sfn, dynamoDb, ClixProvisioner.builder().activityPrefix("rs").tableName("rs-games"));
    run.putGame("g6", "RUNNING", 2);
    run.start("g6", 20, 30);
    assertThat(run.game("g6").get("waitPoint").s()).isEqualTo("round-2");

    String missing = run.start("nobody", 20, 30);
    assertThat(run.status(missing)).isEqualTo("FAILED");
    assertThat(sfn.describeExecution(r -> r.executionArn(missing)).error()).isEqualTo("Clix.UnknownGame");
  }
}
