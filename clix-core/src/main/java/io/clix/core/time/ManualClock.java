package io.clix.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Clock} that only moves when a test moves it, so that a 20-second lobby timeout or a
 * one-hour round deadline is tested in milliseconds.
 *
 * <p>Everything Clix schedules on a clock (the in-memory orchestrator's timeouts, the local stack's
 * Wait states, task timeouts, heartbeats, retry intervals and long polls) subscribes its timers to
 * the clock it runs on. {@link #advance(Duration)} walks time forward through every timer that
 * falls due on the way, in due order, running each at its own instant, so a timer that schedules
 * another one inside the advanced span sees it fire too. Give every test its own clock: time
 * skipping never leaks between tests that way.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.create();
 * GameOrchestrator games = InMemoryGameOrchestrator.create(clock);
 * ...
 * clock.advance(Duration.ofSeconds(20)); // the lobby times out now, on this thread
 * }</pre>
 */
public final class ManualClock extends Clock {

  /** The instant a clock made with {@link #create()} starts at. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * A source of timers that runs on a manual clock; implemented by Clix's schedulers. Users only
   * need it to put their own timers on the same clock.
   */
  public interface Timers {
    /** The earliest instant one of these timers is due, or {@code null} if none is pending. */
    Instant nextDue();

    /** Runs every timer due at or before {@code now}. Called by the clock, on the advancing thread. */
    void runDue(Instant now);

    /** Waits until the work the fired timers started has settled; the default returns at once. */
    default void awaitQuiescence() {}
  }

  private static final class State {
    final Object lock = new Object();
    final CopyOnWriteArrayList<Timers> subscribers = new CopyOnWriteArrayList<>();
    volatile Instant now;
    volatile ManualScheduler scheduler;

    State(Instant now) {
      this.now = now;
    }
  }

  private final State state;
  private final ZoneId zone;

  private ManualClock(State state, ZoneId zone) {
    this.state = state;
    this.zone = zone;
  }

  /** A manual clock at {@link #DEFAULT_START}, in UTC. */
  public static ManualClock create() {
    return startingAt(DEFAULT_START);
  }

  /** A manual clock at {@code start}, in UTC. */
  public static ManualClock startingAt(Instant start) {
    return new ManualClock(new State(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in another zone; it shares the time and the timers of this one. */
  @Override
  public ManualClock withZone(ZoneId zone) {
    return new ManualClock(state, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public Instant instant() {
    return state.now;
  }

  /**
   * Moves time forward by {@code amount}, firing on this thread, in due order, every timer that
   * falls due up to the new time (including timers scheduled by timers fired on the way).
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public void advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    synchronized (state.lock) {
      advanceTo(state.now.plus(amount));
    }
  }

  /**
   * Moves time forward to {@code target}, firing every timer due up to it, as
   * {@link #advance(Duration)} does.
   *
   * @throws IllegalArgumentException if {@code target} is before the current time
   */
  public void advanceTo(Instant target) {
    Objects.requireNonNull(target, "target");
    synchronized (state.lock) {
      if (target.isBefore(state.now)) {
        throw new IllegalArgumentException(
            "a manual clock does not go back: " + target + " is before " + state.now);
      }
      while (true) {
        Instant next = nextDue();
        if (next == null || next.isAfter(target)) {
          break;
        }
        if (next.isAfter(state.now)) {
          state.now = next;
        }
        fireDue();
      }
      state.now = target;
      fireDue();
    }
  }

  /** Fires, on this thread, whatever is due at the current time without moving it. */
  public void fireDue() {
    synchronized (state.lock) {
      for (Timers timers : state.subscribers) {
        timers.runDue(state.now);
      }
      for (Timers timers : state.subscribers) {
        timers.awaitQuiescence();
      }
    }
  }

  /**
   * This clock as a {@link Scheduler}: actions run on the thread that advances the clock, when it
   * reaches their due time, in due order with every other timer on the clock. One per clock (its
   * zone views share it).
   */
  public Scheduler scheduler() {
    ManualScheduler s = state.scheduler;
    if (s == null) {
      synchronized (state.subscribers) {
        s = state.scheduler;
        if (s == null) {
          s = new ManualScheduler(withZone(ZoneOffset.UTC));
          state.subscribers.add(s);
          state.scheduler = s;
        }
      }
    }
    return s;
  }

  /** The earliest instant a subscribed timer is due, if any. */
  public Optional<Instant> nextTimer() {
    return Optional.ofNullable(nextDue());
  }

  /**
   * Puts a source of timers on this clock; close the returned handle to take it off.
   *
   * @return a handle that unsubscribes {@code timers} when closed
   */
  public AutoCloseable subscribe(Timers timers) {
    Objects.requireNonNull(timers, "timers");
    state.subscribers.add(timers);
    return () -> state.subscribers.remove(timers);
  }

  private Instant nextDue() {
    Instant min = null;
    for (Timers timers : state.subscribers) {
      Instant due = timers.nextDue();
      if (due != null && (min == null || due.isBefore(min))) {
        min = due;
      }
    }
    return min;
  }

  @Override
  public String toString() {
    return "ManualClock[" + state.now + "]";
  }
}
