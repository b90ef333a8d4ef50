package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/** An operand of a DynamoDB expression: a document path, a {@code :value}, a function call or {@code a + b}. */
sealed interface Operand {

  /** The operand's value against {@code item} for conditions, {@code null} when it has none. */
  JsonNode eval(ObjectNode item);

  /** The type the operand is known to have without an item ({@code "S"}, ...), or {@code null}. */
  String staticType();

  /** A document path (its names resolved). */
  record Path(DocumentPath path) implements Operand {
    @Override
    public JsonNode eval(ObjectNode item) {
      return path.get(item);
    }

    @Override
    public String staticType() {
      return null;
    }
  }

  /** An expression attribute value; {@code value} is {@code null} when the placeholder is undefined. */
  record Value(String placeholder, ObjectNode value) implements Operand {
    @Override
    public JsonNode eval(ObjectNode item) {
      return value;
    }

    @Override
    public String staticType() {
      return value == null ? null : AttributeValues.typeOf(value);
    }
  }

  /** A function call such as {@code size(a)} or {@code if_not_exists(a, :v)}. */
  record Call(String name, List<Operand> args) implements Operand {
    @Override
    public JsonNode eval(ObjectNode item) {
      if (name.equals("size") && args.size() == 1) {
        Integer size = AttributeValues.size(args.get(0).eval(item));
        return size == null ? null : AttributeValues.numberValue(BigDecimal.valueOf(size));
      }
      return null;
    }

    @Override
    public String staticType() {
      switch (name) {
        case "size":
          return "N";
        case "list_append":
          return "L";
        case "if_not_exists":
          return args.size() == 2 ? args.get(1).staticType() : null;
        default:
          return "BOOL";
      }
    }
  }

  /** {@code left + right} or {@code left - right} in a SET action. */
  record Arithmetic(char operator, Operand left, Operand right) implements Operand {
    @Override
    public JsonNode eval(ObjectNode item) {
      return null;
    }

    @Override
    public String staticType() {
      return "N";
    }
  }
}
