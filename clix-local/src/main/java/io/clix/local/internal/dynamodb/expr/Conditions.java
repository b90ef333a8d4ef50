package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/** The nodes of a parsed condition and how DynamoDB evaluates each against an item. */
final class Conditions {

  private Conditions() {
  }

  /** {@code left op right} with one of {@code = <> < <= > >=}. */
  record Compare(Token.Kind operator, Operand left, Operand right) implements Condition {
    @Override
    public boolean test(ObjectNode item) {
      JsonNode a = left.eval(item);
      JsonNode b = right.eval(item);
      if (operator == Token.Kind.NE) {
        return a == null || b == null || !AttributeValues.equalsValue(a, b);
      }
      if (a == null || b == null) {
        return false;
      }
      if (operator == Token.Kind.EQ) {
        return AttributeValues.equalsValue(a, b);
      }
      if (!AttributeValues.comparable(a, b)) {
        return false;
      }
      int c = AttributeValues.compare(a, b);
      switch (operator) {
        case LT:
          return c < 0;
        case LE:
          return c <= 0;
        case GT:
          return c > 0;
        default:
          return c >= 0;
      }
    }
  }

  /** {@code value BETWEEN low AND high}, bounds included. */
  record Between(Operand value, Operand low, Operand high) implements Condition {
    @Override
    public boolean test(ObjectNode item) {
      JsonNode v = value.eval(item);
      JsonNode lo = low.eval(item);
      JsonNode hi = high.eval(item);
      return v != null && lo != null && hi != null && AttributeValues.comparable(v, lo)
          && AttributeValues.comparable(v, hi) && AttributeValues.compare(v, lo) >= 0
          && AttributeValues.compare(v, hi) <= 0;
    }
  }

  /** {@code value IN (a, b, ...)}. */
  record In(Operand value, List<Operand> candidates) implements Condition {
    @Override
    public boolean test(ObjectNode item) {
      JsonNode v = value.eval(item);
      if (v == null) {
        return false;
      }
      for (Operand candidate : candidates) {
        JsonNode c = candidate.eval(item);
        if (c != null && AttributeValues.equalsValue(v, c)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code left AND right}. */
  record And(Condition left, Condition right) implements Condition {
    @Override
    public boolean test(ObjectNode item) {
      return left.test(item) && right.test(item);
    }
  }

  /** {@code left OR right}. */
  record Or(Condition left, Condition right) implements Condition {
    @Override
    public boolean test(ObjectNode item) {
      return left.test(item) || right.test(item);
    }
  }

  /** {@code NOT inner}. */
  record Not(Condition inner) implements Condition {
    @Override
    public boolean test(ObjectNode item) {
      return !inner.test(item);
    }
  }

  /** {@code ( inner )}, kept to find redundant parentheses. */
  record Parens(Condition inner) implements Condition {
    @Override
    public boolean test(ObjectNode item) {
      return inner.test(item);
    }
  }

  /** A boolean function: attribute_exists, attribute_not_exists, attribute_type, begins_with, contains. */
  record Function(Operand.Call call) implements Condition {
    @Override
    public boolean test(ObjectNode item) {
      List<Operand> args = call.args();
      JsonNode first = args.get(0).eval(item);
      switch (call.name()) {
        case "attribute_exists":
          return first != null;
        case "attribute_not_exists":
          return first == null;
        case "attribute_type": {
          JsonNode type = args.get(1).eval(item);
          return first != null && type != null && type.has("S")
              && type.get("S").asText().equals(AttributeValues.typeOf(first));
        }
        case "begins_with":
          return beginsWith(first, args.get(1).eval(item));
        case "contains":
          return contains(first, args.get(1).eval(item));
        default:
          return false;
      }
    }
  }

  static boolean beginsWith(JsonNode value, JsonNode prefix) {
    if (value == null || prefix == null) {
      return false;
    }
    String type = AttributeValues.typeOf(value);
    if (type == null || !type.equals(AttributeValues.typeOf(prefix))) {
      return false;
    }
    if (type.equals("S")) {
      return value.get("S").asText().startsWith(prefix.get("S").asText());
    }
    if (type.equals("B")) {
      byte[] v = AttributeValues.bytes(value.get("B").asText());
      byte[] p = AttributeValues.bytes(prefix.get("B").asText());
      return v.length >= p.length && Arrays.equals(Arrays.copyOf(v, p.length), p);
    }
    return false;
  }

  static boolean contains(JsonNode value, JsonNode operand) {
    if (value == null || operand == null) {
      return false;
    }
    String type = AttributeValues.typeOf(value);
    String operandType = AttributeValues.typeOf(operand);
    if (type == null || operandType == null) {
      return false;
    }
    switch (type) {
      case "S":
        return operandType.equals("S") && value.get("S").asText().contains(operand.get("S").asText());
      case "B":
        return operandType.equals("B") && indexOf(AttributeValues.bytes(value.get("B").asText()),
            AttributeValues.bytes(operand.get("B").asText())) >= 0;
      case "SS":
      case "NS":
      case "BS":
        return operandType.equals(type.substring(0, 1)) && SetValues.contains(type, value.get(type), operand.get(operandType));
      case "L":
        for (JsonNode element : value.get("L")) {
          if (AttributeValues.equalsValue(element, operand)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
