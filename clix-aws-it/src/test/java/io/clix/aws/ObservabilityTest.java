package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clix.core.GameNotFoundException;
import io.clix.core.GameSpec;
import io.clix.core.time.ManualClock;
import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The optional Micrometer metrics and OpenTelemetry spans of an {@link AwsGameOrchestrator} on the
 * local stack: the meters named in the README move as a game is played, and every public call is
 * one span with its game id and no task token in any attribute.
 */
class ObservabilityTest {

  private static final Duration LOBBY = Duration.ofSeconds(30);
  private static final String TOKEN = "SECRET-TASK-TOKEN-0123456789";

  @RegisterExtension
  static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

  private final ManualClock clock = ManualClock.create();
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private LocalStack stack;
  private SfnClient sfn;
  private DynamoDbClient dynamoDb;
  private SfnAsyncClient sfnAsync;
  private DynamoDbAsyncClient dynamoDbAsync;
  private AwsGameOrchestrator games;

  @BeforeEach
  void start() {
    stack = LocalStack.builder().clock(clock).start();
    sfn = LocalStackClients.sfn(stack);
    dynamoDb = LocalStackClients.dynamoDb(stack);
    sfnAsync = LocalStackClients.sfnAsync(stack);
    dynamoDbAsync = LocalStackClients.dynamoDbAsync(stack);
    ClixDeployment deployment = ClixProvisioner.builder().sfnClient(sfn).dynamoDbClient(dynamoDb)
        .tableName("observed-games").stateMachineName("observed").activityPrefix("observed")
        .roleArn("arn:aws:iam::123456789012:role/clix-test").correlation(Correlation.CALLBACKS)
        .tableWait(Duration.ofMillis(20), Duration.ofSeconds(10)).build().provision();
    games = AwsGameOrchestrator.builder().sfnClient(sfn).dynamoDbClient(dynamoDb)
        .sfnAsyncClient(sfnAsync).dynamoDbAsyncClient(dynamoDbAsync).deployment(deployment)
        .clock(clock).routerWorkers(2).meterRegistry(registry).openTelemetry(OTEL.getOpenTelemetry()).build();
  }

  @AfterEach
  void stop() {
    games.close();
    sfn.close();
    dynamoDb.close();
    sfnAsync.close();
    dynamoDbAsync.close();
    stack.close();
  }

  private static GameSpec spec(String id) {
    return GameSpec.builder().gameId(id).capacity(4).minPlayers(2).rounds(1)
        .lobbyTimeout(LOBBY).roundTimeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void metersMoveAsAGameIsPlayed() {
    games.createGame(spec("m1"));
    games.join("m1", "alice");
    games.joinAsync("m1", "bob", null).join();
    assertThatThrownBy(() -> games.describe("nope")).isInstanceOf(GameNotFoundException.class);

    assertThat(requests("createGame", "success")).isEqualTo(1);
    assertThat(requests("join", "success")).isEqualTo(1);
    assertThat(requests("joinAsync", "success")).isEqualTo(1);
    assertThat(requests("describe", "GameNotFoundException")).isEqualTo(1);
    assertThat(calls("DynamoDB", "TransactWriteItems", "success")).isGreaterThanOrEqualTo(3);
    assertThat(calls("SFN", "StartExecution", "success")).isEqualTo(1);
    // The joins write from the game this instance remembers (no read); the describe reads.
    assertThat(calls("DynamoDB", "GetItem", "success")).isGreaterThanOrEqualTo(1);

    stack.advance(LOBBY);
    stack.awaitIdle();
    games.describe("m1");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(counter("clix.store.timer.folds", Map.of())).isEqualTo(1);
      assertThat(counter("clix.router.polls", Map.of("activity", "timers", "outcome", "task"))).isEqualTo(1);
      assertThat(counter("clix.router.tasks", Map.of("activity", "timers", "outcome", "routed"))).isEqualTo(1);
    });
  }

  @Test
  void everyPublicCallIsOneSpanWithItsGameIdAndNoTokenInAnyAttribute() {
    games.createGame(spec("t1"));
    games.join("t1", "alice");
    games.registerTaskToken("t1", "lobby", TOKEN);
    assertThatThrownBy(() -> games.registerTaskToken("nope", "lobby", TOKEN))
        .isInstanceOf(GameNotFoundException.class);

    List<SpanData> spans = OTEL.getSpans();
    assertThat(spans).extracting(SpanData::getName).containsExactly("GameOrchestrator.createGame",
        "GameOrchestrator.join", "GameOrchestrator.registerTaskToken", "GameOrchestrator.registerTaskToken");
    assertThat(spans.subList(0, 3)).allSatisfy(span -> {
      assertThat(span.getAttributes().get(AttributeKey.stringKey("clix.game.id"))).isEqualTo("t1");
      assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    });
    SpanData failed = spans.get(3);
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo(GameNotFoundException.class.getName());
    for (SpanData span : spans) {
      String everything = span.getAttributes().asMap().values().stream().map(String::valueOf)
          .collect(Collectors.joining("|")) + span.getEvents() + span.getStatus().getDescription();
      assertThat(everything).doesNotContain(TOKEN);
    }
  }

  private long requests(String method, String outcome) {
    Timer timer = registry.find("clix.orchestrator.requests").tags("method", method, "outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  private long calls(String service, String operation, String outcome) {
    Timer timer = registry.find("clix.aws.calls")
        .tags("service", service, "operation", operation, "outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  private double counter(String name, Map<String, String> tags) {
    var search = registry.find(name);
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      search = search.tag(tag.getKey(), tag.getValue());
    }
    Counter counter = search.counter();
    return counter == null ? 0 : counter.count();
  }
}
