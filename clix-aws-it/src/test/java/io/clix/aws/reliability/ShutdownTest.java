package io.clix.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.Correlation;
import io.clix.core.ClixException;
import io.clix.core.GameSpec;
import io.clix.core.JoinResult;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Closing an orchestrator is clean: its task router's long polls stop within a bounded time, calls
 * in flight finish or fail with a typed error, and no thread it started is left behind (the live
 * thread sets before and after are compared; the SDK clients, which the caller owns and which stay
 * open, are warmed up first so their own threads are in the "before" set).
 */
class ShutdownTest {

  private static final Duration BOUND = Duration.ofSeconds(3);

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void closeStopsThePollersInBoundedTimeAndLeavesNoThreadBehind(Correlation correlation) throws Exception {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      AwsClients clients = aws.closeWith(AwsClients.at(aws.stack().endpoint(), AwsClients.Options.plain()));
      warmUp(aws, clients);
      AwsGameOrchestrator warm = aws.orchestrator(b -> clients.apply(b).routerWorkers(0));
      warm.createGame(GameSpec.builder().gameId("warm-up").capacity(2).build());
      warm.joinAsync("warm-up", "alice", null).join();
      warm.close();
      aws.forget(warm);
      Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());

      AwsGameOrchestrator games = aws.orchestrator(b -> clients.apply(b).workerName("closing").routerWorkers(6));
      games.createGame(GameSpec.builder().gameId("closing").capacity(64).build());
      aws.settle();
      List<CompletableFuture<JoinResult>> inFlight = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        inFlight.add(games.joinAsync("closing", "p" + i, null));
      }
      assertThat(newThreads(before)).as("the router's workers are running").isNotEmpty();

      long start = System.nanoTime();
      games.close();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      aws.forget(games);

      for (CompletableFuture<JoinResult> call : inFlight) {
        try {
          assertThat(call.get(10, TimeUnit.SECONDS).game().gameId()).isEqualTo("closing");
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).as("an in-flight call fails typed").isInstanceOf(ClixException.class);
        }
      }
      System.out.println(correlation + ": close() took " + took.toMillis() + " ms; threads started and left: "
          + newThreads(before));
      assertThat(took).as("close() returns within the bound").isLessThan(BOUND);
      assertThat(newThreads(before)).as("threads the orchestrator started and left running").isEmpty();
    }
  }

  private static void warmUp(ClixLocalEnvironment aws, AwsClients c) {
    c.sfn.listActivities();
    c.sfnAsync.listActivities().join();
    c.dynamoDb.describeTable(b -> b.tableName(aws.deployment().tableName()));
    c.dynamoDbAsync.describeTable(b -> b.tableName(aws.deployment().tableName())).join();
  }

  /**
   * Live threads that were not alive in {@code before}, except those of pools others own and grow
   * on demand: the local stack's HTTP workers, the SDK clients' response executors, event loops and
   * timeout schedulers (the caller's clients stay open; the orchestrator builds no client of its own),
   * and the JDK's one shared CompletableFuture delay thread.
   */
  private static List<String> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t))
        .filter(t -> !t.getName().startsWith("clix-local-") && !t.getName().startsWith("sdk-async-response-")
            && !t.getName().startsWith("aws-java-sdk-NettyEventLoop-")
            && !t.getName().startsWith("sdk-ScheduledExecutor-")
            && !t.getName().equals("CompletableFutureDelayScheduler"))
        .map(Thread::getName)
        .sorted()
        .collect(Collectors.toList());
  }
}
