package io.clix.core.time;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs delayed actions on a clock: the heartbeats, retry back-offs and other timed work of a Clix
 * orchestrator, in the style of Caffeine's {@code Scheduler}. {@link #system()} waits in real time
 * on one shared daemon thread; {@link ManualClock#scheduler()} runs the actions on the thread that
 * advances the manual clock, in due order, when it reaches their due time, so a test never waits
 * in real time. Actions must be short: hand longer work to an executor.
 */
public interface Scheduler {

  /** A scheduled action that can be cancelled before it runs. */
  interface Cancellable {
    /** Cancels the action; returns false if it already ran or was cancelled. */
    boolean cancel();
  }

  /** The clock this scheduler measures delays on. */
  Clock clock();

  /**
   * Runs {@code action} once {@code delay} has passed on {@link #clock()}; never on the calling
   * thread (a zero or negative delay runs it on the scheduler's next tick).
   */
  Cancellable schedule(Duration delay, Runnable action);

  /** The scheduler on the system UTC clock: one daemon thread shared by everything that uses it. */
  static Scheduler system() {
    return SystemScheduler.INSTANCE;
  }
}
