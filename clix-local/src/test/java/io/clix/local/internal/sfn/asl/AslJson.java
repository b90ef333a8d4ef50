package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test shorthand: JSON text with single quotes for double quotes, parsed to a node. */
final class AslJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AslJson() {}

  /** Parses {@code text} after turning every {@code '} into {@code "} and then every backtick into {@code '}. */
  static JsonNode json(String text) {
    return raw(text.replace('\'', '"').replace('`', '\''));
  }

  /** Parses {@code text} as it is. */
  static JsonNode raw(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
