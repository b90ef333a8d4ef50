package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/** Membership, union and difference of DynamoDB set members (SS, NS, BS), numbers compared by value. */
final class SetValues {

  private SetValues() {
  }

  /** A key equal for members DynamoDB considers equal. */
  static String key(String setType, JsonNode member) {
    String text = member.asText();
    switch (setType) {
      case "NS":
        BigDecimal n = new BigDecimal(text);
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
      case "BS":
        return Base64.getEncoder().encodeToString(AttributeValues.bytes(text));
      default:
        return text;
    }
  }

  static Set<String> keys(String setType, JsonNode members) {
    Set<String> keys = new LinkedHashSet<>();
    for (JsonNode m : members) {
      keys.add(key(setType, m));
    }
    return keys;
  }

  /** Whether every member of {@code members} is in {@code container}. */
  static boolean containsAll(String setType, JsonNode container, JsonNode members) {
    return keys(setType, container).containsAll(keys(setType, members));
  }

  /** Whether {@code member} (a scalar value of the set's member type) is in the set. */
  static boolean contains(String setType, JsonNode set, JsonNode member) {
    return keys(setType, set).contains(key(setType, member));
  }

  static ArrayNode union(String setType, JsonNode existing, JsonNode added) {
    ArrayNode result = existing.deepCopy();
    Set<String> seen = keys(setType, existing);
    for (JsonNode m : added) {
      if (seen.add(key(setType, m))) {
        result.add(m);
      }
    }
    return result;
  }

  static ArrayNode difference(String setType, JsonNode existing, JsonNode removed) {
    Set<String> gone = keys(setType, removed);
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    for (JsonNode m : existing) {
      if (!gone.contains(key(setType, m))) {
        result.add(m);
      }
    }
    return result;
  }
}
