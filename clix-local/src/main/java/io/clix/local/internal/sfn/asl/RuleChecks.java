package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * The shape of Choice rules and of Retry and Catch: the nested objects of a state whose fields the
 * state schema alone does not cover.
 */
final class RuleChecks {

  private static final Set<String> COMPARISON_FIELDS = Set.of("Variable", "Next", "Comment", "Assign");
  private static final Set<String> RETRIER_FIELDS =
      Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy",
          "Comment");
  private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment", "Assign");
  private static final Set<String> JSONATA_CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "Output", "Comment",
      "Assign");
  private static final String ALL = "States.ALL";

  private RuleChecks() {}

  static void choice(JsonNode state, String location, Findings findings) {
    if (!findings.required(state, List.of("Choices"), location)) {
      return;
    }
    JsonNode choices = state.get("Choices");
    if (!choices.isArray() || choices.isEmpty()) {
      findings.schema("The value for the field 'Choices' must be a non-empty ARRAY", location + "/Choices");
      return;
    }
    findings.string(state, "Default", location);
    for (int i = 0; i < choices.size(); i++) {
      String at = location + "/Choices/" + i;
      JsonNode rule = choices.get(i);
      if (findings.required(rule, List.of("Next"), at)) {
        findings.string(rule, "Next", at);
      }
      rule(rule, at, true, findings);
    }
  }

  private static void rule(JsonNode rule, String location, boolean topLevel, Findings findings) {
    if (!rule.isObject()) {
      findings.schema("The value for the choice rule must be an OBJECT", location);
      return;
    }
    if (!topLevel && rule.has("Next")) {
      findings.schema("Field 'Next' is not supported", location);
    }
    for (String logical : List.of("And", "Or")) {
      if (rule.has(logical)) {
        JsonNode inner = rule.get(logical);
        if (!inner.isArray() || inner.isEmpty()) {
          findings.schema("The value for the field '" + logical + "' must be a non-empty ARRAY", location + "/" + logical);
          return;
        }
        onlyAlongside(rule, logical, location, findings);
        for (int i = 0; i < inner.size(); i++) {
          rule(inner.get(i), location + "/" + logical + "/" + i, false, findings);
        }
        return;
      }
    }
    if (rule.has("Not")) {
      onlyAlongside(rule, "Not", location, findings);
      rule(rule.get("Not"), location + "/Not", false, findings);
      return;
    }
    comparison(rule, location, findings);
  }

  private static void onlyAlongside(JsonNode rule, String logical, String location, Findings findings) {
    rule.fieldNames().forEachRemaining(name -> {
      if (!name.equals(logical) && !name.equals("Next") && !name.equals("Comment") && !name.equals("Assign")) {
        findings.schema("Field '" + name + "' is not supported", location);
      }
    });
  }

  private static void comparison(JsonNode rule, String location, Findings findings) {
    if (!findings.required(rule, List.of("Variable"), location)) {
      return;
    }
    findings.path(rule, "Variable", false, false, location);
    String operator = null;
    int operators = 0;
    var names = rule.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (ChoiceRules.OPERATORS.contains(name)) {
        operator = name;
        operators++;
      } else if (!COMPARISON_FIELDS.contains(name)) {
        findings.schema("Field '" + name + "' is not supported", location);
      }
    }
    if (operators != 1) {
      findings.schema("A choice rule must have exactly one comparison operator", location);
      return;
    }
    JsonNode value = rule.get(operator);
    String at = location + "/" + operator;
    boolean valid;
    if (operator.endsWith("Path")) {
      valid = value.isTextual() && JsonPaths.isValidPath(value.textValue());
    } else if (operator.startsWith("Is") || operator.startsWith("Boolean")) {
      valid = value.isBoolean();
    } else if (operator.startsWith("String")) {
      valid = value.isTextual();
    } else if (operator.startsWith("Numeric")) {
      valid = value.isNumber();
    } else {
      valid = value.isTextual() && Timestamps.isValid(value.textValue());
    }
    if (!valid) {
      findings.schema("The value for the field '" + operator + "' has an invalid type or format", at);
    }
  }

  static void errorHandlers(JsonNode state, String location, Findings findings) {
    errorHandlers(state, location, findings, false);
  }

  /** Retry and Catch; a JSONata state's catchers take Output and Assign, a JSONPath state's ResultPath and Assign. */
  static void errorHandlers(JsonNode state, String location, Findings findings, boolean jsonata) {
    handlers(state, "Retry", RETRIER_FIELDS, location, findings);
    handlers(state, "Catch", jsonata ? JSONATA_CATCHER_FIELDS : CATCHER_FIELDS, location, findings);
  }

  private static void handlers(JsonNode state, String field, Set<String> allowed, String location, Findings findings) {
    JsonNode list = state.get(field);
    if (list == null) {
      return;
    }
    if (!list.isArray()) {
      findings.schema("The value for the field '" + field + "' must be an ARRAY", location + "/" + field);
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = location + "/" + field + "/" + i;
      JsonNode handler = list.get(i);
      findings.onlyFields(handler, allowed, at);
      List<String> required = field.equals("Catch") ? List.of("ErrorEquals", "Next") : List.of("ErrorEquals");
      if (!findings.required(handler, required, at)) {
        continue;
      }
      JsonNode errors = handler.get("ErrorEquals");
      if (!errors.isArray() || errors.isEmpty()) {
        findings.schema("The value for the field 'ErrorEquals' must be a non-empty ARRAY", at + "/ErrorEquals");
        continue;
      }
      boolean hasAll = false;
      for (JsonNode name : errors) {
        if (!name.isTextual()) {
          findings.schema("The value for the field 'ErrorEquals' must be an ARRAY of STRING", at + "/ErrorEquals");
        } else if (name.textValue().equals(ALL)) {
          hasAll = true;
        }
      }
      if (hasAll && errors.size() > 1) {
        findings.schema("States.ALL must appear alone in ErrorEquals", at + "/ErrorEquals");
      }
      if (hasAll && i != list.size() - 1) {
        findings.schema("States.ALL must appear in the last " + (field.equals("Retry") ? "retrier" : "catcher"),
            at + "/ErrorEquals");
      }
      if (field.equals("Retry")) {
        findings.integer(handler, "IntervalSeconds", 1, at);
        findings.integer(handler, "MaxAttempts", 0, at);
        findings.integer(handler, "MaxDelaySeconds", 1, at);
        JsonNode backoff = handler.get("BackoffRate");
        if (backoff != null && (!backoff.isNumber() || backoff.asDouble() < 1.0)) {
          findings.schema("The value for the field 'BackoffRate' must be a number greater than or equal to 1.0",
              at + "/BackoffRate");
        }
        JsonNode jitter = handler.get("JitterStrategy");
        if (jitter != null && !jitter.asText().equals("FULL") && !jitter.asText().equals("NONE")) {
          findings.schema("The value for the field 'JitterStrategy' must be one of [FULL, NONE]", at + "/JitterStrategy");
        }
      } else {
        findings.string(handler, "Next", at);
        findings.path(handler, "ResultPath", true, true, at);
      }
    }
  }
}
