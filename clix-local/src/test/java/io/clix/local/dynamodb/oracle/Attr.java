package io.clix.local.dynamodb.oracle;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short constructors for attribute values and items, so cases read like the JSON they send. */
final class Attr {

  private Attr() {}

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(Object value) {
    return AttributeValue.fromN(String.valueOf(value));
  }

  /** A binary value holding the UTF-8 bytes of {@code text}. */
  static AttributeValue b(String text) {
    return AttributeValue.fromB(SdkBytes.fromString(text, StandardCharsets.UTF_8));
  }

  static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  static AttributeValue nul() {
    return AttributeValue.fromNul(true);
  }

  static AttributeValue ss(String... members) {
    return AttributeValue.fromSs(List.of(members));
  }

  static AttributeValue ns(Object... members) {
    return AttributeValue.fromNs(List.of(members).stream().map(String::valueOf).toList());
  }

  static AttributeValue bs(String... members) {
    return AttributeValue.fromBs(List.of(members).stream()
        .map(m -> SdkBytes.fromString(m, StandardCharsets.UTF_8)).toList());
  }

  static AttributeValue l(AttributeValue... members) {
    return AttributeValue.fromL(List.of(members));
  }

  /** A map value from alternating names and values. */
  static AttributeValue m(Object... namesAndValues) {
    return AttributeValue.fromM(item(namesAndValues));
  }

  /** An item (or key, or ExpressionAttributeValues) from alternating names and values. */
  static Map<String, AttributeValue> item(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
    }
    return item;
  }

  /** ExpressionAttributeNames from alternating placeholders and names. */
  static Map<String, String> names(String... placeholdersAndNames) {
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < placeholdersAndNames.length; i += 2) {
      names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
    }
    return names;
  }
}
