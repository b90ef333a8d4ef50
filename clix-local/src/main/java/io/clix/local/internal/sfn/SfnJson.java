package io.clix.local.internal.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** JSON plumbing shared by the Step Functions operations: the mapper, wire timestamps, field access. */
final class SfnJson {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The payload limit of Step Functions: 256 KiB of UTF-8. */
  static final int PAYLOAD_LIMIT = 262_144;

  private SfnJson() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** An AWS JSON 1.0 timestamp: epoch seconds with millisecond fraction. */
  static JsonNode timestamp(Instant instant) {
    return DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
  }

  /** Writes a node compactly, as Step Functions serialises payloads. */
  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses text as JSON, or returns {@code null} if it is not one JSON value. */
  static JsonNode parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Why {@code text} is not JSON, in the parser's words (as AWS quotes them), or null if it is. */
  static String parseProblem(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null || node.isMissingNode() ? "No content to map due to end-of-input" : null;
    } catch (JsonProcessingException e) {
      return e.getOriginalMessage();
    }
  }

  static int utf8Length(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** A string field of a request, or {@code null} if absent or JSON null. */
  static String optionalText(JsonNode request, String field) {
    JsonNode node = request.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw SfnErrors.serialization(field);
    }
    return node.asText();
  }

  /** A required string field, with the ValidationException AWS gives when it is missing. */
  static String requiredText(JsonNode request, String field) {
    String value = optionalText(request, field);
    if (value == null) {
      throw SfnErrors.validation("1 validation error detected: Value null at '" + field
          + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  static void checkLength(String field, String value, int min, int max) {
    if (value != null && (value.length() < min || value.length() > max)) {
      String constraint = value.length() < min
          ? "Member must have length greater than or equal to " + min
          : "Member must have length less than or equal to " + max;
      String shown = value.length() > 256 ? "" : "'" + value + "' ";
      throw SfnErrors.validation("1 validation error detected: Value " + shown + "at '" + field
          + "' failed to satisfy constraint: " + constraint);
    }
  }

  /** Puts a history payload field and its {@code ...Details} companion into event details. */
  static void payload(ObjectNode details, String field, String json) {
    details.put(field, json);
    details.putObject(field + "Details").put("truncated", false);
  }
}
