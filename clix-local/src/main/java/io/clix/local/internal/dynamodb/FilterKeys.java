package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-level attribute names a (syntactically valid) expression refers to, read from its text:
 * what a Query needs to refuse a FilterExpression on key attributes, as DynamoDB does.
 */
final class FilterKeys {

  private static final Pattern TOKEN = Pattern.compile(
      "(?<string>\"[^\"]*\")|(?<value>:[A-Za-z0-9_]+)|(?<name>#[A-Za-z0-9_]+|[A-Za-z_][A-Za-z0-9_]*)|(?<other>.)",
      Pattern.DOTALL);
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "between", "in");

  private FilterKeys() {}

  /** The top-level attributes of {@code expression}, resolving {@code #placeholders} through the request. */
  static Set<String> topLevelNames(String expression, JsonNode request) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = TOKEN.matcher(expression);
    char previous = ' ';
    while (m.find()) {
      String name = m.group("name");
      if (name != null) {
        int end = m.end();
        while (end < expression.length() && Character.isWhitespace(expression.charAt(end))) {
          end++;
        }
        boolean call = end < expression.length() && expression.charAt(end) == '(' && !name.startsWith("#");
        boolean keyword = KEYWORDS.contains(name.toLowerCase(Locale.ROOT));
        if (!call && !keyword && previous != '.') {
          names.add(name.startsWith("#") ? request.path("ExpressionAttributeNames").path(name).asText(name) : name);
        }
        previous = 'a';
      } else if (m.group("other") != null && !Character.isWhitespace(m.group("other").charAt(0))) {
        previous = m.group("other").charAt(0);
      } else if (m.group("value") != null) {
        previous = ':';
      }
    }
    return names;
  }
}
