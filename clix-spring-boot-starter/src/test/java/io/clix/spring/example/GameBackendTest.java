package io.clix.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.ClixJson;
import io.clix.spring.test.ClixLocalStackTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The example backend on a real port and the local stack: a short game played over HTTP moves
 * Clix's meters (read from the registry and from {@code /actuator/metrics}), and Clix's exceptions
 * come back as 404, 409 and 400 with the broken rule named.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "management.endpoints.web.exposure.include=health,metrics")
@ClixLocalStackTest
class GameBackendTest {

  private static final String SPEC = "{\"gameId\":\"%s\",\"capacity\":2,\"minPlayers\":2,\"rounds\":1,"
      + "\"lobbyTimeout\":\"PT5M\",\"roundTimeout\":\"PT5M\"}";

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired
  MeterRegistry registry;

  @Test
  void aGamePlayedOverHttpMovesClixsMeters() throws Exception {
    double joinsBefore = count("join");
    double movesBefore = count("submitMove");

    HttpResponse<String> created = post("/games", SPEC.formatted("http-1"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).path("status").asText()).isEqualTo("LOBBY");

    assertThat(post("/games/http-1/players", "{\"playerId\":\"alice\"}").statusCode()).isEqualTo(200);
    HttpResponse<String> joined = post("/games/http-1/players", "{\"playerId\":\"bob\"}");
    assertThat(joined.statusCode()).isEqualTo(200);
    assertThat(json(joined).path("playerId").asText()).isEqualTo("bob");
    assertThat(json(joined).path("game").path("status").asText()).isEqualTo("RUNNING");

    HttpResponse<String> moved = post("/games/http-1/moves", "{\"playerId\":\"alice\",\"round\":1,\"move\":{\"x\":3}}");
    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(json(moved).path("move").path("x").asInt()).isEqualTo(3);

    HttpResponse<String> described = get("/games/http-1");
    assertThat(described.statusCode()).isEqualTo(200);
    assertThat(json(described).path("movedPlayers").toString()).contains("alice");
    assertThat(described.body()).doesNotContainIgnoringCase("token");

    assertThat(count("join")).isEqualTo(joinsBefore + 2);
    assertThat(count("submitMove")).isEqualTo(movesBefore + 1);
    HttpResponse<String> metric = get("/actuator/metrics/clix.orchestrator.requests?tag=method:join&tag=outcome:success");
    assertThat(metric.statusCode()).isEqualTo(200);
    JsonNode measurements = json(metric).path("measurements");
    assertThat(measurements.findValues("statistic").toString()).contains("COUNT");
    assertThat(measurements.get(0).path("value").asDouble()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void clixExceptionsMapToStatusesWithTheViolationNamed() throws Exception {
    HttpResponse<String> missing = get("/games/no-such-game");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).path("error").asText()).isEqualTo("GameNotFoundException");

    HttpResponse<String> invalid = post("/games", SPEC.formatted("http-bad").replace("\"capacity\":2", "\"capacity\":0"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).path("violations").findValuesAsText("field")).contains("capacity");

    HttpResponse<String> noRound = post("/games/x/moves", "{\"playerId\":\"alice\",\"round\":\"one\"}");
    assertThat(noRound.statusCode()).isEqualTo(400);
    assertThat(json(noRound).path("violations").findValuesAsText("field")).containsExactly("round");

    assertThat(post("/games", SPEC.formatted("http-2")).statusCode()).isEqualTo(201);
    assertThat(post("/games", SPEC.formatted("http-2")).statusCode()).as("the same spec again: idempotent").isEqualTo(201);
    HttpResponse<String> again = post("/games", SPEC.formatted("http-2").replace("\"rounds\":1", "\"rounds\":2"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).path("error").asText()).isEqualTo("GameAlreadyExistsException");
    post("/games/http-2/players", "{\"playerId\":\"alice\"}");
    post("/games/http-2/players", "{\"playerId\":\"bob\"}");
    HttpResponse<String> full = post("/games/http-2/players", "{\"playerId\":\"carol\"}");
    assertThat(full.statusCode()).isEqualTo(409);
    assertThat(full.body()).doesNotContainIgnoringCase("token");
  }

  private double count(String method) {
    Timer timer = registry.find("clix.orchestrator.requests").tag("method", method).tag("outcome", "success").timer();
    return timer == null ? 0 : timer.count();
  }

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return ClixJson.mapper().readTree(response.body());
  }
}
