package io.clix.local.junit5;

import io.clix.local.StackSnapshot;
import java.util.Map;

/**
 * What is open in a {@link ClixLocalEnvironment}: the stack's snapshot (running executions and
 * their current states, activity tasks in flight or waiting for a poll) and, per live orchestrator
 * (keyed by its first router worker name), the router work in progress. Never holds a task token.
 *
 * @param stack the stack's snapshot
 * @param routerWorkInFlight tasks being handled and heartbeat rounds in flight, per orchestrator
 */
public record ClixLocalDiagnostics(StackSnapshot stack, Map<String, Integer> routerWorkInFlight) {

  public ClixLocalDiagnostics {
    routerWorkInFlight = Map.copyOf(routerWorkInFlight);
  }

  @Override
  public String toString() {
    return "open executions " + stack.openExecutions() + ", activity tasks in flight " + stack.tasksInFlight()
        + ", waiting for a poll " + stack.tasksQueued() + ", stack idle " + stack.idle()
        + ", router work in flight " + routerWorkInFlight;
  }
}
