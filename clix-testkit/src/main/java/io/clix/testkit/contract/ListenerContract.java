package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.GameEvent;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Listeners: the events of changes made through the orchestrator arrive, in sequence order per
 * game, until the subscription is closed; a failing listener fails no call.
 */
public interface ListenerContract extends ContractPart {

  @Test
  default void listenersReceiveTheEventsOfCallsInOrder() {
    Fixture f = Fixture.of(this);
    List<GameEvent> received = new CopyOnWriteArrayList<>();
    try (Subscription ignored = f.games.addListener(received::add)) {
      GameView game = f.games.createGame(Fixture.spec("listen").capacity(2).rounds(2).build());
      String id = game.gameId();
      f.games.join(id, "alice");
      f.games.join(id, "bob");
      f.games.submitMove(id, "alice", 1, json("1"));
      f.games.submitMove(id, "bob", 1, json("2"));
      f.games.finish(id, json("{\"winner\":\"bob\"}"));
      f.env.settle();

      assertThat(of(received, id)).containsExactlyElementsOf(f.events(id));
    }
  }

  @Test
  default void closingTheSubscriptionStopsTheDeliveries() {
    Fixture f = Fixture.of(this);
    List<GameEvent> received = new CopyOnWriteArrayList<>();
    Subscription subscription = f.games.addListener(received::add);
    GameView game = f.games.createGame(Fixture.spec("unlisten").capacity(3).build());
    String id = game.gameId();
    f.games.join(id, "alice");
    f.env.settle();
    assertThat(of(received, id)).hasSize(2);

    subscription.close();
    f.games.join(id, "bob");
    f.games.join(id, "carol");
    f.games.cancel(id, "closing up");
    f.env.settle();

    assertThat(of(received, id)).extracting(GameEvent::sequence).containsExactly(1L, 2L);
    assertThat(f.events(id)).hasSizeGreaterThan(4);
  }

  @Test
  default void aFailingListenerFailsNoCallAndOthersStillReceive() {
    Fixture f = Fixture.of(this);
    List<GameEvent> received = new CopyOnWriteArrayList<>();
    try (Subscription failing = f.games.addListener(e -> {
          throw new IllegalStateException("listener bug");
        });
        Subscription working = f.games.addListener(received::add)) {
      GameView game = f.games.createGame(Fixture.spec("failing-listener").capacity(2).build());
      String id = game.gameId();
      f.games.join(id, "alice");
      GameView started = f.games.join(id, "bob").game();
      f.env.settle();

      assertThat(started.status()).isEqualTo(GameStatus.RUNNING);
      assertThat(of(received, id)).containsExactlyElementsOf(f.events(id));
    }
  }

  @Test
  default void concurrentCallsAreDeliveredInSequenceOrder() throws Exception {
    Fixture f = Fixture.of(this);
    List<GameEvent> received = new CopyOnWriteArrayList<>();
    try (Subscription ignored = f.games.addListener(received::add)) {
      GameView game = f.games.createGame(Fixture.spec("listen-many").capacity(8).minPlayers(2).build());
      String id = game.gameId();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> joins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          String player = "p" + i;
          joins.add(pool.submit(() -> {
            go.await();
            return f.games.join(id, player);
          }));
        }
        go.countDown();
        for (Future<?> join : joins) {
          join.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      f.env.settle();

      assertThat(of(received, id)).containsExactlyElementsOf(f.events(id));
      assertThat(f.events(id)).hasSize(1 + 8 + 2);
    }
  }

  private static List<GameEvent> of(List<GameEvent> received, String gameId) {
    return received.stream().filter(e -> e.gameId().equals(gameId)).collect(Collectors.toList());
  }
}
