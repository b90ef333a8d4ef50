package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.clix.core.ClixException;
import io.clix.core.GameSpec;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Bad input, class by class: each gives a typed error whose message names the field and the rule,
 * and writes nothing (the table's items and versions and the game executions are unchanged). The
 * last cases send malformed activity task inputs to the task router: it fails each task with a
 * Clix error naming what is wrong, and writes nothing either.
 */
class BadInputTest {

  private static final String KB10 = "g".repeat(10 * 1024);
  private static ClixLocalEnvironment aws;
  private static AwsGameOrchestrator games;
  private static String probeMachine;

  /** One class of bad input: what is done, and the error type, field and rule expected. */
  record Case(String name, Consumer<AwsGameOrchestrator> call, String type, String field, String rule) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case bad(String name, Consumer<AwsGameOrchestrator> call, String type, String field, String rule) {
    return new Case(name, call, type, field, rule);
  }

  private static Case invalid(String name, Consumer<AwsGameOrchestrator> call, String field, String rule) {
    return bad(name, call, "InvalidRequestException", field, rule);
  }

  private static Case spec(String name, Consumer<GameSpec.Builder> broken, String field, String rule) {
    return bad(name, g -> {
      GameSpec.Builder b = GameSpec.builder().gameId("new-game");
      broken.accept(b);
      g.createGame(b.build());
    }, "InvalidGameSpecException", field, rule);
  }

  /** A task on the shared lobby activity with this input, as a foreign or broken state machine would send it. */
  private static Case task(String name, String input, String error, String field, String rule) {
    return bad(name, g -> { throw routed(input); }, error, field, rule);
  }

  static Stream<Arguments> cases() {
    JsonNode move = IntNode.valueOf(1);
    return Stream.of(
        invalid("game id null", g -> g.join(null, "carol"), "gameId", "must not be null"),
        invalid("game id empty", g -> g.join("", "carol"), "gameId", "must not be empty"),
        invalid("game id blank", g -> g.join("   ", "carol"), "gameId", "must contain only"),
        invalid("game id of 81 characters", g -> g.join("g".repeat(81), "carol"), "gameId", "at most 80"),
        invalid("game id of 10 KB", g -> g.describe(KB10), "gameId", "at most 80"),
        invalid("game id an execution ARN", g -> g.join("arn:aws:states:us-east-1:123456789012:execution:m:lobby",
            "carol"), "gameId", "must contain only"),
        invalid("game id a JSONPath", g -> g.startNow("$.gameId"), "gameId", "must contain only"),
        invalid("game id a $$ context path", g -> g.join("$$.Task.Token", "carol"), "gameId", "must contain only"),
        invalid("game id with quotes", g -> g.join("lobby\"}", "carol"), "gameId", "must contain only"),
        invalid("game id with a control character", g -> g.join("lob\u0000by", "carol"), "gameId", "must contain only"),
        invalid("game id with a look-alike letter", g -> g.join("l\u043ebby", "carol"), "gameId", "must contain only"),
        invalid("player id null", g -> g.join("lobby", null), "playerId", "must not be null"),
        invalid("player id empty", g -> g.join("lobby", ""), "playerId", "must not be empty"),
        invalid("player id of 129 characters", g -> g.join("lobby", "p".repeat(129)), "playerId", "at most 128"),
        invalid("player id of 10 KB", g -> g.submitMove("running", KB10, 1, move), "playerId", "at most 128"),
        invalid("player id a $$ context path", g -> g.join("lobby", "$$.Task.Token"), "playerId", "must contain only"),
        invalid("player id with a newline", g -> g.leave("lobby", "alice\n"), "playerId", "must contain only"),
        spec("capacity 0", b -> b.capacity(0).minPlayers(1), "capacity", "between 1 and 64"),
        spec("capacity above the maximum", b -> b.capacity(65), "capacity", "between 1 and 64"),
        spec("minimum players above capacity", b -> b.capacity(2).minPlayers(3), "minPlayers", "must not exceed capacity"),
        spec("lobby timeout zero", b -> b.lobbyTimeout(Duration.ZERO), "lobbyTimeout", "between 1 second and 365 days"),
        spec("round timeout negative", b -> b.roundTimeout(Duration.ofSeconds(-5)), "roundTimeout", "between 1 second"),
        spec("round timeout over a year", b -> b.roundTimeout(Duration.ofDays(366)), "roundTimeout", "365 days"),
        spec("timeout not whole seconds", b -> b.lobbyTimeout(Duration.ofMillis(1500)), "lobbyTimeout", "whole seconds"),
        spec("rounds 0", b -> b.rounds(0), "rounds", "between 1 and 100"),
        spec("metadata not a JSON object", b -> b.metadata(TextNode.valueOf("x")), "metadata", "must be a JSON object"),
        spec("metadata over Step Functions' 256 KiB", b -> b.metadata(big(300 * 1024)), "metadata", "at most 16384 bytes"),
        spec("spec game id a $$ context path", b -> b.gameId("$$.Execution.Id"), "gameId", "must contain only"),
        invalid("move null", g -> g.submitMove("running", "alice", 1, null), "move", "must be a JSON value"),
        invalid("move JSON null", g -> g.submitMove("running", "alice", 1, NullNode.instance), "move",
            "must be a JSON value"),
        invalid("move over 4 KB", g -> g.submitMove("running", "alice", 1, big(5 * 1024)), "move", "at most 4096 bytes"),
        invalid("move over Step Functions' 256 KiB", g -> g.submitMove("running", "alice", 1, big(300 * 1024)), "move",
            "at most 4096 bytes"),
        invalid("round 0", g -> g.submitMove("running", "alice", 0, move), "round", "between 1 and 100"),
        invalid("round negative", g -> g.submitMove("running", "alice", -1, move), "round", "between 1 and 100"),
        invalid("player data over 2 KB", g -> g.join("lobby", "carol", big(3 * 1024)), "playerData", "at most 2048 bytes"),
        invalid("finish result over 64 KB", g -> g.finish("running", big(70 * 1024)), "result", "at most 65536 bytes"),
        invalid("cancel reason blank", g -> g.cancel("lobby", " "), "reason", "must not be blank"),
        invalid("cancel reason with control characters", g -> g.cancel("lobby", "bye\u0007"), "reason",
            "must not contain control characters"),
        invalid("task token registered for a malformed point", g -> g.registerTaskToken("lobby", "round-x", "AQtoken"),
            "waitPoint", "must be lobby or round-<n>"),
        invalid("task token empty", g -> g.registerTaskToken("lobby", "lobby", ""), "taskToken", "1 to 1024 characters"),
        bad("unknown game", g -> g.join("no-such-game", "carol"), "GameNotFoundException", "no-such-game",
            "no game with id"),
        bad("wrong round number", g -> g.submitMove("running", "alice", 2, move), "RoundNotOpenException", "round 2",
            "is not open"),
        bad("player not in the game", g -> g.submitMove("running", "mallory", 1, move), "NotInGameException",
            "player mallory", "is not seated"),
        bad("a different second move", g -> g.submitMove("running", "bob", 1, IntNode.valueOf(9)),
            "DuplicateMoveException", "player bob", "already moved in round 1"),
        bad("a move in the lobby", g -> g.submitMove("lobby", "alice", 1, move), "GameStateException", "game lobby",
            "it is LOBBY"),
        bad("a join after the start", g -> g.join("running", "carol"), "GameFullException", "game running", "is full"),
        bad("finishing a game in the lobby", g -> g.finish("lobby", null), "GameStateException", "game lobby",
            "it is LOBBY"),
        bad("starting without the minimum", g -> g.startNow("lobby"), "NotEnoughPlayersException", "game lobby",
            "needs 2"),
        bad("a move after the end", g -> g.submitMove("cancelled", "alice", 1, move), "GameStateException",
            "game cancelled", "it is CANCELLED"),
        task("router: task input not a JSON object", "\"lobby\"", "Clix.BadTaskInput", "task input", "is not a JSON object"),
        task("router: task input naming no game", "{\"waitPoint\":\"lobby\"}", "Clix.BadTaskInput", "gameId",
            "names no valid gameId"),
        task("router: task input game id a $$ path", "{\"gameId\":\"$$.Task.Token\",\"waitPoint\":\"lobby\"}",
            "Clix.BadTaskInput", "gameId", "names no valid gameId"),
        task("router: task input with a bad waiting point", "{\"gameId\":\"lobby\",\"waitPoint\":\"$.x\"}",
            "Clix.BadTaskInput", "waitPoint", "(lobby or round-<n>)"),
        task("router: task for an unknown game", "{\"gameId\":\"no-such-game\",\"waitPoint\":\"lobby\"}",
            "Clix.UnknownGame", "no-such-game", "no game with id"),
        task("router: round point on the lobby activity", "{\"gameId\":\"running\",\"waitPoint\":\"round-1\"}",
            "Clix.WrongWaitPoint", "running", "names waiting point round-1"))
        .map(Arguments::of);
  }

  @BeforeAll
  static void prepare() {
    aws = ClixLocalEnvironment.builder().correlation(Correlation.ACTIVITIES).start();
    games = aws.orchestrator("bad-input");
    games.createGame(GameSpec.builder().gameId("lobby").capacity(3).minPlayers(2).build());
    games.join("lobby", "alice");
    games.createGame(GameSpec.builder().gameId("running").capacity(2).rounds(2).build());
    games.join("running", "alice");
    games.join("running", "bob");
    aws.settle();
    games.submitMove("running", "bob", 1, IntNode.valueOf(1));
    games.createGame(GameSpec.builder().gameId("cancelled").capacity(2).build());
    games.join("cancelled", "alice");
    games.cancel("cancelled", "closing early");
    aws.settle();
    probeMachine = aws.sfn().createStateMachine(b -> b.name("probe")
        .roleArn("arn:aws:iam::123456789012:role/clix-test")
        .definition("{\"StartAt\":\"Wait\",\"States\":{\"Wait\":{\"Type\":\"Task\",\"Resource\":\""
            + aws.activities().lobby() + "\",\"TimeoutSeconds\":60,\"End\":true}}}")).stateMachineArn();
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsRefusedByNameAndRuleAndWritesNothing(Case c) {
    Map<String, String> before = snapshot();

    Failure failure = failureOf(c);

    assertThat(failure.type()).as("error type").isEqualTo(c.type());
    assertThat(failure.message()).as("message names the field").contains(c.field());
    assertThat(failure.message()).as("message names the rule").contains(c.rule());
    assertThat(failure.message()).doesNotContainPattern("AQ[A-Za-z0-9_-]{86}");
    aws.settle();
    assertThat(snapshot()).as("the table and the game executions").isEqualTo(before);
  }

  private record Failure(String type, String message) {}

  /** A routed task's failure, thrown from a case's call so it reads like the others. */
  private static final class RoutedFailure extends RuntimeException {
    final Failure failure;

    RoutedFailure(Failure failure) {
      super(failure.message());
      this.failure = failure;
    }
  }

  private static Failure failureOf(Case c) {
    try {
      c.call().accept(games);
    } catch (ClixException e) {
      return new Failure(e.getClass().getSimpleName(), e.getMessage());
    } catch (RoutedFailure e) {
      return e.failure;
    }
    throw new AssertionError(c.name() + ": no error");
  }

  /** Starts an execution whose lobby-activity task carries {@code input}; the router's failure of it. */
  private static RoutedFailure routed(String input) {
    String arn = aws.sfn().startExecution(b -> b.stateMachineArn(probeMachine).input(input)).executionArn();
    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(
        () -> aws.sfn().describeExecution(b -> b.executionArn(arn)).status(), s -> s != ExecutionStatus.RUNNING);
    assertThat(aws.sfn().describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.FAILED);
    List<HistoryEvent> history = aws.sfn().getExecutionHistory(b -> b.executionArn(arn)).events();
    HistoryEvent failed = history.stream().filter(e -> e.type() == HistoryEventType.ACTIVITY_FAILED).findFirst()
        .orElseThrow(() -> new AssertionError("the router did not fail the task"));
    return new RoutedFailure(new Failure(failed.activityFailedEventDetails().error(),
        failed.activityFailedEventDetails().cause()));
  }

  /** Every item of the table (key → version or event) and the status of every game execution. */
  private static Map<String, String> snapshot() {
    Map<String, String> out = new TreeMap<>();
    aws.dynamoDb().scanPaginator(b -> b.tableName(aws.deployment().tableName()).consistentRead(true)).items().forEach(item ->
        out.put(item.get("pk").s() + "/" + item.get("sk").n(), String.valueOf(
            item.getOrDefault("version", item.getOrDefault("event", AttributeValue.fromS("?")))) + "/"
            + item.containsKey("waitToken")));
    aws.sfn().listExecutions(b -> b.stateMachineArn(aws.deployment().stateMachineArn())).executions()
        .forEach(e -> out.put("execution " + e.name(), e.statusAsString()));
    return out;
  }

  private static ObjectNode big(int bytes) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("blob", "x".repeat(bytes));
    return node;
  }
}
