package io.clix.aws.internal.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * {@link ClixMetrics} on a Micrometer {@link MeterRegistry}; the only class of clix-aws (with
 * {@link ObservedFront}'s metrics part) that names Micrometer, loaded only when the application
 * passes a registry. Meter names follow Micrometer's dotted conventions; tags are low-cardinality
 * (never a game id).
 */
public final class MicrometerMetrics implements ClixMetrics {

  private final MeterRegistry registry;

  public MicrometerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void awsCall(String operation, String outcome, long nanos) {
    int space = operation.lastIndexOf(' ');
    String service = space < 0 ? "AWS" : operation.substring(0, space);
    Timer.builder("clix.aws.calls")
        .description("AWS calls Clix made, by service, operation and outcome")
        .tag("service", service.equals("Step Functions") ? "SFN" : service)
        .tag("operation", operation.substring(space + 1))
        .tag("outcome", outcome)
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void request(String method, String outcome, long nanos) {
    Timer.builder("clix.orchestrator.requests")
        .description("Public GameOrchestrator calls, by method and outcome")
        .tag("method", method)
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void writeConflict(boolean retried) {
    Counter.builder("clix.store.conflicts")
        .description("Optimistic game writes that lost to a concurrent write")
        .tag("action", retried ? "retried" : "gave_up")
        .register(registry).increment();
  }

  @Override
  public void timerFolded() {
    Counter.builder("clix.store.timer.folds")
        .description("Committed writes that folded a fired timer into the game's state")
        .register(registry).increment();
  }

  @Override
  public void routerPoll(String activity, String outcome) {
    Counter.builder("clix.router.polls")
        .description("GetActivityTask long polls of the task router, by activity and outcome")
        .tag("activity", activity)
        .tag("outcome", outcome)
        .register(registry).increment();
  }

  @Override
  public void routerTask(String activity, String outcome) {
    Counter.builder("clix.router.tasks")
        .description("Activity tasks the router received, routed to their game or refused")
        .tag("activity", activity)
        .tag("outcome", outcome)
        .register(registry).increment();
  }

  @Override
  public void tokenCompletionLost() {
    Counter.builder("clix.tokens.completions.lost")
        .description("Task-token completions whose task had already closed (a lost race)")
        .register(registry).increment();
  }

  @Override
  public void eventDelivered(long lagNanos) {
    Timer.builder("clix.events.lag")
        .description("Time from an event's commit to its delivery to GameEventStream's listeners")
        .publishPercentileHistogram()
        .register(registry).record(lagNanos, TimeUnit.NANOSECONDS);
  }
}
