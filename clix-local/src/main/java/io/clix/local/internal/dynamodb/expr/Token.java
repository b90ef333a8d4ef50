package io.clix.local.internal.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One token of a DynamoDB expression, with its place in the text (for syntax error messages). */
record Token(Kind kind, String text, int start, int end) {

  /** The kinds of token the expression grammars use. */
  enum Kind {
    IDENTIFIER, NAME_REF, VALUE_REF, INTEGER, LPAREN, RPAREN, LBRACKET, RBRACKET, DOT, COMMA,
    EQ, NE, LT, LE, GT, GE, PLUS, MINUS, OTHER, EOF
  }

  /** Whether this is the identifier {@code word}, ignoring case. */
  boolean isKeyword(String word) {
    return kind == Kind.IDENTIFIER && text.toUpperCase(Locale.ROOT).equals(word);
  }

  /** How DynamoDB names the token in a syntax error. */
  String display() {
    return kind == Kind.EOF ? "<EOF>" : text;
  }

  /** Splits {@code text} into tokens, ending with an {@link Kind#EOF} token. */
  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
        continue;
      }
      int start = i;
      Kind kind;
      if (isIdentifierStart(c)) {
        while (i < n && isIdentifierPart(text.charAt(i))) {
          i++;
        }
        kind = Kind.IDENTIFIER;
      } else if ((c == '#' || c == ':') && i + 1 < n && isIdentifierPart(text.charAt(i + 1))) {
        i++;
        while (i < n && isIdentifierPart(text.charAt(i))) {
          i++;
        }
        kind = c == '#' ? Kind.NAME_REF : Kind.VALUE_REF;
      } else if (c >= '0' && c <= '9') {
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
        kind = Kind.INTEGER;
      } else {
        i++;
        kind = punctuation(c);
        if (c == '<' && i < n && text.charAt(i) == '>') {
          i++;
          kind = Kind.NE;
        } else if ((c == '<' || c == '>') && i < n && text.charAt(i) == '=') {
          i++;
          kind = c == '<' ? Kind.LE : Kind.GE;
        }
      }
      tokens.add(new Token(kind, text.substring(start, i), start, i));
    }
    tokens.add(new Token(Kind.EOF, "", n, n));
    return tokens;
  }

  private static Kind punctuation(char c) {
    switch (c) {
      case '(':
        return Kind.LPAREN;
      case ')':
        return Kind.RPAREN;
      case '[':
        return Kind.LBRACKET;
      case ']':
        return Kind.RBRACKET;
      case '.':
        return Kind.DOT;
      case ',':
        return Kind.COMMA;
      case '=':
        return Kind.EQ;
      case '<':
        return Kind.LT;
      case '>':
        return Kind.GT;
      case '+':
        return Kind.PLUS;
      case '-':
        return Kind.MINUS;
      default:
        return Kind.OTHER;
    }
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }
}
