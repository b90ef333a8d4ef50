package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of document paths merged into a tree, to copy just those parts out of an item: nested maps
 * keep the requested keys, lists keep the requested elements in index order. Also checks that no two
 * paths overlap or conflict, with DynamoDB's messages.
 */
final class PathTree {

  private boolean leaf;
  private final Map<String, PathTree> names = new LinkedHashMap<>();
  private final TreeMap<Integer, PathTree> indices = new TreeMap<>();

  static PathTree of(List<DocumentPath> paths) {
    PathTree root = new PathTree();
    for (DocumentPath path : paths) {
      PathTree node = root;
      for (Object e : path.elements()) {
        node = e instanceof String
            ? node.names.computeIfAbsent((String) e, k -> new PathTree())
            : node.indices.computeIfAbsent((Integer) e, k -> new PathTree());
      }
      node.leaf = true;
    }
    return root;
  }

  /** The parts of {@code item} the paths name; attributes that are not there are left out. */
  ObjectNode extract(ObjectNode item) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, PathTree> e : names.entrySet()) {
      JsonNode value = item.get(e.getKey());
      JsonNode part = value == null ? null : e.getValue().extractValue(value);
      if (part != null) {
        result.set(e.getKey(), part);
      }
    }
    return result;
  }

  private JsonNode extractValue(JsonNode value) {
    if (leaf) {
      return value.deepCopy();
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (!names.isEmpty() && value.has("M")) {
      ObjectNode map = extract((ObjectNode) value.get("M"));
      return map.isEmpty() ? null : f.objectNode().set("M", map);
    }
    if (!indices.isEmpty() && value.has("L")) {
      JsonNode list = value.get("L");
      ArrayNode out = f.arrayNode();
      for (Map.Entry<Integer, PathTree> e : indices.entrySet()) {
        if (e.getKey() < list.size()) {
          JsonNode part = e.getValue().extractValue(list.get(e.getKey()));
          if (part != null) {
            out.add(part);
          }
        }
      }
      return out.isEmpty() ? null : f.objectNode().set("L", out);
    }
    return null;
  }

  /**
   * Records, in text order, the first pair of paths where one is a prefix of the other (overlap) and
   * the first pair that use a name and an index at the same place (conflict).
   */
  static void checkOverlaps(List<DocumentPath> paths, Problems problems) {
    for (int j = 1; j < paths.size(); j++) {
      List<Object> b = paths.get(j).elements();
      for (int i = 0; i < j; i++) {
        List<Object> a = paths.get(i).elements();
        String issue = compare(a, b);
        if (issue == null) {
          continue;
        }
        String pair = "must remove or rewrite one of these paths; path one: " + paths.get(i).describe()
            + ", path two: " + paths.get(j).describe();
        if (issue.equals("overlap")) {
          problems.add(Problems.Kind.OVERLAP, "Two document paths overlap with each other; " + pair);
        } else {
          problems.add(Problems.Kind.CONFLICT, "Two document paths conflict with each other; " + pair);
        }
      }
    }
  }

  private static String compare(List<Object> a, List<Object> b) {
    for (int k = 0; k < a.size() && k < b.size(); k++) {
      Object x = a.get(k);
      Object y = b.get(k);
      if (x.getClass() != y.getClass()) {
        return "conflict";
      }
      if (!x.equals(y)) {
        return null;
      }
    }
    return "overlap";
  }
}
