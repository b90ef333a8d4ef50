package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * InputPath, ResultPath and OutputPath as Step Functions applies them (JSONPath query language).
 *
 * <p>Path convention for every method here: the caller passes the field's text, or Java
 * {@code null} when the state sets the field to JSON {@code null}; {@link #pathField} reads a
 * state's field that way and returns {@code "$"} when the field is absent. So {@code
 * apply(input, null, result)} discards the result (AWS's {@code "ResultPath": null}) and {@code
 * inputPath(input, null, ctx)} gives {@code {}}.
 */
public final class ResultPaths {

  private ResultPaths() {}

  /** The state's path field: {@code "$"} when absent, Java {@code null} when JSON null, else its text. */
  public static String pathField(JsonNode state, String field) {
    JsonNode value = state.get(field);
    if (value == null) {
      return "$";
    }
    return value.isNull() ? null : value.asText();
  }

  /** InputPath: the selected part of the input; {@code null} path gives {@code {}}. */
  public static JsonNode inputPath(JsonNode input, String path, JsonNode context) {
    return select(input, path, context);
  }

  /** OutputPath: the selected part of the output; {@code null} path gives {@code {}}. */
  public static JsonNode outputPath(JsonNode output, String path, JsonNode context) {
    return select(output, path, context);
  }

  /** OutputPath without the context object. */
  public static JsonNode outputPath(JsonNode output, String path) {
    return select(output, path, null);
  }

  private static JsonNode select(JsonNode input, String path, JsonNode context) {
    if (path == null) {
      return Json.NODES.objectNode();
    }
    if ("$".equals(path)) {
      return input;
    }
    return JsonPaths.read(input, path, context);
  }

  /**
   * ResultPath: {@code "$"} makes the result the output; Java {@code null} keeps the input and
   * discards the result; {@code $.a.b} puts the result into a copy of the input, creating the
   * objects on the way. A step into something that is not an object (or an index out of an
   * array's range) fails with {@code States.Runtime}, as AWS fails it.
   */
  public static JsonNode apply(JsonNode input, String resultPath, JsonNode result) {
    if (resultPath == null) {
      return input;
    }
    ReferencePath path = resultPath.startsWith("$$") ? null : ReferencePath.parse(resultPath);
    if (path == null) {
      throw StatesError.runtime(
          "Invalid path '" + resultPath + "' : ResultPath must be a Reference Path");
    }
    if (path.steps().isEmpty()) {
      return result;
    }
    JsonNode root = input == null ? Json.NODES.objectNode() : input.deepCopy();
    JsonNode node = root;
    for (int i = 0; i < path.steps().size(); i++) {
      Object step = path.steps().get(i);
      boolean last = i == path.steps().size() - 1;
      if (step instanceof Integer index) {
        if (!(node instanceof ArrayNode array) || index >= array.size()) {
          throw unableToApply(resultPath, input);
        }
        if (last) {
          array.set(index, result);
        } else {
          node = array.get(index);
        }
      } else {
        if (!(node instanceof ObjectNode object)) {
          throw unableToApply(resultPath, input);
        }
        String name = (String) step;
        if (last) {
          object.set(name, result);
        } else {
          JsonNode child = object.get(name);
          if (child == null) {
            child = object.putObject(name);
          }
          node = child;
        }
      }
    }
    return root;
  }

  private static StatesError unableToApply(String resultPath, JsonNode input) {
    return StatesError.runtime(
        "Unable to apply ReferencePath " + resultPath + " to input " + Json.write(input));
  }
}
