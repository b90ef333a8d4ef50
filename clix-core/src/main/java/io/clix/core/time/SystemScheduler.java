package io.clix.core.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link Scheduler#system()}: a JDK scheduled executor with one daemon thread on the system clock. */
final class SystemScheduler implements Scheduler {

  static final SystemScheduler INSTANCE = new SystemScheduler();

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "clix-scheduler");
    t.setDaemon(true);
    return t;
  });

  private SystemScheduler() {}

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(action, "action");
    ScheduledFuture<?> f = executor.schedule(action, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public String toString() {
    return "Scheduler.system()";
  }
}
