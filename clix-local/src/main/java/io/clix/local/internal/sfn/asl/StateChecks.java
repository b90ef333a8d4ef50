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

  private final Findings findings;
  private final Nested nested;

  StateChecks(Findings findings, Nested nested) {
    this.findings = findings;
    this.nested = nested;
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
    findings.onlyFields(state, FIELDS.get(type), location);
    findings.string(state, "Comment", location);
    JsonNode language = state.get("QueryLanguage");
    if (language != null && !"JSONPath".equals(language.asText())) {
      findings.schema("The value for the field 'QueryLanguage' must be 'JSONPath' (JSONata is not supported by the "
          + "local stack)", location + "/QueryLanguage");
    }
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
      nested.machine(state.get("Iterator"), location + "/Iterator", Set.of("StartAt", "States", "Comment"));
    }
    findings.exclusive(state, List.of("ItemSelector", "Parameters"), location);
    findings.exclusive(state, List.of("MaxConcurrency", "MaxConcurrencyPath"), location);
    findings.path(state, "ItemsPath", true, false, location);
    findings.path(state, "MaxConcurrencyPath", true, false, location);
    findings.integer(state, "MaxConcurrency", 0, location);
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
