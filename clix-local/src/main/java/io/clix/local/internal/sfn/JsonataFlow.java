package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.sfn.asl.JsonataExpressions;
import io.clix.local.internal.sfn.asl.PayloadTemplate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A state's data in the JSONata query language and the workflow variables of both languages:
 * {@code $states} ({@code input}, {@code context}, {@code result}, {@code errorOutput}) and the
 * variables in scope bound for every {@code {% ... %}} expression; {@code Arguments} in,
 * {@code Output} out; {@code Assign} evaluated beside Output, with the values from before the
 * state, and applied after it.
 */
final class JsonataFlow {

  private JsonataFlow() {}

  /** What a state's expressions see besides its result: the variables in scope, its input, its context. */
  record Scope(ObjectNode variables, JsonNode input, JsonNode context) {}

  /** The scope of {@code frame}'s current state. */
  static Scope scope(Frame frame, ObjectNode context) {
    return new Scope(frame.variables, frame.stateInput(), context);
  }

  /** What a JSONata state's expressions see: the variables and {@code $states}. */
  static Map<String, JsonNode> bindings(Scope scope, JsonNode result, JsonNode errorOutput) {
    Map<String, JsonNode> bindings = new HashMap<>();
    if (scope.variables() != null) {
      Iterator<Map.Entry<String, JsonNode>> variables = scope.variables().fields();
      while (variables.hasNext()) {
        Map.Entry<String, JsonNode> variable = variables.next();
        bindings.put(variable.getKey(), variable.getValue());
      }
    }
    ObjectNode states = SfnJson.object();
    states.set("input", scope.input());
    ObjectNode plain = SfnJson.object();
    if (scope.context() instanceof ObjectNode context) {
      plain.setAll(context);
    }
    states.set("context", plain);
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    bindings.put("states", states);
    return bindings;
  }

  static Map<String, JsonNode> bindings(Frame frame, ObjectNode context, JsonNode result, JsonNode errorOutput) {
    return bindings(scope(frame, context), result, errorOutput);
  }

  /** The value of {@code state}'s {@code field} with its expressions evaluated, or null if absent. */
  static JsonNode field(JsonNode state, Scope scope, String field) {
    JsonNode value = state.get(field);
    if (value == null) {
      return null;
    }
    return JsonataExpressions.resolve(value, bindings(scope, null, null), field);
  }

  /** The value of the current state's {@code field} with its expressions evaluated, or null if absent. */
  static JsonNode field(Frame frame, ObjectNode context, String field) {
    return field(frame.state, scope(frame, context), field);
  }

  /** {@code Arguments} evaluated, or the state input if there are none. */
  static JsonNode arguments(JsonNode state, Scope scope) {
    JsonNode arguments = field(state, scope, "Arguments");
    return arguments == null ? scope.input() : arguments;
  }

  static JsonNode arguments(Frame frame, ObjectNode context) {
    return arguments(frame.state, scope(frame, context));
  }

  /** What leaving a state gives: its output, and the variables it assigns (null if none). */
  record Leaving(JsonNode output, ObjectNode assigned) {}

  /**
   * Leaves a state (or one of its Catch or Choice rules, {@code holder}): evaluates its
   * {@code Output} and {@code Assign} with the same bindings. Output defaults to the result, else
   * the error output, else the state input.
   */
  static Leaving leaving(JsonNode holder, Scope scope, JsonNode result, JsonNode errorOutput) {
    Map<String, JsonNode> bindings = bindings(scope, result, errorOutput);
    JsonNode output;
    if (holder.has("Output")) {
      output = JsonataExpressions.resolve(holder.get("Output"), bindings, "Output");
    } else if (result != null) {
      output = result;
    } else if (errorOutput != null) {
      output = errorOutput;
    } else {
      output = scope.input();
    }
    JsonNode assign = holder.get("Assign");
    JsonNode assigned = assign == null ? null : JsonataExpressions.resolve(assign, bindings, "Assign");
    return new Leaving(output, assigned instanceof ObjectNode object ? object : null);
  }

  /** As {@link #leaving}, assigning the variables in {@code frame}'s scope. */
  static JsonNode leave(Frame frame, JsonNode holder, JsonNode result, JsonNode errorOutput) {
    Leaving leaving = leaving(holder, scope(frame, frame.context(null)), result, errorOutput);
    if (leaving.assigned() != null) {
      assign(frame, leaving.assigned());
    }
    return leaving.output();
  }

  /**
   * A JSONPath state's (or Catch rule's) {@code Assign}: a payload template over {@code source}
   * (the state's result, or its effective input, or the error output), assigned after evaluation.
   */
  static void assignJsonPath(Frame frame, JsonNode holder, JsonNode source) {
    JsonNode assign = holder.get("Assign");
    if (assign == null) {
      return;
    }
    assign(frame, PayloadTemplate.resolve(assign, source, frame.context(null), "Assign"));
  }

  /**
   * The output of a Task, Parallel or Map state from its result, in either query language (with
   * its Assign): JSONata's Output, or JSONPath's ResultSelector, ResultPath and OutputPath.
   */
  static JsonNode resultOutput(Frame frame, JsonNode result) {
    if (frame.jsonata()) {
      return leave(frame, frame.state, result, null);
    }
    JsonNode state = frame.state;
    ObjectNode context = frame.context(null);
    JsonNode selected = result;
    if (state.has("ResultSelector")) {
      selected = PayloadTemplate.resolve(state.get("ResultSelector"), result, context, "ResultSelector");
    }
    assignJsonPath(frame, state, selected);
    return DataFlow.path(state, "OutputPath", DataFlow.applyResultPath(state.get("ResultPath"), frame.stateInput(),
        selected), context);
  }

  /** A JSONata state's positive-integer field given as a number or an expression, or null if absent. */
  static Long positiveInteger(Frame frame, ObjectNode context, String field) {
    JsonNode value = frame.state.get(field);
    if (value == null || !JsonataExpressions.isExpression(value)) {
      return value == null ? null : value.asLong();
    }
    JsonNode evaluated = field(frame, context, field);
    if (!evaluated.isIntegralNumber() || evaluated.asLong() <= 0) {
      throw JsonataExpressions.failure(field, "The JSONata expression '" + value.asText() + "' specified for the field '"
          + field + "' returned an unexpected result: expected a positive integer, got " + SfnJson.write(evaluated));
    }
    return evaluated.asLong();
  }

  private static void assign(Frame frame, JsonNode values) {
    if (values.isObject()) {
      frame.variables.setAll((ObjectNode) values);
      if (frame.assigned == null) {
        frame.assigned = SfnJson.object();
      }
      frame.assigned.setAll((ObjectNode) values);
    }
  }
}
