package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
    return itemToPut(table, item, counted, false);
  }

  /**
   * As {@link #itemToPut(Table, JsonNode, boolean)}; {@code batch} words a missing or mistyped key
   * as BatchWriteItem does ("The provided key element does not match the schema").
   */
  static ObjectNode itemToPut(Table table, JsonNode item, boolean counted, boolean batch) {
    if (item == null || !item.isObject()) {
      throw Requests.memberNull("item");
    }
    ObjectNode copy = counted ? Expressions.counted(() -> Expressions.validateItem(item))
        : Expressions.validateItem(item);
    if (batch) {
      table.keys().checkBatchItemKey(copy);
    }
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
}
