package io.clix.local.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.time.ManualClock;
import io.clix.local.LocalStack;
import io.clix.local.internal.sfn.ConsoleView;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's JSON API over plain HTTP, against a stack on a manual clock. */
class ConsoleApiTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern TOKEN = Pattern.compile("AQ[A-Za-z0-9_-]{86}");
  static final String LOBBY = "{\"StartAt\":\"Prepare\",\"States\":{"
      + "\"Prepare\":{\"Type\":\"Pass\",\"Result\":{\"lobby\":\"l-1\"},\"ResultPath\":\"$.prepared\",\"Next\":\"Wait for players\"},"
      + "\"Wait for players\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
      + "\"Parameters\":{\"FunctionName\":\"notify\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}},\"TimeoutSeconds\":60,"
      + "\"Catch\":[{\"ErrorEquals\":[\"States.Timeout\"],\"Next\":\"Lobby timed out\"}],\"Next\":\"Enough players?\"},"
      + "\"Enough players?\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.players\",\"NumericGreaterThanEquals\":2,"
      + "\"Next\":\"Play\"}],\"Default\":\"Lobby timed out\"},"
      + "\"Play\":{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"Round\",\"States\":{\"Round\":{\"Type\":\"Wait\","
      + "\"Seconds\":5,\"End\":true}}},{\"StartAt\":\"Score\",\"States\":{\"Score\":{\"Type\":\"Pass\",\"End\":true}}}],"
      + "\"Next\":\"Done\"},"
      + "\"Done\":{\"Type\":\"Succeed\"},"
      + "\"Lobby timed out\":{\"Type\":\"Fail\",\"Error\":\"LobbyTimeout\",\"Cause\":\"not enough players\"}}}";

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> tokens = new ArrayList<>();
  private LocalStack stack;

  @BeforeEach
  void start() {
    stack = LocalStack.builder().clock(ManualClock.create())
        .resource("arn:aws:states:::lambda:invoke", input -> {
          Matcher m = TOKEN.matcher(input.toString());
          synchronized (tokens) {
            while (m.find()) {
              tokens.add(m.group());
            }
          }
          return MAPPER.createObjectNode();
        })
        .start();
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  @Test
  void servesThePageAndTheVendoredLayoutLibrary() throws Exception {
    HttpResponse<String> page = get("/console/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("vendor/dagre.min.js", "graph.js", "console.js");
    HttpResponse<String> dagre = get("/console/vendor/dagre.min.js");
    assertThat(dagre.statusCode()).isEqualTo(200);
    assertThat(dagre.body()).contains("var dagre=");
    assertThat(get("/console/graph.js").statusCode()).isEqualTo(200);
    assertThat(send(HttpRequest.newBuilder(URI.create(stack.endpoint() + "/console/%2e%2e/pom.xml")).build())
        .statusCode()).isEqualTo(404);
    assertThat(get("/console/nothing.js").statusCode()).isEqualTo(404);
    HttpResponse<String> bare = get("/console");
    assertThat(bare.statusCode()).isEqualTo(301);
    assertThat(bare.headers().firstValue("Location")).hasValue("/console/");
  }

  @Test
  void executionShowsItsPathAndHistoryWithTokensMasked() throws Exception {
    String machine = createLobby();
    String execution = startExecution(machine, "lobby-1", "{\"players\":0}");
    stack.awaitIdle();
    assertThat(tokens).hasSize(1);

    JsonNode running = json("/console/api/execution?arn=" + enc(execution));
    assertThat(running.path("status").asText()).isEqualTo("RUNNING");
    assertThat(names(running.path("path").path("states"))).containsExactly("Prepare", "Wait for players");
    assertThat(running.path("path").path("transitions").toString())
        .contains("{\"from\":\"Prepare\",\"to\":\"Wait for players\"}");
    assertThat(running.path("path").path("states").get(1).has("exitedEventId")).isFalse();
    assertThat(running.path("definitionJson").path("StartAt").asText()).isEqualTo("Prepare");
    String text = running.toString();
    assertThat(text).doesNotContain(tokens.get(0)).contains(ConsoleView.MASKED_TOKEN);
    assertThat(text).doesNotContainPattern(TOKEN);

    ObjectNode advanced = (ObjectNode) MAPPER.readTree(post("/console/api/clock/advance?seconds=61").body());
    assertThat(Instant.parse(advanced.path("now").asText())).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(61));
    assertThat(advanced.path("manual").asBoolean()).isTrue();

    JsonNode failed = json("/console/api/execution?arn=" + enc(execution));
    assertThat(failed.path("status").asText()).isEqualTo("FAILED");
    assertThat(failed.path("error").asText()).isEqualTo("LobbyTimeout");
    assertThat(names(failed.path("path").path("states"))).containsExactly("Prepare", "Wait for players", "Lobby timed out");
    assertThat(failed.path("path").path("transitions").toString())
        .contains("{\"from\":\"Wait for players\",\"to\":\"Lobby timed out\"}");
  }

  @Test
  void listsMachinesAndExecutionsWithFilters() throws Exception {
    String machine = createLobby();
    String first = startExecution(machine, "lobby-1", "{}");
    startExecution(machine, "lobby-2", "{}");
    stack.awaitIdle();
    aws("AWSStepFunctions.StopExecution", "{\"executionArn\":\"" + first + "\"}");

    JsonNode machines = json("/console/api/state-machines");
    assertThat(machines).hasSize(1);
    assertThat(machines.get(0).path("name").asText()).isEqualTo("lobby");
    assertThat(machines.get(0).path("executions").path("RUNNING").asInt()).isEqualTo(1);
    assertThat(machines.get(0).path("executions").path("ABORTED").asInt()).isEqualTo(1);

    assertThat(names(json("/console/api/executions"))).containsExactly("lobby-2", "lobby-1");
    assertThat(names(json("/console/api/executions?status=ABORTED"))).containsExactly("lobby-1");
    assertThat(names(json("/console/api/executions?search=BY-2"))).containsExactly("lobby-2");
    assertThat(names(json("/console/api/executions?stateMachineArn=" + enc(machine) + "&status=RUNNING")))
        .containsExactly("lobby-2");
    assertThat(get("/console/api/executions?status=BOGUS").statusCode()).isEqualTo(400);
    assertThat(get("/console/api/execution?arn=nope").statusCode()).isEqualTo(404);
    assertThat(json("/console/api/state-machine?arn=" + enc(machine)).path("definitionJson").path("States").has("Play"))
        .isTrue();
  }

  @Test
  void activitiesShowWaitingTasksAndPollers() throws Exception {
    String activity = aws("AWSStepFunctions.CreateActivity", "{\"name\":\"move\"}").path("activityArn").asText();
    String machine = aws("AWSStepFunctions.CreateStateMachine", "{\"name\":\"mover\",\"roleArn\":"
        + "\"arn:aws:iam::123456789012:role/r\",\"definition\":" + MAPPER.writeValueAsString(
        "{\"StartAt\":\"Move\",\"States\":{\"Move\":{\"Type\":\"Task\",\"Resource\":\"" + activity + "\",\"End\":true}}}")
        + "}").path("stateMachineArn").asText();
    startExecution(machine, "m-1", "{}");
    stack.awaitIdle();
    JsonNode one = json("/console/api/activities").get(0);
    assertThat(one.path("name").asText()).isEqualTo("move");
    assertThat(one.path("waitingTasks").asInt()).isEqualTo(1);
    assertThat(one.path("pollers").asInt()).isZero();

    aws("AWSStepFunctions.GetActivityTask", "{\"activityArn\":\"" + activity + "\"}"); // takes the task
    CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(
        () -> aws("AWSStepFunctions.GetActivityTask", "{\"activityArn\":\"" + activity + "\"}"));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode now = json("/console/api/activities").get(0);
      assertThat(now.path("waitingTasks").asInt()).isZero();
      assertThat(now.path("pollers").asInt()).isEqualTo(1);
    });
    stack.advance(Duration.ofSeconds(60)); // the long poll ends empty
    assertThat(poll.get(10, TimeUnit.SECONDS).has("taskToken")).isFalse();
    assertThat(json("/console/api/activities").get(0).path("pollers").asInt()).isZero();
  }

  @Test
  void tablesPageThroughTheirItemsWithTokensMasked() throws Exception {
    aws("DynamoDB_20120810.CreateTable", "{\"TableName\":\"games\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}");
    String token = "AQ" + "x".repeat(86);
    for (int i = 0; i < 30; i++) {
      aws("DynamoDB_20120810.PutItem", "{\"TableName\":\"games\",\"Item\":{\"id\":{\"S\":\"g-" + i + "\"},"
          + "\"token\":{\"S\":\"" + token + "\"}}}");
    }
    JsonNode tables = json("/console/api/tables");
    assertThat(tables.get(0).path("name").asText()).isEqualTo("games");
    assertThat(tables.get(0).path("itemCount").asInt()).isEqualTo(30);

    JsonNode first = json("/console/api/table-items?table=games&limit=20");
    assertThat(first.path("items")).hasSize(20);
    assertThat(first.toString()).doesNotContain(token).contains(ConsoleView.MASKED_TOKEN);
    JsonNode second = json("/console/api/table-items?table=games&limit=20&start=" + enc(first.path("next").asText()));
    assertThat(second.path("items")).hasSize(10);
    assertThat(second.has("next")).isFalse();
    List<String> ids = new ArrayList<>();
    Stream.concat(iterable(first.path("items")), iterable(second.path("items")))
        .forEach(item -> ids.add(item.path("id").path("S").asText()));
    assertThat(ids).doesNotHaveDuplicates().hasSize(30);
    assertThat(get("/console/api/table-items?table=nope").statusCode()).isEqualTo(400);
  }

  @Test
  void theApiIsReadOnlyAndOnlyAManualClockAdvances() throws Exception {
    assertThat(post("/console/api/executions").statusCode()).isEqualTo(405);
    assertThat(get("/console/api/clock/advance?seconds=1").statusCode()).isEqualTo(405);
    assertThat(post("/console/api/clock/advance?seconds=-1").statusCode()).isEqualTo(400);
    assertThat(post("/console/api/clock/advance?seconds=x").statusCode()).isEqualTo(400);
    try (LocalStack system = LocalStack.builder().start()) {
      HttpResponse<String> refused = send(HttpRequest.newBuilder(system.endpoint().resolve("/console/api/clock/advance?seconds=1"))
          .POST(HttpRequest.BodyPublishers.noBody()).build());
      assertThat(refused.statusCode()).isEqualTo(409);
      JsonNode clock = MAPPER.readTree(send(HttpRequest.newBuilder(system.endpoint().resolve("/console/api/clock")).build()).body());
      assertThat(clock.path("manual").asBoolean()).isFalse();
    }
  }

  @Test
  void theConsoleCanBeTurnedOff() throws Exception {
    try (LocalStack quiet = LocalStack.builder().console(false).start()) {
      HttpResponse<String> page = send(HttpRequest.newBuilder(quiet.endpoint().resolve("/console/")).build());
      assertThat(page.statusCode()).isNotEqualTo(200);
      assertThat(page.body()).doesNotContain("<html");
    }
  }

  @Test
  void liveUpdatesArriveAsServerSentEvents() throws Exception {
    HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(uri("/console/api/events")).build(),
        HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    Iterator<String> lines = stream.body().iterator();
    String firstChange = nextChange(lines);
    assertThat(MAPPER.readTree(firstChange).path("now").asText()).isEqualTo(ManualClock.DEFAULT_START.toString());
    stack.advance(Duration.ofSeconds(5));
    String secondChange = nextChange(lines);
    assertThat(MAPPER.readTree(secondChange).path("now").asText())
        .isEqualTo(ManualClock.DEFAULT_START.plusSeconds(5).toString());
    createLobby();
    assertThat(nextChange(lines)).contains("\"manual\":true");
    stream.body().close();
  }

  private static String nextChange(Iterator<String> lines) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      boolean change = false;
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.equals("event: change")) {
          change = true;
        } else if (change && line.startsWith("data: ")) {
          return line.substring("data: ".length());
        }
      }
      throw new IllegalStateException("the stream ended");
    }).get(20, TimeUnit.SECONDS);
  }

  private String createLobby() throws IOException {
    return aws("AWSStepFunctions.CreateStateMachine", "{\"name\":\"lobby\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\","
        + "\"definition\":" + MAPPER.writeValueAsString(LOBBY) + "}").path("stateMachineArn").asText();
  }

  private String startExecution(String machine, String name, String input) throws IOException {
    return aws("AWSStepFunctions.StartExecution", "{\"stateMachineArn\":\"" + machine + "\",\"name\":\"" + name
        + "\",\"input\":" + MAPPER.writeValueAsString(input) + "}").path("executionArn").asText();
  }

  private JsonNode aws(String target, String body) {
    try {
      HttpResponse<String> response = send(HttpRequest.newBuilder(stack.endpoint())
          .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.0")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path("name").asText()));
    return out;
  }

  private static Stream<JsonNode> iterable(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out.stream();
  }

  private URI uri(String path) {
    return stack.endpoint().resolve(path);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private JsonNode json(String path) throws IOException {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    return MAPPER.readTree(response.body());
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).build());
  }

  private HttpResponse<String> post(String path) {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
