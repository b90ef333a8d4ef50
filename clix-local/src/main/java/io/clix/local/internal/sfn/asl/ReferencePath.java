package io.clix.local.internal.sfn.asl;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple definite path: {@code $} followed by {@code .name}, {@code ['name']}, {@code ["name"]}
 * and {@code [index]} steps only, which the ASL functions walk themselves. Quoted names keep a
 * backslash literally unless it escapes the enclosing quote, as Step Functions does (Jayway would
 * drop it). Anything richer (wildcards, filters, slices, functions) is left to Jayway.
 *
 * @param steps each step is a {@link String} (an object field) or an {@link Integer} (an array index)
 */
record ReferencePath(List<Object> steps) {

  /** The parsed path (without its leading {@code $}), or {@code null} if it is not a simple path. */
  static ReferencePath parse(String path) {
    if (path == null || !path.startsWith("$")) {
      return null;
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
          char d = path.charAt(i);
          if (d == '*' || d == '(' || d == ')' || d == '?' || d == '@' || d == ']' || d == ' ') {
            return null;
          }
          i++;
        }
        if (i == start) {
          return null; // ".." deep scan or a trailing dot
        }
        steps.add(path.substring(start, i));
      } else if (c == '[') {
        i++;
        if (i >= n) {
          return null;
        }
        char q = path.charAt(i);
        if (q == '\'' || q == '"') {
          StringBuilder name = new StringBuilder();
          i++;
          boolean closed = false;
          while (i < n) {
            char d = path.charAt(i);
            if (d == '\\' && i + 1 < n && path.charAt(i + 1) == q) {
              name.append(q);
              i += 2;
            } else if (d == q) {
              closed = true;
              i++;
              break;
            } else {
              name.append(d);
              i++;
            }
          }
          if (!closed || i >= n || path.charAt(i) != ']') {
            return null;
          }
          i++;
          steps.add(name.toString());
        } else {
          int start = i;
          while (i < n && Character.isDigit(path.charAt(i))) {
            i++;
          }
          if (i == start || i >= n || path.charAt(i) != ']' || i - start > 9) {
            return null;
          }
          steps.add(Integer.parseInt(path.substring(start, i)));
          i++;
        }
      } else {
        return null;
      }
    }
    return new ReferencePath(List.copyOf(steps));
  }

  /** The path in Jayway's normalized notation, as AWS's messages print it: {@code $['a'][0]}. */
  String normalized() {
    StringBuilder out = new StringBuilder("$");
    for (Object step : steps) {
      if (step instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        out.append("['").append(step).append("']");
      }
    }
    return out.toString();
  }
}
