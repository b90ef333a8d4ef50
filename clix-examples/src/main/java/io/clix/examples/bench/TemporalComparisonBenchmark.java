package io.clix.examples.bench;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.Correlation;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.time.ManualClock;
import io.clix.examples.bench.temporal.LobbyGameWorkflow;
import io.clix.examples.bench.temporal.LobbyGameWorkflowImpl;
import io.clix.local.junit5.ClixLocalEnvironment;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Locale;

/**
 * Clix on its supported local environment beside Temporal's time-skipping test server
 * ({@code io.temporal:temporal-testing}, a dependency of this benchmark only), on one scenario a game
 * test would run: a lobby of 4 with a 20 s timeout, three players join, the lobby times out and the
 * game starts, three 30 s rounds closed by their deadlines. The two systems alternate in one run, each
 * scenario on a fresh game id in a warm environment; warm-up runs are dropped. Also the start-up of
 * each environment (local stack plus provisioning, against the test server plus a worker). Prints
 * medians, p90s and the ratios. Not a test: run it from the README's Performance section.
 */
public final class TemporalComparisonBenchmark {

  private static final int CAPACITY = 4;
  private static final int MIN_PLAYERS = 2;
  private static final int ROUNDS = 3;
  private static final int JOINING = 3;
  private static final Duration LOBBY_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);
  private static final String TASK_QUEUE = "bench";

  private TemporalComparisonBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int starts = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    System.out.println("Clix (embedded local stack, manual clock) beside Temporal's time-skipping test server; "
        + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
    scenario(runs, warmUp);
    startUp(starts);
    System.exit(0);
  }

  /** The scenario, alternating Clix (both correlation modes) and Temporal, one game each per turn. */
  private static void scenario(int runs, int warmUp) throws Exception {
    Percentiles callbacks = new Percentiles();
    Percentiles activities = new Percentiles();
    Percentiles temporal = new Percentiles();
    try (ClixLocalEnvironment cb = clix(Correlation.CALLBACKS);
        ClixLocalEnvironment act = clix(Correlation.ACTIVITIES);
        TemporalSide tmp = new TemporalSide()) {
      AwsGameOrchestrator cbGames = cb.orchestrator("bench-cb");
      AwsGameOrchestrator actGames = act.orchestrator("bench-act");
      cb.settle();
      act.settle();
      for (int i = 0; i < warmUp + runs; i++) {
        String id = "scenario-" + i;
        timed(i >= warmUp ? callbacks : null, () -> clixScenario(cb, cbGames, id));
        timed(i >= warmUp ? temporal : null, () -> tmp.scenario(id));
        timed(i >= warmUp ? activities : null, () -> clixScenario(act, actGames, id));
      }
    }
    System.out.println();
    System.out.printf("== the scenario (lobby of %d, %d join, %d s lobby timeout, %d rounds of %d s closed by their deadlines); "
        + "%d runs each after %d warm-up runs%n", CAPACITY, JOINING, LOBBY_TIMEOUT.toSeconds(), ROUNDS,
        ROUND_TIMEOUT.toSeconds(), runs, warmUp);
    System.out.printf("   %-52s %8s %8s%n", "system", "p50 ms", "p90 ms");
    row("Clix, callbacks mode (ClixLocalEnvironment)", callbacks);
    row("Clix, activities mode (ClixLocalEnvironment)", activities);
    row("Temporal test server (TestWorkflowEnvironment)", temporal);
    System.out.printf("   ratio Clix / Temporal at p50: callbacks %.2f, activities %.2f%n",
        callbacks.percentileMillis(50) / temporal.percentileMillis(50),
        activities.percentileMillis(50) / temporal.percentileMillis(50));
  }

  /** Start-up: a local stack with the table, state machine and activities provisioned, against a test server with a worker. */
  private static void startUp(int starts) throws Exception {
    Percentiles clix = new Percentiles();
    Percentiles temporal = new Percentiles();
    for (int i = 0; i < starts + 1; i++) {
      Percentiles c = i > 0 ? clix : null;
      Percentiles t = i > 0 ? temporal : null;
      timed(c, () -> {
        try (ClixLocalEnvironment env = clix(Correlation.CALLBACKS)) {
          env.orchestrator("start");
          env.settle();
        }
      });
      timed(t, () -> {
        try (TemporalSide side = new TemporalSide()) {
          side.client.getOptions().getNamespace();
        }
      });
    }
    System.out.println();
    System.out.printf("== start-up, %d each after one warm-up (close included)%n", starts);
    System.out.printf("   %-52s %8s %8s%n", "system", "p50 ms", "p90 ms");
    row("Clix: local stack + provisioning + orchestrator", clix);
    row("Temporal: test server + worker", temporal);
    System.out.printf("   ratio Clix / Temporal at p50: %.2f%n", clix.percentileMillis(50) / temporal.percentileMillis(50));
  }

  private static ClixLocalEnvironment clix(Correlation mode) {
    return ClixLocalEnvironment.builder().clock(ManualClock.create()).correlation(mode)
        .namePrefix("vs-" + mode.name().toLowerCase(Locale.ROOT)).start();
  }

  private static void clixScenario(ClixLocalEnvironment env, AwsGameOrchestrator games, String id) {
    games.createGame(GameSpec.builder().gameId(id).capacity(CAPACITY).minPlayers(MIN_PLAYERS).rounds(ROUNDS)
        .lobbyTimeout(LOBBY_TIMEOUT).roundTimeout(ROUND_TIMEOUT).build());
    for (int p = 1; p <= JOINING; p++) {
      games.join(id, "p" + p);
    }
    env.advance(LOBBY_TIMEOUT.plus(ROUND_TIMEOUT.multipliedBy(ROUNDS)));
    GameStatus status = games.describe(id).status();
    if (status != GameStatus.FINISHED) {
      throw new IllegalStateException("Clix game " + id + " ended " + status + ", not FINISHED");
    }
  }

  private static void timed(Percentiles into, Runnable run) {
    long start = System.nanoTime();
    run.run();
    if (into != null) {
      into.add(System.nanoTime() - start);
    }
  }

  private static void row(String name, Percentiles p) {
    System.out.printf("   %-52s %8.2f %8.2f%n", name, p.percentileMillis(50), p.percentileMillis(90));
  }

  /** Temporal's test environment with one worker running the game workflow. */
  private static final class TemporalSide implements AutoCloseable {
    final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    final WorkflowClient client;

    TemporalSide() {
      Worker worker = env.newWorker(TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(LobbyGameWorkflowImpl.class);
      env.start();
      client = env.getWorkflowClient();
    }

    void scenario(String id) {
      LobbyGameWorkflow game = client.newWorkflowStub(LobbyGameWorkflow.class,
          WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TASK_QUEUE).build());
      WorkflowClient.start(game::play, CAPACITY, MIN_PLAYERS, ROUNDS, LOBBY_TIMEOUT.toSeconds(), ROUND_TIMEOUT.toSeconds());
      for (int p = 1; p <= JOINING; p++) {
        game.join("p" + p);
      }
      int moves = WorkflowStub.fromTyped(game).getResult(Integer.class);
      if (moves != 0) {
        throw new IllegalStateException("Temporal game " + id + " recorded " + moves + " moves, not 0");
      }
    }

    @Override
    public void close() {
      env.close();
    }
  }
}
