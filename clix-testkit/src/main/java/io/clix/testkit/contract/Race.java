package io.clix.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs numbered calls on as many threads, released together, and gathers what each one did. */
final class Race {

  private Race() {}

  /** What one racing call did: a value or an error. */
  static final class Outcome<T> {
    final T value;
    final Throwable error;

    Outcome(T value, Throwable error) {
      this.value = value;
      this.error = error;
    }
  }

  /** A call numbered by its caller. */
  @FunctionalInterface
  interface Call<T> {
    T run(int i) throws Exception;
  }

  /** Runs {@code n} calls on {@code n} threads released together; waits for all of them. */
  static <T> List<Outcome<T>> run(int n, Call<T> call) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<T> task = () -> {
          ready.countDown();
          go.await();
          return call.run(index);
        };
        futures.add(pool.submit(task));
      }
      ready.await(60, TimeUnit.SECONDS);
      go.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<T> future : futures) {
        try {
          outcomes.add(new Outcome<>(future.get(120, TimeUnit.SECONDS), null));
        } catch (ExecutionException e) {
          outcomes.add(new Outcome<>(null, e.getCause()));
        } catch (TimeoutException e) {
          throw new AssertionError("a racing call did not return within 120 s", e);
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
