package io.clix.local.internal.sfn.asl;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * JSONata expressions as Step Functions evaluates them ({@code {% ... %}} strings): the
 * expression runs on the com.dashjoin JSONata implementation with {@code $states} and the
 * workflow variables bound, plus the functions AWS adds ({@code $partition}, {@code $range},
 * {@code $hash}, {@code $random}, {@code $uuid}, {@code $parse}). Failures are
 * {@code States.QueryEvaluationError}s worded as AWS words them, naming the field.
 */
public final class JsonataExpressions {

  /** The error every JSONata evaluation failure raises. */
  public static final String QUERY_EVALUATION_ERROR = StatesError.QUERY_EVALUATION;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> HASHES = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private JsonataExpressions() {}

  /** Whether {@code value} is a {@code {% ... %}} expression string. */
  public static boolean isExpression(JsonNode value) {
    return value != null && value.isTextual() && isExpression(value.textValue());
  }

  /** Whether {@code text} is a {@code {% ... %}} expression string. */
  public static boolean isExpression(String text) {
    return text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
  }

  /** The expression inside {@code {% ... %}}. */
  public static String body(String text) {
    return text.substring(2, text.length() - 2).trim();
  }

  /**
   * Evaluates a field's value: an expression string is evaluated, objects and arrays have every
   * expression string inside them evaluated, anything else is taken literally. {@code field} is
   * the field's location (e.g. {@code Arguments/FunctionName}) for the error.
   */
  public static JsonNode resolve(JsonNode value, Map<String, JsonNode> bindings, String field) {
    if (isExpression(value)) {
      return evaluate(value.textValue(), bindings, field);
    }
    if (value.isObject()) {
      ObjectNode out = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> entry = fields.next();
        out.set(entry.getKey(), resolve(entry.getValue(), bindings, field + "/" + entry.getKey()));
      }
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (int i = 0; i < value.size(); i++) {
        out.add(resolve(value.get(i), bindings, field + "/" + i));
      }
      return out;
    }
    return value;
  }

  /** Evaluates one {@code {% ... %}} string; a result of nothing (undefined) fails as AWS words it. */
  public static JsonNode evaluate(String text, Map<String, JsonNode> bindings, String field) {
    String expression = body(text);
    Object result;
    try {
      // the implementation answers null for both JSON null and undefined; an object constructor
      // tells them apart (an undefined member is left out)
      Jsonata compiled = Jsonata.jsonata("{\"v\": (" + expression + "\n)}");
      Jsonata.Frame frame = compiled.createFrame();
      for (Map.Entry<String, JsonNode> binding : bindings.entrySet()) {
        frame.bind(binding.getKey(), toJava(binding.getValue()));
      }
      awsFunctions(frame);
      Object wrapped = compiled.evaluate(null, frame);
      if (!(wrapped instanceof Map<?, ?> members) || !members.containsKey("v")) {
        result = null;
      } else {
        result = members.get("v") == null ? Jsonata.NULL_VALUE : members.get("v");
      }
    } catch (JException e) {
      throw failure(field, "The JSONata expression '" + expression + "' specified for the field '" + field
          + "' threw an error during evaluation. " + e.getMessage());
    } catch (StatesError e) {
      throw failure(field, e.cause());
    } catch (RuntimeException e) {
      throw failure(field, "The JSONata expression '" + expression + "' specified for the field '" + field
          + "' threw an error during evaluation. " + e);
    }
    if (result == null) {
      throw failure(field, "The JSONata expression '" + expression + "' specified for the field '" + field
          + "' returned nothing (undefined).");
    }
    JsonNode node = toJson(result);
    if (node == null) {
      throw failure(field, "The JSONata expression '" + expression + "' specified for the field '" + field
          + "' returned an unsupported result type.");
    }
    return node;
  }

  /** A {@code States.QueryEvaluationError} about {@code field}. */
  public static StatesError failure(String field, String cause) {
    return new StatesError(QUERY_EVALUATION_ERROR, cause, null, field);
  }

  // ------------------------------------------------------------------------------ conversion

  /** A JSON value as the JSONata implementation takes it (JSON null as its null value). */
  public static Object toJava(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    if (node.isNull()) {
      return Jsonata.NULL_VALUE;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(toJava(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.doubleValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asText();
  }

  /** A JSONata result as JSON; {@code null} for a value JSON cannot hold (a function). */
  public static JsonNode toJson(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return NODES.nullNode();
    }
    if (value instanceof Map) {
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        JsonNode item = toJson(entry.getValue());
        if (item == null) {
          return null;
        }
        out.set(String.valueOf(entry.getKey()), item);
      }
      return out;
    }
    if (value instanceof List) {
      ArrayNode out = NODES.arrayNode();
      for (Object element : (List<?>) value) {
        JsonNode item = toJson(element);
        if (item == null) {
          return null;
        }
        out.add(item);
      }
      return out;
    }
    if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    }
    if (value instanceof String) {
      return NODES.textNode((String) value);
    }
    if (value instanceof Number) {
      return number((Number) value);
    }
    return null;
  }

  private static JsonNode number(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
      return integral(number.longValue());
    }
    if (number instanceof BigInteger) {
      return NODES.numberNode((BigInteger) number);
    }
    double d = number.doubleValue();
    if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return integral((long) d);
    }
    if (number instanceof BigDecimal) {
      return NODES.numberNode((BigDecimal) number);
    }
    return NODES.numberNode(d);
  }

  /** An integer as Jackson reads it from JSON text: an int where it fits. */
  private static JsonNode integral(long value) {
    return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
  }

  // ---------------------------------------------------------------------------- AWS functions

  private static void awsFunctions(Jsonata.Frame frame) {
    frame.bind("partition", Jsonata.function("partition", (Jsonata.FnVarArgs<Object>) JsonataExpressions::partition, null));
    frame.bind("range", Jsonata.function("range", (Jsonata.FnVarArgs<Object>) JsonataExpressions::range, null));
    frame.bind("hash", Jsonata.function("hash", (Jsonata.FnVarArgs<Object>) JsonataExpressions::hash, null));
    frame.bind("random", Jsonata.function("random", (Jsonata.FnVarArgs<Object>) JsonataExpressions::random, null));
    frame.bind("uuid", Jsonata.function("uuid", (Jsonata.FnVarArgs<Object>) args -> UUID.randomUUID().toString(), null));
    frame.bind("parse", Jsonata.function("parse", (Jsonata.FnVarArgs<Object>) JsonataExpressions::parse, null));
  }

  private static Object partition(List<?> args) {
    if (args.size() != 2 || !(args.get(0) instanceof List) || !(args.get(1) instanceof Number)) {
      throw new JException("T0410", -1, "$partition takes an array and a chunk size");
    }
    List<?> items = (List<?>) args.get(0);
    int size = ((Number) args.get(1)).intValue();
    if (size <= 0) {
      throw new JException("D3137", -1, "The chunk size of $partition must be a positive integer");
    }
    List<Object> chunks = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      chunks.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + size))));
    }
    return chunks;
  }

  private static Object range(List<?> args) {
    if (args.size() != 3 || !args.stream().allMatch(a -> a instanceof Number)) {
      throw new JException("T0410", -1, "$range takes a start, an end and a step");
    }
    double start = ((Number) args.get(0)).doubleValue();
    double end = ((Number) args.get(1)).doubleValue();
    double step = ((Number) args.get(2)).doubleValue();
    if (step == 0) {
      throw new JException("D3137", -1, "The step of $range must not be zero");
    }
    List<Object> values = new ArrayList<>();
    for (double v = start; step > 0 ? v <= end : v >= end; v += step) {
      values.add(v == Math.rint(v) ? (Object) (long) v : v);
      if (values.size() > 1000) {
        throw new JException("D3137", -1, "$range returned more than 1000 items");
      }
    }
    return values;
  }

  private static Object hash(List<?> args) {
    if (args.size() != 2 || !(args.get(0) instanceof String) || !(args.get(1) instanceof String)) {
      throw new JException("T0410", -1, "$hash takes a string and an algorithm");
    }
    String algorithm = (String) args.get(1);
    if (!HASHES.contains(algorithm)) {
      throw new JException("D3137", -1, "The algorithm of $hash must be one of " + HASHES);
    }
    try {
      byte[] digest = MessageDigest.getInstance(algorithm)
          .digest(((String) args.get(0)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object random(List<?> args) {
    if (args.isEmpty()) {
      return Math.random();
    }
    if (args.size() != 1 || !(args.get(0) instanceof Number)) {
      throw new JException("T0410", -1, "$random takes an optional integer seed");
    }
    return new Random(((Number) args.get(0)).longValue()).nextDouble();
  }

  private static Object parse(List<?> args) {
    if (args.size() != 1 || !(args.get(0) instanceof String)) {
      throw new JException("T0410", -1, "$parse takes a JSON string");
    }
    try {
      return toJava(MAPPER.readTree((String) args.get(0)));
    } catch (java.io.IOException e) {
      throw new JException("D3137", -1, "$parse was given a string that is not JSON");
    }
  }
}
