package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clix.aws.internal.definition.ExecutionInput;
import io.clix.local.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Test plumbing: one provisioned deployment on a local stack, a game item written the way the
 * backend writes it, and the executions of the generated state machine.
 */
final class GameLoopRun {

  static final ObjectMapper JSON = new ObjectMapper();

  final LocalStack stack;
  final SfnClient sfn;
  final DynamoDbClient dynamoDb;
  final ClixDeployment deployment;

  GameLoopRun(LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb, ClixProvisioner.Builder options) {
    this.stack = stack;
    this.sfn = sfn;
    this.dynamoDb = dynamoDb;
    this.deployment = options
        .sfnClient(sfn).dynamoDbClient(dynamoDb)
        .roleArn("arn:aws:iam::123456789012:role/clix-state-machine")
        .tableWait(Duration.ofMillis(50), Duration.ofSeconds(30))
        .build()
        .provision();
  }

  /** Writes the game item as the store creates it: mirrors, an empty {@code fired} map, a schedule. */
  void putGame(String gameId, String status, int round, AttributeValue... schedule) {
    dynamoDb.putItem(r -> r.tableName(deployment.tableName()).item(Map.of(
        "pk", AttributeValue.fromS(gameId),
        "sk", AttributeValue.fromN("0"),
        "status", AttributeValue.fromS(status),
        "round", AttributeValue.fromN(Integer.toString(round)),
        "fired", AttributeValue.fromM(Map.of()),
        "schedule", AttributeValue.fromL(List.of(schedule)))));
  }

  /** A schedule entry: the timer of {@code point} at {@code at}, then the status, round and point after it. */
  static AttributeValue tick(String point, Instant at, String status, int round, String next) {
    return AttributeValue.fromM(Map.of("p", AttributeValue.fromS(point), "t", AttributeValue.fromS(at.toString()),
        "s", AttributeValue.fromS(status), "r", AttributeValue.fromN(Integer.toString(round)),
        "n", AttributeValue.fromS(next)));
  }

  Map<String, AttributeValue> game(String gameId) {
    return dynamoDb.getItem(r -> r.tableName(deployment.tableName()).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(gameId), "sk", AttributeValue.fromN("0")))).item();
  }

  /** Moves the game on as a backend would: new mirrors and schedule, stored token taken away. */
  void moveGame(String gameId, String status, int round, AttributeValue... schedule) {
    dynamoDb.updateItem(r -> r.tableName(deployment.tableName())
        .key(Map.of("pk", AttributeValue.fromS(gameId), "sk", AttributeValue.fromN("0")))
        .updateExpression("SET #s = :s, #r = :r, schedule = :sch REMOVE waitToken, waitPoint")
        .expressionAttributeNames(Map.of("#s", "status", "#r", "round"))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(status),
            ":r", AttributeValue.fromN(Integer.toString(round)), ":sch", AttributeValue.fromL(List.of(schedule)))));
  }

  String start(String gameId, int lobbyTimeoutSeconds, int roundTimeoutSeconds) {
    String input = ExecutionInput.of(
        gameId, Duration.ofSeconds(lobbyTimeoutSeconds), Duration.ofSeconds(roundTimeoutSeconds)).toString();
    String arn = sfn.startExecution(r -> r.stateMachineArn(deployment.stateMachineArn()).name(gameId).input(input))
        .executionArn();
    stack.awaitIdle();
    return arn;
  }

  /**
   * Takes the task waiting on an activity. On the manual clock an empty long poll would never
   * end, so the call gives up after a few real seconds: a missing task fails the test quickly.
   */
  GetActivityTaskResponse takeTask(String activityArn) {
    GetActivityTaskResponse task = sfn.getActivityTask(r -> r.activityArn(activityArn).workerName("test")
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5))));
    assertThat(task.taskToken()).as("a task on %s", activityArn).isNotNull();
    return task;
  }

  void succeed(String token, String output) {
    sfn.sendTaskSuccess(r -> r.taskToken(token).output(output));
    stack.awaitIdle();
  }

  String status(String executionArn) {
    return sfn.describeExecution(r -> r.executionArn(executionArn)).statusAsString();
  }

  /** The names of the states the execution entered, in order. */
  List<String> enteredStates(String executionArn) {
    return sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn).maxResults(1000)).events().stream()
        .filter(event -> event.stateEnteredEventDetails() != null)
        .map(HistoryEvent::stateEnteredEventDetails)
        .map(details -> details.name())
        .collect(Collectors.toList());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
