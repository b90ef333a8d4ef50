package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.dynamodb.expr.AttributeValues;

/** Item sizes as DynamoDB counts them against the 400 KB item limit and for capacity units. */
final class ItemSizes {

  static final int MAX_ITEM_BYTES = AttributeValues.MAX_ITEM_SIZE;

  private ItemSizes() {}

  static long of(JsonNode item) {
    return AttributeValues.itemSize((ObjectNode) item);
  }
}
