package io.clix.examples.bench;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.GameEventStream;
import io.clix.core.GameSpec;
import io.clix.local.junit5.ClixLocalEnvironment;
import io.clix.local.junit5.LocalStackClients;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The event delivery lag figure: on the embedded local stack (system clock), instance A plays
 * games while a listener on instance B's {@link GameEventStream} receives their events; the lag of
 * one event is the wall-clock time from the return of A's call that committed it to B's listener
 * receiving it (0 when B had it before the call returned). Measured with B polling every 50 ms
 * ({@code start}) and polling back to back, and printed as p50/p99. Part of {@link EndToEndBenchmark}
 * (figure 6); {@code exec:java@bench-lag} runs it alone.
 */
public final class StreamLagBenchmark {

  private static final int GAMES = 45;
  private static final int WARM_UP = 5;

  private StreamLagBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.println("Clix event delivery lag on the embedded local stack; "
        + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
    run();
    System.exit(0);
  }

  /** Prints figure 6. */
  static void run() throws Exception {
    System.out.println();
    System.out.printf("== 6. event delivery lag, commit (A's call returns) to a listener on instance B "
        + "(%d games x 9 events, first %d dropped)%n", GAMES, WARM_UP);
    System.out.printf("   %-44s %8s %8s %6s%n", "B reads the stream", "p50 ms", "p99 ms", "n");
    row("every 50 ms (GameEventStream.start)", measure(Duration.ofMillis(50)));
    row("back to back (poll() in a loop)", measure(null));
  }

  private static Percentiles measure(Duration interval) throws Exception {
    Percentiles lag = new Percentiles();
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().clock(Clock.systemUTC()).namePrefix("lag").start();
        DynamoDbStreamsClient streams = LocalStackClients.dynamoDbStreams(aws.stack())) {
      AwsGameOrchestrator a = aws.orchestrator("lag-a");
      AwsGameOrchestrator b = aws.orchestrator("lag-b");
      Map<String, Long> received = new ConcurrentHashMap<>();
      List<String> written = new CopyOnWriteArrayList<>();
      a.addListener(e -> written.add(e.gameId() + "#" + e.sequence()));
      AtomicBoolean running = new AtomicBoolean(true);
      try (GameEventStream onB = GameEventStream.builder().orchestrator(b).dynamoDb(aws.dynamoDb()).streams(streams)
          .tableName(aws.deployment().tableName()).clock(aws.clock()).build()) {
        onB.subscribeAll(e -> received.putIfAbsent(e.gameId() + "#" + e.sequence(), System.nanoTime()));
        Thread loop = null;
        if (interval != null) {
          onB.start(interval);
        } else {
          loop = new Thread(() -> {
            while (running.get()) {
              onB.poll();
            }
          }, "lag-poller");
          loop.start();
        }
        for (int g = 0; g < GAMES; g++) {
          String id = "lag-" + g;
          List<Runnable> calls = List.of(
              () -> a.createGame(GameSpec.builder().gameId(id).capacity(2).rounds(1).build()),
              () -> a.join(id, "p1"), () -> a.join(id, "p2"),
              () -> a.submitMove(id, "p1", 1, IntNode.valueOf(1)), () -> a.submitMove(id, "p2", 1, IntNode.valueOf(2)));
          for (Runnable call : calls) {
            written.clear();
            call.run();
            long returned = System.nanoTime();
            List<String> committed = List.copyOf(written);
            long deadline = returned + Duration.ofSeconds(10).toNanos();
            while (!received.keySet().containsAll(committed) && System.nanoTime() < deadline) {
              Thread.onSpinWait();
            }
            if (g >= WARM_UP) {
              for (String key : committed) {
                Long at = received.get(key);
                if (at == null) {
                  throw new IllegalStateException("event " + key + " did not reach instance B within 10 s");
                }
                lag.add(Math.max(0, at - returned));
              }
            }
          }
        }
        running.set(false);
        if (loop != null) {
          loop.join();
        }
      }
    }
    return lag;
  }

  private static void row(String name, Percentiles p) {
    System.out.printf("   %-44s %8.2f %8.2f %6d%n", name, p.percentileMillis(50), p.percentileMillis(99), p.count());
  }
}
