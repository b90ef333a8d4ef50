package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.local.internal.http.ServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading request members, with the service's model-level checks ("1 validation error detected:
 * Value null at 'item' failed to satisfy constraint: ...") collected and reported together as
 * DynamoDB reports them.
 */
final class Requests {

  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

  private final List<String> violations = new ArrayList<>();
  /** A check beyond the model (the table name's length), reported only when the shape is valid. */
  private ServiceError semantic;

  /** Records that a required member is missing. */
  Requests required(JsonNode request, String member, String wireName) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      violations.add("Value null at '" + wireName + "' failed to satisfy constraint: Member must not be null");
    }
    return this;
  }

  /** Records a table name that breaks the model's length or pattern rules (ARNs are accepted). */
  Requests tableName(JsonNode request, String member, String wireName) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      violations.add("Value null at '" + wireName + "' failed to satisfy constraint: Member must not be null");
      return this;
    }
    String name = value.asText();
    if (name.startsWith("arn:")) {
      return this;
    }
    // DynamoDB words a table name's length in its own message, not as a member constraint (dynalite,
    // whose tests ran against DynamoDB, and captures of live answers agree).
    if ((name.length() < 3 || name.length() > 255) && semantic == null) {
      semantic = Faults.validation("TableName must be at least 3 characters long and at most 255 characters long");
    }
    if (!TABLE_NAME.matcher(name).matches()) {
      violations.add("Value '" + name + "' at '" + wireName
          + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    return this;
  }

  /** Records a string member outside its enum. */
  Requests oneOf(JsonNode request, String member, String wireName, Set<String> allowed, String shown) {
    JsonNode value = request.get(member);
    if (value != null && !value.isNull() && !allowed.contains(value.asText())) {
      violations.add("Value '" + value.asText() + "' at '" + wireName
          + "' failed to satisfy constraint: Member must satisfy enum value set: " + shown);
    }
    return this;
  }

  /** Records a number member below its minimum. */
  Requests atLeast(JsonNode request, String member, String wireName, long min) {
    JsonNode value = request.get(member);
    if (value != null && !value.isNull() && value.asLong() < min) {
      violations.add("Value '" + value.asLong() + "' at '" + wireName
          + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
    }
    return this;
  }

  /** Records a free-form violation. */
  Requests add(String violation) {
    violations.add(violation);
    return this;
  }

  /**
   * Throws the collected violations as one ValidationException, if any: the request shape's
   * constraint violations first, as DynamoDB validates the shape before anything else, then a
   * semantic check recorded on the way.
   */
  void check() {
    if (violations.isEmpty()) {
      if (semantic != null) {
        throw semantic;
      }
      return;
    }
    String count = violations.size() == 1 ? "1 validation error detected: " : violations.size()
        + " validation errors detected: ";
    throw Faults.validation(count + String.join("; ", violations));
  }

  /** The table name of a request, checked. */
  static String tableName(JsonNode request) {
    new Requests().tableName(request, "TableName", "tableName").check();
    return request.get("TableName").asText();
  }

  static ServiceError memberNull(String wireName) {
    return Faults.validation("1 validation error detected: Value null at '" + wireName
        + "' failed to satisfy constraint: Member must not be null");
  }

  /** A text member, or {@code fallback} when absent or null. */
  static String text(JsonNode request, String member, String fallback) {
    JsonNode value = request.get(member);
    return value == null || value.isNull() ? fallback : value.asText();
  }

  /** Whether a member is present and not null. */
  static boolean has(JsonNode request, String member) {
    JsonNode value = request.get(member);
    return value != null && !value.isNull();
  }
}
