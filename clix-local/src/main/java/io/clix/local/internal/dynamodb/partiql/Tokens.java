package io.clix.local.internal.dynamodb.partiql;

import io.clix.local.internal.dynamodb.partiql.Lexer.Kind;
import io.clix.local.internal.dynamodb.partiql.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The tokens of one statement and the parsers' place in them; also names, paths and the count of {@code ?}. */
final class Tokens {

  /** Words that cannot stand as a bare attribute or table name. */
  static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "between", "in",
      "is", "order", "by", "set", "remove", "returning", "value", "into", "insert", "update", "delete", "true",
      "false", "null", "missing", "exists", "asc", "desc", "as");

  private final List<Token> tokens;
  private int at;
  private int parameters;

  Tokens(String statement) {
    this.tokens = Lexer.tokens(statement);
  }

  /** How many {@code ?} were read so far. */
  int parameters() {
    return parameters;
  }

  /** Reads a {@code ?}: its index among the statement's parameters. */
  int nextParameter() {
    at++;
    return parameters++;
  }

  void skip(int count) {
    at += count;
  }

  static boolean isKeyword(String word) {
    return KEYWORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  String name(String problem) {
    Token token = peek();
    if (token.kind() == Kind.QUOTED_NAME
        || (token.kind() == Kind.NAME && !KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT)))) {
      at++;
      return token.text();
    }
    throw PartiqlParser.malformed(problem);
  }

  Node.Path path() {
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
          throw PartiqlParser.malformed("Invalid path index");
        }
      } else {
        return;
      }
    }
  }

  Token peek() {
    return tokens.get(at);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(at + ahead, tokens.size() - 1));
  }

  Token next() {
    Token token = tokens.get(at);
    if (token.kind() != Kind.END) {
      at++;
    }
    return token;
  }

  boolean accept(String punctOrKeyword) {
    if (peek().is(punctOrKeyword)) {
      at++;
      return true;
    }
    return false;
  }

  void expect(String punctOrKeyword) {
    if (!accept(punctOrKeyword)) {
      Token token = peek();
      throw PartiqlParser.malformed(token.kind() == Kind.END ? "Unexpected term" : "Expected " + punctOrKeyword.toUpperCase(Locale.ROOT));
    }
  }
}
