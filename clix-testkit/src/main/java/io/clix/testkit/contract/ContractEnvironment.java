package io.clix.testkit.contract;

import io.clix.core.time.ManualClock;

import io.clix.core.GameLogic;
import io.clix.core.GameOrchestrator;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@link GameOrchestratorContract} runs against: a fresh orchestrator, the clock it reads,
 * and a way to move that clock. The suite opens one environment per test and closes it after;
 * time moves only through {@link #advance(Duration)}, never by sleeping. For an orchestrator on a
 * {@link ManualClock} with nothing running in the background, {@link #of(GameOrchestrator,
 * ManualClock)} is all it takes:
 *
 * <pre>{@code
 * class MyOrchestratorContractTest extends GameOrchestratorContract {
 *   protected ContractEnvironment createEnvironment() {
 *     ManualClock clock = ManualClock.create();
 *     return ContractEnvironment.of(MyOrchestrator.create(clock), clock);
 *   }
 * }
 * }</pre>
 */
public interface ContractEnvironment extends AutoCloseable {

  /** The orchestrator under test; the same instance for the whole test. */
  GameOrchestrator orchestrator();

  /** The clock the orchestrator stamps events with and runs its timeouts on. */
  Clock clock();

  /**
   * Moves time forward by {@code amount} and returns once everything that fell due on the way
   * (lobby timeouts, round deadlines, and whatever they set off) has been processed.
   */
  void advance(Duration amount);

  /**
   * Returns once the orchestrator's background work has settled (deliveries to listeners, timers
   * being applied). The default returns at once, for orchestrators that do everything on the
   * calling thread.
   */
  default void settle() {}

  /**
   * An orchestrator on this environment's clock whose moves go through {@code logic}, for {@link LogicContract};
   * closed with the environment. Every call for the same logic must see the same games: it may return the same
   * instance, or (better, where the games live in shared storage) another instance on that storage, so the
   * contract races two backends. Empty by default: those tests are skipped.
   */
  default Optional<GameOrchestrator> orchestratorWith(GameLogic logic) {
    return Optional.empty();
  }

  /** Closes the orchestrator and anything the environment started for it. */
  @Override
  void close();

  /**
   * An environment for an orchestrator that runs on {@code clock} and does its work on the
   * calling thread (or the advancing one); closing it closes the orchestrator.
   */
  static ContractEnvironment of(GameOrchestrator orchestrator, ManualClock clock) {
    return of(orchestrator, clock, null);
  }

  /**
   * As {@link #of(GameOrchestrator, ManualClock)}, and {@link #orchestratorWith} gives the orchestrator
   * {@code withLogic} builds on the first call (one instance for every later call too: an orchestrator
   * that keeps its games in memory has no second instance on the same games); closed with the environment.
   */
  static ContractEnvironment of(GameOrchestrator orchestrator, ManualClock clock,
      Function<GameLogic, GameOrchestrator> withLogic) {
    Objects.requireNonNull(orchestrator, "orchestrator");
    Objects.requireNonNull(clock, "clock");
    return new ContractEnvironment() {
      private GameOrchestrator logical;

      @Override
      public GameOrchestrator orchestrator() {
        return orchestrator;
      }

      @Override
      public synchronized Optional<GameOrchestrator> orchestratorWith(GameLogic logic) {
        if (withLogic == null) {
          return Optional.empty();
        }
        if (logical == null) {
          logical = withLogic.apply(logic);
        }
        return Optional.of(logical);
      }

      @Override
      public Clock clock() {
        return clock;
      }

      @Override
      public void advance(Duration amount) {
        clock.advance(amount);
      }

      @Override
      public synchronized void close() {
        if (logical != null) {
          logical.close();
        }
        orchestrator.close();
      }
    };
  }
}
