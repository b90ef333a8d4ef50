package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.sfn.StateRuntime.Transition;
import io.clix.local.internal.sfn.asl.ChoiceRules;
import io.clix.local.internal.sfn.asl.JsonataExpressions;
import io.clix.local.internal.sfn.asl.StatesError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The states of the JSONata query language that the {@link Interpreter} runs itself (Pass, Choice,
 * Wait, Succeed, Fail): their {@code Condition}, {@code Seconds}/{@code Timestamp}, {@code Error} and
 * {@code Cause} expressions, and {@code Output}/{@code Assign} on the way out. Task, Parallel and Map
 * go back to the interpreter, which starts them for both query languages.
 */
final class JsonataStates {

  private final Interpreter interpreter;

  JsonataStates(Interpreter interpreter) {
    this.interpreter = interpreter;
  }

  /** Runs the current state of {@code frame} in the JSONata query language. */
  Transition execute(Frame frame) {
    JsonNode state = frame.state;
    switch (state.path("Type").asText()) {
      case "Pass":
        return interpreter.exit(frame, JsonataFlow.leave(frame, state, null, null));
      case "Choice": {
        ObjectNode context = frame.context(null);
        Map<String, JsonNode> bindings = JsonataFlow.bindings(frame, context, null, null);
        JsonNode choices = state.path("Choices");
        for (int i = 0; i < choices.size(); i++) {
          JsonNode rule = choices.get(i);
          JsonNode condition = rule.get("Condition");
          JsonNode holds = condition == null ? null
              : JsonataExpressions.resolve(condition, bindings,
                  "Choices/" + i + "/Condition");
          if (holds != null && !holds.isBoolean()) {
            throw JsonataExpressions.failure("Choices/" + i + "/Condition",
                "The JSONata expression '" + condition.asText() + "' specified for the field 'Condition' "
                    + "returned a non-boolean result type.");
          }
          if (holds != null && holds.booleanValue()) {
            return interpreter.exitTo(frame, JsonataFlow.leave(frame, rule, null, null), rule.path("Next").asText());
          }
        }
        if (!state.has("Default")) {
          throw new StatesError(StatesError.RUNTIME, ChoiceRules.NO_NEXT_STATE);
        }
        return interpreter.exitTo(frame, JsonataFlow.leave(frame, state, null, null), state.path("Default").asText());
      }
      case "Wait": {
        ObjectNode context = frame.context(null);
        ObjectNode resolved = state.deepCopy();
        for (String field : new String[] {"Seconds", "Timestamp"}) {
          if (JsonataFlow.field(frame, context, field) != null) {
            JsonNode value = JsonataFlow.field(frame, context, field);
            if (field.equals("Seconds") && !(value.isIntegralNumber() && value.asLong() >= 0)) {
              throw JsonataExpressions.failure(field, "The JSONata expression '"
                  + state.get(field).asText() + "' specified for the field 'Seconds' returned an unexpected "
                  + "result: expected a non-negative integer, got " + SfnJson.write(value));
            }
            if (field.equals("Timestamp") && !isTimestamp(value)) {
              throw JsonataExpressions.failure(field, "The Timestamp field cannot be parsed as an ISO-8601 "
                  + "extended offset date-time format string: " + (value.isTextual() ? value.asText() : SfnJson.write(value)));
            }
            resolved.set(field, value);
          }
        }
        Instant due = WaitTimes.due(resolved, frame.stateInput(), context, frame.enteredTime);
        JsonNode output = JsonataFlow.leave(frame, state, null, null);
        interpreter.waitUntil(frame, due, output);
        return null;
      }
      case "Succeed": {
        JsonNode output = JsonataFlow.leave(frame, state, null, null);
        interpreter.exited(frame, output);
        frame.finished = true;
        frame.listener.succeeded(frame, output);
        return null;
      }
      case "Fail": {
        ObjectNode context = frame.context(null);
        JsonNode error = JsonataFlow.field(frame, context, "Error");
        JsonNode cause = JsonataFlow.field(frame, context, "Cause");
        frame.finished = true;
        frame.listener.failed(frame, error == null ? null : error.asText(), cause == null ? null : cause.asText());
        return null;
      }
      default:
        return interpreter.startWork(frame, state);
    }
  }

  private static boolean isTimestamp(JsonNode value) {
    if (!value.isTextual()) {
      return false;
    }
    try {
      WaitTimes.parse(value.asText());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
