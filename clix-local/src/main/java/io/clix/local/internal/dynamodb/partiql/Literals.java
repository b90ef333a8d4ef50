package io.clix.local.internal.dynamodb.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.dynamodb.expr.AttributeValues;
import io.clix.local.internal.dynamodb.expr.DynamoErrors;
import io.clix.local.internal.http.ServiceError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns PartiQL value nodes into DynamoDB attribute values: strings to {@code S}, numbers to
 * canonical {@code N}, tuples to {@code M}, lists to {@code L}, bags to {@code SS}/{@code NS}/{@code
 * BS}, and {@code ?} to the request's parameter. A number DynamoDB refuses is reported with its
 * place in the value ("... under root.x").
 */
final class Literals {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final List<JsonNode> parameters;

  Literals(List<JsonNode> parameters) {
    this.parameters = parameters;
  }

  ObjectNode value(Node node) {
    return value(node, "root");
  }

  private ObjectNode value(Node node, String where) {
    if (node instanceof Node.Literal literal) {
      return scalar(literal, where);
    }
    if (node instanceof Node.Param param) {
      return AttributeValues.validate(parameters.get(param.index()));
    }
    if (node instanceof Node.Bound bound) {
      return bound.value();
    }
    if (node instanceof Node.ListOf list) {
      ObjectNode out = JSON.objectNode();
      ArrayNode items = out.putArray("L");
      for (int i = 0; i < list.items().size(); i++) {
        items.add(value(list.items().get(i), where + "[" + i + "]"));
      }
      return out;
    }
    if (node instanceof Node.MapOf map) {
      ObjectNode out = JSON.objectNode();
      ObjectNode members = out.putObject("M");
      for (int i = 0; i < map.keys().size(); i++) {
        members.set(map.keys().get(i), value(map.values().get(i), where + "." + map.keys().get(i)));
      }
      return out;
    }
    if (node instanceof Node.BagOf bag) {
      return bag(bag, where);
    }
    if (node instanceof Node.Binary binary && (binary.op().equals("+") || binary.op().equals("-"))) {
      ObjectNode left = value(binary.left(), where);
      ObjectNode right = value(binary.right(), where);
      if (left.has("N") && right.has("N")) {
        var a = AttributeValues.number(left);
        var b = AttributeValues.number(right);
        return AttributeValues.numberValue(binary.op().equals("+") ? a.add(b) : a.subtract(b));
      }
      throw DynamoErrors.validation("Unsupported operation: arithmetic on values that are not numbers");
    }
    throw DynamoErrors.validation("Unsupported operation: a value must be a literal or a parameter");
  }

  private static ObjectNode scalar(Node.Literal literal, String where) {
    ObjectNode out = JSON.objectNode();
    switch (literal.type()) {
      case "S":
        return out.put("S", literal.text());
      case "BOOL":
        return out.put("BOOL", Boolean.parseBoolean(literal.text()));
      case "NULL":
        return out.put("NULL", true);
      default:
        try {
          new java.math.BigDecimal(literal.text());
        } catch (NumberFormatException | ArithmeticException e) {
          throw PartiqlParser.malformed("");
        }
        try {
          return out.put("N", AttributeValues.canonicalNumber(literal.text()));
        } catch (ServiceError e) {
          throw DynamoErrors.validation(DynamoErrors.messageOf(e) + " under " + where);
        }
    }
  }

  private ObjectNode bag(Node.BagOf bag, String where) {
    if (bag.items().isEmpty()) {
      throw DynamoErrors.validation("Empty bags are not supported");
    }
    String type = null;
    ArrayNode members = JSON.arrayNode();
    Set<String> seen = new HashSet<>();
    for (Node item : bag.items()) {
      if (item instanceof Node.Param) {
        throw DynamoErrors.validation("Unsupported data type in Bag");
      }
      ObjectNode member = value(item, where);
      String memberType = AttributeValues.typeOf(member);
      if (!"S".equals(memberType) && !"N".equals(memberType) && !"B".equals(memberType)) {
        throw DynamoErrors.validation("Unsupported data type in Bag");
      }
      if (type != null && !type.equals(memberType)) {
        throw DynamoErrors.validation("DynamoDB only supports either numbers or strings in bags");
      }
      type = memberType;
      String text = member.get(memberType).asText();
      if (!seen.add(text)) {
        throw DynamoErrors.validation("Input collection contains duplicates");
      }
      members.add(text);
    }
    ObjectNode out = JSON.objectNode();
    out.set(type + "S", members);
    return out;
  }
}
