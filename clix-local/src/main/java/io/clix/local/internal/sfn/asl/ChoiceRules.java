package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a Choice state (JSONPath query language): the first rule of {@code Choices} that
 * matches gives the next state, else {@code Default}, else a {@code States.Runtime} error. A rule
 * is a comparison ({@code Variable} plus one operator), or {@code And}/{@code Or} over rules, or
 * {@code Not} of one rule. Comparing values of the wrong type is simply false; a {@code Variable}
 * (or a {@code ...Path} operand) that selects nothing is a {@code States.Runtime} error, except
 * for {@code IsPresent}.
 */
public final class ChoiceRules {

  /** Every comparison operator a rule may use. */
  public static final Set<String> OPERATORS =
      Set.of(
          "StringEquals", "StringEqualsPath", "StringLessThan", "StringLessThanPath",
          "StringGreaterThan", "StringGreaterThanPath", "StringLessThanEquals", "StringLessThanEqualsPath",
          "StringGreaterThanEquals", "StringGreaterThanEqualsPath", "StringMatches",
          "NumericEquals", "NumericEqualsPath", "NumericLessThan", "NumericLessThanPath",
          "NumericGreaterThan", "NumericGreaterThanPath", "NumericLessThanEquals", "NumericLessThanEqualsPath",
          "NumericGreaterThanEquals", "NumericGreaterThanEqualsPath",
          "BooleanEquals", "BooleanEqualsPath",
          "TimestampEquals", "TimestampEqualsPath", "TimestampLessThan", "TimestampLessThanPath",
          "TimestampGreaterThan", "TimestampGreaterThanPath", "TimestampLessThanEquals",
          "TimestampLessThanEqualsPath", "TimestampGreaterThanEquals", "TimestampGreaterThanEqualsPath",
          "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");

  /**
   * The cause AWS gives when no rule matches and there is no Default. AWS raises it as {@code
   * States.Runtime}, not the {@code States.NoChoiceMatched} of the ASL specification.
   */
  public static final String NO_NEXT_STATE =
      "Failed to transition out of the state. The state does not point to a next state.";

  private ChoiceRules() {}

  /**
   * The name of the next state.
   *
   * @throws StatesError {@code States.Runtime} with {@link #NO_NEXT_STATE} when no rule matches
   *     and there is no Default (as AWS does); {@code States.Runtime} when a rule's path selects
   *     nothing
   */
  public static String select(JsonNode choiceState, JsonNode input, JsonNode context) {
    for (JsonNode rule : choiceState.path("Choices")) {
      if (matches(rule, input, context)) {
        return rule.path("Next").asText();
      }
    }
    JsonNode fallback = choiceState.get("Default");
    if (fallback != null && fallback.isTextual()) {
      return fallback.textValue();
    }
    throw StatesError.runtime(NO_NEXT_STATE);
  }

  /** The first top-level rule that matches, or null (the Default, if any, applies). */
  public static JsonNode matchedRule(JsonNode choiceState, JsonNode input, JsonNode context) {
    for (JsonNode rule : choiceState.path("Choices")) {
      if (matches(rule, input, context)) {
        return rule;
      }
    }
    return null;
  }

  /** Whether a rule (top-level or nested) matches. */
  public static boolean matches(JsonNode rule, JsonNode input, JsonNode context) {
    if (rule.has("And")) {
      for (JsonNode inner : rule.get("And")) {
        if (!matches(inner, input, context)) {
          return false;
        }
      }
      return true;
    }
    if (rule.has("Or")) {
      for (JsonNode inner : rule.get("Or")) {
        if (matches(inner, input, context)) {
          return true;
        }
      }
      return false;
    }
    if (rule.has("Not")) {
      return !matches(rule.get("Not"), input, context);
    }
    String variable = rule.path("Variable").asText();
    Iterator<String> names = rule.fieldNames();
    while (names.hasNext()) {
      String operator = names.next();
      if (OPERATORS.contains(operator)) {
        return compare(operator, rule.get(operator), variable, input, context);
      }
    }
    throw StatesError.runtime("The choice rule has no comparison operator: " + Json.write(rule));
  }

  private static boolean compare(String operator, JsonNode operand, String variable, JsonNode input, JsonNode context) {
    if (operator.equals("IsPresent")) {
      return JsonPaths.isPresent(input, variable, context) == operand.asBoolean();
    }
    JsonNode value = conditionValue(variable, input, context);
    switch (operator) {
      case "IsNull":
        return value.isNull() == operand.asBoolean();
      case "IsNumeric":
        return value.isNumber() == operand.asBoolean();
      case "IsString":
        return value.isTextual() == operand.asBoolean();
      case "IsBoolean":
        return value.isBoolean() == operand.asBoolean();
      case "IsTimestamp":
        return (value.isTextual() && Timestamps.isValid(value.textValue())) == operand.asBoolean();
      case "StringMatches":
        return value.isTextual() && operand.isTextual() && wildcardMatch(operand.textValue(), value.textValue());
      default:
        break;
    }
    String base = operator;
    JsonNode expected = operand;
    if (operator.endsWith("Path")) {
      base = operator.substring(0, operator.length() - 4);
      expected = conditionValue(operand.asText(), input, context);
    }
    if (base.startsWith("String")) {
      return value.isTextual() && expected.isTextual()
          && holds(base.substring(6), value.textValue().compareTo(expected.textValue()));
    }
    if (base.startsWith("Numeric")) {
      return value.isNumber() && expected.isNumber()
          && holds(base.substring(7), value.decimalValue().compareTo(expected.decimalValue()));
    }
    if (base.startsWith("Boolean")) {
      return value.isBoolean() && expected.isBoolean() && value.booleanValue() == expected.booleanValue();
    }
    Optional<Instant> left = value.isTextual() ? Timestamps.parse(value.textValue()) : Optional.empty();
    Optional<Instant> right = expected.isTextual() ? Timestamps.parse(expected.textValue()) : Optional.empty();
    return left.isPresent() && right.isPresent() && holds(base.substring(9), left.get().compareTo(right.get()));
  }

  private static JsonNode conditionValue(String path, JsonNode input, JsonNode context) {
    return JsonPaths.find(input, path, context)
        .orElseThrow(() -> StatesError.runtime(
            "Invalid path '" + path + "': The choice state's condition path references an invalid value."));
  }

  private static boolean holds(String relation, int comparison) {
    switch (relation) {
      case "Equals":
        return comparison == 0;
      case "LessThan":
        return comparison < 0;
      case "GreaterThan":
        return comparison > 0;
      case "LessThanEquals":
        return comparison <= 0;
      case "GreaterThanEquals":
        return comparison >= 0;
      default:
        throw new IllegalArgumentException(relation);
    }
  }

  /** {@code *} matches any run of characters; {@code \*} is a literal star, {@code \\} a backslash. */
  static boolean wildcardMatch(String pattern, String text) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
        literal.append(pattern.charAt(++i));
      } else if (c == '*') {
        regex.append(quote(literal)).append(".*");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(quote(literal));
    return text.matches("(?s)" + regex);
  }

  private static String quote(StringBuilder literal) {
    return literal.length() == 0 ? "" : java.util.regex.Pattern.quote(literal.toString());
  }
}
