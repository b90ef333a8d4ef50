package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.Subscription;
import io.clix.local.junit5.ClixLocalEnvironment;
import io.clix.local.junit5.LocalStackClients;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The game table's stream carries every game's events to every instance, in order, once. */
class GameEventStreamTest {

  @Test
  void instanceBSeesEveryEventInstanceAWroteInOrderOnceAcrossAShardRollOver() {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.CALLBACKS).start();
        DynamoDbStreamsClient streams = LocalStackClients.dynamoDbStreams(aws.stack())) {
      AwsGameOrchestrator a = aws.orchestrator("a");
      AwsGameOrchestrator b = aws.orchestrator("b");
      try (GameEventStream onA = stream(aws, streams, a); GameEventStream onB = stream(aws, streams, b)) {
        List<GameEvent> seenOnA = new CopyOnWriteArrayList<>();
        List<GameEvent> seenOnB = new CopyOnWriteArrayList<>();
        List<GameEvent> g2OnB = new CopyOnWriteArrayList<>();
        onA.subscribeAll(seenOnA::add);
        onB.subscribeAll(seenOnB::add);
        onB.subscribe("g2", 0, g2OnB::add);

        for (String game : List.of("g1", "g2")) {
          a.createGame(GameSpec.builder().gameId(game).capacity(3).build());
          a.join(game, "p1", JsonNodeFactory.instance.objectNode());
        }
        aws.settle();
        onA.poll();
        onB.poll();
        assertThat(sequences(seenOnB, "g1")).isEqualTo(sequences(a.events("g1", 0), "g1"));

        aws.advance(Duration.ofHours(5));
        aws.settle();
        // The lobbies timed out meanwhile (events folded by whichever router took the timer); a new game:
        a.createGame(GameSpec.builder().gameId("g3").capacity(3).build());
        a.join("g3", "p1", JsonNodeFactory.instance.objectNode());
        a.cancel("g3", "done");
        // Reading folds the due timers (the lobby timeouts) into events: read first, then poll.
        java.util.Map<String, List<Long>> committed = new java.util.HashMap<>();
        for (String game : List.of("g1", "g2", "g3")) {
          committed.put(game, sequences(a.events(game, 0), game));
        }
        aws.settle();
        onA.poll();
        onB.poll();

        assertThat(streams.describeStream(r -> r.streamArn(aws.dynamoDb().describeTable(t -> t.tableName(aws.deployment().tableName()))
            .table().latestStreamArn())).streamDescription().shards()).hasSizeGreaterThanOrEqualTo(2);
        for (String game : List.of("g1", "g2", "g3")) {
          assertThat(committed.get(game)).hasSizeGreaterThanOrEqualTo(3)
              .isEqualTo(sequences(a.events(game, 0), game));
          assertThat(sequences(seenOnB, game)).isEqualTo(committed.get(game));
          assertThat(sequences(seenOnA, game)).isEqualTo(committed.get(game));
        }
        assertThat(sequences(g2OnB, "g2")).isEqualTo(sequences(a.events("g2", 0), "g2"));
        assertThat(seenOnB).allSatisfy(e -> assertThat(e.gameId()).isIn("g1", "g2", "g3"));
        // A's listeners had its own events from its writes; the stream's copies were dropped, not redelivered
        // (the sequences above hold each event once). Timer folds may be written by either router, so only
        // A's own writes (2 creates, 2 joins, then g3's create, join and cancel at least) are known copies.
        assertThat(onA.duplicates()).isGreaterThanOrEqualTo(7);
        // Lag: the oldest record of the last poll was written while the clock moved 5 hours unpolled.
        assertThat(onB.lag()).isPositive().isLessThanOrEqualTo(Duration.ofHours(5));
        onB.poll();
        assertThat(onB.lag()).isZero();
      }
    }
  }

  @Test
  void aListenerOnOneGameGetsThatGamesEventsOnlyFromTheStartAndNothingAfterUnsubscribing() {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().start();
        DynamoDbStreamsClient streams = LocalStackClients.dynamoDbStreams(aws.stack())) {
      AwsGameOrchestrator a = aws.orchestrator("a");
      AwsGameOrchestrator b = aws.orchestrator("b");
      try (GameEventStream onB = stream(aws, streams, b)) {
        List<GameEvent> everything = new CopyOnWriteArrayList<>();
        List<GameEvent> onGameA = new CopyOnWriteArrayList<>();
        List<GameEvent> onGameB = new CopyOnWriteArrayList<>();
        onB.subscribeAll(everything::add);
        Subscription gameA = onB.subscribe("game-a", 0, onGameA::add);
        onB.subscribe("game-b", 0, onGameB::add);
        for (String game : List.of("game-a", "game-b", "game-c")) {
          a.createGame(GameSpec.builder().gameId(game).capacity(3).build());
          a.join(game, "p1", JsonNodeFactory.instance.objectNode());
        }
        aws.settle();
        onB.poll();
        assertThat(onGameA).extracting(GameEvent::gameId).containsOnly("game-a");
        assertThat(onGameA).containsExactlyElementsOf(a.events("game-a", 0));
        assertThat(onGameB).containsExactlyElementsOf(a.events("game-b", 0));
        assertThat(sequences(everything, "game-c")).isEqualTo(sequences(a.events("game-c", 0), "game-c"));

        // A late subscriber gets the history other listeners already had, then the stream, each event once.
        List<GameEvent> late = new CopyOnWriteArrayList<>();
        onB.subscribe("game-c", 0, late::add);
        assertThat(late).containsExactlyElementsOf(a.events("game-c", 0));

        gameA.close();
        for (String game : List.of("game-a", "game-c")) {
          a.join(game, "p2", JsonNodeFactory.instance.objectNode());
        }
        aws.settle();
        onB.poll();
        assertThat(onGameA).hasSize(2);
        assertThat(late).containsExactlyElementsOf(a.events("game-c", 0)).hasSize(3);
        assertThat(sequences(everything, "game-a")).isEqualTo(sequences(a.events("game-a", 0), "game-a"));
        assertThat(onGameB).extracting(GameEvent::gameId).containsOnly("game-b");
      }
    }
  }

  @Test
  void withARegistryEachDeliveredEventsLagFromCommitIsTimed() {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().start();
        DynamoDbStreamsClient streams = LocalStackClients.dynamoDbStreams(aws.stack())) {
      AwsGameOrchestrator a = aws.orchestrator("a");
      AwsGameOrchestrator b = aws.orchestrator("b");
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (GameEventStream onB = GameEventStream.builder().orchestrator(b).dynamoDb(aws.dynamoDb()).streams(streams)
          .tableName(aws.deployment().tableName()).clock(aws.clock()).meterRegistry(registry).build()) {
        List<GameEvent> seen = new CopyOnWriteArrayList<>();
        onB.subscribeAll(seen::add);
        a.createGame(GameSpec.builder().gameId("lag-1").capacity(3).lobbyTimeout(Duration.ofMinutes(10)).build());
        a.join("lag-1", "p1", JsonNodeFactory.instance.objectNode());
        aws.settle();
        aws.advance(Duration.ofSeconds(3)); // committed, not yet delivered: B polls 3 s later
        onB.poll();

        Timer lag = registry.find("clix.events.lag").timer();
        assertThat(seen).hasSize(a.events("lag-1", 0).size()).isNotEmpty();
        assertThat(lag.count()).isEqualTo(seen.size());
        assertThat(lag.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(3000);
      }
    }
  }

  private static GameEventStream stream(ClixLocalEnvironment aws, DynamoDbStreamsClient streams, AwsGameOrchestrator on) {
    return GameEventStream.builder().orchestrator(on).dynamoDb(aws.dynamoDb()).streams(streams).tableName(aws.deployment().tableName())
        .clock(aws.clock()).build();
  }

  private static List<Long> sequences(List<GameEvent> events, String game) {
    return events.stream().filter(e -> e.gameId().equals(game)).map(GameEvent::sequence).collect(Collectors.toList());
  }
}
