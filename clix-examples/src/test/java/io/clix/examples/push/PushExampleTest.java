package io.clix.examples.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.ClixJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A browser on instance B sees, as Server-Sent Events, every event of a game played through instance A. */
class PushExampleTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** One SSE frame: its id, event and data fields. */
  record Frame(long id, String event, JsonNode data) {}

  @Test
  void aClientOnInstanceBReceivesEveryEventOfAGameDrivenThroughInstanceAInOrder() throws Exception {
    try (PushExample example = PushExample.start()) {
      HttpClient http = HttpClient.newHttpClient();
      URI a = example.instanceA().uri();
      URI b = example.instanceB().uri();
      BlockingQueue<Frame> onB = connect(http, b.resolve("/games/g1/events"), null);

      post(http, a.resolve("/games/g1?capacity=2&rounds=1"), "");
      post(http, a.resolve("/games/g1/join?player=alice"), "");
      post(http, a.resolve("/games/g1/join?player=bob"), "");
      post(http, a.resolve("/games/g1/moves?player=alice&round=1"), "\"rock\"");
      post(http, a.resolve("/games/g1/moves?player=bob&round=1"), "\"paper\"");

      List<Frame> frames = take(onB, 9);
      assertThat(frames).extracting(Frame::id).containsExactlyElementsOf(LongStream.rangeClosed(1, 9).boxed().toList());
      assertThat(frames).extracting(Frame::event).containsExactly("GAME_CREATED", "PLAYER_JOINED", "PLAYER_JOINED",
          "GAME_STARTED", "ROUND_OPENED", "MOVE_ACCEPTED", "MOVE_ACCEPTED", "ROUND_CLOSED", "GAME_FINISHED");
      assertThat(frames).allSatisfy(f -> {
        assertThat(f.data().get("gameId").asText()).isEqualTo("g1");
        assertThat(f.data().get("sequence").asLong()).isEqualTo(f.id());
        assertThat(f.data().toString().toLowerCase(Locale.ROOT)).doesNotContain("token");
      });
      assertThat(frames.get(7).data().at("/data/moves/alice").asText()).isEqualTo("rock");

      // A browser that reconnects (to either instance) with Last-Event-ID gets what it missed, once.
      List<Frame> resumed = take(connect(http, a.resolve("/games/g1/events"), "5"), 4);
      assertThat(resumed).extracting(Frame::id).containsExactly(6L, 7L, 8L, 9L);
      assertThat(onB.poll(0, TimeUnit.SECONDS)).isNull();
    }
  }

  /** Opens an event stream; frames are parsed as they arrive (comments and unknown fields skipped). */
  private static BlockingQueue<Frame> connect(HttpClient http, URI uri, String lastEventId) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<java.util.stream.Stream<String>> response =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      List<String> lines = new ArrayList<>();
      response.body().forEach(line -> {
        if (!line.isEmpty()) {
          lines.add(line);
          return;
        }
        frame(lines, frames);
        lines.clear();
      });
    }, "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return frames;
  }

  private static void frame(List<String> lines, BlockingQueue<Frame> frames) {
    String id = null;
    String event = null;
    StringBuilder data = new StringBuilder();
    for (String line : lines) {
      if (line.startsWith("id: ")) {
        id = line.substring(4);
      } else if (line.startsWith("event: ")) {
        event = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data.append(line.substring(6));
      }
    }
    if (id != null) {
      try {
        frames.add(new Frame(Long.parseLong(id), event, ClixJson.mapper().readTree(data.toString())));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Waits for {@code count} frames, at most {@link #WAIT} in all. */
  private static List<Frame> take(BlockingQueue<Frame> frames, int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<Frame> got = new ArrayList<>();
    while (got.size() < count) {
      Frame next = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(next).as("frame %d of %d within %s; got %s", got.size() + 1, count, WAIT,
          got.stream().map(Frame::event).collect(Collectors.toList())).isNotNull();
      got.add(next);
    }
    return got;
  }

  private static void post(HttpClient http, URI uri, String body) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }
}
