package io.clix.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.ClixJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A short, stable fingerprint of a JSON value: SHA-256 of its compact JSON with object keys sorted,
 * first 16 bytes in hex (32 characters). The state keeps a move that closed a round this way, so
 * that a retry of it can be recognized without keeping the move itself.
 */
public final class Fingerprints {

  private Fingerprints() {}

  /** The fingerprint of {@code value}; two values equal as JSON (keys in any order) have the same one. */
  public static String of(JsonNode value) {
    try {
      byte[] json = ClixJson.mapper().writeValueAsString(sorted(value)).getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      StringBuilder hex = new StringBuilder(32);
      for (int i = 0; i < 16; i++) {
        hex.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
      }
      return hex.toString();
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint a JSON value", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      names.forEach(n -> copy.set(n, sorted(node.get(n))));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> copy.add(sorted(e)));
      return copy;
    }
    return node;
  }
}
