package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;

/**
 * The order items are read in from a table or an index: by partition (a digest of the partition
 * key, as a Scan walks partitions), then by sort key, then, on an index, by the table's key. Also
 * the key an item is resumed from ({@code LastEvaluatedKey}) and its check ({@code ExclusiveStartKey}).
 */
final class ItemOrder implements Comparator<JsonNode> {

  private final KeySchema table;
  private final KeySchema index;

  /** The order of a table ({@code index} null) or of one of its indexes. */
  ItemOrder(KeySchema table, KeySchema index) {
    this.table = table;
    this.index = index;
  }

  /** The schema items are read by: the index's, or the table's. */
  KeySchema readKeys() {
    return index == null ? table : index;
  }

  /** Whether an item appears in this view (a sparse index leaves out items without its keys). */
  boolean contains(JsonNode item) {
    return index == null || index.keyInIndex(item) != null;
  }

  @Override
  public int compare(JsonNode a, JsonNode b) {
    int c = compareBy(readKeys(), a, b);
    if (c != 0 || index == null) {
      return c;
    }
    return compareBy(table, a, b);
  }

  /** Compares sort keys only (within one partition), then the table key on an index. */
  int compareWithinPartition(JsonNode a, JsonNode b) {
    KeySchema keys = readKeys();
    if (keys.hasRange()) {
      int c = KeyValue.of(a.get(keys.rangeName()), keys.rangeType())
          .compareTo(KeyValue.of(b.get(keys.rangeName()), keys.rangeType()));
      if (c != 0) {
        return c;
      }
    }
    return index == null ? 0 : compareBy(table, a, b);
  }

  private static int compareBy(KeySchema keys, JsonNode a, JsonNode b) {
    int c = Table.comparePartitions(KeyValue.of(a.get(keys.hashName()), keys.hashType()),
        KeyValue.of(b.get(keys.hashName()), keys.hashType()));
    if (c != 0 || !keys.hasRange()) {
      return c;
    }
    return KeyValue.of(a.get(keys.rangeName()), keys.rangeType())
        .compareTo(KeyValue.of(b.get(keys.rangeName()), keys.rangeType()));
  }

  /** The {@code LastEvaluatedKey} of an item: the table's key, plus the index's key on an index. */
  ObjectNode lastEvaluatedKey(JsonNode item) {
    ObjectNode key = JsonNodeFactory.instance.objectNode();
    copy(item, key, table);
    if (index != null) {
      copy(item, key, index);
    }
    return key;
  }

  private static void copy(JsonNode item, ObjectNode key, KeySchema keys) {
    key.set(keys.hashName(), item.get(keys.hashName()));
    if (keys.hasRange()) {
      key.set(keys.rangeName(), item.get(keys.rangeName()));
    }
  }

  /**
   * Checks an {@code ExclusiveStartKey}: exactly the attributes of {@link #lastEvaluatedKey}, typed.
   * DynamoDB words the refusal "The provided starting key is invalid", adding ": The provided key
   * element does not match the schema" for a Scan of a table.
   *
   * @throws io.clix.local.internal.http.ServiceError a ValidationException
   */
  void checkStartKey(JsonNode start, boolean scan) {
    int expected = count(table) + (index == null ? 0 : count(index));
    if (index != null) {
      for (String name : new String[] {index.hashName(), index.rangeName()}) {
        if (name != null && table.isKeyAttribute(name)) {
          expected--;
        }
      }
    }
    boolean ok = start.isObject() && start.size() == expected && typed(start, table)
        && (index == null || typed(start, index));
    if (!ok) {
      throw Faults.validation("The provided starting key is invalid" + (scan && index == null
          ? ": The provided key element does not match the schema" : ""));
    }
  }

  private static int count(KeySchema keys) {
    return keys.hasRange() ? 2 : 1;
  }

  private static boolean typed(JsonNode start, KeySchema keys) {
    return KeyValue.of(start.get(keys.hashName()), keys.hashType()) != null
        && (!keys.hasRange() || KeyValue.of(start.get(keys.rangeName()), keys.rangeType()) != null);
  }
}
