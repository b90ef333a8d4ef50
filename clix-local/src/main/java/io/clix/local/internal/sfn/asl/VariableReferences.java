package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workflow variables each state reads, as DescribeStateMachine reports them in
 * {@code variableReferences}: {@code $name} in JSONPath paths ({@code .$} fields, the path fields,
 * Choice rules, intrinsic function arguments) and in JSONata expressions, where function calls
 * and the reserved {@code $states} are not variables. States that read none are left out.
 */
public final class VariableReferences {

  private static final Pattern JSONATA_NAME = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)(\\s*\\()?");
  private static final Set<String> NESTED = Set.of("Branches", "ItemProcessor", "Iterator");

  private VariableReferences() {}

  /** State name to the names it reads, in order of first reference; empty if no state reads any. */
  public static ObjectNode of(JsonNode definition) {
    ObjectNode out = Json.NODES.objectNode();
    machine(definition, out);
    return out;
  }

  private static void machine(JsonNode machine, ObjectNode out) {
    Iterator<Map.Entry<String, JsonNode>> states = machine.path("States").fields();
    while (states.hasNext()) {
      Map.Entry<String, JsonNode> entry = states.next();
      JsonNode state = entry.getValue();
      Set<String> names = new LinkedHashSet<>();
      Iterator<Map.Entry<String, JsonNode>> fields = state.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!NESTED.contains(field.getKey())) {
          scan(field.getKey(), field.getValue(), names);
        }
      }
      if (!names.isEmpty()) {
        names.forEach(out.withArray(entry.getKey())::add);
      }
      for (JsonNode branch : state.path("Branches")) {
        machine(branch, out);
      }
      if (state.has("ItemProcessor")) {
        machine(state.get("ItemProcessor"), out);
      }
      if (state.has("Iterator")) {
        machine(state.get("Iterator"), out);
      }
    }
  }

  /** A field: a path field ({@code ...Path}, {@code .$}, Variable) or a container to look into. */
  private static void scan(String key, JsonNode value, Set<String> names) {
    if (value.isTextual()) {
      String text = value.textValue();
      if (JsonataExpressions.isExpression(text)) {
        jsonata(JsonataExpressions.body(text), names);
      } else if (key.endsWith(".$") || key.endsWith("Path") || key.equals("Variable")) {
        if (!key.equals("ResultPath")) {
          path(text, names);
        }
      }
      return;
    }
    if (value.isObject()) {
      value.fields().forEachRemaining(e -> scan(e.getKey(), e.getValue(), names));
    } else if (value.isArray()) {
      value.forEach(item -> scan(key.endsWith(".$") ? "" : key, item, names));
    }
  }

  private static void path(String text, Set<String> names) {
    String variable = JsonPaths.variableName(text);
    if (variable != null) {
      names.add(variable);
      return;
    }
    if (text.startsWith("States.")) {
      // an intrinsic function: its arguments outside string literals
      StringBuilder outside = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '\'') {
          quoted = !quoted;
        } else if (!quoted) {
          outside.append(c);
        }
      }
      Matcher m = Pattern.compile("(?<![$\\w])\\$([A-Za-z_][A-Za-z0-9_]*)").matcher(outside);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
  }

  private static void jsonata(String expression, Set<String> names) {
    Set<String> local = new LinkedHashSet<>();
    Matcher assigned = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\s*:=").matcher(expression);
    while (assigned.find()) {
      local.add(assigned.group(1));
    }
    Matcher parameters = Pattern.compile("function\\s*\\(([^)]*)\\)").matcher(expression);
    while (parameters.find()) {
      Matcher name = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)").matcher(parameters.group(1));
      while (name.find()) {
        local.add(name.group(1));
      }
    }
    Matcher m = JSONATA_NAME.matcher(withoutStrings(expression));
    while (m.find()) {
      String name = m.group(1);
      if (m.group(2) == null && !name.equals("states") && !local.contains(name)) {
        names.add(name);
      }
    }
  }

  private static String withoutStrings(String expression) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
