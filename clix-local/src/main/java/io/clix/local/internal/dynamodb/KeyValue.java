package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * One key attribute value (type S, N or B), ordered as DynamoDB orders sort keys: numbers by
 * value, strings by their UTF-8 bytes, binaries by unsigned bytes.
 */
final class KeyValue implements Comparable<KeyValue> {

  private final char type;
  /** The value's bytes: UTF-8 of a string, the canonical text of a number (ASCII), a binary's bytes. */
  private final byte[] bytes;
  private final BigDecimal number;
  /** The first 8 bytes of {@link #digest()}, computed once (0 until then). */
  private long digestPrefix;
  private boolean digested;

  private KeyValue(char type, byte[] bytes, BigDecimal number) {
    this.type = type;
    this.bytes = bytes;
    this.number = number;
  }

  /** The key value of a wire attribute value of the given type, or {@code null} if it has another type. */
  static KeyValue of(JsonNode attribute, char type) {
    if (attribute == null || !attribute.isObject() || attribute.size() != 1) {
      return null;
    }
    JsonNode v = attribute.get(String.valueOf(type));
    if (v == null || !v.isTextual()) {
      return null;
    }
    String text = v.asText();
    switch (type) {
      case 'S':
        return new KeyValue('S', text.getBytes(StandardCharsets.UTF_8), null);
      case 'N':
        BigDecimal n = new BigDecimal(text.trim());
        String canonical = n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
        return new KeyValue('N', canonical.getBytes(StandardCharsets.US_ASCII), n);
      case 'B':
        return new KeyValue('B', Base64.getDecoder().decode(text), null);
      default:
        return null;
    }
  }

  char type() {
    return type;
  }

  /** The size DynamoDB counts for the value, in bytes. */
  int size() {
    return bytes.length;
  }

  /** The wire form, e.g. {@code {"S":"x"}}. */
  ObjectNode toAttribute() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put(String.valueOf(type), text());
    return node;
  }

  /** The value as the wire writes it. */
  private String text() {
    return switch (type) {
      case 'B' -> Base64.getEncoder().encodeToString(bytes);
      case 'N' -> new String(bytes, StandardCharsets.US_ASCII);
      default -> new String(bytes, StandardCharsets.UTF_8);
    };
  }

  /** The first 8 bytes of the digest as an unsigned-comparable long. */
  long digestPrefix() {
    if (!digested) {
      byte[] d = digest();
      long prefix = 0;
      for (int i = 0; i < 8; i++) {
        prefix = (prefix << 8) | (d[i] & 0xff);
      }
      digestPrefix = prefix;
      digested = true;
    }
    return digestPrefix;
  }

  /** A 16-byte digest of the value: the order of partitions in a Scan. */
  byte[] digest() {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int compareTo(KeyValue other) {
    if (type != other.type) {
      return Character.compare(type, other.type);
    }
    if (type == 'N') {
      return number.compareTo(other.number);
    }
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValue && ((KeyValue) o).type == type && Arrays.equals(((KeyValue) o).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return type * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return type + ":" + text();
  }
}
