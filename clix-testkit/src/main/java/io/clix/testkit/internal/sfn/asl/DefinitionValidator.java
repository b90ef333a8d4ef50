package io.clix.testkit.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** STUB (throwaway, replaced by the asl branch). */
public final class DefinitionValidator {
  private DefinitionValidator() {}

  public static List<Diagnostic> validate(JsonNode def) {
    List<Diagnostic> out = new ArrayList<>();
    if (!def.has("StartAt")) {
      out.add(new Diagnostic("ERROR", "SCHEMA_VALIDATION_FAILED", "These fields are required: [StartAt]", "/"));
    }
    return out;
  }

  public static void check(JsonNode def) {
    List<Diagnostic> d = validate(def);
    if (!d.isEmpty()) {
      throw new InvalidDefinitionException("Invalid State Machine Definition: '" + d.get(0).code() + ": " + d.get(0).message() + "'");
    }
  }
}
