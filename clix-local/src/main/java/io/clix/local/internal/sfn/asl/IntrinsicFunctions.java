package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bodies of the intrinsic functions, applied to already evaluated arguments. Limits are the
 * documented ones: ArrayRange yields at most 1000 items, the Base64 and Hash inputs are at most
 * 10000 characters, MathAdd and MathRandom work on 32-bit integers, JsonMerge only merges shallowly.
 * Decimal arguments are truncated toward zero, except MathAdd's, which are rounded (as observed on
 * AWS: {@code MathAdd(1.6, 2.7)} is 5, {@code MathRandom(1.4, 1.6)} fails).
 */
final class IntrinsicFunctions {

  private static final int MAX_STRING = 10_000;
  private static final int MAX_RANGE = 1_000;
  private static final List<String> HASHES = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private final String name;
  private final List<JsonNode> args;

  IntrinsicFunctions(String name, List<JsonNode> args) {
    this.name = name;
    this.args = args;
  }

  JsonNode format(String rawTemplate) {
    String template = rawTemplate;
    if (template == null) {
      JsonNode first = args.get(0);
      if (!first.isTextual()) {
        throw fail("the first argument (the template) must be a string, but was " + Json.typeName(first));
      }
      template = first.textValue().replace("\\", "\\\\");
    }
    StringBuilder out = new StringBuilder();
    int used = 1;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()) {
        out.append(template.charAt(++i));
      } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        if (used >= args.size()) {
          throw countMismatch();
        }
        out.append(formatted(args.get(used++)));
        i++;
      } else if (c == '{' || c == '}') {
        throw fail("unescaped '" + c + "' in the template");
      } else {
        out.append(c);
      }
    }
    if (used != args.size()) {
      throw countMismatch();
    }
    return Json.NODES.textNode(out.toString());
  }

  private StatesError countMismatch() {
    return StatesError.runtime(
        "Invalid arguments in States.Format: number of arguments do not match the occurrences of {}.");
  }

  /** A value as Format prints it: strings bare, objects and arrays as Java maps and lists print. */
  private static String formatted(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isObject()) {
      StringBuilder out = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append(field.getKey()).append('=').append(formatted(field.getValue()));
        if (fields.hasNext()) {
          out.append(", ");
        }
      }
      return out.append('}').toString();
    }
    if (value.isArray()) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < value.size(); i++) {
        out.append(i > 0 ? ", " : "").append(formatted(value.get(i)));
      }
      return out.append(']').toString();
    }
    return value.asText();
  }

  JsonNode stringToJson() {
    String text = string(0);
    if (text.isBlank()) {
      return Json.NODES.nullNode(); // AWS answers null for an empty string
    }
    JsonNode parsed = Json.parseOrNull(text);
    if (parsed == null) {
      throw fail("the argument is not a valid JSON string: " + text);
    }
    return parsed;
  }

  JsonNode jsonToString() {
    return Json.NODES.textNode(Json.write(args.get(0)));
  }

  JsonNode array() {
    ArrayNode out = Json.NODES.arrayNode();
    args.forEach(out::add);
    return out;
  }

  JsonNode arrayPartition() {
    ArrayNode array = array(0);
    int size = integer(1);
    if (size <= 0) {
      throw fail("the chunk size must be a positive integer, but was " + size);
    }
    ArrayNode out = Json.NODES.arrayNode();
    ArrayNode chunk = null;
    for (int i = 0; i < array.size(); i++) {
      if (i % size == 0) {
        chunk = out.addArray();
      }
      chunk.add(array.get(i));
    }
    return out;
  }

  JsonNode arrayContains() {
    ArrayNode array = array(0);
    JsonNode wanted = args.get(1);
    for (JsonNode item : array) {
      if (item.equals(wanted)) {
        return Json.NODES.booleanNode(true);
      }
    }
    return Json.NODES.booleanNode(false);
  }

  JsonNode arrayRange() {
    long start = integer(0);
    long end = integer(1);
    long step = integer(2);
    if (step == 0) {
      throw fail("the step must not be 0");
    }
    long count = (end - start) / step + 1;
    if (count > MAX_RANGE) {
      throw fail("the range would have " + count + " items, more than the maximum of " + MAX_RANGE);
    }
    ArrayNode out = Json.NODES.arrayNode();
    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
      out.add((int) v);
    }
    return out;
  }

  JsonNode arrayGetItem() {
    ArrayNode array = array(0);
    int index = integer(1);
    if (array.isEmpty()) {
      return Json.NODES.nullNode(); // as AWS answers for any index into an empty array
    }
    if (index < 0 || index >= array.size()) {
      throw fail("the index " + index + " is out of bounds of the array of length " + array.size());
    }
    return array.get(index);
  }

  JsonNode arrayLength() {
    return Json.NODES.numberNode(array(0).size());
  }

  JsonNode arrayUnique() {
    Set<JsonNode> seen = new LinkedHashSet<>();
    array(0).forEach(seen::add);
    ArrayNode out = Json.NODES.arrayNode();
    seen.forEach(out::add);
    return out;
  }

  JsonNode base64Encode() {
    String text = limited(string(0));
    return Json.NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  JsonNode base64Decode() {
    String text = limited(string(0));
    try {
      return Json.NODES.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw fail("the argument is not valid Base64: " + text);
    }
  }

  JsonNode hash() {
    JsonNode data = args.get(0);
    String text = limited(data.isTextual() ? data.textValue() : Json.write(data));
    String algorithm = string(1);
    if (!HASHES.contains(algorithm)) {
      throw fail("the hash algorithm '" + algorithm + "' is not one of " + String.join(", ", HASHES));
    }
    try {
      byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return Json.NODES.textNode(hex.toString());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode jsonMerge() {
    ObjectNode left = object(0);
    ObjectNode right = object(1);
    JsonNode deep = args.get(2);
    if (deep.isBoolean() && deep.booleanValue()) { // AWS merges shallowly for any other third argument
      throw fail("deep merging is not supported: the third argument must be false");
    }
    ObjectNode out = left.deepCopy();
    out.setAll(right.deepCopy());
    return out;
  }

  JsonNode mathRandom() {
    int start = integer(0);
    int end = integer(1);
    if (start >= end) {
      throw fail("the start (" + start + ") must be less than the end (" + end + ")");
    }
    Random random = args.size() == 3 ? new Random(integer(2)) : ThreadLocalRandom.current();
    return Json.NODES.numberNode(start + random.nextInt(end - start));
  }

  JsonNode mathAdd() {
    long sum = (long) rounded(0) + rounded(1);
    if (sum != (int) sum) {
      throw fail("the sum " + sum + " is outside the 32-bit integer range");
    }
    return Json.NODES.numberNode((int) sum);
  }

  JsonNode stringSplit() {
    String text = string(0);
    String delimiters = string(1);
    ArrayNode out = Json.NODES.arrayNode();
    StringTokenizer tokens = new StringTokenizer(text, delimiters);
    while (tokens.hasMoreTokens()) {
      out.add(tokens.nextToken());
    }
    return out;
  }

  JsonNode uuid() {
    return Json.NODES.textNode(UUID.randomUUID().toString());
  }

  private String string(int index) {
    JsonNode value = args.get(index);
    if (!value.isTextual()) {
      throw wrongType(index, "a string", value);
    }
    return value.textValue();
  }

  private ArrayNode array(int index) {
    JsonNode value = args.get(index);
    if (!(value instanceof ArrayNode array)) {
      throw wrongType(index, "an array", value);
    }
    return array;
  }

  private ObjectNode object(int index) {
    JsonNode value = args.get(index);
    if (!(value instanceof ObjectNode object)) {
      throw wrongType(index, "an object", value);
    }
    return object;
  }

  /** A number argument truncated toward zero (as ArrayPartition, ArrayRange, MathRandom treat decimals). */
  private int integer(int index) {
    return inRange(index, (double) (long) number(index));
  }

  /** A number argument rounded to the nearest integer (as MathAdd treats decimals). */
  private int rounded(int index) {
    return inRange(index, (double) Math.round(number(index)));
  }

  private double number(int index) {
    JsonNode value = args.get(index);
    if (!value.isNumber()) {
      throw wrongType(index, "a number", value);
    }
    return value.doubleValue();
  }

  private int inRange(int index, double value) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw wrongType(index, "a 32-bit integer", args.get(index));
    }
    return (int) value;
  }

  private String limited(String text) {
    if (text.length() > MAX_STRING) {
      throw fail("the input string is " + text.length() + " characters long, more than the maximum of " + MAX_STRING);
    }
    return text;
  }

  private StatesError wrongType(int index, String expected, JsonNode actual) {
    return fail("the argument at index " + index + " must be " + expected + ", but was "
        + Json.typeName(actual) + " " + Json.write(actual));
  }

  /**
   * The failure AWS raises for arguments an intrinsic rejects: {@code States.Runtime} with the cause
   * {@code Invalid arguments in States.X}; AWS gives no detail, so {@code reason} only goes into
   * the exception message, for logs.
   */
  private StatesError fail(String reason) {
    return new StatesError(StatesError.RUNTIME, "Invalid arguments in " + name, reason);
  }
}
