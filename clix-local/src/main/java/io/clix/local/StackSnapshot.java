package io.clix.local;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a {@link LocalStack} stands at one moment, for settling tests and for diagnostics: the
 * running executions and the state each is in, the activity tasks handed out by GetActivityTask and
 * not answered yet, the tasks waiting for a worker, and counters that only grow ({@link
 * #generation()} counts answered API calls; {@link #tasksHandedOut()} counts tasks per worker name).
 *
 * @param generation API calls the stack has answered so far
 * @param idle whether no execution had work due when the snapshot was taken
 * @param tasksHandedOut activity tasks handed out so far, by the {@code workerName} of the poll
 * @param tasksQueued open activity tasks waiting for a poll, by activity ARN (activities with none left out)
 * @param tasksInFlight activity tasks handed out and still open (not answered, timed out or stopped)
 * @param openExecutions the running executions
 */
public record StackSnapshot(long generation, boolean idle, Map<String, Long> tasksHandedOut,
    Map<String, Integer> tasksQueued, List<TaskInFlight> tasksInFlight, List<OpenExecution> openExecutions) {

  /** An activity task a worker took and has not answered. Never carries the token. */
  public record TaskInFlight(String activityArn, String workerName, Instant handedOutAt) {}

  /** A running execution and the state it entered last. */
  public record OpenExecution(String executionArn, String currentState) {}

  public StackSnapshot {
    tasksHandedOut = Map.copyOf(tasksHandedOut);
    tasksQueued = Map.copyOf(tasksQueued);
    tasksInFlight = List.copyOf(tasksInFlight);
    openExecutions = List.copyOf(openExecutions);
  }

  /** Open activity tasks waiting for a poll on {@code activityArn}. */
  public int queued(String activityArn) {
    return tasksQueued.getOrDefault(activityArn, 0);
  }

  /** Tasks handed out so far to polls naming {@code workerName}. */
  public long handedOut(String workerName) {
    return tasksHandedOut.getOrDefault(workerName, 0L);
  }
}
