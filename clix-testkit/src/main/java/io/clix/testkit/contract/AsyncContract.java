package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.clix.core.ClixException;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.JoinResult;
import io.clix.core.MoveReceipt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The {@code ...Async} twins: the same values as the sync methods, and failures as futures with the same exception types. */
public interface AsyncContract extends ContractPart {

  @Test
  default void asyncTwinsCompleteWithTheSameValues() {
    Fixture f = Fixture.of(this);
    GameSpec spec = Fixture.spec("async").capacity(3).minPlayers(2).rounds(2).build();
    GameView created = done(f.games.createGameAsync(spec));
    String id = created.gameId();
    assertThat(created).isEqualTo(f.games.describe(id));
    assertThat(done(f.games.createGameAsync(spec))).isEqualTo(f.games.createGame(spec));

    JoinResult alice = done(f.games.joinAsync(id, "alice", json("{\"color\":\"red\"}")));
    JoinResult bob = done(f.games.joinAsync(id, "bob", null));
    assertThat(alice.seat()).isEqualTo(1);
    assertThat(bob.seat()).isEqualTo(2);
    assertThat(done(f.games.joinAsync(id, "bob", null))).isEqualTo(f.games.join(id, "bob"));
    assertThat(done(f.games.describeAsync(id))).isEqualTo(f.games.describe(id)).isEqualTo(bob.game());

    GameView started = done(f.games.startNowAsync(id));
    assertThat(started.status()).isEqualTo(GameStatus.RUNNING);
    assertThat(done(f.games.startNowAsync(id))).isEqualTo(f.games.startNow(id)).isEqualTo(started);

    MoveReceipt receipt = done(f.games.submitMoveAsync(id, "alice", 1, json("\"left\"")));
    assertThat(receipt.sequence()).isEqualTo(f.games.describe(id).version());
    assertThat(done(f.games.submitMoveAsync(id, "alice", 1, json("\"left\""))))
        .isEqualTo(f.games.submitMove(id, "alice", 1, json("\"left\""))).isEqualTo(receipt);

    GameView left = done(f.games.leaveAsync(id, "bob"));
    assertThat(left.currentRound()).as("bob left, alice had moved: round 1 closed").isEqualTo(2);
    assertThat(done(f.games.leaveAsync(id, "bob"))).isEqualTo(f.games.leave(id, "bob"));
    assertThat(done(f.games.eventsAsync(id, 0))).isEqualTo(f.games.events(id, 0));
    assertThat(done(f.games.eventsAsync(id, 3))).isEqualTo(f.games.events(id, 3));

    GameView finished = done(f.games.finishAsync(id, json("{\"winner\":\"alice\"}")));
    assertThat(finished.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(done(f.games.finishAsync(id, json("{\"winner\":\"alice\"}")))).isEqualTo(finished);

    GameView other = f.lobby("async-cancel", 3, 2, "carol");
    GameView cancelled = done(f.games.cancelAsync(other.gameId(), "no opponents"));
    assertThat(cancelled.cancelReason()).contains("no opponents");
    assertThat(done(f.games.cancelAsync(other.gameId(), "no opponents"))).isEqualTo(cancelled)
        .isEqualTo(f.games.cancel(other.gameId(), "no opponents"));
  }

  @Test
  default void asyncFailuresCompleteExceptionallyWithTheSameTypes() {
    Fixture f = Fixture.of(this);
    GameView running = f.running("async-fail", 3, "alice", "bob");
    String id = running.gameId();
    f.games.submitMove(id, "alice", 1, json("1"));
    GameView lobby = f.lobby("async-lobby", 4, 3, "carol");
    String missing = Fixture.id("async-missing");

    Map<String, Supplier<CompletableFuture<?>>> asyncCalls = new LinkedHashMap<>();
    Map<String, Runnable> syncCalls = new LinkedHashMap<>();
    asyncCalls.put("unknown game", () -> f.games.joinAsync(missing, "alice", null));
    syncCalls.put("unknown game", () -> f.games.join(missing, "alice"));
    asyncCalls.put("full", () -> f.games.joinAsync(id, "carol", null));
    syncCalls.put("full", () -> f.games.join(id, "carol"));
    asyncCalls.put("duplicate move", () -> f.games.submitMoveAsync(id, "alice", 1, json("2")));
    syncCalls.put("duplicate move", () -> f.games.submitMove(id, "alice", 1, json("2")));
    asyncCalls.put("future round", () -> f.games.submitMoveAsync(id, "bob", 2, json("2")));
    syncCalls.put("future round", () -> f.games.submitMove(id, "bob", 2, json("2")));
    asyncCalls.put("not in game", () -> f.games.submitMoveAsync(id, "carol", 1, json("2")));
    syncCalls.put("not in game", () -> f.games.submitMove(id, "carol", 1, json("2")));
    asyncCalls.put("not enough players", () -> f.games.startNowAsync(lobby.gameId()));
    syncCalls.put("not enough players", () -> f.games.startNow(lobby.gameId()));
    asyncCalls.put("finish in lobby", () -> f.games.finishAsync(lobby.gameId(), null));
    syncCalls.put("finish in lobby", () -> f.games.finish(lobby.gameId(), null));
    asyncCalls.put("leave stranger", () -> f.games.leaveAsync(id, "zed"));
    syncCalls.put("leave stranger", () -> f.games.leave(id, "zed"));
    asyncCalls.put("conflicting create", () -> f.games.createGameAsync(running.spec().toBuilder().rounds(4).build()));
    syncCalls.put("conflicting create", () -> f.games.createGame(running.spec().toBuilder().rounds(4).build()));
    asyncCalls.put("bad game id", () -> f.games.describeAsync("no spaces allowed"));
    syncCalls.put("bad game id", () -> f.games.describe("no spaces allowed"));
    asyncCalls.put("bad events id", () -> f.games.eventsAsync("", 0));
    syncCalls.put("bad events id", () -> f.games.events("", 0));
    asyncCalls.put("blank reason", () -> f.games.cancelAsync(id, " "));
    syncCalls.put("blank reason", () -> f.games.cancel(id, " "));

    asyncCalls.forEach((name, asyncCall) -> {
      Throwable sync = syncFailure(syncCalls.get(name));
      Throwable async = asyncFailure(name, asyncCall);
      assertThat(sync).as(name).isInstanceOf(ClixException.class);
      assertThat(async).as(name).isExactlyInstanceOf(sync.getClass());
      assertThat(((ClixException) async).gameId()).as(name).isEqualTo(((ClixException) sync).gameId());
    });
    assertThat(f.games.describe(id).version()).isEqualTo(running.version() + 1);
  }

  private static <T> T done(CompletableFuture<T> future) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("the future failed", e.getCause());
    } catch (Exception e) {
      throw new AssertionError("the future did not complete", e);
    }
  }

  private static Throwable syncFailure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    return fail("the sync call succeeded");
  }

  private static Throwable asyncFailure(String name, Supplier<CompletableFuture<?>> call) {
    CompletableFuture<?> future;
    try {
      future = call.get();
    } catch (RuntimeException e) {
      return fail(name + ": the async twin threw instead of returning a failed future", e);
    }
    try {
      future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      return fail(name + ": the future did not complete", e);
    }
    return fail(name + ": the future succeeded");
  }
}
