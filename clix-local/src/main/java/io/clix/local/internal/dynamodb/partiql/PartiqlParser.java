package io.clix.local.internal.dynamodb.partiql;

import io.clix.local.internal.dynamodb.expr.DynamoErrors;
import io.clix.local.internal.dynamodb.partiql.Lexer.Kind;
import io.clix.local.internal.dynamodb.partiql.Lexer.Token;
import io.clix.local.internal.http.ServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for the statements DynamoDB's PartiQL accepts: SELECT, INSERT, UPDATE,
 * DELETE and (in transactions) EXISTS. Conditions bind OR loosest, then AND, NOT, the predicates
 * (comparisons, BETWEEN, IN, IS), then {@code +} and {@code -}.
 */
public final class PartiqlParser {

  private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "between", "in",
      "is", "order", "by", "set", "remove", "returning", "value", "into", "insert", "update", "delete", "true",
      "false", "null", "missing", "exists", "asc", "desc", "as");
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");

  private final List<Token> tokens;
  private int at;
  private int parameters;

  private PartiqlParser(String statement) {
    this.tokens = Lexer.tokens(statement);
  }

  /**
   * Parses one statement.
   *
   * @throws ServiceError a ValidationException worded as DynamoDB words a statement it cannot read
   */
  public static Statement parse(String statement) {
    PartiqlParser parser = new PartiqlParser(statement);
    Statement parsed = parser.statement();
    if (parser.peek().is(";")) {
      parser.at++;
    }
    if (parser.peek().kind() != Kind.END) {
      throw malformed("Unexpected token after expression");
    }
    return parsed;
  }

  /** A ValidationException for a statement that is not well formed, with the parser's detail. */
  public static ServiceError malformed(String detail) {
    return DynamoErrors.validation("Statement wasn't well formed, can't be processed: " + detail);
  }

  private Statement statement() {
    Token first = peek();
    if (first.is("select")) {
      return select();
    }
    if (first.is("insert")) {
      at++;
      expect("into");
      String table = tableName();
      expect("value");
      Node item = expression();
      return new Statement.Insert(table, item, parameters);
    }
    if (first.is("update")) {
      at++;
      String table = tableName();
      noAlias();
      return update(table);
    }
    if (first.is("delete")) {
      at++;
      expect("from");
      String table = tableName();
      noAlias();
      Node where = where(true);
      String returning = null;
      if (accept("returning")) {
        expect("all");
        expect("old");
        expect("*");
        returning = "ALL_OLD";
      }
      return new Statement.Delete(table, where, returning, parameters);
    }
    if (first.is("exists")) {
      at++;
      expect("(");
      if (!peek().is("select")) {
        throw malformed("Expected SELECT");
      }
      Statement.Select select = select();
      expect(")");
      return new Statement.Exists(select);
    }
    throw malformed("Expected data manipulation");
  }

  private Statement.Select select() {
    expect("select");
    List<Node.Path> projection = null;
    if (!accept("*")) {
      projection = new ArrayList<>();
      do {
        projection.add(path());
      } while (accept(","));
    }
    expect("from");
    if (peek().kind() == Kind.END || peek().is(";")) {
      throw malformed("Unexpected term");
    }
    String table = tableName();
    String index = null;
    if (accept(".")) {
      index = name("Expected identifier for simple path");
    }
    noAlias();
    Node where = peek().is("where") ? where(true) : null;
    List<Statement.Order> order = new ArrayList<>();
    if (accept("order")) {
      expect("by");
      do {
        String attribute = name("Expected identifier for simple path");
        boolean descending = accept("desc");
        if (!descending) {
          accept("asc");
        }
        order.add(new Statement.Order(attribute, descending));
      } while (accept(","));
    }
    return new Statement.Select(projection, table, index, where, order, parameters);
  }

  private Statement update(String table) {
    List<Statement.Action> actions = new ArrayList<>();
    while (peek().is("set") || peek().is("remove")) {
      boolean remove = next().is("remove");
      do {
        Node.Path path = path();
        Node value = null;
        if (!remove) {
          expect("=");
          value = additive();
        }
        actions.add(new Statement.Action(remove, path, value));
      } while (accept(","));
    }
    if (actions.isEmpty()) {
      throw malformed("Expected SET or REMOVE");
    }
    Node where = where(true);
    String returning = null;
    if (accept("returning")) {
      String which = next().text().toUpperCase(Locale.ROOT);
      String age = next().text().toUpperCase(Locale.ROOT);
      if (!(which.equals("ALL") || which.equals("MODIFIED")) || !(age.equals("OLD") || age.equals("NEW"))) {
        throw malformed("Unexpected token after expression");
      }
      expect("*");
      returning = (which.equals("ALL") ? "ALL_" : "UPDATED_") + age;
    }
    return new Statement.Update(table, actions, where, returning, parameters);
  }

  private Node where(boolean required) {
    if (!accept("where")) {
      if (required) {
        throw DynamoErrors.validation("Where clause does not contain a mandatory equality on all key attributes");
      }
      return null;
    }
    return expression();
  }

  private void noAlias() {
    Token token = peek();
    if (token.is("as") || token.kind() == Kind.QUOTED_NAME
        || (token.kind() == Kind.NAME && !KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT)))) {
      throw DynamoErrors.validation("Aliasing is not supported");
    }
  }

  private String tableName() {
    return name("Expected identifier for simple path");
  }

  private String name(String problem) {
    Token token = peek();
    if (token.kind() == Kind.QUOTED_NAME
        || (token.kind() == Kind.NAME && !KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT)))) {
      at++;
      return token.text();
    }
    throw malformed(problem);
  }

  private Node.Path path() {
    List<Object> steps = new ArrayList<>();
    steps.add(name("Expected identifier for simple path"));
    pathSteps(steps);
    return new Node.Path(steps);
  }

  private void pathSteps(List<Object> steps) {
    while (true) {
      if (peek().is(".") && (peek(1).kind() == Kind.NAME || peek(1).kind() == Kind.QUOTED_NAME)) {
        at++;
        steps.add(next().text());
      } else if (peek().is("[") && peek(1).kind() == Kind.NUMBER) {
        at++;
        String index = next().text();
        expect("]");
        try {
          steps.add(Integer.parseInt(index));
        } catch (NumberFormatException e) {
          throw malformed("Invalid path index");
        }
      } else {
        return;
      }
    }
  }

  /** A condition or value: OR of ANDs. */
  Node expression() {
    Node left = conjunction();
    while (accept("or")) {
      left = new Node.Binary("OR", left, operand(this::conjunction));
    }
    return left;
  }

  private Node conjunction() {
    Node left = negation();
    while (accept("and")) {
      left = new Node.Binary("AND", left, operand(this::negation));
    }
    return left;
  }

  private Node operand(java.util.function.Supplier<Node> rule) {
    if (peek().kind() == Kind.END || peek().is(";") || peek().is(")")) {
      throw malformed("Missing right-hand side expression of infix operator");
    }
    return rule.get();
  }

  private Node negation() {
    if (accept("not")) {
      return new Node.Not(negation());
    }
    return predicate();
  }

  private Node predicate() {
    Node left = additive();
    Token token = peek();
    if (token.kind() == Kind.PUNCT && COMPARISONS.contains(token.text())) {
      at++;
      String op = token.text().equals("!=") ? "<>" : token.text();
      return new Node.Binary(op, left, operand(this::additive));
    }
    boolean negated = false;
    if (token.is("not") && (peek(1).is("between") || peek(1).is("in"))) {
      at++;
      negated = true;
    }
    if (accept("between")) {
      Node low = additive();
      expect("and");
      Node between = new Node.Between(left, low, additive());
      return negated ? new Node.Not(between) : between;
    }
    if (accept("in")) {
      List<Node> options = new ArrayList<>();
      if (peek().is("[") || peek().is("(")) {
        String close = next().is("[") ? "]" : ")";
        do {
          options.add(additive());
        } while (accept(","));
        expect(close);
      } else {
        options.add(primary());
      }
      Node in = new Node.In(left, options);
      return negated ? new Node.Not(in) : in;
    }
    if (accept("is")) {
      boolean not = accept("not");
      Token type = next();
      if (!type.is("missing") && !type.is("null")) {
        throw malformed("Expected type name");
      }
      return new Node.Is(left, not, type.text().toUpperCase(Locale.ROOT));
    }
    return left;
  }

  private Node additive() {
    Node left = primary();
    while (peek().is("+") || peek().is("-")) {
      String op = next().text();
      left = new Node.Binary(op, left, operand(this::primary));
    }
    return left;
  }

  private Node primary() {
    Token token = peek();
    switch (token.kind()) {
      case STRING:
        at++;
        return new Node.Literal("S", token.text());
      case NUMBER:
        at++;
        return new Node.Literal("N", token.text());
      case PARAM:
        at++;
        return new Node.Param(parameters++);
      case QUOTED_NAME:
        return path();
      case NAME:
        return namedPrimary(token);
      case END:
        throw malformed("Unexpected term");
      default:
        return punctuationPrimary(token);
    }
  }

  private Node namedPrimary(Token token) {
    String word = token.text().toLowerCase(Locale.ROOT);
    switch (word) {
      case "true":
      case "false":
        at++;
        return new Node.Literal("BOOL", word);
      case "null":
        at++;
        return new Node.Literal("NULL", "true");
      case "is":
      case "like":
        throw malformed("Unexpected operator");
      default:
        break;
    }
    if (peek(1).is("(") && !KEYWORDS.contains(word)) {
      at += 2;
      List<Node> args = new ArrayList<>();
      if (!accept(")")) {
        do {
          args.add(expression());
        } while (accept(","));
        expect(")");
      }
      return new Node.Call(word, args);
    }
    if (KEYWORDS.contains(word)) {
      throw malformed(Set.of("and", "or", "between", "in").contains(word) ? "Unexpected operator" : "Unexpected keyword");
    }
    return path();
  }

  private Node punctuationPrimary(Token token) {
    if (accept("(")) {
      Node inner = expression();
      expect(")");
      return inner;
    }
    if (accept("-") && peek().kind() == Kind.NUMBER) {
      return new Node.Literal("N", "-" + next().text());
    }
    if (accept("[")) {
      List<Node> items = new ArrayList<>();
      if (!accept("]")) {
        do {
          items.add(expression());
        } while (accept(","));
        expect("]");
      }
      return new Node.ListOf(items);
    }
    if (accept("<<")) {
      List<Node> items = new ArrayList<>();
      if (!accept(">>")) {
        do {
          items.add(additive());
        } while (accept(","));
        expect(">>");
      }
      return new Node.BagOf(items);
    }
    if (accept("{")) {
      List<String> keys = new ArrayList<>();
      List<Node> values = new ArrayList<>();
      if (!accept("}")) {
        do {
          Token key = next();
          if (key.kind() != Kind.STRING && key.kind() != Kind.QUOTED_NAME) {
            throw malformed("Expected a string key in a tuple");
          }
          expect(":");
          keys.add(key.text());
          values.add(expression());
        } while (accept(","));
        expect("}");
      }
      return new Node.MapOf(keys, values);
    }
    if (token.kind() == Kind.PUNCT && (COMPARISONS.contains(token.text()) || token.is("+") || token.is("*"))) {
      throw malformed("Unexpected operator");
    }
    throw malformed("Unexpected term");
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(at + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token token = tokens.get(at);
    if (token.kind() != Kind.END) {
      at++;
    }
    return token;
  }

  private boolean accept(String punctOrKeyword) {
    if (peek().is(punctOrKeyword)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String punctOrKeyword) {
    if (!accept(punctOrKeyword)) {
      Token token = peek();
      throw malformed(token.kind() == Kind.END ? "Unexpected term" : "Expected " + punctOrKeyword.toUpperCase(Locale.ROOT));
    }
  }
}
