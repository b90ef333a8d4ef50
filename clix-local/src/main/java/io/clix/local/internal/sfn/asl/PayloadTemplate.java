package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Resolves a payload template: Parameters, ResultSelector, ItemSelector (and the Map state's
 * Parameters). A field whose name ends in {@code .$} takes a path ({@code $...} against the
 * input, {@code $$...} against the context object) or an intrinsic function call, and appears in
 * the result without the {@code .$}; every other value is copied, objects and arrays recursively.
 */
public final class PayloadTemplate {

  private PayloadTemplate() {}

  /**
   * The resolved payload; {@code fieldName} is only for messages ("Parameters", "ResultSelector",
   * ...). A path that selects nothing fails with {@code States.Runtime} naming the {@code .$} field.
   */
  public static JsonNode resolve(JsonNode template, JsonNode input, JsonNode context, String fieldName) {
    if (template == null) {
      return input;
    }
    return value(template, input, context, fieldName);
  }

  private static JsonNode value(JsonNode template, JsonNode input, JsonNode context, String fieldName) {
    if (template.isObject()) {
      ObjectNode out = Json.NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = field.getKey();
        if (key.endsWith(".$") && key.length() > 2) {
          out.set(key.substring(0, key.length() - 2), dynamic(key, field.getValue(), input, context));
        } else {
          out.set(key, value(field.getValue(), input, context, fieldName));
        }
      }
      return out;
    }
    if (template.isArray()) {
      ArrayNode out = Json.NODES.arrayNode();
      for (JsonNode item : template) {
        out.add(value(item, input, context, fieldName));
      }
      return out;
    }
    return template;
  }

  private static JsonNode dynamic(String key, JsonNode expression, JsonNode input, JsonNode context) {
    String text = expression.isTextual() ? expression.textValue() : null;
    if (text != null && text.startsWith("$")) {
      return JsonPaths.read(input, text, context, key).deepCopy();
    }
    if (text != null && Intrinsics.looksLikeCall(text)) {
      return Intrinsics.evaluate(text, input, context, key);
    }
    throw StatesError.runtime(
        "The value for the field '" + key + "' must be a valid JSONPath or a valid intrinsic function call");
  }
}
