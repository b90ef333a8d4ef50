package io.clix.local.internal.dynamodb.partiql;

import io.clix.local.internal.dynamodb.expr.DynamoErrors;
import io.clix.local.internal.dynamodb.partiql.Lexer.Kind;
import io.clix.local.internal.dynamodb.partiql.Lexer.Token;
import io.clix.local.internal.http.ServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser for the statements DynamoDB's PartiQL accepts: SELECT, INSERT, UPDATE,
 * DELETE and (in transactions) EXISTS; their conditions and values are read by {@link
 * ExpressionParser}.
 */
public final class PartiqlParser {

  private final Tokens tokens;
  private final ExpressionParser expressions;

  private PartiqlParser(String statement) {
    this.tokens = new Tokens(statement);
    this.expressions = new ExpressionParser(tokens);
  }

  /**
   * Parses one statement.
   *
   * @throws ServiceError a ValidationException worded as DynamoDB words a statement it cannot read
   */
  public static Statement parse(String statement) {
    PartiqlParser parser = new PartiqlParser(statement);
    Statement parsed = parser.statement();
    parser.tokens.accept(";");
    if (parser.tokens.peek().kind() != Kind.END) {
      throw malformed("Unexpected token after expression");
    }
    return parsed;
  }

  /** A ValidationException for a statement that is not well formed, with the parser's detail. */
  public static ServiceError malformed(String detail) {
    return DynamoErrors.validation("Statement wasn't well formed, can't be processed: " + detail);
  }

  private Statement statement() {
    Token first = tokens.peek();
    if (first.is("select")) {
      return select();
    }
    if (first.is("insert")) {
      tokens.skip(1);
      tokens.expect("into");
      String table = tableName();
      tokens.expect("value");
      Node item = expressions.expression();
      return new Statement.Insert(table, item, tokens.parameters());
    }
    if (first.is("update")) {
      tokens.skip(1);
      String table = tableName();
      noAlias();
      return update(table);
    }
    if (first.is("delete")) {
      tokens.skip(1);
      tokens.expect("from");
      String table = tableName();
      noAlias();
      Node where = where(true);
      String returning = null;
      if (tokens.accept("returning")) {
        tokens.expect("all");
        tokens.expect("old");
        tokens.expect("*");
        returning = "ALL_OLD";
      }
      return new Statement.Delete(table, where, returning, tokens.parameters());
    }
    if (first.is("exists")) {
      tokens.skip(1);
      tokens.expect("(");
      if (!tokens.peek().is("select")) {
        throw malformed("Expected SELECT");
      }
      Statement.Select select = select();
      tokens.expect(")");
      return new Statement.Exists(select);
    }
    throw malformed("Expected data manipulation");
  }

  private Statement.Select select() {
    tokens.expect("select");
    List<Node.Path> projection = null;
    if (!tokens.accept("*")) {
      projection = new ArrayList<>();
      do {
        projection.add(tokens.path());
      } while (tokens.accept(","));
    }
    tokens.expect("from");
    if (tokens.peek().kind() == Kind.END || tokens.peek().is(";")) {
      throw malformed("Unexpected term");
    }
    String table = tableName();
    String index = null;
    if (tokens.accept(".")) {
      index = tokens.name("Expected identifier for simple path");
    }
    noAlias();
    Node where = tokens.peek().is("where") ? where(true) : null;
    List<Statement.Order> order = new ArrayList<>();
    if (tokens.accept("order")) {
      tokens.expect("by");
      do {
        String attribute = tokens.name("Expected identifier for simple path");
        boolean descending = tokens.accept("desc");
        if (!descending) {
          tokens.accept("asc");
        }
        order.add(new Statement.Order(attribute, descending));
      } while (tokens.accept(","));
    }
    return new Statement.Select(projection, table, index, where, order, tokens.parameters());
  }

  private Statement update(String table) {
    List<Statement.Action> actions = new ArrayList<>();
    while (tokens.peek().is("set") || tokens.peek().is("remove")) {
      boolean remove = tokens.next().is("remove");
      do {
        Node.Path path = tokens.path();
        Node value = null;
        if (!remove) {
          tokens.expect("=");
          value = expressions.additive();
        }
        actions.add(new Statement.Action(remove, path, value));
      } while (tokens.accept(","));
    }
    if (actions.isEmpty()) {
      throw malformed("Expected SET or REMOVE");
    }
    Node where = where(true);
    String returning = null;
    if (tokens.accept("returning")) {
      String which = tokens.next().text().toUpperCase(Locale.ROOT);
      String age = tokens.next().text().toUpperCase(Locale.ROOT);
      if (!(which.equals("ALL") || which.equals("MODIFIED")) || !(age.equals("OLD") || age.equals("NEW"))) {
        throw malformed("Unexpected token after expression");
      }
      tokens.expect("*");
      returning = (which.equals("ALL") ? "ALL_" : "UPDATED_") + age;
    }
    return new Statement.Update(table, actions, where, returning, tokens.parameters());
  }

  private Node where(boolean required) {
    if (!tokens.accept("where")) {
      if (required) {
        throw DynamoErrors.validation("Where clause does not contain a mandatory equality on all key attributes");
      }
      return null;
    }
    return expressions.expression();
  }

  private void noAlias() {
    Token token = tokens.peek();
    if (token.is("as") || token.kind() == Kind.QUOTED_NAME
        || (token.kind() == Kind.NAME && !Tokens.isKeyword(token.text()))) {
      throw DynamoErrors.validation("Aliasing is not supported");
    }
  }

  private String tableName() {
    return tokens.name("Expected identifier for simple path");
  }

}
