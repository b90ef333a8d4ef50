package io.clix.testkit.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Checks on items written to a table: attribute values, the 400 KB limit, index key types. */
final class Items {

  private Items() {}

  /**
   * The {@code Item} of a PutItem-like request, checked (values, key, size, index key types);
   * {@code counted} words value errors as PutItem does.
   *
   * @return the item, copied
   */
  static ObjectNode itemToPut(Table table, JsonNode item, boolean counted) {
    if (item == null || !item.isObject()) {
      throw Requests.memberNull("item");
    }
    ObjectNode copy = counted ? Expressions.counted(() -> Expressions.validateItem(item))
        : Expressions.validateItem(item);
    table.keys().keyOfItem(copy);
    if (ItemSizes.of(copy) > ItemSizes.MAX_ITEM_BYTES) {
      throw Faults.validation("Item size has exceeded the maximum allowed size");
    }
    checkIndexes(table, copy);
    return copy;
  }

  /** Checks an item an update produced and returns its size. */
  static long checkWritten(Table table, ObjectNode item) {
    long size = ItemSizes.of(item);
    if (size > ItemSizes.MAX_ITEM_BYTES) {
      throw Faults.validation("Item size to update has exceeded the maximum allowed size");
    }
    checkIndexes(table, item);
    return size;
  }

  private static void checkIndexes(Table table, ObjectNode item) {
    for (IndexDefinition index : table.definition().indexes()) {
      index.keys().checkIndexTypes(item, index.name());
    }
  }

  /** The attributes of {@code item} named in {@code names} (top level), or {@code null} if none. */
  static ObjectNode select(ObjectNode item, Iterable<String> names) {
    if (item == null) {
      return null;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String name : names) {
      JsonNode value = item.get(name);
      if (value != null) {
        out.set(name, value);
      }
    }
    return out.isEmpty() ? null : out;
  }

  /** Whether two wire attribute values are equal (sets compare unordered, numbers by value). */
  static boolean sameValue(JsonNode a, JsonNode b) {
    return Expressions.equalValues(a, b);
  }

  /** The top-level attributes whose values differ between two items (either side may be absent). */
  static java.util.Set<String> changed(ObjectNode before, ObjectNode after) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    if (after != null) {
      Iterator<Map.Entry<String, JsonNode>> fields = after.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode old = before == null ? null : before.get(field.getKey());
        if (old == null || !sameValue(old, field.getValue())) {
          names.add(field.getKey());
        }
      }
    }
    if (before != null) {
      before.fieldNames().forEachRemaining(name -> {
        if (after == null || !after.has(name)) {
          names.add(name);
        }
      });
    }
    return names;
  }
}
