package io.clix.local.internal.sfn;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the Step Functions engine stands at one moment, its own data for the public {@code StackSnapshot} that
 * {@code LocalStack} assembles from it (adding the API call counter).
 *
 * @param idle whether no execution had work due
 * @param tasksHandedOut activity tasks handed out so far, by the {@code workerName} of the poll
 * @param tasksQueued open activity tasks waiting for a poll, by activity ARN (activities with none left out)
 * @param tasksInFlight activity tasks handed out and still open
 * @param openExecutions the running executions, in start order
 */
public record SfnSnapshot(boolean idle, Map<String, Long> tasksHandedOut, Map<String, Integer> tasksQueued,
    List<TaskInFlight> tasksInFlight, List<OpenExecution> openExecutions) {

  /** An activity task a worker took and has not answered. Never carries the token. */
  public record TaskInFlight(String activityArn, String workerName, Instant handedOutAt) {}

  /** A running execution and the state it entered last. */
  public record OpenExecution(String executionArn, String currentState) {}
}
