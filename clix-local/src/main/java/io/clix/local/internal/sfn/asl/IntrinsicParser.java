package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses an intrinsic function call ({@code States.Format('x={}', $.x)}) into a tree: a tokenizer
 * followed by a recursive-descent parser. Arguments are nested calls, paths ({@code $...} or
 * {@code $$...}), string literals in single quotes (where {@code \'}, {@code \{}, {@code \}} and
 * {@code \\} are the only escapes), numbers, {@code true}, {@code false} and {@code null}. Unknown
 * functions and wrong argument counts are syntax errors, as Step Functions rejects them when the
 * state machine is created.
 */
final class IntrinsicParser {

  /** A node of the parsed expression. */
  sealed interface Expr permits Call, PathArg, Literal {}

  /** A function call. */
  record Call(String name, List<Expr> args) implements Expr {}

  /** A path argument, evaluated against the input or, for {@code $$}, the context object. */
  record PathArg(String path) implements Expr {}

  /**
   * A literal; for a string, {@code raw} is its text between the quotes with escapes kept, which
   * States.Format needs to tell an escaped brace from a placeholder.
   */
  record Literal(JsonNode value, String raw) implements Expr {}

  /** A malformed expression; the message says what and where. */
  static final class SyntaxError extends RuntimeException {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Minimum and maximum argument counts ({@code -1}: unbounded) of every intrinsic function,
   * checked when the call is evaluated.
   */
  static final Map<String, int[]> ARITY =
      Map.ofEntries(
          Map.entry("States.Format", new int[] {1, -1}),
          Map.entry("States.StringToJson", new int[] {1, 1}),
          Map.entry("States.JsonToString", new int[] {1, 1}),
          Map.entry("States.Array", new int[] {0, -1}),
          Map.entry("States.ArrayPartition", new int[] {2, 2}),
          Map.entry("States.ArrayContains", new int[] {2, 2}),
          Map.entry("States.ArrayRange", new int[] {3, 3}),
          Map.entry("States.ArrayGetItem", new int[] {2, 2}),
          Map.entry("States.ArrayLength", new int[] {1, 1}),
          Map.entry("States.ArrayUnique", new int[] {1, 1}),
          Map.entry("States.Base64Encode", new int[] {1, 1}),
          Map.entry("States.Base64Decode", new int[] {1, 1}),
          Map.entry("States.Hash", new int[] {2, 2}),
          Map.entry("States.JsonMerge", new int[] {3, 3}),
          Map.entry("States.MathRandom", new int[] {2, 3}),
          Map.entry("States.MathAdd", new int[] {2, 2}),
          Map.entry("States.StringSplit", new int[] {2, 2}),
          Map.entry("States.UUID", new int[] {0, 0}));

  private enum Kind { NAME, LPAREN, RPAREN, COMMA, STRING, NUMBER, PATH, END }

  private record Token(Kind kind, String text, String value, int at) {}

  private final String source;
  private final List<Token> tokens;
  private int next;

  private IntrinsicParser(String source) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  /** Parses a whole expression, which must be one function call. */
  static Call parse(String expression) {
    IntrinsicParser parser = new IntrinsicParser(expression);
    Expr expr = parser.expression();
    if (parser.peek().kind != Kind.END) {
      throw parser.error("unexpected '" + parser.peek().text + "'", parser.peek().at);
    }
    if (!(expr instanceof Call call)) {
      throw new SyntaxError("'" + expression + "' is not an intrinsic function call");
    }
    return call;
  }

  /** Whether the text looks like a call of an intrinsic ({@code States.} name then a parenthesis). */
  static boolean looksLikeCall(String text) {
    return text != null && text.trim().matches("(?s)States\\.[A-Za-z0-9]+\\s*\\(.*");
  }

  private Expr expression() {
    Token token = advance();
    switch (token.kind) {
      case PATH:
        return new PathArg(token.value);
      case STRING:
        return new Literal(Json.NODES.textNode(token.value), token.text);
      case NUMBER:
        return new Literal(number(token.text), token.text);
      case NAME:
        return nameOrCall(token);
      default:
        throw error("unexpected '" + token.text + "'", token.at);
    }
  }

  private Expr nameOrCall(Token name) {
    if (peek().kind != Kind.LPAREN) {
      switch (name.text) {
        case "true":
          return new Literal(Json.NODES.booleanNode(true), name.text);
        case "false":
          return new Literal(Json.NODES.booleanNode(false), name.text);
        case "null":
          return new Literal(Json.NODES.nullNode(), name.text);
        default:
          throw error("unexpected '" + name.text + "'", name.at);
      }
    }
    int[] arity = ARITY.get(name.text);
    if (arity == null) {
      throw error("unknown intrinsic function '" + name.text + "'", name.at);
    }
    advance();
    List<Expr> args = new ArrayList<>();
    if (peek().kind != Kind.RPAREN) {
      args.add(expression());
      while (peek().kind == Kind.COMMA) {
        advance();
        args.add(expression());
      }
    }
    Token close = advance();
    if (close.kind != Kind.RPAREN) {
      throw error("expected ')' but found '" + close.text + "'", close.at);
    }
    return new Call(name.text, List.copyOf(args));
  }

  private static JsonNode number(String text) {
    if (text.matches("-?\\d+")) {
      BigInteger value = new BigInteger(text);
      if (value.bitLength() < 32) {
        return Json.NODES.numberNode(value.intValue());
      }
      return value.bitLength() < 64 ? Json.NODES.numberNode(value.longValue()) : Json.NODES.numberNode(value);
    }
    return Json.NODES.numberNode(new BigDecimal(text).doubleValue());
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token advance() {
    Token token = tokens.get(next);
    if (token.kind != Kind.END) {
      next++;
    }
    return token;
  }

  private SyntaxError error(String what, int at) {
    return new SyntaxError(what + " at position " + at + " of '" + source + "'");
  }

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        Kind kind = c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : Kind.COMMA;
        out.add(new Token(kind, String.valueOf(c), null, i));
        i++;
      } else if (c == '\'') {
        i = string(s, i, out);
      } else if (c == '$') {
        i = path(s, i, out);
      } else if (c == '-' || Character.isDigit(c)) {
        int start = i++;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || ".+-".indexOf(s.charAt(i)) >= 0)) {
          i++;
        }
        String text = s.substring(start, i);
        if (!text.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
          throw new SyntaxError("invalid number '" + text + "' at position " + start + " of '" + s + "'");
        }
        out.add(new Token(Kind.NUMBER, text, null, start));
      } else if (Character.isLetter(c)) {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
          i++;
        }
        out.add(new Token(Kind.NAME, s.substring(start, i), null, start));
      } else {
        throw new SyntaxError("unexpected '" + c + "' at position " + i + " of '" + s + "'");
      }
    }
    out.add(new Token(Kind.END, "end of expression", null, s.length()));
    return out;
  }

  private static int string(String s, int open, List<Token> out) {
    StringBuilder value = new StringBuilder();
    int i = open + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        char escaped = i + 1 < s.length() ? s.charAt(i + 1) : 0;
        if ("'{}\\".indexOf(escaped) < 0 || escaped == 0) {
          throw new SyntaxError("invalid escape '\\" + (escaped == 0 ? "" : escaped)
              + "' at position " + i + " of '" + s + "'");
        }
        value.append(escaped);
        i += 2;
      } else if (c == '\'') {
        out.add(new Token(Kind.STRING, s.substring(open + 1, i), value.toString(), open));
        return i + 1;
      } else {
        value.append(c);
        i++;
      }
    }
    throw new SyntaxError("unterminated string at position " + open + " of '" + s + "'");
  }

  private static int path(String s, int start, List<Token> out) {
    int depth = 0;
    char quote = 0;
    int i = start;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || (c == ')' && depth > 0)) {
        depth--;
      } else if (depth == 0 && (c == ',' || c == ')')) {
        break;
      }
    }
    String path = s.substring(start, i).trim();
    if (!JsonPaths.isValidPath(path)) {
      throw new SyntaxError("invalid path '" + path + "' at position " + start + " of '" + s + "'");
    }
    out.add(new Token(Kind.PATH, path, path, start));
    return i;
  }
}
