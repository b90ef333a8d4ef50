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

  /** What a JSONata state's expressions see: the variables and {@code $states}. */
  static Map<String, JsonNode> bindings(Frame frame, ObjectNode context, JsonNode result, JsonNode errorOutput) {
    Map<String, JsonNode> bindings = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> variables = frame.variables.fields();
    while (variables.hasNext()) {
      Map.Entry<String, JsonNode> variable = variables.next();
      bindings.put(variable.getKey(), variable.getValue());
    }
    ObjectNode states = SfnJson.object();
    states.set("input", frame.stateInput);
    ObjectNode plain = SfnJson.object();
    plain.setAll(context);
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

  /** The value of the current state's {@code field} with its expressions evaluated, or null if absent. */
  static JsonNode field(Frame frame, ObjectNode context, String field) {
    JsonNode value = frame.state.get(field);
    if (value == null) {
      return null;
    }
    return JsonataExpressions.resolve(value, bindings(frame, context, null, null), field);
  }

  /** {@code Arguments} evaluated, or the state input if there are none. */
  static JsonNode arguments(Frame frame, ObjectNode context) {
    JsonNode arguments = field(frame, context, "Arguments");
    return arguments == null ? frame.stateInput : arguments;
  }

  /**
   * Leaves a state (or one of its Catch or Choice rules, {@code holder}): evaluates its
   * {@code Output} and {@code Assign} with the same bindings, then assigns the variables. Output
   * defaults to the result, else the error output, else the state input.
   */
  static JsonNode leave(Frame frame, JsonNode holder, JsonNode result, JsonNode errorOutput) {
    ObjectNode context = frame.context(null);
    Map<String, JsonNode> bindings = bindings(frame, context, result, errorOutput);
    JsonNode output;
    if (holder.has("Output")) {
      output = JsonataExpressions.resolve(holder.get("Output"), bindings, "Output");
    } else if (result != null) {
      output = result;
    } else if (errorOutput != null) {
      output = errorOutput;
    } else {
      output = frame.stateInput;
    }
    JsonNode assign = holder.get("Assign");
    if (assign != null) {
      assign(frame, JsonataExpressions.resolve(assign, bindings, "Assign"));
    }
    return output;
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
    return DataFlow.path(state, "OutputPath", DataFlow.applyResultPath(state.get("ResultPath"), frame.stateInput,
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
