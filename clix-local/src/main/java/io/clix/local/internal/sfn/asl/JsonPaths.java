package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Optional;

/**
 * Evaluates ASL paths (JSONPath query language): {@code $...} against the state's data and
 * {@code $$...} against the context object. Simple definite paths are walked directly (see
 * {@link ReferencePath}); every other path goes through Jayway JsonPath with the Jackson provider,
 * where an indefinite path (wildcard, filter, slice, deep scan) yields an array of its matches.
 * Returned nodes are the input's own nodes: copy them before changing them.
 */
public final class JsonPaths {

  private static final Configuration JAYWAY =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
          .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
          .build();

  private JsonPaths() {}

  /**
   * The value at {@code path}; a path that selects nothing fails with {@code States.Runtime} and
   * the cause AWS gives for InputPath/OutputPath-style paths: {@code Invalid path '$.x' : No
   * results for path: $['x']}.
   */
  public static JsonNode read(JsonNode input, String path, JsonNode context) {
    Lookup lookup = lookup(input, path, context);
    if (lookup.value == null) {
      throw StatesError.runtime("Invalid path '" + path + "' : " + lookup.problem);
    }
    return lookup.value;
  }

  /**
   * The value at {@code path}; a path that selects nothing fails with {@code States.Runtime} and
   * AWS's cause naming the field: {@code The JSONPath '$.x' specified for the field 'InputPath'
   * could not be found in the input '{...}'} (the input printed is the document searched).
   */
  public static JsonNode read(JsonNode input, String path, JsonNode context, String fieldName) {
    Lookup lookup = lookup(input, path, context);
    if (lookup.value == null) {
      JsonNode searched = path.startsWith("$$") ? context : input;
      throw StatesError.runtime(
          "The JSONPath '" + path + "' specified for the field '" + fieldName
              + "' could not be found in the input '" + Json.write(searched) + "'");
    }
    return lookup.value;
  }

  /** The value at {@code path}, or empty if it selects nothing. */
  public static Optional<JsonNode> find(JsonNode input, String path, JsonNode context) {
    return Optional.ofNullable(lookup(input, path, context).value);
  }

  /** Whether {@code path} selects a value (JSON null counts) in {@code input}. */
  public static boolean isPresent(JsonNode input, String path) {
    return isPresent(input, path, null);
  }

  /** Whether {@code path} ({@code $$...} reads the context object) selects a value. */
  public static boolean isPresent(JsonNode input, String path, JsonNode context) {
    JsonNode value = lookup(input, path, context).value;
    return value != null && !(isIndefinite(path) && value.isArray() && value.isEmpty());
  }

  /** Whether {@code path} is a syntactically valid path ({@code $...} or {@code $$...}). */
  public static boolean isValidPath(String path) {
    if (path == null || !path.startsWith("$")) {
      return false;
    }
    String local = path.startsWith("$$") ? path.substring(1) : path;
    String variable = variableName(path);
    if (variable != null) {
      local = "$" + path.substring(1 + variable.length());
    }
    if (ReferencePath.parse(local) != null) {
      return true;
    }
    if (!balanced(local)) {
      return false;
    }
    try {
      JsonPath.compile(local);
      return true;
    } catch (InvalidPathException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Brackets and parentheses outside quotes pair up (Jayway accepts {@code $.a[} and {@code $.a]}). */
  private static boolean balanced(String path) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        if (--depth < 0) {
          return false;
        }
      }
    }
    return depth == 0 && quote == 0;
  }

  /**
   * The variable a path reads ({@code $name} or {@code $name.field...}), or null for a path on the
   * state's data ({@code $...}) or the context ({@code $$...}).
   */
  public static String variableName(String path) {
    if (path == null || path.length() < 2 || path.charAt(0) != '$' || !isNameStart(path.charAt(1))) {
      return null;
    }
    int end = 2;
    while (end < path.length() && isNamePart(path.charAt(end))) {
      end++;
    }
    return path.substring(1, end);
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Whether {@code path} is a valid Reference Path: a path that selects at most one node. */
  public static boolean isReferencePath(String path) {
    return isValidPath(path) && !isIndefinite(path);
  }

  /** Whether a valid path may select several nodes (and so yields an array). */
  static boolean isIndefinite(String path) {
    String local = path.startsWith("$$") ? path.substring(1) : path;
    String variable = variableName(path);
    if (variable != null) {
      local = "$" + path.substring(1 + variable.length());
    }
    if (ReferencePath.parse(local) != null) {
      return false;
    }
    try {
      return !JsonPath.compile(local).isDefinite();
    } catch (InvalidPathException | IllegalArgumentException e) {
      return false;
    }
  }

  private record Lookup(JsonNode value, String problem) {}

  private static Lookup lookup(JsonNode input, String path, JsonNode context) {
    if (path == null || !path.startsWith("$")) {
      throw StatesError.runtime("Invalid path '" + path + "' : the path must start with '$'");
    }
    JsonNode root = input;
    String local = path;
    if (path.startsWith("$$")) {
      root = context;
      local = path.substring(1);
    }
    String variable = variableName(path);
    if (variable != null) {
      root = context instanceof ScopedContext scoped ? scoped.variable(variable) : null;
      local = "$" + path.substring(1 + variable.length());
      if (root == null) {
        throw StatesError.runtime("Invalid path '" + path + "': The variable '" + variable + "' is not defined.");
      }
    }
    if (root == null) {
      root = Json.NODES.objectNode();
    }
    ReferencePath simple = ReferencePath.parse(local);
    if (simple != null) {
      return walk(root, simple);
    }
    try {
      Object found = JsonPath.using(JAYWAY).parse(root).read(local);
      if (found == null) {
        return new Lookup(Json.NODES.nullNode(), null);
      }
      return new Lookup(found instanceof JsonNode node ? node : Json.MAPPER.valueToTree(found), null);
    } catch (PathNotFoundException e) {
      // a missing property before a wildcard or filter: nothing found, reported per field like any miss
      return new Lookup(null, e.getMessage());
    } catch (InvalidPathException e) {
      throw StatesError.runtime("Invalid path '" + path + "' : " + e.getMessage());
    } catch (JsonPathException e) {
      return new Lookup(null, e.getMessage());
    }
  }

  private static Lookup walk(JsonNode root, ReferencePath path) {
    JsonNode node = root;
    for (Object step : path.steps()) {
      JsonNode next = null;
      if (step instanceof Integer index) {
        if (node.isArray() && index < node.size()) {
          next = node.get(index);
        }
      } else if (node.isObject()) {
        next = node.get((String) step);
      }
      if (next == null) {
        return new Lookup(null, "No results for path: " + path.normalized());
      }
      node = next;
    }
    return new Lookup(node, null);
  }
}
