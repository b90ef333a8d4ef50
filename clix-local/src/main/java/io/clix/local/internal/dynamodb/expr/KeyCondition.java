package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.local.internal.http.ServiceError;
import java.util.List;

/**
 * A parsed {@code KeyConditionExpression} ({@link KeyConditionParser}): the partition key value that
 * selects the items and an optional sort key condition ({@code = < <= > >= BETWEEN begins_with}).
 * An expression that parsed but does not fit the key schema yields a key condition whose accessors
 * throw that {@code ValidationException} (DynamoDB reports it after unused placeholders).
 */
public final class KeyCondition {

  private final String hashKeyName;
  private final JsonNode hashValue;
  private final String rangeKeyName;
  private final String rangeOperator;
  private final List<JsonNode> rangeValues;
  private final ServiceError failure;

  static KeyCondition failed(String hashKeyName, String rangeKeyName, ServiceError failure) {
    return new KeyCondition(hashKeyName, null, rangeKeyName, null, null, failure);
  }

  KeyCondition(String hashKeyName, JsonNode hashValue, String rangeKeyName, String rangeOperator, List<JsonNode> rangeValues) {
    this(hashKeyName, hashValue, rangeKeyName, rangeOperator, rangeValues, null);
  }

  private KeyCondition(String hashKeyName, JsonNode hashValue, String rangeKeyName, String rangeOperator, List<JsonNode> rangeValues,
      ServiceError failure) {
    this.failure = failure;
    this.hashKeyName = hashKeyName;
    this.hashValue = hashValue;
    this.rangeKeyName = rangeKeyName;
    this.rangeOperator = rangeOperator;
    this.rangeValues = rangeValues == null ? List.of() : List.copyOf(rangeValues);
  }

  /** The partition key attribute's name. */
  public String hashKeyName() {
    return hashKeyName;
  }

  /** The partition key value the query selects. */
  public JsonNode hashValue() {
    check();
    return hashValue;
  }

  /** The sort key attribute's name, or {@code null} when the key schema has none. */
  public String rangeKeyName() {
    return rangeKeyName;
  }

  /** Whether the expression has a condition on the sort key. */
  public boolean hasRangeCondition() {
    check();
    return rangeOperator != null;
  }

  /** The sort key operator ({@code "=", "<", "<=", ">", ">=", "BETWEEN", "begins_with"}), or {@code null}. */
  public String rangeOperator() {
    check();
    return rangeOperator;
  }

  /** The sort key condition's values (two for BETWEEN, else one; none without a condition). */
  public List<JsonNode> rangeValues() {
    check();
    return rangeValues;
  }

  /** Whether the expression fits the key schema; when not, the accessors throw {@link #failure()}. */
  public boolean isValid() {
    return failure == null;
  }

  /** The {@code ValidationException} for an expression that does not fit the key schema, or {@code null}. */
  public ServiceError failure() {
    return failure;
  }

  private void check() {
    if (failure != null) {
      throw failure;
    }
  }

  /** Whether an item whose sort key has {@code rangeValue} satisfies the sort key condition. */
  public boolean matchesRange(JsonNode rangeValue) {
    check();
    if (rangeOperator == null) {
      return true;
    }
    if (rangeValue == null) {
      return false;
    }
    if (rangeOperator.equals("begins_with")) {
      return Conditions.beginsWith(rangeValue, rangeValues.get(0));
    }
    if (!AttributeValues.comparable(rangeValue, rangeValues.get(0))) {
      return false;
    }
    int c = AttributeValues.compare(rangeValue, rangeValues.get(0));
    switch (rangeOperator) {
      case "=":
        return c == 0;
      case "<":
        return c < 0;
      case "<=":
        return c <= 0;
      case ">":
        return c > 0;
      case ">=":
        return c >= 0;
      default:
        return c >= 0 && AttributeValues.comparable(rangeValue, rangeValues.get(1))
            && AttributeValues.compare(rangeValue, rangeValues.get(1)) <= 0;
    }
  }
}
