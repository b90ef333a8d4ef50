package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an Amazon States Language definition (JSONPath query language) the way
 * CreateStateMachine and ValidateStateMachineDefinition do. First the schema of the machine and of
 * every state, Parallel branch and Map processor ({@code SCHEMA_VALIDATION_FAILED}, {@code
 * INVALID_RESOURCE}); when that passes, the transitions ({@code MISSING_TRANSITION_TARGET} for an
 * unknown StartAt/Next/Default/Catch target or an unreachable state, {@code MISSING_END_STATE}
 * for a machine that cannot end, {@code DUPLICATE_STATE_NAME}). Each Parallel branch and Map
 * processor is its own scope: its transitions may only name its own states, while state names must
 * be unique across the whole definition.
 */
public final class DefinitionValidator {

  private static final Set<String> ROOT_FIELDS = Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version",
      "QueryLanguage");

  /** What Step Functions says of a definition that is blank or JSON but not an object. */
  private static final String NOT_AN_OBJECT = "Definition must be a valid JSON object";

  private DefinitionValidator() {}

  /** The problems of a definition given as text: JSON syntax first, then {@link #validate(JsonNode)}. */
  public static List<Diagnostic> validate(String definition) {
    if (definition == null || definition.isBlank()) {
      return List.of(Diagnostic.error("SCHEMA_VALIDATION_FAILED", NOT_AN_OBJECT, null));
    }
    try {
      return validate(Json.MAPPER.readTree(definition));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      // The parser's own wording, without the name of its Java setting (a nesting limit names one).
      String message = e.getOriginalMessage().replaceAll(", from `[^`]*`\\)", ")");
      return List.of(Diagnostic.error("INVALID_JSON_DESCRIPTION", message + where, null));
    }
  }

  /** The problems of a definition; empty when Step Functions would accept it. */
  public static List<Diagnostic> validate(JsonNode definition) {
    Findings findings = new Findings();
    if (definition == null || !definition.isObject()) {
      findings.error("SCHEMA_VALIDATION_FAILED", NOT_AN_OBJECT, null);
      return findings.list();
    }
    String language = definition.path("QueryLanguage").asText("JSONPath");
    schema(definition, "", ROOT_FIELDS, findings, language);
    if (findings.isEmpty()) {
      transitions(definition, "", findings, new HashSet<>());
    }
    return List.copyOf(findings.list());
  }

  /** Throws {@link InvalidDefinitionException} naming every problem if the definition is invalid. */
  public static void check(JsonNode definition) {
    throwIfAny(validate(definition));
  }

  /** Throws {@link InvalidDefinitionException} if the definition text is not a valid definition. */
  public static void check(String definition) {
    throwIfAny(validate(definition));
  }

  /** The InvalidDefinition message AWS gives for these diagnostics. */
  public static String message(List<Diagnostic> diagnostics) {
    return "Invalid State Machine Definition: '"
        + diagnostics.stream().map(Diagnostic::describe).collect(Collectors.joining(", ")) + "'";
  }

  private static void throwIfAny(List<Diagnostic> diagnostics) {
    if (!diagnostics.isEmpty()) {
      throw new InvalidDefinitionException(message(diagnostics), diagnostics);
    }
  }

  private static void schema(JsonNode machine, String prefix, Set<String> allowed, Findings findings,
      String language) {
    String at = prefix.isEmpty() ? "/" : prefix;
    if (!machine.isObject()) {
      findings.schema("The value must be an OBJECT", at);
      return;
    }
    StateChecks states = new StateChecks(findings,
        (nested, loc, fields) -> schema(nested, loc, fields, findings, language), language);
    findings.onlyFields(machine, allowed, at);
    findings.required(machine, List.of("StartAt", "States"), at);
    findings.string(machine, "StartAt", prefix);
    findings.string(machine, "Comment", prefix);
    if (prefix.isEmpty()) {
      findings.integer(machine, "TimeoutSeconds", 1, prefix);
      JsonNode declared = machine.get("QueryLanguage");
      if (declared != null && !StateChecks.LANGUAGES.contains(declared.asText())) {
        findings.schema("The value for the field 'QueryLanguage' must be one of " + StateChecks.LANGUAGES,
            "/QueryLanguage");
      }
    }
    JsonNode statesNode = machine.get("States");
    if (statesNode == null || statesNode.isNull()) {
      return;
    }
    if (!statesNode.isObject() || statesNode.isEmpty()) {
      findings.schema("The value for the field 'States' must be a non-empty OBJECT", prefix + "/States");
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> entries = statesNode.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String location = prefix + "/States/" + entry.getKey();
      if (entry.getKey().isEmpty() || entry.getKey().length() > 80) {
        findings.error("INVALID_STATE_NAME", "State name must be between 1 and 80 characters", location);
      }
      states.check(entry.getValue(), location);
    }
  }

  /**
   * Checks the transitions of one (sub)machine and recurses into its branches and processors;
   * {@code seen} collects state names across the whole definition, where they must be unique.
   */
  private static void transitions(JsonNode machine, String prefix, Findings findings, Set<String> seen) {
    JsonNode states = machine.get("States");
    Set<String> names = new HashSet<>();
    states.fieldNames().forEachRemaining(name -> {
      names.add(name);
      if (!seen.add(name)) {
        findings.error("DUPLICATE_STATE_NAME", "Duplicate State name: " + name, prefix + "/States/" + name);
      }
    });
    String start = machine.get("StartAt").asText();
    if (!names.contains(start)) {
      findings.error(Findings.MISSING_TARGET, "Missing 'Next' target: " + start, prefix + "/StartAt");
    }
    boolean terminal = false;
    Iterator<Map.Entry<String, JsonNode>> entries = states.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      JsonNode state = entry.getValue();
      String location = prefix + "/States/" + entry.getKey();
      String type = state.path("Type").asText();
      terminal |= state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
      targets(state, (target, field) -> {
        if (!names.contains(target)) {
          String kind = field.endsWith("Default") ? "Default" : "Next";
          findings.error(Findings.MISSING_TARGET, "Missing '" + kind + "' target: " + target, location + field);
        }
      });
      if (type.equals("Parallel")) {
        JsonNode branches = state.get("Branches");
        for (int i = 0; i < branches.size(); i++) {
          transitions(branches.get(i), location + "/Branches/" + i, findings, seen);
        }
      } else if (type.equals("Map")) {
        String field = state.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        transitions(state.get(field), location + "/" + field, findings, seen);
      }
    }
    if (!terminal) {
      findings.error("MISSING_END_STATE", "Workflow has no terminal state", prefix.isEmpty() ? "/" : prefix);
    }
    Set<String> reached = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    if (names.contains(start)) {
      queue.add(start);
    }
    while (!queue.isEmpty()) {
      String name = queue.poll();
      if (reached.add(name)) {
        targets(states.get(name), (target, field) -> {
          if (names.contains(target)) {
            queue.add(target);
          }
        });
      }
    }
    for (String name : names) {
      if (!reached.contains(name) && names.contains(start)) {
        findings.error(Findings.MISSING_TARGET, "State \"" + name + "\" is not reachable.", prefix + "/States/" + name);
      }
    }
  }

  private interface TargetVisitor {
    void visit(String target, String field);
  }

  /** Every state name a state can move to, with the field (relative to the state) that names it. */
  private static void targets(JsonNode state, TargetVisitor visitor) {
    if (state.path("Next").isTextual()) {
      visitor.visit(state.get("Next").textValue(), "/Next");
    }
    if (state.path("Default").isTextual()) {
      visitor.visit(state.get("Default").textValue(), "/Default");
    }
    JsonNode choices = state.path("Choices");
    for (int i = 0; i < choices.size(); i++) {
      if (choices.get(i).path("Next").isTextual()) {
        visitor.visit(choices.get(i).get("Next").textValue(), "/Choices/" + i + "/Next");
      }
    }
    JsonNode catchers = state.path("Catch");
    for (int i = 0; i < catchers.size(); i++) {
      if (catchers.get(i).path("Next").isTextual()) {
        visitor.visit(catchers.get(i).get("Next").textValue(), "/Catch/" + i + "/Next");
      }
    }
  }
}
