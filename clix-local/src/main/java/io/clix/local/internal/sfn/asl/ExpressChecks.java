package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What an EXPRESS state machine may not hold, as CreateStateMachine and
 * ValidateStateMachineDefinition report it: activity tasks and the {@code .sync} and
 * {@code .waitForTaskToken} integration patterns (express executions cannot wait for a callback
 * or a job), in the top level, every Parallel branch and every Map processor.
 */
public final class ExpressChecks {

  private ExpressChecks() {}

  /** The diagnostics of {@code definition} as an EXPRESS machine's (empty when it may run as one). */
  public static List<Diagnostic> validate(JsonNode definition) {
    List<Diagnostic> found = new ArrayList<>();
    states(definition, "", found);
    return found;
  }

  private static void states(JsonNode scope, String location, List<Diagnostic> found) {
    JsonNode states = scope.path("States");
    for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String where = location + "/States/" + entry.getKey();
      JsonNode state = entry.getValue();
      String resource = state.path("Resource").asText("");
      if ("Task".equals(state.path("Type").asText())) {
        String problem = null;
        if (resource.contains(":activity:")) {
          problem = "Express state machine does not support Activity ARN";
        } else if (resource.endsWith(".waitForTaskToken")) {
          problem = "Express state machine does not support '.waitForTaskToken' service integration ";
        } else if (resource.endsWith(".sync") || resource.contains(".sync:")) {
          problem = "Express state machine does not support '.sync' service integration ";
        }
        if (problem != null) {
          found.add(Diagnostic.error("SCHEMA_VALIDATION_FAILED", problem, where + "/Resource"));
        }
      }
      JsonNode branches = state.path("Branches");
      for (int i = 0; i < branches.size(); i++) {
        states(branches.get(i), where + "/Branches[" + i + "]", found);
      }
      for (String processor : List.of("Iterator", "ItemProcessor")) {
        if (state.has(processor)) {
          states(state.get(processor), where + "/" + processor, found);
        }
      }
    }
  }
}
