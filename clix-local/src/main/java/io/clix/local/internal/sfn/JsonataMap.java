package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.sfn.asl.JsonataExpressions;
import io.clix.local.internal.sfn.asl.StatesError;
import java.util.Map;

/**
 * The Map state's fields in the JSONata query language: {@code Items} (an array, or an
 * expression giving one; the state input when absent), {@code ItemSelector} with
 * {@code $states.context.Map.Item}, and {@code MaxConcurrency} and the tolerated-failure
 * thresholds given as expressions.
 */
final class JsonataMap {

  private JsonataMap() {}

  static JsonNode items(Frame frame, ObjectNode context) {
    JsonNode field = frame.state.get("Items");
    JsonNode items = field == null ? frame.stateInput() : JsonataFlow.field(frame, context, "Items");
    if (!items.isArray()) {
      String expression = JsonataExpressions.isExpression(field) ? JsonataExpressions.body(field.asText())
          : SfnJson.write(field == null ? frame.stateInput() : field);
      throw JsonataExpressions.failure("Items", "The JSONata expression '" + expression
          + "' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '"
          + typeName(items) + "' for value: " + SfnJson.write(items));
    }
    return items;
  }

  static JsonNode itemSelector(Frame frame, ObjectNode context, JsonNode selector) {
    Map<String, JsonNode> bindings = JsonataFlow.bindings(frame, context, null, null);
    return JsonataExpressions.resolve(selector, bindings, "ItemSelector");
  }

  static int maxConcurrency(Frame frame, ObjectNode context) {
    JsonNode value = number(frame, context, "MaxConcurrency");
    if (value == null) {
      return 0;
    }
    if (!value.isIntegralNumber() || value.asLong() < 0) {
      throw JsonataExpressions.failure("MaxConcurrency", "The JSONata expression '"
          + JsonataExpressions.body(frame.state.get("MaxConcurrency").asText()) + "' specified for the field "
          + "'MaxConcurrency' returned an unexpected result: expected a non-negative integer, got "
          + SfnJson.write(value));
    }
    return (int) Math.min(value.asLong(), Integer.MAX_VALUE);
  }

  /** ToleratedFailureCount and ToleratedFailurePercentage (null where absent), failing on bad values. */
  static JsonNode[] tolerance(Frame frame, ObjectNode context) {
    JsonNode count = number(frame, context, "ToleratedFailureCount");
    if (count != null && (!count.isIntegralNumber() || count.asLong() < 0)) {
      throw new StatesError(StatesError.RUNTIME, "ToleratedFailureCount cannot be negative.");
    }
    JsonNode percentage = number(frame, context, "ToleratedFailurePercentage");
    if (percentage != null && (!percentage.isNumber() || percentage.asDouble() < 0 || percentage.asDouble() > 100)) {
      throw new StatesError(StatesError.RUNTIME, "ToleratedFailurePercentage must be between 0 and 100.");
    }
    return new JsonNode[] {count, percentage};
  }

  private static JsonNode number(Frame frame, ObjectNode context, String field) {
    JsonNode value = frame.state.get(field);
    if (value == null || !JsonataExpressions.isExpression(value)) {
      return value;
    }
    return JsonataFlow.field(frame, context, field);
  }

  /** JSON's name for a value's type, as AWS's messages give it. */
  static String typeName(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    return value.isArray() ? "array" : "object";
  }
}
