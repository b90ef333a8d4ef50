package io.clix.testkit;

import io.clix.core.GameLogic;
import io.clix.core.GameOrchestrator;
import io.clix.core.time.ManualClock;
import java.time.Clock;

/**
 * A complete, thread-safe {@link GameOrchestrator} in memory, for tests of code that runs games.
 * It applies the same rules as the AWS orchestrator; its lobby timeouts and round deadlines run on
 * the clock it is given, so with a {@link ManualClock} they fire when the test advances time:
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.create();
 * try (GameOrchestrator games = InMemoryGameOrchestrator.create(clock)) {
 *   GameView game = games.createGame(GameSpec.builder().capacity(4).minPlayers(2).build());
 *   games.join(game.gameId(), "alice");
 *   clock.advance(game.spec().lobbyTimeout()); // below the minimum: cancelled, "lobby timeout"
 * }
 * }</pre>
 *
 * <p>Listeners are called on the thread that made the change (or advanced the clock), in sequence
 * order per game. The async methods complete before they return. After {@link #close()} every call
 * fails with {@link io.clix.core.OrchestratorClosedException} and changes nothing. Argument checks,
 * copies, receipts and the sync/async twins are those of every Clix orchestrator; this class adds
 * only where the games live.
 */
public interface InMemoryGameOrchestrator extends GameOrchestrator {

  /** An orchestrator whose timers run on {@code clock} (a {@link ManualClock} in tests). */
  static InMemoryGameOrchestrator create(Clock clock) {
    return MemoryGameOrchestrator.create(clock);
  }

  /** An orchestrator on the system clock. */
  static InMemoryGameOrchestrator create() {
    return create(Clock.systemUTC());
  }

  /** A builder, for an orchestrator with a {@link GameLogic}; {@code create(clock)} is {@code builder().clock(clock).build()}. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an {@link InMemoryGameOrchestrator}: the clock its timers run on (the system clock by default) and the
   * game logic its moves go through (none by default). Each setter returns this builder.
   */
  final class Builder {
    private Clock clock = Clock.systemUTC();
    private GameLogic logic;

    Builder() {}

    /** The clock the timers run on (a {@link ManualClock} in tests). */
    public Builder clock(Clock clock) {
      this.clock = java.util.Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The logic every move (and every round's close) of its games goes through; see {@link GameLogic}. */
    public Builder gameLogic(GameLogic logic) {
      this.logic = java.util.Objects.requireNonNull(logic, "logic");
      return this;
    }

    /** The orchestrator. */
    public InMemoryGameOrchestrator build() {
      return MemoryGameOrchestrator.create(clock, logic);
    }
  }

  /** Stops the timers; every call afterwards is refused. */
  @Override
  void close();
}
