package io.clix.local.internal.sfn;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small pool that runs state transitions, counting the jobs submitted and not yet finished so
 * {@link #awaitIdle()} can return once everything due has been processed. A job that submits
 * another one keeps the pool busy until that one ends too.
 */
final class WorkPool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkPool.class);

  private final ExecutorService executor;
  private final Object idle = new Object();
  private int inFlight;

  WorkPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "clix-local-sfn-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs {@code job} on the pool. */
  void submit(Runnable job) {
    synchronized (idle) {
      inFlight++;
    }
    try {
      executor.execute(() -> {
        try {
          job.run();
        } catch (RuntimeException | Error e) {
          LOG.error("a state machine job failed", e);
        } finally {
          done();
        }
      });
    } catch (RejectedExecutionException e) {
      done(); // closed
    }
  }

  /**
   * Counts work that ends outside the pool as in flight until the returned handle runs (once;
   * running it again does nothing): an activity task handed to a waiting long poll is recorded as
   * started, and its heartbeat armed, by the poll's own thread.
   */
  Runnable hold() {
    synchronized (idle) {
      inFlight++;
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        done();
      }
    };
  }

  private void done() {
    synchronized (idle) {
      if (--inFlight == 0) {
        idle.notifyAll();
      }
    }
  }

  /** Whether no job is queued or running now. */
  boolean isIdle() {
    synchronized (idle) {
      return inFlight == 0;
    }
  }

  /** Waits until no job is queued or running. */
  void awaitIdle() {
    synchronized (idle) {
      while (inFlight > 0) {
        try {
          idle.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
