package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's legacy (pre-expression) request parameters, AttributesToGet, Expected, KeyConditions,
 * QueryFilter, ScanFilter and AttributeUpdates, rewritten into the equivalent expressions with
 * generated placeholders so one evaluator serves both forms.
 */
final class LegacyParameters {

  private final ObjectNode request;
  private final ObjectNode names;
  private final ObjectNode values;
  private int next;

  private LegacyParameters(JsonNode request) {
    this.request = request.deepCopy();
    this.names = this.request.objectNode();
    this.values = this.request.objectNode();
  }

  /** The request with its legacy parameters replaced by expressions (the request itself when it has none). */
  static JsonNode rewrite(JsonNode request) {
    boolean legacy = false;
    for (String member : List.of("AttributesToGet", "Expected", "KeyConditions", "QueryFilter", "ScanFilter",
        "AttributeUpdates")) {
      legacy |= Requests.has(request, member);
    }
    if (!legacy) {
      return request;
    }
    LegacyParameters rewriting = new LegacyParameters(request);
    return rewriting.rewrite();
  }

  private JsonNode rewrite() {
    String operator = " " + Requests.text(request, "ConditionalOperator", "AND") + " ";
    JsonNode attributesToGet = request.remove("AttributesToGet");
    if (attributesToGet != null && !attributesToGet.isNull()) {
      List<String> paths = new ArrayList<>();
      attributesToGet.forEach(a -> paths.add(name(a.asText())));
      request.put("ProjectionExpression", String.join(", ", paths));
    }
    JsonNode expected = request.remove("Expected");
    if (expected != null && !expected.isNull() && !expected.isEmpty()) {
      request.put("ConditionExpression", conditions(expected, operator, true));
    }
    JsonNode keyConditions = request.remove("KeyConditions");
    if (keyConditions != null && !keyConditions.isNull()) {
      request.put("KeyConditionExpression", conditions(keyConditions, " AND ", false));
    }
    for (String filter : List.of("QueryFilter", "ScanFilter")) {
      JsonNode conditions = request.remove(filter);
      if (conditions != null && !conditions.isNull() && !conditions.isEmpty()) {
        request.put("FilterExpression", conditions(conditions, operator, false));
      }
    }
    request.remove("ConditionalOperator");
    JsonNode updates = request.remove("AttributeUpdates");
    if (updates != null && !updates.isNull() && !updates.isEmpty()) {
      request.put("UpdateExpression", updates(updates));
    }
    if (!names.isEmpty()) {
      request.set("ExpressionAttributeNames", names);
    }
    if (!values.isEmpty()) {
      request.set("ExpressionAttributeValues", values);
    }
    return request;
  }

  private String conditions(JsonNode conditions, String operator, boolean expected) {
    List<String> parts = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = conditions.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      parts.add(condition(name(field.getKey()), field.getValue(), expected));
    }
    return String.join(operator, parts);
  }

  private String condition(String path, JsonNode condition, boolean expected) {
    if (expected && !condition.has("ComparisonOperator")) {
      if (condition.has("Exists") && !condition.get("Exists").asBoolean()) {
        return "attribute_not_exists(" + path + ")";
      }
      return path + " = " + value(condition.get("Value"));
    }
    String comparison = condition.path("ComparisonOperator").asText("EQ");
    JsonNode list = condition.path("AttributeValueList");
    switch (comparison) {
      case "NOT_NULL":
        return "attribute_exists(" + path + ")";
      case "NULL":
        return "attribute_not_exists(" + path + ")";
      case "CONTAINS":
        return "contains(" + path + ", " + value(list.get(0)) + ")";
      case "NOT_CONTAINS":
        return "NOT contains(" + path + ", " + value(list.get(0)) + ")";
      case "BEGINS_WITH":
        return "begins_with(" + path + ", " + value(list.get(0)) + ")";
      case "BETWEEN":
        return path + " BETWEEN " + value(list.get(0)) + " AND " + value(list.get(1));
      case "IN": {
        List<String> candidates = new ArrayList<>();
        list.forEach(v -> candidates.add(value(v)));
        return path + " IN (" + String.join(", ", candidates) + ")";
      }
      default:
        return path + " " + symbol(comparison) + " " + value(list.get(0));
    }
  }

  private static String symbol(String comparison) {
    switch (comparison) {
      case "EQ":
        return "=";
      case "NE":
        return "<>";
      case "LE":
        return "<=";
      case "LT":
        return "<";
      case "GE":
        return ">=";
      case "GT":
        return ">";
      default:
        throw Faults.validation("1 validation error detected: Value '" + comparison + "' at 'comparisonOperator'"
            + " failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS,"
            + " EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
    }
  }

  private String updates(JsonNode updates) {
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    List<String> add = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = updates.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = name(field.getKey());
      JsonNode update = field.getValue();
      String action = update.path("Action").asText("PUT");
      JsonNode value = update.get("Value");
      if ("DELETE".equals(action)) {
        if (value == null || value.isNull()) {
          remove.add(path);
        } else {
          delete.add(path + " " + value(value));
        }
      } else if ("ADD".equals(action)) {
        add.add(path + " " + value(value));
      } else {
        set.add(path + " = " + value(value));
      }
    }
    StringBuilder expression = new StringBuilder();
    section(expression, "SET", set, ", ");
    section(expression, "REMOVE", remove, ", ");
    section(expression, "ADD", add, ", ");
    section(expression, "DELETE", delete, ", ");
    return expression.toString().trim();
  }

  private static void section(StringBuilder expression, String keyword, List<String> actions, String separator) {
    if (!actions.isEmpty()) {
      expression.append(keyword).append(' ').append(String.join(separator, actions)).append(' ');
    }
  }

  private String name(String attribute) {
    String placeholder = "#legacy" + next++;
    names.put(placeholder, attribute);
    return placeholder;
  }

  private String value(JsonNode value) {
    if (value == null || value.isNull()) {
      throw Faults.invalidParameter("Value must be provided for the comparison");
    }
    String placeholder = ":legacy" + next++;
    values.set(placeholder, value);
    return placeholder;
  }
}
