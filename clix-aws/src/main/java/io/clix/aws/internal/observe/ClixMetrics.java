package io.clix.aws.internal.observe;

/**
 * What the AWS orchestrator counts, in one place: every AWS call ({@code AwsCalls}), the
 * optimistic-write loop and timer folds ({@code GameStore}), the task router and task-token
 * completions, and the event stream's delivery lag. {@link #NONE} counts nothing; {@link MicrometerMetrics} records to a registry.
 * Implementations must be cheap and never throw. No argument ever holds a task token.
 */
public interface ClixMetrics {

  /** Counts nothing. */
  ClixMetrics NONE = new ClixMetrics() {};

  /**
   * One AWS call ended.
   *
   * @param operation e.g. {@code DynamoDB TransactWriteItems}
   * @param outcome {@code success}, {@code conflict} (a transaction lost to another write), or the
   *     service's error code / exception name
   */
  default void awsCall(String operation, String outcome, long nanos) {}

  /** A public orchestrator method ended; {@code outcome} is {@code success} or the exception's simple name. */
  default void request(String method, String outcome, long nanos) {}

  /** An optimistic write lost to a concurrent write; {@code retried} is false when attempts ran out. */
  default void writeConflict(boolean retried) {}

  /** A write committed that folded a fired timer (lobby timeout, round deadline) into its game. */
  default void timerFolded() {}

  /** A router long poll ended: {@code task}, {@code empty}, or {@code error}. */
  default void routerPoll(String activity, String outcome) {}

  /** A task the router received: {@code routed} to its game, or {@code refused} (failed with a Clix error). */
  default void routerTask(String activity, String outcome) {}

  /** A task-token completion found its task already closed (another backend or a timeout won the race). */
  default void tokenCompletionLost() {}

  /** {@code GameEventStream} delivered an event {@code lagNanos} after it was committed (by the stream's clock). */
  default void eventDelivered(long lagNanos) {}
}
