package io.clix.local.junit5.internal;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.internal.router.ActivityTaskRouter;
import io.clix.aws.internal.router.RouterAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Internal: the counters of the task router inside an {@link AwsGameOrchestrator} that the local
 * test environment settles on (tasks received per worker, work in progress), in JDK types only, so
 * the environment's public package never names clix-aws's internals. Not an API.
 */
public final class RouterProbe {

  private final ActivityTaskRouter router;

  private RouterProbe(ActivityTaskRouter router) {
    this.router = router;
  }

  /** The probe of {@code orchestrator}'s live router, or empty (no router, or closed). */
  public static Optional<RouterProbe> of(AwsGameOrchestrator orchestrator) {
    return RouterAccess.router(orchestrator).filter(r -> !r.isClosed()).map(RouterProbe::new);
  }

  /** The activity ARNs the router polls. */
  public List<String> polledActivities() {
    return router.polledActivities();
  }

  /** The worker names its polls carry. */
  public List<String> workerNames() {
    return router.workerNames();
  }

  /** Whether the router has been closed. */
  public boolean isClosed() {
    return router.isClosed();
  }

  /** Tasks and heartbeat rounds the router is working on now. */
  public int inFlight() {
    return router.inFlight();
  }

  /**
   * Waits until the router has received the tasks the stack handed to its workers ({@code
   * handedOut}, by worker name) and finished every task it received; false after {@code max}.
   */
  public boolean awaitCaughtUp(Map<String, Long> handedOut, Duration max) {
    return router.awaitCaughtUp(handedOut, max);
  }
}
