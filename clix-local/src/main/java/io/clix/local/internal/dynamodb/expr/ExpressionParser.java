package io.clix.local.internal.dynamodb.expr;

import io.clix.local.internal.http.ServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The shared machinery of DynamoDB's expression grammars: a token cursor with backtracking, syntax
 * errors reported at the farthest token reached (with DynamoDB's {@code token}/{@code near} wording),
 * document paths, operands and function calls, and the problems found along the way.
 */
class ExpressionParser {

  /** A failed parse attempt; the error itself is built from the farthest failure. */
  static final class SyntaxFailure extends RuntimeException {
    SyntaxFailure() {
      super(null, null, false, false);
    }
  }

  /** The longest expression DynamoDB accepts: 4 KB. */
  static final int MAX_EXPRESSION_BYTES = 4096;

  final String text;
  final String kind;
  final ExpressionContext ctx;
  final Problems problems = new Problems();
  private final List<Token> tokens;
  private final Set<String> keywords;
  private final Map<String, Integer> functions;
  private int pos;
  private int farthest = -1;
  /** Whether the last operand parsed was wrapped in parentheses. */
  boolean lastOperandParenthesized;

  ExpressionParser(String text, String kind, ExpressionContext ctx, Set<String> keywords, Map<String, Integer> functions) {
    this.text = text;
    this.kind = kind;
    this.ctx = ctx == null ? ExpressionContext.empty() : ctx;
    this.tokens = Token.tokenize(text);
    this.keywords = keywords;
    this.functions = functions;
  }

  /**
   * Parses the whole text with {@code rule}: refuses an empty or oversized expression, reports syntax
   * errors, then the first problem in {@code order}.
   */
  <T> T parseWhole(Supplier<T> rule, List<Problems.Kind> order) {
    if (text == null || text.isBlank()) {
      throw DynamoErrors.validation("Invalid " + kind + ": The expression can not be empty;");
    }
    int size = AttributeValues.utf8Length(text);
    if (size > MAX_EXPRESSION_BYTES) {
      throw DynamoErrors.validation("Invalid " + kind
          + ": Expression size has exceeded the maximum allowed size; expression size: " + size);
    }
    T result;
    try {
      result = rule.get();
      if (peek().kind() != Token.Kind.EOF) {
        throw fail();
      }
    } catch (SyntaxFailure failure) {
      throw syntaxError();
    }
    problems.throwFirst(kind, order);
    return result;
  }

  // ---------------------------------------------------------------- cursor

  Token peek() {
    return tokens.get(pos);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  Token advance() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.EOF) {
      pos++;
    }
    return t;
  }

  boolean at(Token.Kind kind) {
    return peek().kind() == kind;
  }

  boolean atKeyword(String word) {
    return peek().isKeyword(word);
  }

  Token expect(Token.Kind kind) {
    if (!at(kind)) {
      throw fail();
    }
    return advance();
  }

  void expectKeyword(String word) {
    if (!atKeyword(word)) {
      throw fail();
    }
    advance();
  }

  /** Records a failure at the current token and returns the exception to throw. */
  SyntaxFailure fail() {
    farthest = Math.max(farthest, pos);
    return new SyntaxFailure();
  }

  /** Runs {@code rule}; on a syntax failure rewinds the cursor and the problems and returns {@code null}. */
  <T> T attempt(Supplier<T> rule) {
    int start = pos;
    Map<Problems.Kind, String> saved = problems.snapshot();
    try {
      return rule.get();
    } catch (SyntaxFailure failure) {
      pos = start;
      problems.restore(saved);
      return null;
    }
  }

  private ServiceError syntaxError() {
    int at = Math.max(farthest, 0);
    Token bad = tokens.get(at);
    Token before = at > 0 ? tokens.get(at - 1) : null;
    Token after = at + 1 < tokens.size() && tokens.get(at + 1).kind() != Token.Kind.EOF ? tokens.get(at + 1) : null;
    int from = before != null ? before.start() : bad.start();
    int to = after != null ? after.end() : (bad.kind() == Token.Kind.EOF ? text.length() : bad.end());
    return DynamoErrors.validation("Invalid " + kind + ": Syntax error; token: \"" + bad.display()
        + "\", near: \"" + text.substring(from, to) + "\"");
  }

  // ---------------------------------------------------------------- paths and operands

  /** A document path: {@code name ( . name | [ index ] )*}, names bare or {@code #placeholders}. */
  DocumentPath path() {
    List<Object> elements = new ArrayList<>();
    elements.add(pathName());
    while (true) {
      if (at(Token.Kind.DOT)) {
        advance();
        elements.add(pathName());
      } else if (at(Token.Kind.LBRACKET)) {
        advance();
        Token index = expect(Token.Kind.INTEGER);
        int value;
        try {
          value = Integer.parseInt(index.text());
        } catch (NumberFormatException e) {
          pos--;
          throw fail();
        }
        expect(Token.Kind.RBRACKET);
        elements.add(value);
      } else {
        return DocumentPath.of(elements);
      }
    }
  }

  private String pathName() {
    Token t = peek();
    if (t.kind() == Token.Kind.NAME_REF) {
      advance();
      String name = ctx.name(t.text());
      if (name == null) {
        String message = "An expression attribute name used in the document path is not defined; attribute name: " + t.text();
        problems.add(Problems.Kind.REFERENCE, message);
        problems.add(Problems.Kind.NAME_REF, message);
        return t.text();
      }
      return name;
    }
    if (t.kind() != Token.Kind.IDENTIFIER || isKeyword(t)) {
      throw fail();
    }
    advance();
    if (ReservedWords.isReserved(t.text())) {
      problems.add(Problems.Kind.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
    }
    return t.text();
  }

  boolean isKeyword(Token t) {
    for (String word : keywords) {
      if (t.isKeyword(word)) {
        return true;
      }
    }
    return false;
  }

  /** A {@code :value} placeholder, resolved. */
  Operand.Value value() {
    Token t = expect(Token.Kind.VALUE_REF);
    var value = ctx.value(t.text());
    if (value == null) {
      String message = "An expression attribute value used in expression is not defined; attribute value: " + t.text();
      problems.add(Problems.Kind.REFERENCE, message);
      problems.add(Problems.Kind.VALUE_REF, message);
    }
    return new Operand.Value(t.text(), value);
  }

  /** An operand: {@code ( operand )}, a function call, a {@code :value} or a document path. */
  Operand operand() {
    if (at(Token.Kind.LPAREN)) {
      advance();
      Operand inner = operand();
      if (lastOperandParenthesized) {
        problems.add(Problems.Kind.PARENS, "The expression has redundant parentheses;");
      }
      expect(Token.Kind.RPAREN);
      lastOperandParenthesized = true;
      return inner;
    }
    Operand result;
    if (at(Token.Kind.VALUE_REF)) {
      result = value();
    } else if (at(Token.Kind.IDENTIFIER) && peek(1).kind() == Token.Kind.LPAREN && !isKeyword(peek())) {
      result = call();
    } else {
      result = new Operand.Path(path());
    }
    lastOperandParenthesized = false;
    return result;
  }

  /** {@code name ( operand, ... )} with DynamoDB's checks of the name and the operand count. */
  Operand.Call call() {
    String name = advance().text();
    expect(Token.Kind.LPAREN);
    List<Operand> args = new ArrayList<>();
    args.add(operand());
    while (at(Token.Kind.COMMA)) {
      advance();
      args.add(operand());
    }
    expect(Token.Kind.RPAREN);
    checkMisused(args);
    Integer arity = functions.get(name);
    if (arity == null) {
      problems.add(Problems.Kind.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
    } else if (arity != args.size()) {
      problems.add(Problems.Kind.OPERAND_COUNT, "Incorrect number of operands for operator or function; "
          + "operator or function: " + name + ", number of operands: " + args.size());
    } else {
      checkDistinct(name, args);
    }
    return new Operand.Call(name, args);
  }

  /** Refuses boolean functions used as operands (only {@code size} may be one in a condition). */
  void checkMisused(List<Operand> operands) {
    for (Operand o : operands) {
      if (o instanceof Operand.Call && !((Operand.Call) o).name().equals("size")
          && !functions.containsKey("if_not_exists")) {
        problems.add(Problems.Kind.MISUSED_FUNCTION,
            "The function is not allowed to be used this way in an expression; function: " + ((Operand.Call) o).name());
      }
    }
  }

  /** Refuses the same path as both operands of a two-operand operator or function. */
  void checkDistinct(String operator, List<Operand> args) {
    if (args.size() == 2 && args.get(0) instanceof Operand.Path && args.get(0).equals(args.get(1))) {
      problems.add(Problems.Kind.DISTINCT, "The first operand must be distinct from the remaining operands "
          + "for this operator or function; operator: " + operator + ", first operand: "
          + ((Operand.Path) args.get(0)).path().describe());
    }
  }
}
