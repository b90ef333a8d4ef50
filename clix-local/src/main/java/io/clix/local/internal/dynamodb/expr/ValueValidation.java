package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.ServiceError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks behind {@link AttributeValues#validate}, with DynamoDB's messages. */
final class ValueValidation {

  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final String SERIALIZATION_TYPE = "com.amazon.coral.service#SerializationException";
  private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

  private ValueValidation() {
  }

  /** The deepest nesting of maps and lists DynamoDB stores. */
  static final int MAX_NESTING = 32;

  static ObjectNode validate(JsonNode value) {
    return validate(value, 0);
  }

  private static ObjectNode validate(JsonNode value, int depth) {
    if (value == null || !value.isObject()) {
      throw DynamoErrors.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    int types = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!TYPES.contains(e.getKey()) || e.getValue() == null || e.getValue().isNull()) {
        continue;
      }
      types++;
      result.set(e.getKey(), validateMember(e.getKey(), e.getValue(), depth));
    }
    if (types == 0) {
      throw DynamoErrors.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (types > 1) {
      throw DynamoErrors.validation("Supplied AttributeValue has more than one datatypes set, "
          + "must contain exactly one of the supported datatypes");
    }
    return result;
  }

  private static JsonNode validateMember(String type, JsonNode inner, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if ((type.equals("M") || type.equals("L")) && depth >= MAX_NESTING) {
      throw DynamoErrors.validation("Nesting Levels have exceeded supported limits: "
          + "Attributes in the item have nested levels beyond supported limit");
    }
    switch (type) {
      case "N":
        return f.textNode(canonicalNumber(text(inner)));
      case "S":
      case "B":
        text(inner);
        return inner;
      case "BOOL":
        return inner;
      case "NULL":
        if (!inner.asBoolean(false)) {
          throw DynamoErrors.validation(INVALID + "Null attribute value types must have the value of true");
        }
        return inner;
      case "M": {
        ObjectNode map = f.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = inner.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          map.set(e.getKey(), validate(e.getValue(), depth + 1));
        }
        return map;
      }
      case "L": {
        ArrayNode list = f.arrayNode();
        for (JsonNode element : inner) {
          list.add(validate(element, depth + 1));
        }
        return list;
      }
      default:
        return validateSet(type, inner);
    }
  }

  private static JsonNode validateSet(String type, JsonNode members) {
    if (members.isEmpty()) {
      switch (type) {
        case "SS":
          throw DynamoErrors.validation(INVALID + "An string set  may not be empty");
        case "NS":
          throw DynamoErrors.validation(INVALID + "An number set  may not be empty");
        default:
          throw DynamoErrors.validation(INVALID + "Binary sets should not be empty");
      }
    }
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    List<String> texts = new ArrayList<>();
    for (JsonNode m : members) {
      String text = text(m);
      texts.add(text);
      result.add(type.equals("NS") ? canonicalNumber(text) : text);
    }
    if (SetValues.keys(type, result).size() != result.size()) {
      switch (type) {
        case "SS":
          throw DynamoErrors.validation(INVALID + "Input collection " + list(texts) + " contains duplicates.");
        case "NS":
          throw DynamoErrors.validation("Input collection contains duplicates");
        default:
          throw DynamoErrors.validation(INVALID + "Input collection " + list(texts) + "of type BS contains duplicates.");
      }
    }
    return result;
  }

  /**
   * The text of a string member; numbers, maps and lists where a string belongs are refused as the
   * service's JSON reader refuses them, with a {@code SerializationException}.
   */
  private static String text(JsonNode member) {
    if (member.isTextual()) {
      return member.asText();
    }
    String message;
    if (member.isNumber()) {
      message = "NUMBER_VALUE cannot be converted to String";
    } else if (member.isObject()) {
      message = "Start of structure or map found where not expected";
    } else if (member.isArray()) {
      message = "Start of list found where not expected";
    } else {
      return member.asText();
    }
    throw new ServiceError(400, ServiceError.body(SERIALIZATION_TYPE, "Message", message));
  }

  private static String list(List<String> texts) {
    return "[" + String.join(", ", texts) + "]";
  }

  static String canonicalNumber(String text) {
    if (text == null || text.isEmpty()) {
      throw DynamoErrors.validation("The parameter cannot be converted to a numeric value");
    }
    BigDecimal n;
    try {
      n = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw DynamoErrors.validation("The parameter cannot be converted to a numeric value: " + text);
    }
    if (n.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = n.stripTrailingZeros();
    long exponent = (long) stripped.precision() - stripped.scale() - 1;
    if (exponent > 125) {
      throw DynamoErrors.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (exponent < -130) {
      throw DynamoErrors.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    if (stripped.precision() > 38) {
      throw DynamoErrors.validation("Attempting to store more than 38 significant digits in a Number");
    }
    return stripped.toPlainString();
  }
}
