package io.clix.testkit;

import io.clix.core.GameOrchestrator;
import io.clix.core.internal.GameFront;
import io.clix.core.internal.GameListeners;
import io.clix.core.time.ManualClock;
import io.clix.testkit.internal.MemoryEngine;
import java.time.Clock;
import java.util.Objects;

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
public final class InMemoryGameOrchestrator extends GameFront {

  private final MemoryEngine engine;

  private InMemoryGameOrchestrator(MemoryEngine engine, GameListeners listeners) {
    super(engine, engine, listeners);
    this.engine = engine;
  }

  /** An orchestrator whose timers run on {@code clock} (a {@link ManualClock} in tests). */
  public static InMemoryGameOrchestrator create(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    GameListeners listeners = new GameListeners();
    return new InMemoryGameOrchestrator(new MemoryEngine(clock, listeners), listeners);
  }

  /** An orchestrator on the system clock. */
  public static InMemoryGameOrchestrator create() {
    return create(Clock.systemUTC());
  }

  /** Stops the timers. */
  @Override
  protected void release() {
    engine.close();
  }
}
