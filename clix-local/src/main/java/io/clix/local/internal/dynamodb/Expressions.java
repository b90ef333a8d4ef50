package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.dynamodb.expr.AttributeValues;
import io.clix.local.internal.dynamodb.expr.Condition;
import io.clix.local.internal.dynamodb.expr.ConditionParser;
import io.clix.local.internal.dynamodb.expr.ExpressionContext;
import io.clix.local.internal.dynamodb.expr.KeyCondition;
import io.clix.local.internal.dynamodb.expr.KeyConditionParser;
import io.clix.local.internal.dynamodb.expr.ProjectionParser;
import io.clix.local.internal.dynamodb.expr.UpdateExpression;
import io.clix.local.internal.dynamodb.expr.UpdateParser;
import io.clix.local.internal.http.ServiceError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The expressions of one request (condition, filter, update, projection, key condition) parsed by
 * the {@code expr} package against the request's ExpressionAttributeNames and Values, seen by the
 * operations through a few small interfaces.
 */
final class Expressions {

  /** A parsed UpdateExpression. */
  interface Update {
    /** Applies the update to a (copied, mutable) item and returns it. */
    ObjectNode apply(ObjectNode item);

    /** The top-level attributes the update sets or removes. */
    Set<String> touched();

    /** The updated attributes of an item (for ReturnValues UPDATED_OLD/UPDATED_NEW), or {@code null}. */
    ObjectNode updatedPart(ObjectNode item);
  }

  /** A parsed ProjectionExpression. */
  interface Projection {
    ObjectNode apply(ObjectNode item);
  }

  /** A parsed KeyConditionExpression. */
  interface KeyMatch {
    KeyValue hash();

    boolean matchesRange(ObjectNode item);
  }

  private final ExpressionContext context;

  private Expressions(ExpressionContext context) {
    this.context = context;
  }

  /** The expressions context of a request object (its ExpressionAttributeNames and Values). */
  static Expressions of(JsonNode request) {
    return new Expressions(ExpressionContext.of(request));
  }

  /** The condition of {@code expression} (null when absent) as a predicate on items. */
  Predicate<ObjectNode> condition(String expression, String kind) {
    if (expression == null) {
      return null;
    }
    Condition condition = ConditionParser.parse(expression, context, kind);
    return condition::test;
  }

  /** The update of {@code expression}, or {@code null} when absent. */
  Update update(String expression) {
    if (expression == null) {
      return null;
    }
    UpdateExpression parsed = UpdateParser.parse(expression, context);
    return new Update() {
      @Override
      public ObjectNode apply(ObjectNode item) {
        return parsed.apply(item);
      }

      @Override
      public Set<String> touched() {
        return parsed.updatedAttributes();
      }

      @Override
      public ObjectNode updatedPart(ObjectNode item) {
        return item == null ? null : parsed.updatedValues(item);
      }
    };
  }

  /** The request's ProjectionExpression, or {@code null} when absent. */
  Projection projection(JsonNode request) {
    String expression = Requests.text(request, "ProjectionExpression", null);
    if (expression == null) {
      return null;
    }
    io.clix.local.internal.dynamodb.expr.Projection parsed = ProjectionParser.parse(expression, context);
    return parsed::project;
  }

  /** The key condition of a Query against the table's or index's key schema. */
  KeyMatch keyCondition(String expression, KeySchema keys) {
    KeyCondition parsed = KeyConditionParser.parse(expression, context, keys.hashName(),
        String.valueOf(keys.hashType()), keys.rangeName(), keys.hasRange() ? String.valueOf(keys.rangeType()) : null);
    KeyValue hash = KeyValue.of(parsed.hashValue(), keys.hashType());
    return new KeyMatch() {
      @Override
      public KeyValue hash() {
        return hash;
      }

      @Override
      public boolean matchesRange(ObjectNode item) {
        return !keys.hasRange() || parsed.matchesRange(item.get(keys.rangeName()));
      }
    };
  }

  /**
   * The checks DynamoDB makes on a request's expression parameters before it looks at the table:
   * no mix of expressions with the legacy parameters, and no ExpressionAttributeNames or Values
   * without an expression to use them.
   *
   * @param expressions the request's expression members, those taking values first
   * @param valueTaking how many of them (from the start) can use ExpressionAttributeValues
   * @param legacy the request's legacy (non-expression) members
   */
  static void checkUsage(JsonNode request, List<String> expressions, int valueTaking, List<String> legacy) {
    List<String> usedExpressions = new ArrayList<>();
    for (String member : expressions) {
      if (Requests.has(request, member)) {
        usedExpressions.add(member);
      }
    }
    List<String> usedLegacy = new ArrayList<>();
    for (String member : legacy) {
      if (Requests.has(request, member)) {
        usedLegacy.add(member);
      }
    }
    if (!usedExpressions.isEmpty() && !usedLegacy.isEmpty()) {
      throw Faults.validation("Can not use both expression and non-expression parameters in the same request:"
          + " Non-expression parameters: {" + String.join(", ", usedLegacy) + "} Expression parameters: {"
          + String.join(", ", usedExpressions) + "}");
    }
    if (Requests.has(request, "ExpressionAttributeNames") && usedExpressions.isEmpty()) {
      throw Faults.validation("ExpressionAttributeNames can only be specified when using expressions");
    }
    List<String> valueMembers = expressions.subList(0, valueTaking);
    boolean valuesUsable = false;
    for (String member : valueMembers) {
      valuesUsable |= Requests.has(request, member);
    }
    if (Requests.has(request, "ExpressionAttributeValues") && !valuesUsable) {
      String members = valueMembers.size() == 1 ? valueMembers.get(0) + " is null"
          : String.join(", ", valueMembers.subList(0, valueMembers.size() - 1)) + " and "
              + valueMembers.get(valueMembers.size() - 1) + " are null";
      throw Faults.validation("ExpressionAttributeValues can only be specified when using expressions: " + members);
    }
  }

  /** Refuses unused ExpressionAttributeNames and Values. */
  void checkAllUsed() {
    context.checkAllUsed();
  }

  /**
   * Checks every attribute value of an item and returns it with numbers in canonical form.
   *
   * @throws ServiceError a ValidationException as DynamoDB words it
   */
  static ObjectNode validateItem(JsonNode item) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      out.set(field.getKey(), AttributeValues.validate(field.getValue()));
    }
    return out;
  }

  /**
   * Runs a request's parsing stage as the single-item write operations report it: their expression
   * and attribute value errors read "1 validation error detected: ..." on DynamoDB.
   */
  static <T> T counted(Supplier<T> stage) {
    try {
      return stage.get();
    } catch (ServiceError e) {
      String message = e.body().path("message").asText("");
      if (Faults.VALIDATION.equals(e.body().path("__type").asText()) && !message.contains("validation error")) {
        throw Faults.validation("1 validation error detected: " + message);
      }
      throw e;
    }
  }
}
