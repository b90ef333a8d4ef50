package io.clix.aws.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.Correlation;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.JoinResult;
import io.clix.core.MoveReceipt;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Many games played at once through two orchestrator instances (one table, one state machine)
 * whose clients go through a {@link FaultProxy}: every game is created, joined by more players
 * than it has seats, and played round by round, each call on a random instance, sync or async,
 * retried by the caller while it fails retryably ({@link CallLedger}). Then {@link #verify()}
 * reads every game back through a fault-free instance and counts what was lost or doubled.
 * Test plumbing.
 */
public final class FaultyRun implements AutoCloseable {

  /** The size of a run: games, seats, rounds, extra joiners per game, fault share, caller threads. */
  public record Shape(int games, int capacity, int rounds, int extraJoiners, double faultShare, int threads) {
    /** The joins and moves the run makes. */
    public int calls() {
      return games * (capacity + extraJoiners) + games * capacity * rounds;
    }
  }

  /** What {@link #verify()} found. */
  public record Verdict(long lost, long doubled, long overCapacity, long notFinished, long executionsNotSucceeded,
      long waitsLeftToTimers, List<String> details) {}

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  public final ClixLocalEnvironment deployment;
  public final FaultProxy proxy;
  public final CallLedger ledger = new CallLedger(25);
  public final CallLedger setup = new CallLedger(25);
  private final Shape shape;
  private final AwsGameOrchestrator[] instances;
  private final AwsGameOrchestrator inspector;
  private final ExecutorService callers;
  private final Random random = new Random(8);
  private final List<String> games = new ArrayList<>();
  private final Map<String, Map<String, Integer>> seats = new ConcurrentHashMap<>();
  private final Map<String, Map<String, JsonNode>> moves = new ConcurrentHashMap<>();

  public FaultyRun(Correlation correlation, Shape shape) {
    this.shape = shape;
    this.deployment = ClixLocalEnvironment.builder().correlation(correlation).start();
    this.proxy = new FaultProxy(deployment.stack().endpoint());
    AwsClients.Options faulty = new AwsClients.Options(4, Duration.ofMillis(1500));
    this.instances = new AwsGameOrchestrator[] {
        deployment.adoptLossy(deployment.closeWith(AwsClients.at(proxy.endpoint(), faulty))
            .apply(deployment.orchestratorBuilder()).workerName("a").build()),
        deployment.adoptLossy(deployment.closeWith(AwsClients.at(proxy.endpoint(), faulty))
            .apply(deployment.orchestratorBuilder()).workerName("b").build())};
    this.inspector = deployment.orchestrator(b -> b.workerName("inspector").routerWorkers(0));
    this.callers = Executors.newFixedThreadPool(shape.threads());
  }

  /** Creates the games, then joins, then plays every round, all under faults. */
  public FaultyRun play() {
    proxy.share(shape.faultShare());
    List<Supplier<Object>> creates = new ArrayList<>();
    for (int g = 0; g < shape.games(); g++) {
      String id = "game-" + g;
      games.add(id);
      seats.put(id, new ConcurrentHashMap<>());
      moves.put(id, new ConcurrentHashMap<>());
      GameSpec spec = GameSpec.builder().gameId(id).capacity(shape.capacity()).minPlayers(shape.capacity())
          .rounds(shape.rounds()).lobbyTimeout(TIMEOUT).roundTimeout(TIMEOUT).build();
      creates.add(() -> setup.call(() -> pick().createGame(spec)));
    }
    runAll(creates);
    List<Supplier<Object>> joins = new ArrayList<>();
    for (String game : games) {
      for (int p = 0; p < shape.capacity() + shape.extraJoiners(); p++) {
        String player = game + "-p" + p;
        boolean async = random.nextBoolean();
        AwsGameOrchestrator on = pick();
        joins.add(() -> {
          CallLedger.Result<JoinResult> r = ledger.call(async
              ? () -> on.joinAsync(game, player, null).join() : () -> on.join(game, player));
          if (r.ok()) {
            seats.get(game).put(player, r.value().seat());
          }
          return r;
        });
      }
    }
    Collections.shuffle(joins, random);
    runAll(joins);
    for (int round = 1; round <= shape.rounds(); round++) {
      List<Supplier<Object>> calls = new ArrayList<>();
      for (String game : games) {
        for (String player : seats.get(game).keySet()) {
          int r = round;
          JsonNode move = IntNode.valueOf(random.nextInt(1000));
          boolean async = random.nextBoolean();
          AwsGameOrchestrator on = pick();
          calls.add(() -> {
            CallLedger.Result<MoveReceipt> res = ledger.call(async
                ? () -> on.submitMoveAsync(game, player, r, move).join() : () -> on.submitMove(game, player, r, move));
            if (res.ok()) {
              moves.get(game).put(player + "@" + r, move);
            }
            return res;
          });
        }
      }
      Collections.shuffle(calls, random);
      runAll(calls);
    }
    proxy.share(0);
    return this;
  }

  private AwsGameOrchestrator pick() {
    synchronized (random) {
      return instances[random.nextInt(instances.length)];
    }
  }

  private void runAll(List<Supplier<Object>> calls) {
    List<Future<Object>> futures = new ArrayList<>();
    calls.forEach(c -> futures.add(callers.submit(c::get)));
    for (Future<Object> f : futures) {
      try {
        f.get();
      } catch (Exception e) {
        throw new IllegalStateException("a caller thread failed", e);
      }
    }
  }

  /** Reads every game back (fault-free) and counts lost, doubled and over-capacity, then lets timers flush. */
  public Verdict verify() {
    deployment.settle();
    List<String> details = new ArrayList<>();
    long lost = 0;
    long doubled = 0;
    long over = 0;
    long notFinished = 0;
    long waiting = 0;
    for (String game : games) {
      GameView view = inspector.describe(game);
      List<GameEvent> events = inspector.events(game, 0);
      Set<String> joined = new HashSet<>();
      Set<Integer> seatsTaken = new HashSet<>();
      Set<String> moved = new HashSet<>();
      Map<String, JsonNode> revealed = new HashMap<>();
      for (GameEvent e : events) {
        if (e.type() == EventType.PLAYER_JOINED) {
          String p = e.playerId().orElseThrow();
          if (!joined.add(p) || !seatsTaken.add(e.data().path("seat").asInt())) {
            doubled++;
            details.add(game + ": " + p + " joined twice or took a taken seat");
          }
        } else if (e.type() == EventType.MOVE_ACCEPTED) {
          String key = e.playerId().orElseThrow() + "@" + e.round().orElseThrow();
          if (!moved.add(key)) {
            doubled++;
            details.add(game + ": move " + key + " accepted twice");
          }
        } else if (e.type() == EventType.ROUND_CLOSED) {
          int r = e.round().orElseThrow();
          e.data().path("moves").fields().forEachRemaining(m -> revealed.put(m.getKey() + "@" + r, m.getValue()));
        }
      }
      if (joined.size() > shape.capacity() || view.players().size() > shape.capacity()) {
        over++;
        details.add(game + ": " + joined.size() + " players in " + shape.capacity() + " seats");
      }
      for (Map.Entry<String, Integer> s : seats.get(game).entrySet()) {
        if (!joined.contains(s.getKey()) || view.player(s.getKey()).map(p -> p.seat() != s.getValue()).orElse(true)) {
          lost++;
          details.add(game + ": accepted join of " + s.getKey() + " (seat " + s.getValue() + ") not in the game");
        }
      }
      for (Map.Entry<String, JsonNode> m : moves.get(game).entrySet()) {
        if (!moved.contains(m.getKey()) || !m.getValue().equals(revealed.get(m.getKey()))) {
          lost++;
          details.add(game + ": accepted move " + m.getKey() + " lost or changed (" + revealed.get(m.getKey()) + ")");
        }
      }
      if (view.status() != GameStatus.FINISHED) {
        notFinished++;
        details.add(game + ": " + view.status() + " in round " + view.currentRound());
      }
      if (deployment.executionStatus(game) == ExecutionStatus.RUNNING) {
        waiting++;
      }
    }
    // Waits whose completion or task was lost end at their timeouts; a lost timer task at its 300 s.
    deployment.advance(TIMEOUT.plusSeconds(1));
    deployment.advance(TIMEOUT.plusSeconds(1));
    deployment.advance(Duration.ofSeconds(301));
    try {
      // The routers answer the last timer tasks on their own threads.
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> games.stream()
          .allMatch(g -> deployment.executionStatus(g) != ExecutionStatus.RUNNING));
    } catch (ConditionTimeoutException e) {
      details.add("executions still running 30 s after the last timers");
    }
    long notSucceeded = 0;
    for (String game : games) {
      ExecutionStatus status = deployment.executionStatus(game);
      if (status != ExecutionStatus.SUCCEEDED) {
        notSucceeded++;
        details.add(game + ": execution " + status);
      }
    }
    return new Verdict(lost, doubled, over, notFinished, notSucceeded, waiting, details);
  }

  /** The games this run played. */
  public List<String> games() {
    return games;
  }

  /** The two faulty instances. */
  public AwsGameOrchestrator[] instances() {
    return instances;
  }

  @Override
  public void close() {
    callers.shutdownNow();
    deployment.close();
    proxy.close();
  }
}
