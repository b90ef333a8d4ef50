package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clix.core.GameEvent;
import io.clix.core.GameEventListener;
import io.clix.core.GameNotFoundException;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.local.junit5.ClixLocalEnvironment;
import io.clix.local.junit5.LocalStackClients;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A fleet behind a load balancer: three instances, 100 games whose calls land on random instances,
 * and on every instance listeners for all games and for some games. Every listener gets every event
 * of its games in order, exactly once, across an instance restart and a shard roll-over.
 *
 * <p>The restarted instance catches up the way a backend does after a restart: each per-game
 * listener is subscribed again with the last sequence its client saw ({@code subscribe(game,
 * lastSeen, listener)}), which reads the missed events from {@code events()} and then follows the
 * stream. Delivery is "done" when the environment has settled and a poll of every stream delivers
 * nothing new: counters, never a quiet window.
 */
class GameEventStreamFleetTest {

  private static final int GAMES = 100;
  private static final Duration TIMEOUT = Duration.ofHours(8); // no timer fires in the 4 h roll-over jump

  @Test
  void everyListenerOnEveryInstanceGetsEveryEventOfItsGamesInOrderOnce() {
    long started = System.nanoTime();
    Random random = new Random(16);
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().start();
        DynamoDbStreamsClient streams = LocalStackClients.dynamoDbStreams(aws.stack())) {
      List<Instance> fleet = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        fleet.add(new Instance(aws, streams, "i" + i));
      }
      List<String> games = new ArrayList<>();
      Map<String, Deque<Consumer<GameOrchestrator>>> calls = new LinkedHashMap<>();
      for (int g = 0; g < GAMES; g++) {
        String game = "fleet-" + g;
        games.add(game);
        calls.put(game, script(game));
      }
      for (Instance instance : fleet) {
        instance.listenToAll();
        for (String game : games) {
          if (random.nextInt(3) == 0) {
            instance.listenTo(game, 0, new Received());
          }
        }
      }
      int total = calls.values().stream().mapToInt(Deque::size).sum();
      Instance restarted = null;
      for (int done = 0; done < total; done++) {
        if (done == total * 35 / 100) {
          // Steady state so far: every listener has what was committed, in order, with no duplicate.
          drain(aws, fleet);
          fleet.forEach(instance -> instance.assertExact(fleet.get(0).orchestrator, false));
          fleet.get(2).close(aws);
        }
        if (done == total * 55 / 100) {
          restarted = fleet.get(2).restart(aws, streams, "i2-restarted");
          fleet.add(restarted);
        }
        if (done == total * 65 / 100) {
          drain(aws, fleet);
          // The open shard is four hours old: the next write closes it and opens a child. The
          // iterators expire meanwhile (15 min), so the next poll renews them too.
          aws.advance(Duration.ofHours(4));
        }
        String game = pick(random, calls);
        List<Instance> live = fleet.stream().filter(i -> !i.closed).collect(Collectors.toList());
        calls.get(game).poll().accept(live.get(random.nextInt(live.size())).orchestrator);
        if (done % 50 == 49) {
          aws.settle();
          live.forEach(i -> i.stream.poll());
        }
      }
      drain(aws, fleet);

      long events = 0;
      for (String game : games) {
        List<Long> log = sequences(fleet.get(0).orchestrator.events(game, 0));
        assertThat(log).isEqualTo(LongStream.rangeClosed(1, 13).boxed().collect(Collectors.toList()));
        events += log.size();
      }
      for (Instance instance : fleet) {
        instance.assertExact(fleet.get(0).orchestrator, true);
      }
      long duplicates = fleet.stream().mapToLong(Instance::duplicates).sum();
      long deliveries = fleet.stream().mapToLong(Instance::deliveries).sum();
      long redeliveries = fleet.stream().mapToLong(i -> i.stream.redeliveries()).sum();
      long dropped = fleet.stream().mapToLong(i -> i.stream.duplicates()).sum();
      long renewed = fleet.stream().mapToLong(i -> i.stream.renewedIterators()).sum();
      int shards = streams.describeStream(r -> r.streamArn(aws.dynamoDb().describeTable(t -> t.tableName(
          aws.deployment().tableName())).table().latestStreamArn())).streamDescription().shards().size();
      assertThat(duplicates).isZero();
      assertThat(shards).isGreaterThanOrEqualTo(2);
      assertThat(renewed).isPositive();
      System.out.printf("event stream fleet: instances=3 (+1 restarted) games=%d events=%d deliveries=%d "
          + "duplicates=%d redeliveries=%d (across a shard roll-over, shards=%d, and iterator expiry, renewed=%d; "
          + "copies dropped before the listeners=%d) in %d ms%n", GAMES, events, deliveries, duplicates, redeliveries,
          shards, renewed, dropped,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** One game's calls: create, two joins (the second starts it), two rounds of two moves (the last finishes it). */
  private static Deque<Consumer<GameOrchestrator>> script(String game) {
    Deque<Consumer<GameOrchestrator>> calls = new ArrayDeque<>();
    calls.add(o -> o.createGame(GameSpec.builder().gameId(game).capacity(2).rounds(2).lobbyTimeout(TIMEOUT)
        .roundTimeout(TIMEOUT).build()));
    for (String player : List.of("p1", "p2")) {
      calls.add(o -> o.join(game, player, JsonNodeFactory.instance.objectNode()));
    }
    for (int round = 1; round <= 2; round++) {
      int r = round;
      for (String player : List.of("p1", "p2")) {
        calls.add(o -> o.submitMove(game, player, r, IntNode.valueOf(r)));
      }
    }
    return calls;
  }

  private static String pick(Random random, Map<String, Deque<Consumer<GameOrchestrator>>> calls) {
    List<String> open = calls.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
        .collect(Collectors.toList());
    return open.get(random.nextInt(open.size()));
  }

  /** Settles, then polls every live stream until a round of polls delivers nothing new. */
  private static void drain(ClixLocalEnvironment aws, List<Instance> fleet) {
    long before;
    long after = -1;
    do {
      before = after;
      aws.settle();
      fleet.stream().filter(i -> !i.closed).forEach(i -> i.stream.poll());
      after = fleet.stream().mapToLong(Instance::deliveries).sum();
    } while (after != before);
  }

  private static List<Long> committed(GameOrchestrator reader, String game) {
    try {
      return sequences(reader.events(game, 0));
    } catch (GameNotFoundException e) {
      return List.of();
    }
  }

  private static List<Long> sequences(List<GameEvent> events) {
    return events.stream().map(GameEvent::sequence).collect(Collectors.toList());
  }

  /** What one listener received, per game, in arrival order. */
  private static final class Received implements GameEventListener {
    final Map<String, List<Long>> byGame = new ConcurrentHashMap<>();

    @Override
    public void onEvent(GameEvent event) {
      List<Long> got = byGame.computeIfAbsent(event.gameId(), g -> new ArrayList<>());
      synchronized (got) {
        got.add(event.sequence());
      }
    }

    long count() {
      return byGame.values().stream().mapToLong(List::size).sum();
    }

    long duplicates() {
      return byGame.values().stream().mapToLong(l -> l.size() - l.stream().distinct().count()).sum();
    }
  }

  /** One backend instance: an orchestrator, its event stream, and its listeners. */
  private static final class Instance {
    final AwsGameOrchestrator orchestrator;
    final GameEventStream stream;
    final Received all = new Received();
    final Map<String, Received> perGame = new LinkedHashMap<>();
    /** Whether {@link #all} started with the first events (a restarted instance's starts mid-run). */
    boolean allFromStart = true;
    boolean closed;

    Instance(ClixLocalEnvironment aws, DynamoDbStreamsClient streams, String name) {
      orchestrator = aws.orchestrator(name);
      stream = GameEventStream.builder().orchestrator(orchestrator).dynamoDb(aws.dynamoDb()).streams(streams)
          .tableName(aws.deployment().tableName()).clock(aws.clock()).build();
      aws.closeWith(stream);
    }

    void listenToAll() {
      stream.subscribeAll(all);
    }

    void listenTo(String game, long afterSequence, Received received) {
      perGame.put(game, received);
      stream.subscribe(game, afterSequence, received);
    }

    void close(ClixLocalEnvironment aws) {
      closed = true;
      stream.close();
      aws.forget(orchestrator);
      orchestrator.close();
    }

    /** A new instance that resumes this one's per-game listeners from the last sequence each saw. */
    Instance restart(ClixLocalEnvironment aws, DynamoDbStreamsClient streams, String name) {
      Instance next = new Instance(aws, streams, name);
      next.allFromStart = false;
      next.listenToAll();
      perGame.forEach((game, received) -> {
        List<Long> seen = received.byGame.getOrDefault(game, List.of());
        next.listenTo(game, seen.isEmpty() ? 0 : seen.get(seen.size() - 1), received);
      });
      return next;
    }

    long deliveries() {
      return all.count() + perGame.values().stream().mapToLong(Received::count).sum();
    }

    long duplicates() {
      return all.duplicates() + perGame.values().stream().mapToLong(Received::duplicates).sum();
    }

    /**
     * Checks the listeners against the log: every per-game listener has exactly the game's events;
     * the all-games listener has them too, or (closed, or restarted mid-run) an unbroken run of them.
     */
    void assertExact(GameOrchestrator reader, boolean end) {
      Map<String, List<Long>> logs = new HashMap<>();
      Function<String, List<Long>> log = game -> logs.computeIfAbsent(game, g -> committed(reader, g));
      if (end && allFromStart && !closed) {
        assertThat(all.byGame).hasSize(GAMES);
      }
      perGame.forEach((game, received) -> {
        assertThat(received.byGame.keySet()).isSubsetOf(game);
        if (!closed || end) {
          assertThat(received.byGame.getOrDefault(game, List.of())).as("listener on %s", game).isEqualTo(log.apply(game));
        }
      });
      all.byGame.forEach((game, got) -> {
        List<Long> committed = log.apply(game);
        if (allFromStart && !closed) {
          assertThat(got).as("all-games listener on %s", game).isEqualTo(committed);
        } else {
          assertThat(got).as("all-games listener on %s", game)
              .isEqualTo(committed.subList((int) (got.get(0) - 1), (int) (got.get(0) - 1) + got.size()));
          if (!closed) {
            assertThat(got.get(got.size() - 1)).isEqualTo(committed.get(committed.size() - 1));
          }
        }
      });
    }
  }
}
