package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.sfn.asl.ChoiceRules;
import io.clix.local.internal.sfn.asl.ErrorMatching;
import io.clix.local.internal.sfn.asl.JsonataExpressions;
import io.clix.local.internal.sfn.asl.StatesError;

/**
 * The TestState API for a state in the JSONata query language: {@code Arguments}, the mocked
 * result or error, {@code Output} and {@code Assign} (of the state, a Choice rule or a Catch rule)
 * evaluated with {@code $states} and the given variables; the inspection data holds the input,
 * the variables and a Map state's evaluated MaxConcurrency.
 */
final class TestStateJsonata {

  private TestStateJsonata() {}

  static void run(JsonNode state, String type, JsonataFlow.Scope scope, JsonNode mock,
      TestStateConfiguration config, ObjectNode data, ObjectNode out) {
    switch (type) {
      case "Pass", "Wait", "Succeed" -> {
        if (type.equals("Wait")) {
          JsonataFlow.field(state, scope, "Seconds");
          JsonataFlow.field(state, scope, "Timestamp");
        }
        succeed(state, JsonataFlow.leaving(state, scope, null, null), out);
      }
      case "Choice" -> {
        JsonNode choices = state.path("Choices");
        for (int i = 0; i < choices.size(); i++) {
          JsonNode rule = choices.get(i);
          JsonNode holds = JsonataExpressions.resolve(rule.path("Condition"),
              JsonataFlow.bindings(scope, null, null), "Choices/" + i + "/Condition");
          if (holds.isBoolean() && holds.booleanValue()) {
            leave(JsonataFlow.leaving(rule, scope, null, null), rule.path("Next").asText(), out);
            return;
          }
        }
        if (!state.has("Default")) {
          throw new StatesError(StatesError.RUNTIME, ChoiceRules.NO_NEXT_STATE);
        }
        leave(JsonataFlow.leaving(state, scope, null, null), state.path("Default").asText(), out);
      }
      case "Fail" -> {
        JsonNode error = JsonataFlow.field(state, scope, "Error");
        JsonNode cause = JsonataFlow.field(state, scope, "Cause");
        if (error != null) {
          out.put("error", error.asText());
        }
        if (cause != null) {
          out.put("cause", cause.asText());
        }
        out.put("status", "FAILED");
      }
      default -> mocked(state, type, scope, mock, config, data, out);
    }
  }

  private static void mocked(JsonNode state, String type, JsonataFlow.Scope scope, JsonNode mock,
      TestStateConfiguration config, ObjectNode data, ObjectNode out) {
    if (type.equals("Task") || type.equals("Parallel")) {
      JsonataFlow.arguments(state, scope);
    }
    if (type.equals("Map")) {
      JsonNode max = JsonataFlow.field(state, scope, "MaxConcurrency");
      data.put("maxConcurrency", max == null ? 0 : max.asLong());
      JsonNode count = JsonataFlow.field(state, scope, "ToleratedFailureCount");
      if (count != null) {
        data.put("toleratedFailureCount", count.asLong());
      }
      JsonNode percentage = JsonataFlow.field(state, scope, "ToleratedFailurePercentage");
      if (percentage != null) {
        data.put("toleratedFailurePercentage", percentage.asDouble());
      }
    }
    if (mock.has("errorOutput")) {
      String error = mock.get("errorOutput").path("error").asText(null);
      String cause = mock.get("errorOutput").path("cause").asText(null);
      handleError(state, scope, error, cause, config, data, out);
      return;
    }
    JsonNode result = SfnJson.parseOrNull(mock.path("result").asText());
    if (result == null) {
      throw SfnErrors.validation("Mocked result must be valid JSON");
    }
    if (type.equals("Map") && config.exceedsTolerance(result, data)) {
      handleError(state, scope, TestStateConfiguration.THRESHOLD_ERROR, TestStateConfiguration.THRESHOLD_CAUSE,
          config, data, out);
      return;
    }
    succeed(state, JsonataFlow.leaving(state, scope, result, null), out);
  }

  private static void handleError(JsonNode state, JsonataFlow.Scope scope, String error, String cause,
      TestStateConfiguration config, ObjectNode data, ObjectNode out) {
    TestStateOperation.handleError(state, error, cause, config, data, out,
        (catcher, errorOutput) -> JsonataFlow.leaving(catcher, scope, null, errorOutput).output());
  }

  private static void succeed(JsonNode state, JsonataFlow.Leaving leaving, ObjectNode out) {
    leave(leaving, state.has("Next") ? state.get("Next").asText() : null, out);
  }

  private static void leave(JsonataFlow.Leaving leaving, String next, ObjectNode out) {
    out.put("output", SfnJson.write(leaving.output()));
    if (next != null) {
      out.put("nextState", next);
    }
    out.put("status", "SUCCEEDED");
  }
}
