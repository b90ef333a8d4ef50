package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.local.internal.sfn.asl.JsonPaths;
import io.clix.local.internal.sfn.asl.PayloadTemplate;
import io.clix.local.internal.sfn.asl.ResultPaths;
import io.clix.local.internal.sfn.asl.StatesError;

/**
 * A state's input and output processing in the JSONPath query language: InputPath, Parameters
 * (or ItemSelector), ResultSelector, ResultPath and OutputPath, in that order.
 */
final class DataFlow {

  private DataFlow() {}

  /** InputPath, then Parameters: what the state works on. */
  static JsonNode effectiveInput(JsonNode state, JsonNode rawInput, JsonNode context) {
    JsonNode input = path(state, "InputPath", rawInput, context);
    if (state.has("Parameters")) {
      input = PayloadTemplate.resolve(state.get("Parameters"), input, context, "Parameters");
    }
    return input;
  }

  /**
   * Applies a path field ({@code InputPath} or {@code OutputPath}): absent is {@code $}, null is
   * {@code {}}. A path that selects nothing fails as AWS words it for these two fields:
   * {@code Invalid path '$.x' : No results for path: $['x']}.
   */
  static JsonNode path(JsonNode state, String field, JsonNode input, JsonNode context) {
    JsonNode path = state.get(field);
    if (path == null) {
      return input;
    }
    if (path.isNull()) {
      return SfnJson.object();
    }
    return JsonPaths.read(input, path.asText(), context);
  }

  /** ResultSelector, ResultPath, OutputPath: the state's output from its result. */
  static JsonNode output(JsonNode state, JsonNode rawInput, JsonNode result, JsonNode context) {
    if (state.has("ResultSelector")) {
      result = PayloadTemplate.resolve(state.get("ResultSelector"), result, context, "ResultSelector");
    }
    return path(state, "OutputPath", applyResultPath(state.get("ResultPath"), rawInput, result), context);
  }

  /** ResultPath: absent puts the result in place of the input, null keeps the input. */
  static JsonNode applyResultPath(JsonNode resultPath, JsonNode rawInput, JsonNode result) {
    if (resultPath == null) {
      return result;
    }
    if (resultPath.isNull()) {
      return rawInput;
    }
    return ResultPaths.apply(rawInput, resultPath.asText(), result);
  }

  /** Fails with States.DataLimitExceeded when {@code json} is over 256 KiB. */
  static void checkSize(String json, String what) {
    if (SfnJson.utf8Length(json) > SfnJson.PAYLOAD_LIMIT) {
      throw new StatesError("States.DataLimitExceeded",
          "The " + what + " has exceeded the maximum number of bytes: " + SfnJson.PAYLOAD_LIMIT + " bytes.");
    }
  }

  /**
   * The integer a {@code ...Path} field (MaxConcurrencyPath, ToleratedFailureCountPath,
   * TimeoutSecondsPath, HeartbeatSecondsPath) selects; anything else fails the state as AWS words
   * it: {@code The MaxConcurrencyPath field refers to value "{}" which is not a valid integer: $.x}.
   */
  static long integerAt(JsonNode state, String pathField, JsonNode input, JsonNode context) {
    String path = state.get(pathField).asText();
    JsonNode value = JsonPaths.read(input, path, context, pathField);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw notANumber(pathField, value, path, "integer");
    }
    return value.asLong();
  }

  /** As {@link #integerAt} for a field that takes any number (ToleratedFailurePercentagePath). */
  static double numberAt(JsonNode state, String pathField, JsonNode input, JsonNode context) {
    String path = state.get(pathField).asText();
    JsonNode value = JsonPaths.read(input, path, context, pathField);
    if (!value.isNumber()) {
      throw notANumber(pathField, value, path, "float");
    }
    return value.asDouble();
  }

  private static StatesError notANumber(String pathField, JsonNode value, String path, String kind) {
    String shown = value.isTextual() ? value.asText() : SfnJson.write(value);
    return new StatesError(StatesError.RUNTIME, "The " + pathField + " field refers to value \"" + shown
        + "\" which is not a valid " + kind + ": " + path);
  }
}
