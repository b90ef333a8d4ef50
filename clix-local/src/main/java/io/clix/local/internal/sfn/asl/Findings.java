package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The diagnostics a validation collects, with the field checks the state rules share. */
final class Findings {

  static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
  static final String MISSING_TARGET = "MISSING_TRANSITION_TARGET";

  private final List<Diagnostic> list = new ArrayList<>();

  List<Diagnostic> list() {
    return list;
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  void error(String code, String message, String location) {
    list.add(Diagnostic.error(code, message, location));
  }

  void schema(String message, String location) {
    error(SCHEMA, message, location);
  }

  /** Reports fields of {@code node} that are not in {@code allowed}. */
  void onlyFields(JsonNode node, Set<String> allowed, String location) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        schema("Field '" + name + "' is not supported", location);
      }
    }
  }

  /** Reports the missing ones of {@code required}, all in one message as AWS does. */
  boolean required(JsonNode node, List<String> required, String location) {
    List<String> missing = new ArrayList<>();
    for (String name : required) {
      if (!node.has(name) || node.get(name).isNull()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      schema("These fields are required: [" + String.join(", ", missing) + "]", location);
    }
    return missing.isEmpty();
  }

  void string(JsonNode node, String field, String location) {
    JsonNode value = node.get(field);
    if (value != null && !value.isTextual()) {
      schema("The value for the field '" + field + "' must be a STRING", location + "/" + field);
    }
  }

  void bool(JsonNode node, String field, String location) {
    JsonNode value = node.get(field);
    if (value != null && !value.isBoolean()) {
      schema("The value for the field '" + field + "' must be a BOOLEAN", location + "/" + field);
    }
  }

  /** An integer of at least {@code min}. */
  void integer(JsonNode node, String field, long min, String location) {
    JsonNode value = node.get(field);
    if (value != null && (!value.isIntegralNumber() || value.asLong() < min)) {
      schema("The value for the field '" + field + "' must be "
          + (min > 0 ? "a positive integer" : "a non-negative integer"), location + "/" + field);
    }
  }

  /**
   * A path field; {@code reference} requires a Reference Path (one node at most), and ResultPath
   * (which writes) further a simple one on the state's data; {@code nullable} admits JSON null
   * (InputPath, OutputPath, ResultPath).
   */
  void path(JsonNode node, String field, boolean reference, boolean nullable, String location) {
    JsonNode value = node.get(field);
    if (value == null || (nullable && value.isNull())) {
      return;
    }
    String text = value.isTextual() ? value.textValue() : null;
    boolean valid;
    if (text == null) {
      valid = false;
    } else if (field.equals("ResultPath")) {
      valid = !text.startsWith("$$") && ReferencePath.parse(text) != null;
    } else {
      valid = reference ? JsonPaths.isReferencePath(text) : JsonPaths.isValidPath(text);
    }
    if (!valid) {
      schema("The value for the field '" + field + "' must be a valid "
          + (reference ? "ReferencePath" : "JSONPath"), location + "/" + field);
    }
  }

  /** A field that takes a path or an intrinsic call (ErrorPath, CausePath). */
  void pathOrIntrinsic(JsonNode node, String field, String location) {
    JsonNode value = node.get(field);
    if (value != null && !isPathOrIntrinsic(value)) {
      schema("The value for the field '" + field + "' must be a valid JSONPath or a valid intrinsic function call",
          location + "/" + field);
    }
  }

  static boolean isPathOrIntrinsic(JsonNode value) {
    if (!value.isTextual()) {
      return false;
    }
    String text = value.textValue();
    return text.startsWith("$") ? JsonPaths.isValidPath(text) : Intrinsics.isValid(text);
  }

  /** At most one of the fields. */
  void exclusive(JsonNode node, List<String> fields, String location) {
    long present = fields.stream().filter(node::has).count();
    if (present > 1) {
      schema("Only one of the fields " + fields + " can be set", location);
    }
  }

  /** Walks a payload template: every {@code .$} key must hold a path or an intrinsic call. */
  void payloadTemplate(JsonNode template, String location) {
    if (template.isObject()) {
      Iterator<String> names = template.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        JsonNode value = template.get(name);
        if (name.endsWith(".$")) {
          if (!isPathOrIntrinsic(value)) {
            schema("The value for the field '" + name + "' must be a valid JSONPath or a valid intrinsic function call",
                location);
          }
        } else if (value.isContainerNode()) {
          payloadTemplate(value, location + "/" + name);
        }
      }
    } else if (template.isArray()) {
      for (int i = 0; i < template.size(); i++) {
        payloadTemplate(template.get(i), location + "/" + i);
      }
    }
  }
}
