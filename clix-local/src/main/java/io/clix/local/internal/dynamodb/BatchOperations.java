package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes): every request is
 * checked before any is served, then each item is read or written on its own (atomic per item,
 * not across the batch). Writes are never left unprocessed; reads beyond 16 MB are, as DynamoDB
 * leaves them, in {@code UnprocessedKeys}.
 */
final class BatchOperations {

  static final int MAX_GET = 100;
  static final int MAX_WRITE = 25;
  static final long MAX_GET_BYTES = 16L * 1024 * 1024;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final TableCatalog catalog;

  BatchOperations(TableCatalog catalog) {
    this.catalog = catalog;
  }

  JsonNode batchGetItem(JsonNode request) {
    JsonNode requestItems = requestItems(request);
    int total = 0;
    Iterator<Map.Entry<String, JsonNode>> counting = requestItems.fields();
    while (counting.hasNext()) {
      Map.Entry<String, JsonNode> entry = counting.next();
      int keys = entry.getValue().path("Keys").size();
      if (keys > MAX_GET) {
        throw Faults.validation("1 validation error detected: Value at 'requestItems." + entry.getKey()
            + ".member.keys' failed to satisfy constraint: Member must have length less than or equal to 100");
      }
      total += keys;
    }
    if (total > MAX_GET) {
      throw Faults.validation("Too many items requested for the BatchGetItem call");
    }
    List<Runnable> reads = new ArrayList<>();
    long[] budget = {MAX_GET_BYTES};
    ObjectNode unprocessed = JSON.objectNode();
    ObjectNode responses = JSON.objectNode();
    ArrayNode capacity = JSON.arrayNode();
    Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
    while (tables.hasNext()) {
      Map.Entry<String, JsonNode> entry = tables.next();
      Table table = catalog.require(entry.getKey());
      Expressions.checkUsage(entry.getValue(), List.of("ProjectionExpression"), 0, List.of("AttributesToGet"));
      JsonNode tableRequest = LegacyParameters.rewrite(entry.getValue());
      JsonNode keys = tableRequest.get("Keys");
      if (keys == null || !keys.isArray() || keys.isEmpty()) {
        throw Faults.validation("1 validation error detected: Value null at 'requestItems." + entry.getKey()
            + ".member.keys' failed to satisfy constraint: Member must not be null");
      }
      Expressions expressions = Expressions.of(tableRequest);
      Expressions.Projection projection = expressions.projection(tableRequest);
      expressions.checkAllUsed();
      List<ItemKey> itemKeys = new ArrayList<>();
      Set<ItemKey> seen = new HashSet<>();
      for (JsonNode key : keys) {
        ItemKey itemKey = table.keys().keyOfKey(key);
        if (!seen.add(itemKey)) {
          throw Faults.validation("Provided list of item keys contains duplicates");
        }
        itemKeys.add(itemKey);
      }
      ArrayNode found = responses.putArray(entry.getKey());
      boolean consistent = tableRequest.path("ConsistentRead").asBoolean(false);
      reads.add(() -> {
        long bytes = 0;
        ArrayNode left = JSON.arrayNode();
        for (int i = 0; i < itemKeys.size(); i++) {
          ObjectNode item = table.get(itemKeys.get(i));
          if (item == null) {
            continue;
          }
          long size = ItemSizes.of(item);
          if (size > budget[0] || !left.isEmpty()) {
            left.add(keys.get(i));
            continue;
          }
          budget[0] -= size;
          bytes += size;
          found.add(projection == null ? item : projection.apply(item));
        }
        if (!left.isEmpty()) {
          ObjectNode rest = entry.getValue().deepCopy();
          rest.set("Keys", left);
          unprocessed.set(entry.getKey(), rest);
        }
        ObjectNode report = Capacity.report(request, table.name(), Capacity.readUnits(bytes, consistent));
        if (report != null) {
          capacity.add(report);
        }
      });
    }
    reads.forEach(Runnable::run);
    ObjectNode out = JSON.objectNode();
    out.set("Responses", responses);
    out.set("UnprocessedKeys", unprocessed);
    if (!capacity.isEmpty()) {
      out.set("ConsumedCapacity", capacity);
    }
    return out;
  }

  JsonNode batchWriteItem(JsonNode request) {
    JsonNode requestItems = requestItems(request);
    int total = 0;
    Iterator<Map.Entry<String, JsonNode>> counting = requestItems.fields();
    while (counting.hasNext()) {
      Map.Entry<String, JsonNode> entry = counting.next();
      int size = entry.getValue().size();
      if (size > MAX_WRITE || size < 1) {
        throw Faults.validation("1 validation error detected: Value '{" + entry.getKey() + "=" + entry.getValue()
            + "}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must"
            + " have length less than or equal to 25, Member must have length greater than or equal to 1]");
      }
      total += size;
    }
    if (total > MAX_WRITE) {
      throw Faults.validation("Too many items requested for the BatchWriteItem call");
    }
    List<ItemWrite> writes = new ArrayList<>();
    Map<String, Double> units = new java.util.LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> tables = requestItems.fields();
    while (tables.hasNext()) {
      Map.Entry<String, JsonNode> entry = tables.next();
      Table table = catalog.require(entry.getKey());
      Set<ItemKey> seen = new HashSet<>();
      for (JsonNode writeRequest : entry.getValue()) {
        JsonNode put = writeRequest.get("PutRequest");
        JsonNode delete = writeRequest.get("DeleteRequest");
        if ((put == null) == (delete == null)) {
          throw Faults.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one"
              + " of the supported datatypes");
        }
        ItemWrite write;
        if (put != null) {
          ObjectNode item = Items.itemToPut(table, put.get("Item"), false, true);
          write = new ItemWrite(table, table.keys().keyOfItem(item), ItemWrite.Kind.PUT, item, null, null);
        } else {
          write = new ItemWrite(table, table.keys().keyOfKey(delete.get("Key")), ItemWrite.Kind.DELETE, null, null,
              null);
        }
        if (!seen.add(write.key())) {
          throw Faults.validation("Provided list of item keys contains duplicates");
        }
        writes.add(write);
      }
    }
    for (ItemWrite write : writes) {
      ItemWrite.Outcome outcome = write.run();
      units.merge(write.table().name(), Capacity.writeUnits(outcome.beforeSize, outcome.afterSize), Double::sum);
    }
    ObjectNode out = JSON.objectNode();
    out.putObject("UnprocessedItems");
    ArrayNode capacity = JSON.arrayNode();
    units.forEach((name, value) -> {
      ObjectNode report = Capacity.report(request, name, value);
      if (report != null) {
        capacity.add(report);
      }
    });
    if (!capacity.isEmpty()) {
      out.set("ConsumedCapacity", capacity);
    }
    return out;
  }

  private static JsonNode requestItems(JsonNode request) {
    new Requests().required(request, "RequestItems", "requestItems")
        .oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", ItemOperations.CAPACITY,
            ItemOperations.CAPACITY_ENUM)
        .check();
    JsonNode requestItems = request.get("RequestItems");
    if (!requestItems.isObject() || requestItems.isEmpty()) {
      throw Faults.validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy"
          + " constraint: Member must have length greater than or equal to 1");
    }
    return requestItems;
  }
}
