package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grammar of {@code UpdateExpression}: SET, REMOVE, ADD and DELETE sections (each at most once, in
 * any order), SET values with {@code +}, {@code -}, {@code if_not_exists} and {@code list_append}, and
 * DynamoDB's static checks (section repeats, overlapping paths, operand types).
 */
final class UpdateGrammar extends ExpressionParser {

  private static final Map<String, Integer> FUNCTIONS = Map.of("if_not_exists", 2, "list_append", 2);
  private static final Set<String> KEYWORDS = Set.of("SET", "REMOVE", "ADD", "DELETE");
  private static final Map<String, String> LONG_TYPE_NAMES = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY",
      "NULL", "NULL", "BOOL", "BOOLEAN", "L", "LIST", "M", "MAP");

  private final List<UpdateExpression.Action> actions = new ArrayList<>();
  private final Set<String> sections = new HashSet<>();

  UpdateGrammar(String text, ExpressionContext ctx) {
    super(text, "UpdateExpression", ctx, KEYWORDS, FUNCTIONS);
  }

  UpdateExpression parse() {
    return parseWhole(() -> {
      section();
      while (!at(Token.Kind.EOF)) {
        section();
      }
      List<DocumentPath> paths = new ArrayList<>();
      for (UpdateExpression.Action a : actions) {
        paths.add(a.path());
      }
      PathTree.checkOverlaps(paths, problems);
      return new UpdateExpression(actions);
    }, Problems.UPDATE_ORDER);
  }

  private void section() {
    Token t = peek();
    String name = null;
    for (String word : KEYWORDS) {
      if (t.isKeyword(word)) {
        name = word;
      }
    }
    if (name == null) {
      throw fail();
    }
    advance();
    action(name);
    while (at(Token.Kind.COMMA)) {
      advance();
      action(name);
    }
    if (!sections.add(name)) {
      problems.add(Problems.Kind.SECTION, "The \"" + name + "\" section can only be used once in an update expression;");
    }
  }

  private void action(String section) {
    DocumentPath path = path();
    switch (section) {
      case "SET":
        expect(Token.Kind.EQ);
        actions.add(new UpdateExpression.Action(section, path, setValue(), null));
        break;
      case "REMOVE":
        actions.add(new UpdateExpression.Action(section, path, null, null));
        break;
      default:
        Operand.Value value = value();
        checkOperator(section, value.value());
        actions.add(new UpdateExpression.Action(section, path, null, value.value()));
        break;
    }
  }

  private void checkOperator(String operator, ObjectNode value) {
    String type = value == null ? null : AttributeValues.typeOf(value);
    String longName = type == null ? null : LONG_TYPE_NAMES.get(type);
    if (longName != null && !(operator.equals("ADD") && type.equals("N"))) {
      problems.add(Problems.Kind.OPERAND, "Incorrect operand type for operator or function; operator: "
          + operator + ", operand type: " + longName);
    }
  }

  /** {@code ( value )} or {@code value}, where a value is an operand optionally {@code + operand} or {@code - operand}. */
  private Operand setValue() {
    if (at(Token.Kind.LPAREN)) {
      Operand parenthesized = attempt(() -> {
        advance();
        Operand inner = arithmetic();
        expect(Token.Kind.RPAREN);
        if (at(Token.Kind.PLUS) || at(Token.Kind.MINUS)) {
          throw fail();
        }
        return inner;
      });
      if (parenthesized != null) {
        return parenthesized;
      }
    }
    return arithmetic();
  }

  private Operand arithmetic() {
    Operand left = operand();
    if (at(Token.Kind.PLUS) || at(Token.Kind.MINUS)) {
      char operator = advance().text().charAt(0);
      Operand right = operand();
      for (Operand o : List.of(left, right)) {
        String type = o instanceof Operand.Value ? o.staticType() : null;
        if (type != null && !type.equals("N")) {
          incorrectType(String.valueOf(operator), type);
          break;
        }
      }
      return new Operand.Arithmetic(operator, left, right);
    }
    return left;
  }

  @Override
  Operand.Call call() {
    Operand.Call call = super.call();
    Integer arity = FUNCTIONS.get(call.name());
    if (arity == null || arity != call.args().size()) {
      return call;
    }
    if (call.name().equals("if_not_exists")) {
      if (!(call.args().get(0) instanceof Operand.Path)) {
        problems.add(Problems.Kind.FUNCTION,
            "Operator or function requires a document path; operator or function: if_not_exists");
      }
    } else {
      for (Operand o : call.args()) {
        String type = o instanceof Operand.Value ? o.staticType() : null;
        if (type != null && !type.equals("L")) {
          incorrectType(call.name(), type);
          break;
        }
      }
    }
    return call;
  }

  private void incorrectType(String function, String type) {
    problems.add(Problems.Kind.FUNCTION, "Incorrect operand type for operator or function; "
        + "operator or function: " + function + ", operand type: " + type);
  }
}
