package io.clix.local.internal.dynamodb.partiql;

import io.clix.local.internal.dynamodb.partiql.Lexer.Kind;
import io.clix.local.internal.dynamodb.partiql.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The expressions of a statement: conditions bind OR loosest, then AND, NOT, the predicates
 * (comparisons, BETWEEN, IN, IS), then {@code +} and {@code -}; the terms are literals, {@code ?},
 * paths, function calls and list, tuple and bag literals.
 */
final class ExpressionParser {

  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");

  private final Tokens tokens;

  ExpressionParser(Tokens tokens) {
    this.tokens = tokens;
  }

  /** A condition or value: OR of ANDs. */
  Node expression() {
    Node left = conjunction();
    while (tokens.accept("or")) {
      left = new Node.Binary("OR", left, operand(this::conjunction));
    }
    return left;
  }

  private Node conjunction() {
    Node left = negation();
    while (tokens.accept("and")) {
      left = new Node.Binary("AND", left, operand(this::negation));
    }
    return left;
  }

  private Node operand(java.util.function.Supplier<Node> rule) {
    if (tokens.peek().kind() == Kind.END || tokens.peek().is(";") || tokens.peek().is(")")) {
      throw PartiqlParser.malformed("Missing right-hand side expression of infix operator");
    }
    return rule.get();
  }

  private Node negation() {
    if (tokens.accept("not")) {
      return new Node.Not(negation());
    }
    return predicate();
  }

  private Node predicate() {
    Node left = additive();
    Token token = tokens.peek();
    if (token.kind() == Kind.PUNCT && COMPARISONS.contains(token.text())) {
      tokens.skip(1);
      String op = token.text().equals("!=") ? "<>" : token.text();
      return new Node.Binary(op, left, operand(this::additive));
    }
    boolean negated = false;
    if (token.is("not") && (tokens.peek(1).is("between") || tokens.peek(1).is("in"))) {
      tokens.skip(1);
      negated = true;
    }
    if (tokens.accept("between")) {
      Node low = additive();
      tokens.expect("and");
      Node between = new Node.Between(left, low, additive());
      return negated ? new Node.Not(between) : between;
    }
    if (tokens.accept("in")) {
      List<Node> options = new ArrayList<>();
      if (tokens.peek().is("[") || tokens.peek().is("(")) {
        String close = tokens.next().is("[") ? "]" : ")";
        do {
          options.add(additive());
        } while (tokens.accept(","));
        tokens.expect(close);
      } else {
        options.add(primary());
      }
      Node in = new Node.In(left, options);
      return negated ? new Node.Not(in) : in;
    }
    if (tokens.accept("is")) {
      boolean not = tokens.accept("not");
      Token type = tokens.next();
      if (!type.is("missing") && !type.is("null")) {
        throw PartiqlParser.malformed("Expected type name");
      }
      return new Node.Is(left, not, type.text().toUpperCase(Locale.ROOT));
    }
    return left;
  }

  Node additive() {
    Node left = primary();
    while (tokens.peek().is("+") || tokens.peek().is("-")) {
      String op = tokens.next().text();
      left = new Node.Binary(op, left, operand(this::primary));
    }
    return left;
  }

  private Node primary() {
    Token token = tokens.peek();
    switch (token.kind()) {
      case STRING:
        tokens.skip(1);
        return new Node.Literal("S", token.text());
      case NUMBER:
        tokens.skip(1);
        return new Node.Literal("N", token.text());
      case PARAM:
        return new Node.Param(tokens.nextParameter());
      case QUOTED_NAME:
        return tokens.path();
      case NAME:
        return namedPrimary(token);
      case END:
        throw PartiqlParser.malformed("Unexpected term");
      default:
        return punctuationPrimary(token);
    }
  }

  private Node namedPrimary(Token token) {
    String word = token.text().toLowerCase(Locale.ROOT);
    switch (word) {
      case "true":
      case "false":
        tokens.skip(1);
        return new Node.Literal("BOOL", word);
      case "null":
        tokens.skip(1);
        return new Node.Literal("NULL", "true");
      case "is":
      case "like":
        throw PartiqlParser.malformed("Unexpected operator");
      default:
        break;
    }
    if (tokens.peek(1).is("(") && !Tokens.isKeyword(word)) {
      tokens.skip(2);
      List<Node> args = new ArrayList<>();
      if (!tokens.accept(")")) {
        do {
          args.add(expression());
        } while (tokens.accept(","));
        tokens.expect(")");
      }
      return new Node.Call(word, args);
    }
    if (Tokens.isKeyword(word)) {
      throw PartiqlParser.malformed(Set.of("and", "or", "between", "in").contains(word) ? "Unexpected operator" : "Unexpected keyword");
    }
    return tokens.path();
  }

  private Node punctuationPrimary(Token token) {
    if (tokens.accept("(")) {
      Node inner = expression();
      tokens.expect(")");
      return inner;
    }
    if (tokens.accept("-") && tokens.peek().kind() == Kind.NUMBER) {
      return new Node.Literal("N", "-" + tokens.next().text());
    }
    if (tokens.accept("[")) {
      List<Node> items = new ArrayList<>();
      if (!tokens.accept("]")) {
        do {
          items.add(expression());
        } while (tokens.accept(","));
        tokens.expect("]");
      }
      return new Node.ListOf(items);
    }
    if (tokens.accept("<<")) {
      List<Node> items = new ArrayList<>();
      if (!tokens.accept(">>")) {
        do {
          items.add(additive());
        } while (tokens.accept(","));
        tokens.expect(">>");
      }
      return new Node.BagOf(items);
    }
    if (tokens.accept("{")) {
      List<String> keys = new ArrayList<>();
      List<Node> values = new ArrayList<>();
      if (!tokens.accept("}")) {
        do {
          Token key = tokens.next();
          if (key.kind() != Kind.STRING && key.kind() != Kind.QUOTED_NAME) {
            throw PartiqlParser.malformed("Expected a string key in a tuple");
          }
          tokens.expect(":");
          keys.add(key.text());
          values.add(expression());
        } while (tokens.accept(","));
        tokens.expect("}");
      }
      return new Node.MapOf(keys, values);
    }
    if (token.kind() == Kind.PUNCT && (COMPARISONS.contains(token.text()) || token.is("+") || token.is("*"))) {
      throw PartiqlParser.malformed("Unexpected operator");
    }
    throw PartiqlParser.malformed("Unexpected term");
  }
}
