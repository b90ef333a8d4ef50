package io.clix.aws.internal.observe;

import io.clix.core.internal.FrontHook;

/**
 * The orchestrator's {@link FrontHook}: times every public call into {@link ClixMetrics#request}
 * and hands it to the tracing hook, if any. Names no metrics or tracing library itself.
 */
public final class MeteredFront implements FrontHook {

  private final ClixMetrics metrics;
  private final FrontHook tracing;

  private MeteredFront(ClixMetrics metrics, FrontHook tracing) {
    this.metrics = metrics;
    this.tracing = tracing;
  }

  /** The hook for these metrics and tracing hook; {@link FrontHook#NONE} when both observe nothing. */
  public static FrontHook of(ClixMetrics metrics, FrontHook tracing) {
    if (metrics == ClixMetrics.NONE && tracing == FrontHook.NONE) {
      return FrontHook.NONE;
    }
    return new MeteredFront(metrics, tracing);
  }

  /** {@code success}, or the simple name of the exception a call failed with. */
  public static String outcome(Throwable error) {
    return error == null ? "success" : error.getClass().getSimpleName();
  }

  @Override
  public Call begin(String method, String gameId) {
    long started = System.nanoTime();
    Call traced = tracing.begin(method, gameId);
    return new Call() {
      @Override
      public Scope enter() {
        return traced.enter();
      }

      @Override
      public void end(Throwable error) {
        try {
          metrics.request(method, outcome(error), System.nanoTime() - started);
        } finally {
          traced.end(error);
        }
      }
    };
  }
}
