package io.clix.aws.internal.router;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Internal: reaches the task router inside an {@code AwsGameOrchestrator}, for Clix's own local
 * test environment (clix-local-junit5), which settles on the router's in-flight counters. Not an
 * API: it may change or go away in any release.
 */
public final class RouterAccess {

  private static volatile Function<Object, ActivityTaskRouter> accessor;

  private RouterAccess() {}

  /** Installed once, by {@code AwsGameOrchestrator}'s class initializer; later calls are ignored. */
  public static synchronized void install(Function<Object, ActivityTaskRouter> routerOf) {
    if (accessor == null) {
      accessor = Objects.requireNonNull(routerOf, "routerOf");
    }
  }

  /** The router of {@code orchestrator} (an {@code AwsGameOrchestrator}), if it runs one. */
  public static Optional<ActivityTaskRouter> router(Object orchestrator) {
    Objects.requireNonNull(orchestrator, "orchestrator");
    Function<Object, ActivityTaskRouter> a = accessor;
    if (a == null) {
      throw new IllegalStateException("not an AwsGameOrchestrator: " + orchestrator.getClass().getName());
    }
    return Optional.ofNullable(a.apply(orchestrator));
  }
}
