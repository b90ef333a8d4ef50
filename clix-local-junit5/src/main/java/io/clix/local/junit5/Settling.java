package io.clix.local.junit5;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.internal.router.ActivityTaskRouter;
import io.clix.aws.internal.router.RouterAccess;
import io.clix.local.LocalStack;
import io.clix.local.StackSnapshot;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when a {@link ClixLocalEnvironment} has settled, from counters only: the stack's (work
 * due, tasks handed out per worker, tasks waiting for a poll, calls answered) and each watched
 * router's (tasks received per worker, work in progress), reached through clix-aws's internal
 * {@link RouterAccess}. A real-time limit only turns a stuck environment into an error.
 */
final class Settling {

  private final LocalStack stack;
  private final List<AwsGameOrchestrator> live;
  private final Duration limit;
  /** Watched orchestrators and whether every task handed to their routers must arrive. */
  private final Map<AwsGameOrchestrator, Boolean> exact = new ConcurrentHashMap<>();

  Settling(LocalStack stack, List<AwsGameOrchestrator> live, Duration limit) {
    this.stack = stack;
    this.live = live;
    this.limit = limit;
  }

  /** @throws IllegalArgumentException if a live watched router already uses one of its worker names */
  void watch(AwsGameOrchestrator orchestrator, boolean exactly) {
    ActivityTaskRouter router = router(orchestrator);
    if (router != null) {
      for (AwsGameOrchestrator other : exact.keySet()) {
        ActivityTaskRouter theirs = router(other);
        if (other != orchestrator && theirs != null
            && theirs.workerNames().stream().anyMatch(router.workerNames()::contains)) {
          orchestrator.close();
          throw new IllegalArgumentException("worker names " + router.workerNames()
              + " are taken by another orchestrator of this environment: give each its own workerName");
        }
      }
    }
    exact.put(orchestrator, exactly);
  }

  void forget(AwsGameOrchestrator orchestrator) {
    exact.remove(orchestrator);
  }

  void settle() {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      stack.awaitIdle();
      StackSnapshot before = stack.snapshot();
      for (AwsGameOrchestrator o : live) {
        ActivityTaskRouter router = router(o);
        if (router == null) {
          continue;
        }
        Map<String, Long> handedOut = Boolean.TRUE.equals(exact.get(o)) ? before.tasksHandedOut() : Map.of();
        if (!router.awaitCaughtUp(handedOut, left(deadline)) && !router.isClosed()) {
          throw stuck("a router did not receive or finish the tasks handed to it");
        }
      }
      stack.awaitIdle();
      StackSnapshot after = stack.snapshot();
      if (after.generation() != before.generation() || !after.idle()) {
        checkTime(deadline);
        continue; // something was answered or started meanwhile: look again
      }
      if (!waitingForLivePoll(after)) {
        return;
      }
      // a task waits for a live router's next poll: wait for the stack to answer something
      if (!stack.awaitAnswer(after.generation(), left(deadline))) {
        throw stuck("a task waited for a poll that never came");
      }
    }
  }

  private boolean waitingForLivePoll(StackSnapshot snapshot) {
    if (snapshot.tasksQueued().isEmpty()) {
      return false;
    }
    Set<String> polled = new HashSet<>();
    for (AwsGameOrchestrator o : live) {
      ActivityTaskRouter router = router(o);
      if (router != null && Boolean.TRUE.equals(exact.get(o))) {
        polled.addAll(router.polledActivities());
      }
    }
    return snapshot.tasksQueued().keySet().stream().anyMatch(polled::contains);
  }

  /** The live router of {@code o}, or null (none, or closed). */
  private static ActivityTaskRouter router(AwsGameOrchestrator o) {
    ActivityTaskRouter router = RouterAccess.router(o).orElse(null);
    return router == null || router.isClosed() ? null : router;
  }

  ClixLocalDiagnostics diagnostics() {
    Map<String, Integer> work = new TreeMap<>();
    for (AwsGameOrchestrator o : live) {
      ActivityTaskRouter router = router(o);
      if (router != null && !router.workerNames().isEmpty()) {
        work.put(router.workerNames().get(0), router.inFlight());
      }
    }
    return new ClixLocalDiagnostics(stack.snapshot(), work);
  }

  private Duration left(long deadline) {
    return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
  }

  private void checkTime(long deadline) {
    if (System.nanoTime() - deadline > 0) {
      throw stuck("the stack kept working");
    }
  }

  private IllegalStateException stuck(String what) {
    return new IllegalStateException("not settled after " + limit + ": " + what + "; " + diagnostics());
  }
}
