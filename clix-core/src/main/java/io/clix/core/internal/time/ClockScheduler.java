package io.clix.core.internal.time;

import io.clix.core.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks when a clock reaches their due instant. On a {@link ManualClock} the tasks run on the
 * thread that advances the clock, in due order; on any other clock one daemon thread waits for the
 * next due task. Either way there is no thread per timer, so thousands of timers cost a heap entry
 * each. Tasks must be short: hand longer work to an executor.
 */
public final class ClockScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClockScheduler.class);

  /** A scheduled task that can be cancelled before it runs. */
  public interface Timer {
    /** Cancels the task; returns false if it already ran or was cancelled. */
    boolean cancel();
  }

  private final Clock clock;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  /** Cancelled timers still in the queue: once they are most of it, they are swept out. */
  private final java.util.concurrent.atomic.AtomicInteger cancelledInQueue = new java.util.concurrent.atomic.AtomicInteger();
  private final Runnable quiescence;
  private final AutoCloseable subscription;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * @param clock the clock timers run on
   * @param name a name for the timer thread (system clocks only)
   * @param quiescence called after fired timers on a manual clock, to wait for the work they
   *     started; may be {@code null}
   */
  public ClockScheduler(Clock clock, String name, Runnable quiescence) {
    this.clock = clock;
    this.quiescence = quiescence;
    if (clock instanceof ManualClock) {
      this.subscription = ((ManualClock) clock).subscribe(new ManualTimers());
      this.thread = null;
    } else {
      this.subscription = null;
      this.thread = new Thread(this::loop, name);
      this.thread.setDaemon(true);
      this.thread.start();
    }
  }

  public Clock clock() {
    return clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Runs {@code task} once the clock reaches {@code due} (at once, on the next tick, if it has). */
  public Timer schedule(Instant due, Runnable task) {
    Entry entry = new Entry(due, sequence.incrementAndGet(), task);
    synchronized (queue) {
      if (closed) {
        throw new IllegalStateException("scheduler is closed");
      }
      int size = queue.size();
      if (size >= 1024 && cancelledInQueue.get() > size / 2) {
        queue.removeIf(e -> e.cancelled); // O(n), once per n/2 cancellations
        cancelledInQueue.set(0);
      }
      queue.add(entry);
      queue.notifyAll();
    }
    return entry;
  }

  /** Runs {@code task} after {@code delay} on this scheduler's clock. */
  public Timer scheduleAfter(Duration delay, Runnable task) {
    return schedule(clock.instant().plus(delay), task);
  }

  /** The number of pending timers. */
  public int pending() {
    synchronized (queue) {
      return queue.size();
    }
  }

  private Entry pollDue(Instant now) {
    synchronized (queue) {
      while (true) {
        Entry head = queue.peek();
        if (head == null || head.due.isAfter(now)) {
          return null;
        }
        queue.poll();
        synchronized (head) {
          if (!head.cancelled) {
            head.cancelled = true; // ran
            return head;
          }
        }
      }
    }
  }

  private void run(Entry entry) {
    try {
      entry.task.run();
    } catch (RuntimeException | Error e) {
      LOG.warn("timer task failed", e);
    }
  }

  private void loop() {
    while (!closed) {
      Entry due = pollDue(clock.instant());
      if (due != null) {
        run(due);
        continue;
      }
      synchronized (queue) {
        if (closed) {
          return;
        }
        Entry head = queue.peek();
        long waitMillis = head == null ? 1_000
            : Math.max(1, Duration.between(clock.instant(), head.due).toMillis());
        try {
          queue.wait(Math.min(waitMillis, 1_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    synchronized (queue) {
      closed = true;
      queue.clear();
      queue.notifyAll();
    }
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    if (thread != null) {
      thread.interrupt();
    }
  }

  private final class ManualTimers implements ManualClock.Timers {
    @Override
    public Instant nextDue() {
      synchronized (queue) {
        while (!queue.isEmpty() && queue.peek().cancelled) {
          queue.poll();
        }
        Entry head = queue.peek();
        return head == null ? null : head.due;
      }
    }

    @Override
    public void runDue(Instant now) {
      Entry entry;
      while ((entry = pollDue(now)) != null) {
        run(entry);
      }
    }

    @Override
    public void awaitQuiescence() {
      if (quiescence != null) {
        quiescence.run();
      }
    }
  }

  private final class Entry implements Comparable<Entry>, Timer {
    final Instant due;
    final long seq;
    /** The task; dropped on cancel, so a cancelled timer waiting for its due time holds nothing. */
    Runnable task;
    volatile boolean cancelled;

    Entry(Instant due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public synchronized boolean cancel() {
      if (cancelled) {
        return false;
      }
      cancelled = true;
      task = null;
      cancelledInQueue.incrementAndGet();
      return true;
    }

    @Override
    public int compareTo(Entry o) {
      int c = due.compareTo(o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
