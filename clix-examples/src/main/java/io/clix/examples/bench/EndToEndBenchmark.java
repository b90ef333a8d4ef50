package io.clix.examples.bench;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.ClixDeployment;
import io.clix.aws.Correlation;
import io.clix.core.GameSpec;
import io.clix.core.time.ManualClock;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The end-to-end benchmark harness: on the embedded local stack, in one run, it measures AWS API
 * calls per game by operation (beside the design's minimum), Step Functions state transitions per
 * game, DynamoDB units and the dollar cost per game at list prices ({@link GameBill}), join and move latency through Clix beside the bare SDK call, how many open lobbies one
 * backend instance holds (threads, heap after GC), the local stack's own throughput, and the
 * event delivery lag from one instance to another ({@link StreamLagBenchmark}). Prints
 * one table per figure. Not a test: run it from the README's Performance section.
 */
public final class EndToEndBenchmark {

  private static final int PLAYERS = 4;
  private static final int ROUNDS = 3;
  /** How long a player takes between two calls in figures 1 and 2, on the manual clock. */
  private static final Duration THINKING = Duration.ofSeconds(2);

  private EndToEndBenchmark() {}

  /**
   * Runs every figure; {@code [lobbies [games]]} size figures 4 and 5 (5,000 and 200), and {@code
   * quick} alone runs figures 1 to 3 only (calls, cost and latency).
   */
  public static void main(String[] args) throws Exception {
    boolean quick = args.length > 0 && args[0].equals("quick");
    int lobbies = args.length > 0 && !quick ? Integer.parseInt(args[0]) : 5_000;
    int games = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    System.out.println("Clix end-to-end benchmark on the embedded local stack; "
        + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
    callsTransitionsAndCost();
    latency();
    if (!quick) {
      openLobbies(lobbies);
      throughput(games);
      StreamLagBenchmark.run();
    }
    System.exit(0);
  }

  /** What one game took in one mode. */
  private record OneGame(Map<String, Long> calls, long total, GameBill bill) {}

  /**
   * Figures 1 and 2, both modes side by side: API calls by operation (beside the design's minimum),
   * state transitions, DynamoDB units and the dollar cost at list prices of one 4-player, 3-round game.
   */
  private static void callsTransitionsAndCost() throws Exception {
    Map<Correlation, OneGame> games = new java.util.EnumMap<>(Correlation.class);
    for (Correlation mode : Correlation.values()) {
      games.put(mode, oneGame(mode));
    }
    OneGame cb = games.get(Correlation.CALLBACKS);
    OneGame act = games.get(Correlation.ACTIVITIES);
    int minimum = minimumCalls(PLAYERS, ROUNDS);
    System.out.println();
    System.out.printf("== 1. AWS API calls for one %d-player, %d-round game (%d s pass on the manual clock after"
        + " every call, settled)%n", PLAYERS, ROUNDS, THINKING.toSeconds());
    System.out.printf("   %-44s %10s %10s%n", "call", "callbacks", "activities");
    java.util.Set<String> ops = new java.util.TreeSet<>(cb.calls().keySet());
    ops.addAll(act.calls().keySet());
    for (String op : ops) {
      System.out.printf("   %-44s %10d %10d%n", op, cb.calls().getOrDefault(op, 0L), act.calls().getOrDefault(op, 0L));
    }
    System.out.printf("   %-44s %10d %10d   (GetActivityTask long polls are per instance, not per game: excluded)%n",
        "total", cb.total(), act.total());
    System.out.printf("   %-44s %10d %10d   = 2 + P + P*R + (1 + R)%n", "design minimum", minimum, minimum);
    System.out.printf("   %-44s %10.2f %10.2f%n", "ratio actual / minimum", (double) cb.total() / minimum,
        (double) act.total() / minimum);
    System.out.printf("== 2. cost of that game at list prices%n");
    System.out.printf("   %-44s %10s %10s%n", "figure", "callbacks", "activities");
    System.out.printf("   %-44s %10d %10d%n", "Step Functions state transitions", cb.bill().transitions(),
        act.bill().transitions());
    System.out.printf("   %-44s %10.0f %10.0f%n", "DynamoDB write units, backend (reported)", cb.bill().backendWriteUnits(),
        act.bill().backendWriteUnits());
    System.out.printf("   %-44s %10.0f %10.0f%n", "DynamoDB read units, backend (reported)", cb.bill().backendReadUnits(),
        act.bill().backendReadUnits());
    System.out.printf("   %-44s %10d %10d%n", "backend writes that failed (priced as below)", cb.bill().backendFailedWrites(),
        act.bill().backendFailedWrites());
    System.out.printf("   %-44s %10s %10s%n", "state machine DynamoDB writes / reads",
        cb.bill().machineWrites() + " / " + cb.bill().machineReads(), act.bill().machineWrites() + " / "
        + act.bill().machineReads());
    System.out.printf("   %-44s %10d %10d   (1 WCU per KB, 1 RCU per 4 KB)%n", "game item size at the end, bytes",
        cb.bill().itemBytes(), act.bill().itemBytes());
    System.out.printf("   %-44s %10.0f %10.0f%n", "write units in all", cb.bill().writeUnits(), act.bill().writeUnits());
    System.out.printf("   %-44s %10.0f %10.0f%n", "read units in all", cb.bill().readUnits(), act.bill().readUnits());
    System.out.printf("   %-44s %10.4f %10.4f%n", "$ per 1,000 games: transitions", cb.bill().transitionDollarsPer1000(),
        act.bill().transitionDollarsPer1000());
    System.out.printf("   %-44s %10.4f %10.4f%n", "$ per 1,000 games: DynamoDB writes", cb.bill().writeDollarsPer1000(),
        act.bill().writeDollarsPer1000());
    System.out.printf("   %-44s %10.4f %10.4f%n", "$ per 1,000 games: DynamoDB reads", cb.bill().readDollarsPer1000(),
        act.bill().readDollarsPer1000());
    System.out.printf("   %-44s %10.4f %10.4f   (Standard $0.025/1k transitions, $1.25/M WRU, $0.25/M RRU)%n",
        "$ per 1,000 games", cb.bill().dollarsPer1000(), act.bill().dollarsPer1000());
  }

  private static OneGame oneGame(Correlation mode) throws Exception {
    CallCounter counter = new CallCounter();
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().clock(ManualClock.create()).correlation(mode).namePrefix("bench")
          .addInterceptor(counter).start()) {
      ClixDeployment deployment = aws.deployment();
      AwsGameOrchestrator games = aws.orchestrator("bench");
      aws.settle();
      counter.reset();
      String id = playOneGame(games, "calls", () -> aws.advance(THINKING));
      aws.settle();
      Map<String, Long> calls = counter.snapshot();
      long polls = calls.getOrDefault("Sfn:GetActivityTask", 0L);
      long total = counter.total() - polls;
      CallCounter counted = counter.copy();
      Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(deployment.tableName())
          .consistentRead(true).key(Map.of("pk", AttributeValue.fromS(id), "sk", AttributeValue.fromN("0")))).item();
      if (System.getProperty("bench.trace") != null) {
        aws.history(id).stream().filter(e -> e.typeAsString().endsWith("StateEntered"))
            .forEach(e -> System.out.println("     entered " + e.stateEnteredEventDetails().name()));
      }
      GameBill bill = GameBill.of(counted, aws.history(id), item);
      return new OneGame(calls, total, bill);
    }
  }

  /**
   * The fewest calls the design allows: one conditional write to create the game and one
   * StartExecution, one conditional write per join and per move, and one SendTaskSuccess per wait a
   * player ends (the lobby and each round).
   */
  static int minimumCalls(int players, int rounds) {
    return 2 + players + players * rounds + (1 + rounds);
  }

  private static long stateTransitions(ClixLocalEnvironment aws, ClixDeployment deployment, String gameId) {
    String executionArn = deployment.stateMachineArn().replace(":stateMachine:", ":execution:") + ":" + gameId;
    long entered = 0;
    for (HistoryEvent e : aws.sfn().getExecutionHistoryPaginator(b -> b.executionArn(executionArn)).events()) {
      if (e.typeAsString().endsWith("StateEntered")) {
        entered++;
      }
    }
    return entered;
  }

  private static String playOneGame(AwsGameOrchestrator games, String id) {
    return playOneGame(games, id, () -> { });
  }

  /** Creates and plays a game, running {@code between} after every call. */
  private static String playOneGame(AwsGameOrchestrator games, String id, Runnable between) {
    games.createGame(spec(id));
    between.run();
    for (int p = 1; p <= PLAYERS; p++) {
      games.join(id, "p" + p);
      between.run();
    }
    for (int r = 1; r <= ROUNDS; r++) {
      for (int p = 1; p <= PLAYERS; p++) {
        games.submitMove(id, "p" + p, r, IntNode.valueOf(p));
        between.run();
      }
    }
    return id;
  }

  private static GameSpec spec(String id) {
    return GameSpec.builder().gameId(id).capacity(PLAYERS).minPlayers(2).rounds(ROUNDS)
        .lobbyTimeout(Duration.ofMinutes(10)).roundTimeout(Duration.ofMinutes(10)).build();
  }

  /** Figure 3: join and move latency through Clix beside a bare conditional UpdateItem, same run. */
  private static void latency() throws Exception {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().clock(Clock.systemUTC()).correlation(Correlation.CALLBACKS).namePrefix("latency").start()) {
      ClixDeployment deployment = aws.deployment();
      AwsGameOrchestrator games = aws.orchestrator("latency");
      Percentiles join = new Percentiles();
      Percentiles move = new Percentiles();
      Percentiles bare = new Percentiles();
      Percentiles bareTransaction = new Percentiles();
      for (int g = 0; g < 150; g++) {
        String id = "lat-" + g;
        games.createGame(spec(id));
        for (int p = 1; p <= PLAYERS; p++) {
          long t = System.nanoTime();
          games.join(id, "p" + p);
          record(join, g, t);
        }
        for (int r = 1; r <= ROUNDS; r++) {
          for (int p = 1; p <= PLAYERS; p++) {
            long t = System.nanoTime();
            games.submitMove(id, "p" + p, r, IntNode.valueOf(p));
            record(move, g, t);
          }
        }
        for (int i = 0; i < PLAYERS; i++) {
          long t = System.nanoTime();
          aws.dynamoDb().updateItem(b -> b.tableName(deployment.tableName())
              .key(Map.of("pk", AttributeValue.fromS("bare-" + id), "sk", AttributeValue.fromN("0")))
              .updateExpression("ADD n :one").conditionExpression("attribute_not_exists(n) OR n < :max")
              .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN("100"))));
          record(bare, g, t);
        }
        for (int i = 0; i < PLAYERS; i++) {
          long t = System.nanoTime();
          String key = "bare-tx-" + id;
          long sequence = i + 1;
          aws.dynamoDb().transactWriteItems(b -> b.transactItems(
              TransactWriteItem.builder().update(Update.builder().tableName(deployment.tableName())
                  .key(Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromN("0")))
                  .updateExpression("SET n = :n").conditionExpression("attribute_not_exists(n) OR n = :before")
                  .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Long.toString(sequence)),
                      ":before", AttributeValue.fromN(Long.toString(sequence - 1)))).build()).build(),
              TransactWriteItem.builder().put(Put.builder().tableName(deployment.tableName())
                  .item(Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromN(Long.toString(sequence)),
                      "event", AttributeValue.fromS("{}")))
                  .conditionExpression("attribute_not_exists(pk)").build()).build()));
          record(bareTransaction, g, t);
        }
      }
      System.out.println();
      System.out.println("== 3. latency through Clix beside the bare SDK call (callbacks mode, system clock, warm-up of 20 games dropped)");
      System.out.printf("   %-44s %8s %8s %6s%n", "call", "p50 ms", "p99 ms", "n");
      row("join (Clix)", join);
      row("submitMove (Clix)", move);
      row("bare conditional UpdateItem (SDK)", bare);
      row("bare TransactWriteItems, update + put (SDK)", bareTransaction);
      System.out.printf("   overhead at p50: join %.2f ms, move %.2f ms over the bare call%n",
          join.percentileMillis(50) - bare.percentileMillis(50), move.percentileMillis(50) - bare.percentileMillis(50));
    }
  }

  private static void record(Percentiles p, int game, long start) {
    if (game >= 20) {
      p.add(System.nanoTime() - start);
    }
  }

  private static void row(String name, Percentiles p) {
    System.out.printf("   %-44s %8.2f %8.2f %6d%n", name, p.percentileMillis(50), p.percentileMillis(99), p.count());
  }

  /** Figure 4: open lobbies one backend instance holds at once, with threads and heap after GC. */
  private static void openLobbies(int lobbies) throws Exception {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().clock(ManualClock.create()).correlation(Correlation.CALLBACKS).namePrefix("lobbies").start()) {
      ClixDeployment deployment = aws.deployment();
      AwsGameOrchestrator games = aws.orchestrator("lobbies");
      aws.settle();
      int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<?>> calls = new ArrayList<>();
      AtomicInteger open = new AtomicInteger();
      for (int i = 0; i < lobbies; i++) {
        String id = "lobby-" + i;
        calls.add(pool.submit(() -> {
          games.createGame(spec(id));
          games.join(id, "first");
          open.incrementAndGet();
        }));
      }
      for (Future<?> f : calls) {
        f.get();
      }
      pool.shutdown();
      aws.settle();
      double seconds = (System.nanoTime() - start) / 1e9;
      long sample = games.describe("lobby-" + (lobbies - 1)).players().size();
      System.gc();
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
      System.out.println();
      System.out.printf("== 4. open lobbies held at once by one backend instance: %d (each with a waiting execution; last has %d player)%n",
          open.get(), sample);
      System.out.printf("   opened in %.1f s; live threads %d before, %d after; heap after GC %.1f MB (local stack included, same JVM)%n",
          seconds, threadsBefore, threadsAfter, heap / 1048576.0);
    }
  }

  /** Figure 5: the local stack's own throughput: full games and state transitions per second on this machine. */
  private static void throughput(int games) throws Exception {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().clock(ManualClock.create()).correlation(Correlation.CALLBACKS).namePrefix("throughput").start()) {
      ClixDeployment deployment = aws.deployment();
      AwsGameOrchestrator orchestrator = aws.orchestrator("throughput");
      aws.settle();
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> runs = new ArrayList<>();
      for (int g = 0; g < games; g++) {
        String id = "tp-" + g;
        runs.add(pool.submit(() -> playOneGame(orchestrator, id)));
      }
      for (Future<?> f : runs) {
        f.get();
      }
      pool.shutdown();
      aws.settle();
      double seconds = (System.nanoTime() - start) / 1e9;
      long transitions = 0;
      for (int g = 0; g < games; g++) {
        transitions += stateTransitions(aws, deployment, "tp-" + g);
      }
      System.out.println();
      System.out.printf("== 5. the local stack: %d full games (%d players, %d rounds) in %.1f s: %.1f games/s, %.0f state transitions/s%n",
          games, PLAYERS, ROUNDS, seconds, games / seconds, transitions / seconds);
    }
  }
}
