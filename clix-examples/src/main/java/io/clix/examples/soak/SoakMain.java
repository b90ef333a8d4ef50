package io.clix.examples.soak;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.aws.ActivityArns;
import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.Correlation;
import io.clix.aws.StateMachineDefinition;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A soak of the AWS orchestrator through a local stack: many games end to end (create, two joins
 * that start the game, two moves that finish it, a describe), a fixed number at a time, with a
 * listener on every event. Prints the heap after GC and the live thread count after the first
 * 1,000 games and at the end, and exits non-zero if the heap grew more than 10 % or threads grew.
 *
 * <p>Run the stack in its own process so that this JVM's heap holds Clix, not the stack's store:
 * <pre>
 * java -jar clix-local/target/clix-local.jar --port 4566 &amp;
 * java -cp "$(cat cp.txt)" io.clix.examples.soak.SoakMain --endpoint http://127.0.0.1:4566 --games 10000
 * </pre>
 * Without {@code --endpoint} it starts a local stack in this JVM (whose store then counts in the heap).
 */
public final class SoakMain {

  /** Long enough that no timer fires on a loaded machine: the soak is about memory and threads. */
  private static final Duration TIMEOUT = Duration.ofHours(1);

  private final int games;
  /** The first checkpoint: 1,000 games (or half the run, for short runs). */
  private final int checkpoint;
  private final int concurrency;
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong finished = new AtomicLong();

  private SoakMain(int games, int concurrency) {
    this.games = games;
    this.checkpoint = Math.min(1_000, games / 2);
    this.concurrency = concurrency;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String endpoint = null;
    int games = 10_000;
    int concurrency = 16;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--endpoint" -> endpoint = args[++i];
        case "--games" -> games = Integer.parseInt(args[++i]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (options: --endpoint URL, --games N, --concurrency N)");
      }
    }
    System.out.println("soak: " + games + " games, " + concurrency + " at a time, stack "
        + (endpoint == null ? "in this JVM (its store counts in the heap)" : "at " + endpoint + " (own process)"));
    SoakMain soak = new SoakMain(games, concurrency);
    boolean ok;
    if (endpoint == null) {
      // the supported local environment, on the system clock: the soak runs in real time
      try (ClixLocalEnvironment env = ClixLocalEnvironment.builder().clock(Clock.systemUTC()).namePrefix("soak")
          .start()) {
        ok = soak.run(env.sfn(), env.orchestrator(b -> b.retention(Duration.ZERO)),
            env.deployment().stateMachineArn());
      }
    } else {
      ok = soak.run(URI.create(endpoint));
    }
    System.exit(ok ? 0 : 1);
  }

  private boolean run(URI endpoint) throws Exception {
    StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("soak", "soak"));
    try (SfnClient sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(70)).build()).build();
        DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        SfnAsyncClient sfnAsync = SfnAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(NettyNioAsyncHttpClient.builder().readTimeout(Duration.ofSeconds(70)).build()).build();
        DynamoDbAsyncClient dynamoDbAsync = DynamoDbAsyncClient.builder().endpointOverride(endpoint)
            .region(Region.US_EAST_1).credentialsProvider(credentials)
            .httpClient(NettyNioAsyncHttpClient.create()).build()) {
      String prefix = "soak" + System.currentTimeMillis();
      String table = prefix + "-games";
      dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(
              AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
          .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
      ActivityArns activities = new ActivityArns(
          sfn.createActivity(b -> b.name(prefix + "-lobby")).activityArn(),
          sfn.createActivity(b -> b.name(prefix + "-round")).activityArn(),
          sfn.createActivity(b -> b.name(prefix + "-timers")).activityArn());
      String definition = StateMachineDefinition.builder().correlation(Correlation.CALLBACKS).tableName(table)
          .activities(activities).build().toJsonString();
      String machineArn = sfn.createStateMachine(b -> b.name(prefix).definition(definition)
          .roleArn("arn:aws:iam::123456789012:role/clix-soak")).stateMachineArn();

      try (AwsGameOrchestrator orchestrator = AwsGameOrchestrator.builder()
          .sfnClient(sfn).dynamoDbClient(dynamoDb).sfnAsyncClient(sfnAsync).dynamoDbAsyncClient(dynamoDbAsync)
          .tableName(table).stateMachineArn(machineArn).activities(activities).retention(Duration.ZERO).build()) {
        return run(sfn, orchestrator, machineArn);
      }
    }
  }

  private boolean run(SfnClient sfn, AwsGameOrchestrator orchestrator, String machineArn) throws Exception {
    ExecutorService drivers = Executors.newFixedThreadPool(concurrency);
    try {
      orchestrator.addListener(e -> events.incrementAndGet());
      long start = System.nanoTime();
      play(orchestrator, drivers, 0, checkpoint);
      Figures first = Figures.take(checkpoint, start);
      System.out.println(first);
      play(orchestrator, drivers, checkpoint, games);
      Figures end = Figures.take(games, start);
      System.out.println(end);
      java.util.Set<String> started = new java.util.TreeSet<>(end.names);
      started.removeAll(first.names);
      java.util.Set<String> ended = new java.util.TreeSet<>(first.names);
      ended.removeAll(end.names);
      System.out.println("threads started since the first checkpoint: " + started + "; ended: " + ended);

      long notSucceeded = 0;
      for (int g = 0; g < games; g += Math.max(1, games / 200)) {
        String arn = machineArn.replace(":stateMachine:", ":execution:") + ":" + gameId(g);
        if (sfn.describeExecution(b -> b.executionArn(arn)).status() != ExecutionStatus.SUCCEEDED) {
          notSucceeded++;
        }
      }
      double growth = (double) end.heapBytes / first.heapBytes - 1;
      boolean ok = growth <= 0.10 && end.threads <= first.threads && failures.get() == 0
          && finished.get() == games && notSucceeded == 0;
      System.out.printf("games finished: %d of %d, failures: %d, events heard: %d, sampled executions not "
          + "SUCCEEDED: %d of %d%n", finished.get(), games, failures.get(), events.get(), notSucceeded,
          (games + Math.max(1, games / 200) - 1) / Math.max(1, games / 200));
      System.out.printf("heap after GC: %.1f MB after %d games, %.1f MB after %d games (%+.1f %%, bound +10 %%); "
          + "live threads: %d -> %d%n", first.heapBytes / 1e6, first.games, end.heapBytes / 1e6, end.games,
          growth * 100, first.threads, end.threads);
      System.out.println(ok ? "SOAK PASSED" : "SOAK FAILED");
      return ok;
    } finally {
      drivers.shutdownNow();
    }
  }

  private static String gameId(int g) {
    return "soak-" + g;
  }

  private void play(GameOrchestrator games, ExecutorService drivers, int from, int to) throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (int g = from; g < to; g++) {
      String id = gameId(g);
      running.add(drivers.submit(() -> playOne(games, id)));
      if (running.size() >= concurrency * 4) {
        running.remove(0).get();
      }
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  private void playOne(GameOrchestrator games, String id) {
    try {
      games.createGame(GameSpec.builder().gameId(id).capacity(2).rounds(1)
          .lobbyTimeout(TIMEOUT).roundTimeout(TIMEOUT).build());
      games.join(id, "alice");
      games.join(id, "bob");
      games.submitMove(id, "alice", 1, IntNode.valueOf(1));
      games.submitMove(id, "bob", 1, IntNode.valueOf(2));
      GameView end = games.describe(id);
      if (end.status() == GameStatus.FINISHED) {
        finished.incrementAndGet();
      } else {
        failures.incrementAndGet();
      }
    } catch (RuntimeException e) {
      if (failures.incrementAndGet() <= 5) {
        System.out.println("game " + id + " failed: " + e);
      }
    }
  }

  /** Heap after GC and live threads at a checkpoint. */
  private record Figures(int games, long heapBytes, int threads, double seconds, java.util.Set<String> names) {
    static Figures take(int games, long startNanos) throws InterruptedException {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(200);
      }
      java.util.Set<String> names = new java.util.TreeSet<>();
      Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
      return new Figures(games, memory.getHeapMemoryUsage().getUsed(), ManagementFactory.getThreadMXBean()
          .getThreadCount(), (System.nanoTime() - startNanos) / 1e9, names);
    }

    @Override
    public String toString() {
      return String.format("after %d games: %.1f s (%.0f games/s), heap after GC %.1f MB, live threads %d", games,
          seconds, games / seconds, heapBytes / 1e6, threads);
    }
  }
}
