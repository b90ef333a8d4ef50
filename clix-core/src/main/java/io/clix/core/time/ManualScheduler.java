package io.clix.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link ManualClock#scheduler()}: actions due on the manual clock, run by the thread that
 * advances it, in due order (ties in scheduling order).
 */
final class ManualScheduler implements Scheduler, ManualClock.Timers {

  private final ManualClock clock;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private final AtomicLong sequence = new AtomicLong();

  ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(action, "action");
    Instant now = clock.instant();
    Entry entry = new Entry(delay.isNegative() ? now : now.plus(delay), sequence.incrementAndGet(), action);
    synchronized (queue) {
      queue.add(entry);
    }
    return entry;
  }

  /** The number of actions waiting for the clock. */
  int pending() {
    synchronized (queue) {
      queue.removeIf(e -> e.done);
      return queue.size();
    }
  }

  @Override
  public Instant nextDue() {
    synchronized (queue) {
      while (!queue.isEmpty() && queue.peek().done) {
        queue.poll();
      }
      Entry head = queue.peek();
      return head == null ? null : head.due;
    }
  }

  @Override
  public void runDue(Instant now) {
    while (true) {
      Entry entry;
      synchronized (queue) {
        entry = queue.peek();
        if (entry == null || entry.due.isAfter(now)) {
          return;
        }
        queue.poll();
      }
      if (entry.cancel()) {
        try {
          entry.action.run();
        } catch (RuntimeException e) {
          Thread t = Thread.currentThread();
          t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Scheduler[" + clock + "]";
  }

  private static final class Entry implements Comparable<Entry>, Cancellable {
    final Instant due;
    final long seq;
    final Runnable action;
    volatile boolean done;

    Entry(Instant due, long seq, Runnable action) {
      this.due = due;
      this.seq = seq;
      this.action = action;
    }

    @Override
    public synchronized boolean cancel() {
      if (done) {
        return false;
      }
      done = true;
      return true;
    }

    @Override
    public int compareTo(Entry o) {
      int c = due.compareTo(o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
