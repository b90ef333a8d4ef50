package io.clix.local.internal.dynamodb.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.dynamodb.expr.DynamoErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes the parts of a PartiQL statement as DynamoDB expressions (condition, update, projection)
 * with every name and value behind a placeholder, collecting {@code ExpressionAttributeNames} and
 * {@code ExpressionAttributeValues} for a request that the endpoint's expression code then
 * evaluates. Values are bound from the request's {@code Parameters}.
 */
public final class ExpressionWriter {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Literals literals;
  private final ObjectNode names = JSON.objectNode();
  private final ObjectNode values = JSON.objectNode();
  private final Map<String, String> nameKeys = new HashMap<>();

  /** A writer binding {@code ?} to {@code parameters} (in order). */
  public ExpressionWriter(List<JsonNode> parameters) {
    this.literals = new Literals(parameters);
  }

  /** The attribute value of a value node (a literal, a parameter, a collection literal). */
  public ObjectNode value(Node node) {
    return literals.value(node);
  }

  /** A condition expression for a WHERE clause (or part of one). */
  public String condition(Node node) {
    if (node instanceof Node.Binary binary) {
      switch (binary.op()) {
        case "AND":
        case "OR":
          return "(" + condition(binary.left()) + ") " + binary.op() + " (" + condition(binary.right()) + ")";
        case "+":
        case "-":
          throw unsupported("arithmetic in a condition");
        default:
          return operand(binary.left()) + " " + binary.op() + " " + operand(binary.right());
      }
    }
    if (node instanceof Node.Not not) {
      return "NOT (" + condition(not.operand()) + ")";
    }
    if (node instanceof Node.Between between) {
      return operand(between.operand()) + " BETWEEN " + operand(between.low()) + " AND " + operand(between.high());
    }
    if (node instanceof Node.In in) {
      StringJoiner options = new StringJoiner(", ", operand(in.operand()) + " IN (", ")");
      for (Node option : inOptions(in)) {
        options.add(operand(option));
      }
      return options.toString();
    }
    if (node instanceof Node.Is is) {
      String path = operand(is.operand());
      if ("MISSING".equals(is.type())) {
        return (is.negated() ? "attribute_exists(" : "attribute_not_exists(") + path + ")";
      }
      String test = "attribute_type(" + path + ", " + placeholder(JSON.objectNode().put("S", "NULL")) + ")";
      return is.negated() ? "NOT " + test : test;
    }
    if (node instanceof Node.Call call) {
      switch (call.function()) {
        case "begins_with":
        case "contains":
        case "attribute_type":
        case "attribute_exists":
        case "attribute_not_exists":
          return call(call);
        default:
          throw unsupported("function " + call.function() + " in a condition");
      }
    }
    if (node instanceof Node.Literal literal && "BOOL".equals(literal.type())) {
      throw unsupported("a boolean literal as a condition");
    }
    throw DynamoErrors.validation("Unsupported operation: a condition must be a comparison or a function");
  }

  /** The options of an IN: its list, or the elements of a list bound to its single parameter. */
  public List<Node> inOptions(Node.In in) {
    if (in.options().size() == 1 && in.options().get(0) instanceof Node.Param param) {
      JsonNode list = literals.value(param).get("L");
      if (list != null) {
        List<Node> out = new ArrayList<>();
        list.forEach(item -> out.add(new Node.Bound((ObjectNode) item)));
        return out;
      }
    }
    return in.options();
  }

  /** An UpdateExpression for the actions of an UPDATE. */
  public String update(List<Statement.Action> actions) {
    List<String> set = new ArrayList<>();
    List<String> remove = new ArrayList<>();
    List<String> add = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    for (Statement.Action action : actions) {
      String path = path(action.path());
      if (action.remove()) {
        remove.add(path);
      } else if (action.value() instanceof Node.Call call && call.function().equals("set_add")) {
        add.add(path + " " + setOperand(call, action.path()));
      } else if (action.value() instanceof Node.Call call && call.function().equals("set_delete")) {
        delete.add(path + " " + setOperand(call, action.path()));
      } else {
        set.add(path + " = " + setValue(action.value()));
      }
    }
    StringBuilder out = new StringBuilder();
    clause(out, "SET", set);
    clause(out, "REMOVE", remove);
    clause(out, "ADD", add);
    clause(out, "DELETE", delete);
    return out.toString().trim();
  }

  /** A ProjectionExpression for a SELECT's projection list. */
  public String projection(List<Node.Path> paths) {
    StringJoiner out = new StringJoiner(", ");
    paths.forEach(p -> out.add(path(p)));
    return out.toString();
  }

  /** The placeholder of a top-level attribute name. */
  public String name(String attribute) {
    return path(new Node.Path(List.of(attribute)));
  }

  /** Adds the collected placeholders to a request. */
  public void addTo(ObjectNode request) {
    if (!names.isEmpty()) {
      request.set("ExpressionAttributeNames", names);
    }
    if (!values.isEmpty()) {
      request.set("ExpressionAttributeValues", values);
    }
  }

  private static void clause(StringBuilder out, String keyword, List<String> parts) {
    if (!parts.isEmpty()) {
      out.append(keyword).append(' ').append(String.join(", ", parts)).append(' ');
    }
  }

  private String setOperand(Node.Call call, Node.Path target) {
    if (call.args().size() != 2 || !(call.args().get(0) instanceof Node.Path first) || !first.equals(target)) {
      throw unsupported(call.function() + " must name the attribute it sets");
    }
    return placeholder(literals.value(call.args().get(1)));
  }

  private String setValue(Node node) {
    if (node instanceof Node.Binary binary && (binary.op().equals("+") || binary.op().equals("-"))) {
      return setValue(binary.left()) + " " + binary.op() + " " + setValue(binary.right());
    }
    if (node instanceof Node.Call call && (call.function().equals("list_append")
        || call.function().equals("if_not_exists"))) {
      return call(call);
    }
    return operand(node);
  }

  private String call(Node.Call call) {
    StringJoiner args = new StringJoiner(", ", call.function() + "(", ")");
    for (Node arg : call.args()) {
      args.add(call.function().equals("list_append") || call.function().equals("if_not_exists") ? setValue(arg)
          : operand(arg));
    }
    return args.toString();
  }

  private String operand(Node node) {
    if (node instanceof Node.Path path) {
      return path(path);
    }
    if (node instanceof Node.Call call && call.function().equals("size")) {
      return call(call);
    }
    if (Node.isValue(node)) {
      return placeholder(literals.value(node));
    }
    throw unsupported("this operand");
  }

  private String path(Node.Path path) {
    StringBuilder out = new StringBuilder();
    for (Object step : path.steps()) {
      if (step instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(nameKeys.computeIfAbsent((String) step, n -> {
          String key = "#n" + nameKeys.size();
          names.put(key, n);
          return key;
        }));
      }
    }
    return out.toString();
  }

  private String placeholder(ObjectNode value) {
    String key = ":v" + values.size();
    values.set(key, value);
    return key;
  }

  private static io.clix.local.internal.http.ServiceError unsupported(String what) {
    return DynamoErrors.validation("Unsupported operation: " + what + " is not supported");
  }
}
