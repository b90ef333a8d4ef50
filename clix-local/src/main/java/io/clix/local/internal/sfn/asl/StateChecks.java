package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema of each state type: the fields it allows and requires, and the shape of each field's
 * value. Transitions between states are checked by {@link DefinitionValidator}; nested state
 * machines (Parallel branches, Map processors) are handed back to it through {@code nested}.
 */
final class StateChecks {

  /** Validates a nested state machine found at a location. */
  interface Nested {
    void machine(JsonNode machine, String location, Set<String> allowedFields);
  }

  /** The query languages, as AWS lists them. */
  static final List<String> LANGUAGES = List.of("JSONPath", "JSONata");

  static final List<String> TYPES = List.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
  private static final Set<String> FLOW = Set.of("Next", "End", "InputPath", "OutputPath");
  private static final Set<String> RESULT = Set.of("ResultPath", "Parameters");
  private static final Set<String> ERRORS = Set.of("Retry", "Catch", "ResultSelector");

  private static final Map<String, Set<String>> FIELDS =
      Map.of(
          "Pass", union(COMMON, FLOW, RESULT, Set.of("Result")),
          "Task", union(COMMON, FLOW, RESULT, ERRORS, Set.of("Resource", "TimeoutSeconds", "TimeoutSecondsPath",
              "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials")),
          "Choice", union(COMMON, Set.of("Choices", "Default", "InputPath", "OutputPath")),
          "Wait", union(COMMON, FLOW, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")),
          "Succeed", union(COMMON, Set.of("InputPath", "OutputPath")),
          "Fail", union(COMMON, Set.of("Error", "ErrorPath", "Cause", "CausePath")),
          "Parallel", union(COMMON, FLOW, RESULT, ERRORS, Set.of("Branches")),
          "Map", union(COMMON, FLOW, RESULT, ERRORS, Set.of("ItemProcessor", "Iterator", "ItemsPath", "ItemSelector",
              "MaxConcurrency", "MaxConcurrencyPath", "ItemReader", "ItemBatcher", "ResultWriter", "Label",
              "ToleratedFailureCount", "ToleratedFailurePercentage", "ToleratedFailureCountPath",
              "ToleratedFailurePercentagePath")));

  private static final Set<String> ASSIGN = Set.of("Assign");
  private static final Set<String> JSONATA_FLOW = Set.of("Next", "End", "Output", "Assign");
  private static final Set<String> JSONATA_ERRORS = Set.of("Retry", "Catch");

  /** The fields of each state type in the JSONata query language. */
  private static final Map<String, Set<String>> JSONATA_FIELDS =
      Map.of(
          "Pass", union(COMMON, JSONATA_FLOW),
          "Task", union(COMMON, JSONATA_FLOW, JSONATA_ERRORS, Set.of("Resource", "Arguments", "TimeoutSeconds",
              "HeartbeatSeconds", "Credentials")),
          "Choice", union(COMMON, Set.of("Choices", "Default", "Output", "Assign")),
          "Wait", union(COMMON, JSONATA_FLOW, Set.of("Seconds", "Timestamp")),
          "Succeed", union(COMMON, Set.of("Output")),
          "Fail", union(COMMON, Set.of("Error", "Cause")),
          "Parallel", union(COMMON, JSONATA_FLOW, JSONATA_ERRORS, Set.of("Branches", "Arguments")),
          "Map", union(COMMON, JSONATA_FLOW, JSONATA_ERRORS, Set.of("ItemProcessor", "Iterator", "Items",
              "ItemSelector", "MaxConcurrency", "ItemReader", "ItemBatcher", "ResultWriter", "Label",
              "ToleratedFailureCount", "ToleratedFailurePercentage")));

  private final Findings findings;
  private final Nested nested;
  private final String machineLanguage;

  StateChecks(Findings findings, Nested nested, String machineLanguage) {
    this.findings = findings;
    this.nested = nested;
    this.machineLanguage = machineLanguage;
  }

  /** Checks one state's fields; returns its type if known, else {@code null}. */
  String check(JsonNode state, String location) {
    if (!state.isObject()) {
      findings.schema("The value for the field must be an OBJECT", location);
      return null;
    }
    if (!findings.required(state, List.of("Type"), location)) {
      return null;
    }
    String type = state.get("Type").asText();
    if (!FIELDS.containsKey(type)) {
      findings.schema("The value for the field 'Type' must be one of " + TYPES, location + "/Type");
      return null;
    }
    findings.string(state, "Comment", location);
    JsonNode language = state.get("QueryLanguage");
    if (language != null && !LANGUAGES.contains(language.asText())) {
      findings.schema("The value for the field 'QueryLanguage' must be one of " + LANGUAGES,
          location + "/QueryLanguage");
    }
    if (language != null && "JSONata".equals(machineLanguage) && "JSONPath".equals(language.asText())) {
      findings.schema("The QueryLanguage of a state cannot be JSONPath when the state machine's QueryLanguage is "
          + "JSONata", location + "/QueryLanguage");
    }
    String effective = language != null && LANGUAGES.contains(language.asText()) ? language.asText() : machineLanguage;
    if ("JSONata".equals(effective)) {
      findings.onlyFields(state, JSONATA_FIELDS.get(type), location);
      jsonata(state, type, location);
      return type;
    }
    boolean assigns = !type.equals("Succeed") && !type.equals("Fail");
    findings.onlyFields(state, assigns ? union(FIELDS.get(type), ASSIGN) : FIELDS.get(type), location);
    assignNames(state, location);
    findings.path(state, "InputPath", false, true, location);
    findings.path(state, "OutputPath", false, true, location);
    findings.path(state, "ResultPath", true, true, location);
    for (String template : List.of("Parameters", "ResultSelector", "ItemSelector")) {
      if (state.has(template)) {
        if (!state.get(template).isObject()) {
          findings.schema("The value for the field '" + template + "' must be an OBJECT", location + "/" + template);
        } else {
          findings.payloadTemplate(state.get(template), location + "/" + template);
        }
      }
    }
    if (!Set.of("Choice", "Succeed", "Fail").contains(type)) {
      transition(state, location);
    }
    switch (type) {
      case "Task":
        task(state, location);
        break;
      case "Wait":
        await(state, location);
        break;
      case "Fail":
        findings.exclusive(state, List.of("Error", "ErrorPath"), location);
        findings.exclusive(state, List.of("Cause", "CausePath"), location);
        findings.string(state, "Error", location);
        findings.string(state, "Cause", location);
        findings.pathOrIntrinsic(state, "ErrorPath", location);
        findings.pathOrIntrinsic(state, "CausePath", location);
        break;
      case "Choice":
        RuleChecks.choice(state, location, findings);
        break;
      case "Parallel":
        parallel(state, location);
        break;
      case "Map":
        map(state, location);
        break;
      default:
        break;
    }
    if (state.has("Retry") || state.has("Catch")) {
      RuleChecks.errorHandlers(state, location, findings);
    }
    return type;
  }

  /** A JSONata state's own checks: transitions, Choice rules with a Condition, branches and processors. */
  private void jsonata(JsonNode state, String type, String location) {
    assignNames(state, location);
    if (!Set.of("Choice", "Succeed", "Fail").contains(type)) {
      transition(state, location);
    }
    switch (type) {
      case "Task":
        if (findings.required(state, List.of("Resource"), location)) {
          JsonNode resource = state.get("Resource");
          if (!resource.isTextual() || !resource.textValue().startsWith("arn:")) {
            findings.error("INVALID_RESOURCE", "Resource must be a valid ARN: " + resource.asText(),
                location + "/Resource");
          }
        }
        expressionOrInteger(state, "TimeoutSeconds", 1, location);
        expressionOrInteger(state, "HeartbeatSeconds", 1, location);
        break;
      case "Wait": {
        List<String> ways = List.of("Seconds", "Timestamp");
        if (ways.stream().filter(state::has).count() != 1) {
          findings.schema("Exactly one of the fields " + ways + " is required", location);
        }
        expressionOrInteger(state, "Seconds", 0, location);
        JsonNode timestamp = state.get("Timestamp");
        if (timestamp != null && !JsonataExpressions.isExpression(timestamp)
            && !(timestamp.isTextual() && Timestamps.isValid(timestamp.textValue()))) {
          findings.schema("String does not match RFC3339 timestamp", location + "/Timestamp");
        }
        break;
      }
      case "Choice": {
        if (!findings.required(state, List.of("Choices"), location)) {
          break;
        }
        JsonNode choices = state.get("Choices");
        if (!choices.isArray() || choices.isEmpty()) {
          findings.schema("The value for the field 'Choices' must be a non-empty ARRAY", location + "/Choices");
          break;
        }
        findings.string(state, "Default", location);
        for (int i = 0; i < choices.size(); i++) {
          String at = location + "/Choices/" + i;
          JsonNode rule = choices.get(i);
          findings.onlyFields(rule, Set.of("Condition", "Next", "Comment", "Output", "Assign"), at);
          if (findings.required(rule, List.of("Condition", "Next"), at)) {
            findings.string(rule, "Next", at);
          }
          assignNames(rule, at);
        }
        break;
      }
      case "Parallel":
        parallel(state, location);
        break;
      case "Map":
        map(state, location);
        expressionOrInteger(state, "MaxConcurrency", 0, location);
        break;
      default:
        break;
    }
    if (state.has("Retry") || state.has("Catch")) {
      RuleChecks.errorHandlers(state, location, findings, true);
    }
  }

  private void expressionOrInteger(JsonNode state, String field, long min, String location) {
    if (!JsonataExpressions.isExpression(state.get(field))) {
      findings.integer(state, field, min, location);
    }
  }

  /** Assign must be an object of variable names: a letter or underscore, then letters, digits or underscores. */
  private void assignNames(JsonNode holder, String location) {
    JsonNode assign = holder.get("Assign");
    if (assign == null) {
      return;
    }
    if (!assign.isObject()) {
      findings.schema("The value for the field 'Assign' must be an OBJECT", location + "/Assign");
      return;
    }
    assign.fieldNames().forEachRemaining(name -> {
      String variable = name.endsWith(".$") ? name.substring(0, name.length() - 2) : name;
      if (JsonPaths.variableName("$" + variable) == null || JsonPaths.variableName("$" + variable).length() != variable.length()
          || variable.length() > 80) {
        findings.schema("The variable name '" + variable + "' is not valid", location + "/Assign");
      } else if (variable.equals("states")) {
        findings.schema("The variable name 'states' is reserved", location + "/Assign");
      }
    });
  }

  private void transition(JsonNode state, String location) {
    findings.string(state, "Next", location);
    findings.bool(state, "End", location);
    boolean end = state.path("End").asBoolean(false);
    boolean next = state.has("Next");
    if (end && next) {
      findings.schema("Only one of the fields [Next, End] can be set", location);
    } else if (!end && !next) {
      findings.schema("These fields are required: [Next or End]", location);
    }
  }

  private void task(JsonNode state, String location) {
    if (findings.required(state, List.of("Resource"), location)) {
      JsonNode resource = state.get("Resource");
      if (!resource.isTextual() || !resource.textValue().startsWith("arn:")) {
        findings.error("INVALID_RESOURCE", "Resource must be a valid ARN: " + resource.asText(), location + "/Resource");
      }
    }
    findings.exclusive(state, List.of("TimeoutSeconds", "TimeoutSecondsPath"), location);
    findings.exclusive(state, List.of("HeartbeatSeconds", "HeartbeatSecondsPath"), location);
    findings.integer(state, "TimeoutSeconds", 1, location);
    findings.integer(state, "HeartbeatSeconds", 1, location);
    findings.path(state, "TimeoutSecondsPath", true, false, location);
    findings.path(state, "HeartbeatSecondsPath", true, false, location);
    JsonNode timeout = state.get("TimeoutSeconds");
    JsonNode heartbeat = state.get("HeartbeatSeconds");
    if (timeout != null && heartbeat != null && timeout.isIntegralNumber() && heartbeat.isIntegralNumber()
        && heartbeat.asLong() >= timeout.asLong()) {
      findings.schema("The value for the field 'HeartbeatSeconds' must be smaller than the value for the field "
          + "'TimeoutSeconds'", location + "/HeartbeatSeconds");
    }
  }

  private void await(JsonNode state, String location) {
    List<String> ways = List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath");
    long count = ways.stream().filter(state::has).count();
    if (count != 1) {
      findings.schema("Exactly one of the fields " + ways + " is required", location);
    }
    findings.integer(state, "Seconds", 0, location);
    findings.path(state, "SecondsPath", true, false, location);
    findings.path(state, "TimestampPath", true, false, location);
    JsonNode timestamp = state.get("Timestamp");
    if (timestamp != null && !(timestamp.isTextual() && Timestamps.isValid(timestamp.textValue()))) {
      findings.schema("String does not match RFC3339 timestamp", location + "/Timestamp");
    }
  }

  private void parallel(JsonNode state, String location) {
    if (!findings.required(state, List.of("Branches"), location)) {
      return;
    }
    JsonNode branches = state.get("Branches");
    if (!branches.isArray() || branches.isEmpty()) {
      findings.schema("The value for the field 'Branches' must be a non-empty ARRAY", location + "/Branches");
      return;
    }
    for (int i = 0; i < branches.size(); i++) {
      nested.machine(branches.get(i), location + "/Branches/" + i, Set.of("StartAt", "States", "Comment"));
    }
  }

  private void map(JsonNode state, String location) {
    if (state.has("Items") && !(state.get("Items").isArray() || JsonataExpressions.isExpression(state.get("Items")))) {
      findings.schema("The value for the field 'Items' must be an ARRAY or a JSONata expression", location + "/Items");
    }
    boolean processor = state.has("ItemProcessor");
    boolean iterator = state.has("Iterator");
    if (!processor && !iterator) {
      findings.schema("These fields are required: [ItemProcessor]", location);
    } else if (processor && iterator) {
      findings.schema("Only one of the fields [ItemProcessor, Iterator] can be set", location);
    } else if (processor) {
      JsonNode config = state.get("ItemProcessor").path("ProcessorConfig");
      String mode = config.path("Mode").asText("INLINE");
      if (!mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
        findings.schema("The value for the field 'Mode' must be one of [INLINE, DISTRIBUTED]",
            location + "/ItemProcessor/ProcessorConfig/Mode");
      }
      nested.machine(state.get("ItemProcessor"), location + "/ItemProcessor",
          Set.of("StartAt", "States", "Comment", "ProcessorConfig"));
    } else {
      nested.machine(state.get("Iterator"), location + "/Iterator",
          Set.of("StartAt", "States", "Comment", "ProcessorConfig"));
    }
    findings.exclusive(state, List.of("ItemSelector", "Parameters"), location);
    findings.exclusive(state, List.of("MaxConcurrency", "MaxConcurrencyPath"), location);
    findings.path(state, "ItemsPath", true, false, location);
    findings.path(state, "MaxConcurrencyPath", true, false, location);
    if (!JsonataExpressions.isExpression(state.get("MaxConcurrency"))) {
      findings.integer(state, "MaxConcurrency", 0, location);
    }
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new HashSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return Set.copyOf(all);
  }
}
