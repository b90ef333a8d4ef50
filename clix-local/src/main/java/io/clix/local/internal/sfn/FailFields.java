package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.local.internal.sfn.asl.Intrinsics;
import io.clix.local.internal.sfn.asl.JsonPaths;
import io.clix.local.internal.sfn.asl.StatesError;

/** A Fail state's Error and Cause: literal, or read with ErrorPath/CausePath (a path or an intrinsic). */
final class FailFields {

  private FailFields() {}

  static String read(JsonNode state, String field, String pathField, JsonNode input, JsonNode context) {
    if (state.has(field)) {
      return state.get(field).asText();
    }
    if (!state.has(pathField)) {
      return null;
    }
    String path = state.get(pathField).asText();
    JsonNode value = path.startsWith("States.")
        ? Intrinsics.evaluate(path, input, context)
        : JsonPaths.read(input, path, context, pathField);
    if (!value.isTextual()) {
      throw new StatesError("States.Runtime", "The " + pathField + " '" + path
          + "' did not resolve to a string value: " + SfnJson.write(value));
    }
    return value.asText();
  }
}
