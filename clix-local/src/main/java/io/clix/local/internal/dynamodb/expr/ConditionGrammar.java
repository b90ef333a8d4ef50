package io.clix.local.internal.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grammar of condition, filter and key condition expressions, as the developer guide gives it:
 * comparisons, {@code BETWEEN}, {@code IN}, the functions, {@code NOT} over {@code AND} over
 * {@code OR}, and parentheses; with DynamoDB's static checks on function names, operand counts and
 * operand types.
 */
final class ConditionGrammar extends ExpressionParser {

  /** At most this many operands on the right of {@code IN}. */
  static final int MAX_IN_OPERANDS = 100;

  private static final Map<String, Integer> FUNCTIONS = Map.of("attribute_exists", 1, "attribute_not_exists", 1,
      "attribute_type", 2, "begins_with", 2, "contains", 2, "size", 1);
  private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
  private static final Set<String> TYPE_NAMES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

  ConditionGrammar(String text, String kind, ExpressionContext ctx) {
    super(text, kind, ctx, KEYWORDS, FUNCTIONS);
  }

  /** Parses the whole expression and reports its problems as DynamoDB orders them. */
  Condition parse() {
    return parseWhole(this::orCondition, Problems.CONDITION_ORDER);
  }

  private Condition orCondition() {
    Condition left = andCondition();
    while (atKeyword("OR")) {
      advance();
      left = new Conditions.Or(left, andCondition());
    }
    return left;
  }

  private Condition andCondition() {
    Condition left = notCondition();
    while (atKeyword("AND")) {
      advance();
      left = new Conditions.And(left, notCondition());
    }
    return left;
  }

  private Condition notCondition() {
    if (atKeyword("NOT")) {
      advance();
      return new Conditions.Not(notCondition());
    }
    return primary();
  }

  private Condition primary() {
    if (at(Token.Kind.LPAREN)) {
      Condition simple = attempt(this::simpleCondition);
      if (simple != null) {
        return simple;
      }
      advance();
      Condition inner = orCondition();
      expect(Token.Kind.RPAREN);
      if (inner instanceof Conditions.Parens) {
        problems.add(Problems.Kind.PARENS, "The expression has redundant parentheses;");
      }
      return new Conditions.Parens(inner);
    }
    return simpleCondition();
  }

  /** A comparison, {@code BETWEEN}, {@code IN} or a boolean function. */
  private Condition simpleCondition() {
    Operand left = operand();
    Token t = peek();
    switch (t.kind()) {
      case EQ:
      case NE:
      case LT:
      case LE:
      case GT:
      case GE: {
        advance();
        Operand right = operand();
        checkMisused(List.of(left, right));
        checkDistinct(t.text(), List.of(left, right));
        if (t.kind() != Token.Kind.EQ && t.kind() != Token.Kind.NE) {
          checkOrderable(t.text(), List.of(left, right));
        }
        return new Conditions.Compare(t.kind(), left, right);
      }
      default:
        break;
    }
    if (atKeyword("BETWEEN")) {
      advance();
      Operand low = operand();
      expectKeyword("AND");
      Operand high = operand();
      checkMisused(List.of(left, low, high));
      checkOrderable("BETWEEN", List.of(left, low, high));
      checkBounds(low, high);
      return new Conditions.Between(left, low, high);
    }
    if (atKeyword("IN")) {
      advance();
      expect(Token.Kind.LPAREN);
      List<Operand> candidates = new ArrayList<>();
      candidates.add(operand());
      while (at(Token.Kind.COMMA)) {
        advance();
        candidates.add(operand());
      }
      expect(Token.Kind.RPAREN);
      List<Operand> all = new ArrayList<>(candidates);
      all.add(0, left);
      checkMisused(all);
      if (candidates.size() > MAX_IN_OPERANDS) {
        problems.add(Problems.Kind.OPERAND_COUNT, "The IN operator is provided with too many operands; "
            + "number of operands: " + candidates.size());
      }
      return new Conditions.In(left, candidates);
    }
    if (left instanceof Operand.Call && !lastOperandParenthesized) {
      Operand.Call call = (Operand.Call) left;
      if (call.name().equals("size")) {
        problems.add(Problems.Kind.MISUSED_FUNCTION,
            "The function is not allowed to be used this way in an expression; function: size");
      }
      return new Conditions.Function(call);
    }
    throw fail();
  }

  @Override
  Operand.Call call() {
    Operand.Call call = super.call();
    Integer arity = FUNCTIONS.get(call.name());
    if (arity == null || arity != call.args().size()) {
      return call;
    }
    List<Operand> args = call.args();
    switch (call.name()) {
      case "attribute_exists":
      case "attribute_not_exists":
        if (!(args.get(0) instanceof Operand.Path)) {
          problems.add(Problems.Kind.FUNCTION,
              "Operator or function requires a document path; operator or function: " + call.name());
        }
        break;
      case "begins_with":
        for (Operand arg : args) {
          String type = arg.staticType();
          if (type != null && !type.equals("S") && !type.equals("B")) {
            incorrectType(call.name(), type);
            break;
          }
        }
        break;
      case "attribute_type": {
        String type = args.get(1).staticType();
        if (!"S".equals(type)) {
          incorrectType(call.name(), type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type);
        } else if (args.get(1) instanceof Operand.Value && ((Operand.Value) args.get(1)).value() != null) {
          String name = ((Operand.Value) args.get(1)).value().get("S").asText();
          if (!TYPE_NAMES.contains(name)) {
            problems.add(Problems.Kind.FUNCTION, "Invalid attribute type name found; type: " + name
                + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
          }
        }
        break;
      }
      case "size": {
        String type = args.get(0).staticType();
        if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) {
          incorrectType(call.name(), type);
        }
        break;
      }
      default:
        break;
    }
    return call;
  }

  /** Refuses values that cannot be ordered (only S, N and B can) on either side of an ordering operator. */
  private void checkOrderable(String operator, List<Operand> operands) {
    for (Operand o : operands) {
      String type = o instanceof Operand.Value ? o.staticType() : null;
      if (type != null && !type.equals("S") && !type.equals("N") && !type.equals("B")) {
        incorrectType(operator, type);
        return;
      }
    }
  }

  private void incorrectType(String function, String type) {
    problems.add(Problems.Kind.FUNCTION, "Incorrect operand type for operator or function; "
        + "operator or function: " + function + ", operand type: " + type);
  }

  private void checkBounds(Operand low, Operand high) {
    if (!(low instanceof Operand.Value) || !(high instanceof Operand.Value)) {
      return;
    }
    var lo = ((Operand.Value) low).value();
    var hi = ((Operand.Value) high).value();
    if (lo == null || hi == null) {
      return;
    }
    String loType = AttributeValues.typeOf(lo);
    String hiType = AttributeValues.typeOf(hi);
    String bounds = "lower bound operand: AttributeValue: {" + loType + ":" + lo.get(loType).asText()
        + "}, upper bound operand: AttributeValue: {" + hiType + ":" + hi.get(hiType).asText() + "}";
    if (!loType.equals(hiType)) {
      problems.add(Problems.Kind.FUNCTION,
          "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
    } else if (AttributeValues.comparable(lo, hi) && AttributeValues.compare(lo, hi) > 0) {
      problems.add(Problems.Kind.FUNCTION,
          "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
    }
  }
}
