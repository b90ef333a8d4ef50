package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.local.internal.http.ServiceError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code KeyConditionExpression} texts: {@code hash = :v}, optionally {@code AND} one sort key
 * condition, refusing other shapes with DynamoDB's messages ({@code "Query condition missed key schema
 * element: id"}, {@code "Invalid operator used in KeyConditionExpression: OR"}, ...). Syntax and
 * placeholder errors are thrown at once; errors of fit to the key schema are thrown by the returned
 * condition's accessors and by {@link ExpressionContext#checkAllUsed()}, after unused placeholders.
 */
public final class KeyConditionParser {

  private static final String KIND = "KeyConditionExpression";

  private KeyConditionParser() {
  }

  /** One key attribute's condition. */
  private record KeyTerm(String operator, List<JsonNode> values) {
  }

  /**
   * Parses {@code expression} against a key schema; {@code rangeKeyName} is {@code null} for a
   * partition key only.
   *
   * @throws io.clix.local.internal.http.ServiceError a {@code ValidationException} worded as DynamoDB words it
   */
  public static KeyCondition parse(String expression, ExpressionContext ctx, String hashKeyName, String rangeKeyName) {
    Condition tree = new ConditionGrammar(expression, KIND, ctx).parse();
    try {
      return analyze(tree, hashKeyName, rangeKeyName);
    } catch (ServiceError misfit) {
      return failed(ctx, hashKeyName, rangeKeyName, misfit);
    }
  }

  private static KeyCondition failed(ExpressionContext ctx, String hashKeyName, String rangeKeyName, ServiceError misfit) {
    if (ctx != null) {
      ctx.defer(misfit);
    }
    return KeyCondition.failed(hashKeyName, rangeKeyName, misfit);
  }

  private static KeyCondition analyze(Condition tree, String hashKeyName, String rangeKeyName) {
    Map<String, KeyTerm> terms = new LinkedHashMap<>();
    collect(tree, terms);
    if (terms.size() > 2) {
      throw DynamoErrors.validation("Conditions can be of length 1 or 2 only");
    }
    if (!terms.containsKey(hashKeyName)) {
      throw DynamoErrors.validation("Query condition missed key schema element: " + hashKeyName);
    }
    for (String name : terms.keySet()) {
      if (!name.equals(hashKeyName) && !name.equals(rangeKeyName)) {
        throw DynamoErrors.validation(rangeKeyName == null ? "Query key condition not supported"
            : "Query condition missed key schema element: " + rangeKeyName);
      }
    }
    KeyTerm hash = terms.get(hashKeyName);
    if (!hash.operator().equals("=")) {
      throw DynamoErrors.validation("Query key condition not supported");
    }
    KeyTerm range = rangeKeyName == null ? null : terms.get(rangeKeyName);
    return new KeyCondition(hashKeyName, hash.values().get(0), rangeKeyName,
        range == null ? null : range.operator(), range == null ? null : range.values());
  }

  /**
   * As {@link #parse(String, ExpressionContext, String, String)}, also refusing values whose type is
   * not the key attribute's type ({@code "S"}, {@code "N"} or {@code "B"}).
   */
  public static KeyCondition parse(String expression, ExpressionContext ctx, String hashKeyName, String hashKeyType,
      String rangeKeyName, String rangeKeyType) {
    KeyCondition condition = parse(expression, ctx, hashKeyName, rangeKeyName);
    if (!condition.isValid()) {
      return condition;
    }
    boolean matches = hashKeyType.equals(AttributeValues.typeOf(condition.hashValue()));
    for (JsonNode v : condition.rangeValues()) {
      matches &= rangeKeyType != null && rangeKeyType.equals(AttributeValues.typeOf(v));
    }
    if (!matches) {
      return failed(ctx, hashKeyName, rangeKeyName, DynamoErrors.validation(
          "One or more parameter values were invalid: Condition parameter type does not match schema type"));
    }
    return condition;
  }

  private static void collect(Condition node, Map<String, KeyTerm> terms) {
    if (node instanceof Conditions.Parens) {
      collect(((Conditions.Parens) node).inner(), terms);
    } else if (node instanceof Conditions.And) {
      collect(((Conditions.And) node).left(), terms);
      collect(((Conditions.And) node).right(), terms);
    } else if (node instanceof Conditions.Or) {
      throw invalidOperator("OR");
    } else if (node instanceof Conditions.Not) {
      throw invalidOperator("NOT");
    } else if (node instanceof Conditions.In) {
      throw invalidOperator("IN");
    } else if (node instanceof Conditions.Compare) {
      Conditions.Compare c = (Conditions.Compare) node;
      if (c.operator() == Token.Kind.NE) {
        throw invalidOperator("<>");
      }
      String op = symbol(c.operator());
      boolean flipped = !(c.left() instanceof Operand.Path) && c.right() instanceof Operand.Path;
      term(flipped ? flip(op) : op, List.of(c.left(), c.right()), terms);
    } else if (node instanceof Conditions.Between) {
      Conditions.Between b = (Conditions.Between) node;
      checkNested(List.of(b.value(), b.low(), b.high()));
      if (!(b.value() instanceof Operand.Path)) {
        throw invalidCondition("BETWEEN operator must have the key attribute as its first operand");
      }
      term("BETWEEN", List.of(b.value(), b.low(), b.high()), terms);
    } else {
      Operand.Call call = ((Conditions.Function) node).call();
      if (!call.name().equals("begins_with")) {
        throw invalidOperator(call.name());
      }
      checkNested(call.args());
      if (!(call.args().get(0) instanceof Operand.Path)) {
        throw invalidCondition("begins_with operator must have the key attribute as its first operand");
      }
      term("begins_with", call.args(), terms);
    }
  }

  private static void term(String operator, List<Operand> operands, Map<String, KeyTerm> terms) {
    checkNested(operands);
    String name = null;
    List<JsonNode> values = new ArrayList<>();
    for (Operand o : operands) {
      if (o instanceof Operand.Path) {
        if (name != null) {
          throw invalidCondition("Multiple attribute names used in one condition");
        }
        DocumentPath path = ((Operand.Path) o).path();
        if (!path.isTopLevel()) {
          throw DynamoErrors.validation("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        name = path.topLevel();
      } else {
        values.add(((Operand.Value) o).value());
      }
    }
    if (name == null) {
      throw invalidCondition("No key attribute specified");
    }
    if (terms.containsKey(name)) {
      throw DynamoErrors.validation("KeyConditionExpressions must only contain one condition per key");
    }
    terms.put(name, new KeyTerm(operator, values));
  }

  private static void checkNested(List<Operand> operands) {
    for (Operand o : operands) {
      if (o instanceof Operand.Call) {
        throw DynamoErrors.validation("KeyConditionExpressions cannot contain nested operations");
      }
    }
  }

  private static String symbol(Token.Kind kind) {
    switch (kind) {
      case EQ:
        return "=";
      case LT:
        return "<";
      case LE:
        return "<=";
      case GT:
        return ">";
      default:
        return ">=";
    }
  }

  private static String flip(String op) {
    switch (op) {
      case "<":
        return ">";
      case "<=":
        return ">=";
      case ">":
        return "<";
      case ">=":
        return "<=";
      default:
        return op;
    }
  }

  private static RuntimeException invalidOperator(String operator) {
    return DynamoErrors.validation("Invalid operator used in KeyConditionExpression: " + operator);
  }

  private static RuntimeException invalidCondition(String detail) {
    return DynamoErrors.validation("Invalid " + KIND + ": Invalid condition in KeyConditionExpression: " + detail);
  }
}
