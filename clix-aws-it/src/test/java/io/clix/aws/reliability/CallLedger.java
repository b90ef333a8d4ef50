package io.clix.aws.reliability;

import io.clix.core.ClixException;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Makes orchestrator calls the way a backend would, retrying those that fail with a retryable
 * Clix error, and counts what happened: calls attempted, calls that succeeded, every typed error
 * by its type (and whether it said retryable), and anything thrown that is not a Clix error.
 * Test plumbing.
 */
public final class CallLedger {

  /** How a call ended: its value, or the last error (a Clix error, or whatever else was thrown). */
  public record Result<T>(T value, Throwable error) {
    public boolean ok() {
      return error == null;
    }
  }

  private final int maxTries;
  private final AtomicLong attempted = new AtomicLong();
  private final AtomicLong tries = new AtomicLong();
  private final AtomicLong succeeded = new AtomicLong();
  private final AtomicLong givenUp = new AtomicLong();
  private final Map<String, AtomicLong> typed = new ConcurrentHashMap<>();
  private final Queue<Throwable> untyped = new ConcurrentLinkedQueue<>();
  private final Queue<Throwable> thrown = new ConcurrentLinkedQueue<>();
  private final Queue<Object> returned = new ConcurrentLinkedQueue<>();

  /** A ledger whose calls are tried at most {@code maxTries} times while they fail retryably. */
  public CallLedger(int maxTries) {
    this.maxTries = maxTries;
  }

  /** Runs {@code call} (a sync call, or an async one joined), retrying retryable Clix errors. */
  public <T> Result<T> call(Supplier<T> call) {
    attempted.incrementAndGet();
    Throwable last = null;
    for (int i = 0; i < maxTries; i++) {
      tries.incrementAndGet();
      try {
        T value = call.get();
        succeeded.incrementAndGet();
        returned.add(String.valueOf(value));
        return new Result<>(value, null);
      } catch (RuntimeException thrown) {
        Throwable e = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        last = e;
        CallLedger.this.thrown.add(e);
        if (!(e instanceof ClixException)) {
          untyped.add(e);
          return new Result<>(null, e);
        }
        ClixException ce = (ClixException) e;
        typed.computeIfAbsent(e.getClass().getSimpleName() + (ce.isRetryable() ? " (retryable)" : ""),
            k -> new AtomicLong()).incrementAndGet();
        if (!ce.isRetryable()) {
          return new Result<>(null, e);
        }
      }
    }
    givenUp.incrementAndGet();
    return new Result<>(null, last);
  }

  public long attempted() {
    return attempted.get();
  }

  public long succeeded() {
    return succeeded.get();
  }

  /** Calls that still failed retryably after every try. */
  public long givenUp() {
    return givenUp.get();
  }

  /** Typed Clix errors thrown (every try counts), by type. */
  public Map<String, Long> typedErrors() {
    Map<String, Long> out = new TreeMap<>();
    typed.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Whatever was thrown that is not a Clix error. */
  public Queue<Throwable> untyped() {
    return untyped;
  }

  /** Every error thrown by a try, as thrown. */
  public Queue<Throwable> thrown() {
    return thrown;
  }

  /** What every successful call returned (its {@code toString()}). */
  public Queue<Object> returned() {
    return returned;
  }

  /** One line per figure, for the test's output. */
  public String summary() {
    return "attempted=" + attempted + " tries=" + tries + " succeeded=" + succeeded + " givenUp=" + givenUp
        + " typedErrors=" + typedErrors() + " untyped=" + untyped.size();
  }
}
