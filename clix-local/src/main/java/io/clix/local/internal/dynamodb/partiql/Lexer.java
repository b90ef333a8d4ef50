package io.clix.local.internal.dynamodb.partiql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens: names (bare or in double quotes), string literals in
 * single quotes ({@code ''} escapes a quote), numbers, {@code ?} parameters and punctuation;
 * {@code --} and block comments are skipped.
 */
final class Lexer {

  /** What a token is. */
  enum Kind { NAME, QUOTED_NAME, STRING, NUMBER, PARAM, PUNCT, END }

  /** One token and its text (for a quoted name or a string, the unquoted text). */
  record Token(Kind kind, String text) {
    boolean is(String punctOrKeyword) {
      return (kind == Kind.PUNCT || kind == Kind.NAME) && text.equalsIgnoreCase(punctOrKeyword);
    }
  }

  private static final String[] PUNCTUATION = {"<<", ">>", "<>", "!=", "<=", ">=", "=", "<", ">", "(", ")", "[",
      "]", "{", "}", ",", ".", ":", "*", "+", "-", ";"};

  private Lexer() {}

  static List<Token> tokens(String statement) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = statement.length();
    while (i < n) {
      char c = statement.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (statement.startsWith("--", i)) {
        int end = statement.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (statement.startsWith("/*", i)) {
        int end = statement.indexOf("*/", i + 2);
        if (end < 0) {
          throw PartiqlParser.malformed("");
        }
        i = end + 2;
      } else if (c == '\'' || c == '"') {
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= n) {
            throw PartiqlParser.malformed("");
          }
          char d = statement.charAt(j);
          if (d == c) {
            if (j + 1 < n && statement.charAt(j + 1) == c) {
              text.append(c);
              j += 2;
              continue;
            }
            break;
          }
          text.append(d);
          j++;
        }
        out.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_NAME, text.toString()));
        i = j + 1;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(statement.charAt(i + 1)))) {
        int j = i;
        while (j < n && (Character.isDigit(statement.charAt(j)) || statement.charAt(j) == '.')) {
          j++;
        }
        if (j < n && (statement.charAt(j) == 'e' || statement.charAt(j) == 'E')) {
          int k = j + 1;
          if (k < n && (statement.charAt(k) == '+' || statement.charAt(k) == '-')) {
            k++;
          }
          if (k < n && Character.isDigit(statement.charAt(k))) {
            while (k < n && Character.isDigit(statement.charAt(k))) {
              k++;
            }
            j = k;
          }
        }
        out.add(new Token(Kind.NUMBER, statement.substring(i, j)));
        i = j;
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(statement.charAt(j)) || statement.charAt(j) == '_'
            || statement.charAt(j) == '$')) {
          j++;
        }
        out.add(new Token(Kind.NAME, statement.substring(i, j)));
        i = j;
      } else if (c == '?') {
        out.add(new Token(Kind.PARAM, "?"));
        i++;
      } else {
        String punct = null;
        for (String p : PUNCTUATION) {
          if (statement.startsWith(p, i)) {
            punct = p;
            break;
          }
        }
        if (punct == null) {
          throw PartiqlParser.malformed("");
        }
        out.add(new Token(Kind.PUNCT, punct));
        i += punct.length();
      }
    }
    out.add(new Token(Kind.END, ""));
    return out;
  }
}
