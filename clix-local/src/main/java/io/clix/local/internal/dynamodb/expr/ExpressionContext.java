package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.ServiceError;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request: checked
 * as DynamoDB checks them when built, resolved by the parsers, and tracking which placeholders the
 * request's expressions used so that {@link #checkAllUsed()} can refuse unused ones.
 */
public final class ExpressionContext {

  private static final Pattern NAME_KEY = Pattern.compile("#[0-9A-Za-z_]+");
  private static final Pattern VALUE_KEY = Pattern.compile(":[0-9A-Za-z_]+");

  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, ObjectNode> values = new LinkedHashMap<>();
  private final Set<String> usedNames = new LinkedHashSet<>();
  private final Set<String> usedValues = new LinkedHashSet<>();
  private ServiceError deferred;

  /**
   * Checks and keeps the two maps; either may be {@code null} (or a JSON null) when the request has none.
   *
   * @throws ServiceError a {@code ValidationException} for an empty map, a malformed key or an invalid value
   */
  public ExpressionContext(JsonNode expressionAttributeNames, JsonNode expressionAttributeValues) {
    if (present(expressionAttributeNames)) {
      if (expressionAttributeNames.isEmpty()) {
        throw DynamoErrors.validation("ExpressionAttributeNames must not be empty");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expressionAttributeNames.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!NAME_KEY.matcher(e.getKey()).matches()) {
          throw DynamoErrors.validation(
              "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
        }
        String name = e.getValue().asText("");
        if (name.isEmpty()) {
          throw DynamoErrors.validation(
              "ExpressionAttributeNames contains invalid value: Empty attribute name for key " + e.getKey());
        }
        names.put(e.getKey(), name);
      }
    }
    if (present(expressionAttributeValues)) {
      if (expressionAttributeValues.isEmpty()) {
        throw DynamoErrors.validation("ExpressionAttributeValues must not be empty");
      }
      for (Iterator<String> it = expressionAttributeValues.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!VALUE_KEY.matcher(key).matches()) {
          throw DynamoErrors.validation(
              "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expressionAttributeValues.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        try {
          values.put(e.getKey(), AttributeValues.validate(e.getValue()));
        } catch (ServiceError invalid) {
          if (!invalid.code().equals("ValidationException")) {
            throw invalid;
          }
          throw DynamoErrors.validation("ExpressionAttributeValues contains invalid value: "
              + DynamoErrors.messageOf(invalid) + " for key " + e.getKey());
        }
      }
    }
  }

  /** The context of a request object, from its {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}. */
  public static ExpressionContext of(JsonNode request) {
    return new ExpressionContext(request.get("ExpressionAttributeNames"), request.get("ExpressionAttributeValues"));
  }

  /** A context without placeholders. */
  public static ExpressionContext empty() {
    return new ExpressionContext(null, null);
  }

  private static boolean present(JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  /** Whether the request carried {@code ExpressionAttributeNames}. */
  public boolean hasNames() {
    return !names.isEmpty();
  }

  /** Whether the request carried {@code ExpressionAttributeValues}. */
  public boolean hasValues() {
    return !values.isEmpty();
  }

  /** The attribute name behind {@code #placeholder}, marking it used; {@code null} if not defined. */
  String name(String placeholder) {
    String name = names.get(placeholder);
    if (name != null) {
      usedNames.add(placeholder);
    }
    return name;
  }

  /** The (validated, canonical) value behind {@code :placeholder}, marking it used; {@code null} if not defined. */
  ObjectNode value(String placeholder) {
    ObjectNode value = values.get(placeholder);
    if (value != null) {
      usedValues.add(placeholder);
    }
    return value;
  }

  /**
   * Keeps an error DynamoDB reports only after the unused-placeholder check (a key condition that
   * parsed but does not fit the key schema); {@link #checkAllUsed()} throws it. The first one wins.
   */
  void defer(ServiceError error) {
    if (deferred == null) {
      deferred = error;
    }
  }

  /**
   * Refuses placeholders that none of the request's expressions used, as DynamoDB does once every
   * expression of the request is parsed; then throws any error a parser deferred until this point.
   *
   * @throws ServiceError a {@code ValidationException} naming the unused keys, or the deferred error
   */
  public void checkAllUsed() {
    Set<String> unusedNames = new LinkedHashSet<>(names.keySet());
    unusedNames.removeAll(usedNames);
    if (!unusedNames.isEmpty()) {
      throw DynamoErrors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
          + String.join(", ", unusedNames) + "}");
    }
    Set<String> unusedValues = new LinkedHashSet<>(values.keySet());
    unusedValues.removeAll(usedValues);
    if (!unusedValues.isEmpty()) {
      throw DynamoErrors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
          + String.join(", ", unusedValues) + "}");
    }
    if (deferred != null) {
      throw deferred;
    }
  }
}
