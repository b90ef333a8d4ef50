package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The key attributes of a table or an index: the partition (HASH) attribute and the optional sort
 * (RANGE) attribute, with their scalar types, and the checks DynamoDB makes on keys.
 */
final class KeySchema {

  static final int MAX_HASH_BYTES = 2048;
  static final int MAX_RANGE_BYTES = 1024;

  private final String hashName;
  private final char hashType;
  private final String rangeName;
  private final char rangeType;

  KeySchema(String hashName, char hashType, String rangeName, char rangeType) {
    this.hashName = hashName;
    this.hashType = hashType;
    this.rangeName = rangeName;
    this.rangeType = rangeType;
  }

  String hashName() {
    return hashName;
  }

  char hashType() {
    return hashType;
  }

  /** The sort key attribute, or {@code null}. */
  String rangeName() {
    return rangeName;
  }

  char rangeType() {
    return rangeType;
  }

  boolean hasRange() {
    return rangeName != null;
  }

  boolean isKeyAttribute(String name) {
    return name.equals(hashName) || name.equals(rangeName);
  }

  /** The {@code KeySchema} list as DescribeTable shows it. */
  ArrayNode toJson() {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    list.addObject().put("AttributeName", hashName).put("KeyType", "HASH");
    if (rangeName != null) {
      list.addObject().put("AttributeName", rangeName).put("KeyType", "RANGE");
    }
    return list;
  }

  /**
   * The key of an item being written; the messages are those of PutItem.
   *
   * @throws io.clix.local.internal.http.ServiceError if a key attribute is missing, mistyped or empty
   */
  ItemKey keyOfItem(JsonNode item) {
    KeyValue hash = itemKeyValue(item, hashName, hashType);
    KeyValue range = rangeName == null ? null : itemKeyValue(item, rangeName, rangeType);
    checkSizes(hash, range);
    return new ItemKey(hash, range);
  }

  /** Refuses an item whose key attributes are missing or mistyped, in BatchWriteItem's words. */
  void checkBatchItemKey(JsonNode item) {
    if (KeyValue.of(item.get(hashName), hashType) == null
        || (rangeName != null && KeyValue.of(item.get(rangeName), rangeType) == null)) {
      throw Faults.keyMismatch();
    }
  }

  private static KeyValue itemKeyValue(JsonNode item, String name, char type) {
    JsonNode attribute = item.get(name);
    if (attribute == null) {
      throw Faults.invalidParameter("Missing the key " + name + " in the item");
    }
    KeyValue value = KeyValue.of(attribute, type);
    if (value == null) {
      throw Faults.invalidParameter("Type mismatch for key " + name + " expected: " + type + " actual: "
          + typeOf(attribute));
    }
    checkNotEmpty(value, name);
    return value;
  }

  /**
   * The key given as a {@code Key} parameter: exactly the key attributes, of the right types.
   *
   * @throws io.clix.local.internal.http.ServiceError if it does not match the schema
   */
  ItemKey keyOfKey(JsonNode key) {
    if (key == null || !key.isObject()) {
      throw Faults.keyMismatch();
    }
    int expected = rangeName == null ? 1 : 2;
    KeyValue hash = KeyValue.of(key.get(hashName), hashType);
    KeyValue range = rangeName == null ? null : KeyValue.of(key.get(rangeName), rangeType);
    if (key.size() != expected || hash == null || (rangeName != null && range == null)) {
      throw Faults.keyMismatch();
    }
    checkNotEmpty(hash, hashName);
    if (range != null) {
      checkNotEmpty(range, rangeName);
    }
    checkSizes(hash, range);
    return new ItemKey(hash, range);
  }

  /**
   * The key of an item under this (index) schema, or {@code null} if the item lacks an attribute of
   * it (a sparse index leaves such items out). The types are checked when the item is written.
   */
  ItemKey keyInIndex(JsonNode item) {
    KeyValue hash = KeyValue.of(item.get(hashName), hashType);
    if (hash == null) {
      return null;
    }
    KeyValue range = null;
    if (rangeName != null) {
      range = KeyValue.of(item.get(rangeName), rangeType);
      if (range == null) {
        return null;
      }
    }
    return new ItemKey(hash, range);
  }

  /** Checks an item's attributes of this index schema have the index's types. */
  void checkIndexTypes(JsonNode item, String indexName) {
    checkIndexAttribute(item, hashName, hashType, indexName);
    if (rangeName != null) {
      checkIndexAttribute(item, rangeName, rangeType, indexName);
    }
  }

  private static void checkIndexAttribute(JsonNode item, String name, char type, String indexName) {
    JsonNode attribute = item.get(name);
    if (attribute == null) {
      return;
    }
    KeyValue value = KeyValue.of(attribute, type);
    if (value == null) {
      throw Faults.invalidParameter("Type mismatch for Index Key " + name + " Expected: " + type + " Actual: "
          + typeOf(attribute) + " IndexName: " + indexName);
    }
    if (value.size() == 0) {
      throw Faults.validation("One or more parameter values are not valid. A value specified for a secondary index key"
          + " is not supported. The AttributeValue for a key attribute cannot contain an empty "
          + (type == 'B' ? "binary" : "string") + " value. IndexName: " + indexName + ", IndexKey: " + name);
    }
  }

  /** The wire form of a key, e.g. {@code {"pk":{"S":"a"},"sk":{"N":"1"}}}, taken from the item. */
  ObjectNode keyAttributes(JsonNode item) {
    ObjectNode key = JsonNodeFactory.instance.objectNode();
    key.set(hashName, item.get(hashName).deepCopy());
    if (rangeName != null) {
      key.set(rangeName, item.get(rangeName).deepCopy());
    }
    return key;
  }

  private static void checkNotEmpty(KeyValue value, String name) {
    if (value.size() == 0 && value.type() != 'N') {
      throw Faults.validation("One or more parameter values are not valid. The AttributeValue for a key attribute"
          + " cannot contain an empty " + (value.type() == 'B' ? "binary" : "string") + " value. Key: " + name);
    }
  }

  private static void checkSizes(KeyValue hash, KeyValue range) {
    if (hash.size() > MAX_HASH_BYTES) {
      throw Faults.invalidParameter("Size of hashkey has exceeded the maximum size limit of2048 bytes");
    }
    if (range != null && range.size() > MAX_RANGE_BYTES) {
      throw Faults.invalidParameter("Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }
  }

  /** The type name of a wire attribute value ({@code S}, {@code M}, ...). */
  static String typeOf(JsonNode attribute) {
    Iterator<Map.Entry<String, JsonNode>> fields = attribute.fields();
    return fields.hasNext() ? fields.next().getKey() : "";
  }
}
