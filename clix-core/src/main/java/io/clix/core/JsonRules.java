package io.clix.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.InvalidRequestException.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rules for a JSON value a caller passes in ({@link Limits}): writable as JSON, nested at most
 * {@link Limits#MAX_JSON_DEPTH}, finite numbers of at most {@link Limits#MAX_NUMBER_LENGTH}
 * characters, strings and names of whole Unicode characters, and at most a byte size as compact
 * UTF-8. Walks the tree iteratively, so no depth overflows the stack.
 */
final class JsonRules {

  private JsonRules() {}

  /** Adds the first rule {@code node} breaks as a violation of {@code field}; nothing if it passes. */
  static void check(String field, JsonNode node, int maxBytes, List<Violation> v) {
    String rule = shape(node);
    if (rule == null) {
      String text;
      try {
        text = ClixJson.mapper().writeValueAsString(node);
        // What the caller holds may not be what is stored (a POJO node, a binary node): check that too.
        rule = shape(ClixJson.mapper().readTree(text));
      } catch (JsonProcessingException | RuntimeException e) {
        v.add(new Violation(field, "must be writable as JSON"));
        return;
      }
      if (rule == null) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
          rule = "must be at most " + maxBytes + " bytes of JSON, was " + bytes;
        }
      }
    }
    if (rule != null) {
      v.add(new Violation(field, rule));
    }
  }

  /** The first structural rule the tree breaks, or null. */
  private static String shape(JsonNode root) {
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, 0});
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      JsonNode node = (JsonNode) top[0];
      int depth = (Integer) top[1];
      if (node.isContainerNode()) {
        if (depth + 1 > Limits.MAX_JSON_DEPTH) {
          return "must be nested at most " + Limits.MAX_JSON_DEPTH + " deep";
        }
        if (node.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!wholeUnicode(e.getKey())) {
              return "must hold only whole Unicode characters (no lone surrogate) in names and strings";
            }
            stack.push(new Object[] {e.getValue(), depth + 1});
          }
        } else {
          for (JsonNode child : node) {
            stack.push(new Object[] {child, depth + 1});
          }
        }
      } else if (node.isNumber()) {
        String rule = number(node);
        if (rule != null) {
          return rule;
        }
      } else if (node.isTextual() && !wholeUnicode(node.textValue())) {
        return "must hold only whole Unicode characters (no lone surrogate) in names and strings";
      }
    }
    return null;
  }

  private static String number(JsonNode node) {
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      return "must hold only finite numbers, not NaN or Infinity";
    }
    String text = node.isBigDecimal() ? node.decimalValue().toString() : node.numberValue().toString();
    if (text.length() > Limits.MAX_NUMBER_LENGTH) {
      return "must hold numbers of at most " + Limits.MAX_NUMBER_LENGTH + " characters, one was " + text.length();
    }
    return null;
  }

  private static boolean wholeUnicode(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
