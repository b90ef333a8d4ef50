package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Static rules for DynamoDB attribute values in wire format ({@code {"S": "x"}}, {@code {"N": "1.5"}},
 * ...): validation and canonical numbers ({@link #validate}), ordering ({@link #compare}), equality
 * ({@link #equalsValue}), the {@code size()} function ({@link #size}) and the item size that the
 * 400 KB limit counts ({@link #itemSize}).
 */
public final class AttributeValues {

  /** The largest item DynamoDB stores: 400 KB. */
  public static final int MAX_ITEM_SIZE = 400 * 1024;

  private AttributeValues() {
  }

  /** The type key of a well-formed value ({@code "S"}, {@code "N"}, ...), or {@code null}. */
  public static String typeOf(JsonNode value) {
    if (value == null || !value.isObject() || value.size() != 1) {
      return null;
    }
    return value.fieldNames().next();
  }

  /**
   * Checks a value as DynamoDB does and returns a copy with every number in canonical form (no
   * exponent, no leading or trailing zeros: {@code "1.50"} becomes {@code "1.5"}).
   *
   * @throws io.clix.local.internal.http.ServiceError a {@code ValidationException} worded as DynamoDB words it
   */
  public static ObjectNode validate(JsonNode value) {
    return ValueValidation.validate(value);
  }

  /** A number's canonical text, or a {@code ValidationException} if DynamoDB would refuse it. */
  public static String canonicalNumber(String text) {
    return ValueValidation.canonicalNumber(text);
  }

  /** The number of an {@code N} value. */
  public static BigDecimal number(JsonNode value) {
    return new BigDecimal(value.get("N").asText());
  }

  /** A number value {@code {"N": canonical}}; a {@code ValidationException} if out of DynamoDB's range. */
  public static ObjectNode numberValue(BigDecimal number) {
    ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    node.put("N", canonicalNumber(number.toString()));
    return node;
  }

  /** The bytes of a base64 text as DynamoDB's B and BS values carry them. */
  public static byte[] bytes(String base64) {
    return Base64.getMimeDecoder().decode(base64);
  }

  /** Whether {@code a} and {@code b} can be ordered: both S, both N or both B. */
  public static boolean comparable(JsonNode a, JsonNode b) {
    String type = typeOf(a);
    return type != null && type.equals(typeOf(b)) && (type.equals("S") || type.equals("N") || type.equals("B"));
  }

  /**
   * Orders two values of the same scalar type as DynamoDB does: numbers by value, strings by their
   * UTF-8 bytes, binaries by unsigned bytes.
   *
   * @throws IllegalArgumentException if the values are not {@link #comparable}
   */
  public static int compare(JsonNode a, JsonNode b) {
    if (!comparable(a, b)) {
      throw new IllegalArgumentException("not comparable: " + a + " and " + b);
    }
    switch (typeOf(a)) {
      case "N":
        return number(a).compareTo(number(b));
      case "S":
        return compareStrings(a.get("S").asText(), b.get("S").asText());
      default:
        return Arrays.compareUnsigned(bytes(a.get("B").asText()), bytes(b.get("B").asText()));
    }
  }

  /** Compares strings by code point, which is the order of their UTF-8 bytes. */
  static int compareStrings(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Whether two values are equal as DynamoDB sees them: numbers by value, sets without order. */
  public static boolean equalsValue(JsonNode a, JsonNode b) {
    String type = typeOf(a);
    if (type == null || !type.equals(typeOf(b))) {
      return false;
    }
    JsonNode x = a.get(type);
    JsonNode y = b.get(type);
    switch (type) {
      case "N":
        return number(a).compareTo(number(b)) == 0;
      case "B":
        return Arrays.equals(bytes(x.asText()), bytes(y.asText()));
      case "SS":
      case "NS":
      case "BS":
        return x.size() == y.size() && SetValues.containsAll(type, x, y) && SetValues.containsAll(type, y, x);
      case "L":
        if (x.size() != y.size()) {
          return false;
        }
        for (int i = 0; i < x.size(); i++) {
          if (!equalsValue(x.get(i), y.get(i))) {
            return false;
          }
        }
        return true;
      case "M":
        if (x.size() != y.size()) {
          return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!y.has(e.getKey()) || !equalsValue(e.getValue(), y.get(e.getKey()))) {
            return false;
          }
        }
        return true;
      default:
        return x.equals(y);
    }
  }

  /**
   * The {@code size()} function: a string's length in UTF-8 bytes, a binary's length in bytes, the
   * number of elements of a set, list or map; {@code null} for types without a size (N, BOOL, NULL).
   */
  public static Integer size(JsonNode value) {
    String type = typeOf(value);
    if (type == null) {
      return null;
    }
    JsonNode inner = value.get(type);
    switch (type) {
      case "S":
        return utf8Length(inner.asText());
      case "B":
        return bytes(inner.asText()).length;
      case "SS":
      case "NS":
      case "BS":
      case "L":
      case "M":
        return inner.size();
      default:
        return null;
    }
  }

  /**
   * An item's size as DynamoDB counts it against the 400 KB limit: for every attribute the UTF-8
   * length of its name plus the size of its value.
   */
  public static long itemSize(ObjectNode item) {
    long size = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      size += utf8Length(e.getKey()) + valueSize(e.getValue());
    }
    return size;
  }

  /**
   * A value's size: strings in UTF-8 bytes, binaries in bytes, numbers one byte per two significant
   * digits plus one, BOOL and NULL one byte, sets the sum of their members, lists and maps three bytes
   * plus one byte and the size of every element (and the name of every map entry).
   */
  public static long valueSize(JsonNode value) {
    String type = typeOf(value);
    if (type == null) {
      return 0;
    }
    JsonNode inner = value.get(type);
    long size = 0;
    switch (type) {
      case "S":
        return utf8Length(inner.asText());
      case "N":
        return numberSize(inner.asText());
      case "B":
        return bytes(inner.asText()).length;
      case "BOOL":
      case "NULL":
        return 1;
      case "SS":
        for (JsonNode s : inner) {
          size += utf8Length(s.asText());
        }
        return size;
      case "NS":
        for (JsonNode n : inner) {
          size += numberSize(n.asText());
        }
        return size;
      case "BS":
        for (JsonNode b : inner) {
          size += bytes(b.asText()).length;
        }
        return size;
      case "L":
        size = 3;
        for (JsonNode element : inner) {
          size += 1 + valueSize(element);
        }
        return size;
      case "M":
        size = 3;
        for (Iterator<Map.Entry<String, JsonNode>> it = inner.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          size += 1 + utf8Length(e.getKey()) + valueSize(e.getValue());
        }
        return size;
      default:
        return 0;
    }
  }

  private static long numberSize(String text) {
    BigDecimal n = new BigDecimal(text).stripTrailingZeros();
    int digits = n.signum() == 0 ? 1 : n.precision();
    return (digits + 1) / 2 + 1;
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
