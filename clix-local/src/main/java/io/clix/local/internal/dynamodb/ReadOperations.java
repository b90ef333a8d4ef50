package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Query and Scan: the items of a table or an index in DynamoDB's order, resumed after
 * {@code ExclusiveStartKey}, read up to {@code Limit} items or 1 MB, then filtered and projected.
 */
final class ReadOperations {

  static final long PAGE_BYTES = 1024 * 1024;
  private static final Set<String> SELECT =
      Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");
  private static final String SELECT_ENUM = "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]";

  private final TableCatalog catalog;

  ReadOperations(TableCatalog catalog) {
    this.catalog = catalog;
  }

  JsonNode query(JsonNode original) {
    check(original);
    Expressions.checkUsage(original, List.of("KeyConditionExpression", "FilterExpression", "ProjectionExpression"), 2,
        List.of("KeyConditions", "QueryFilter", "AttributesToGet", "ConditionalOperator"));
    JsonNode request = LegacyParameters.rewrite(original);
    Table table = catalog.require(request.get("TableName").asText());
    IndexDefinition index = index(table, request);
    String select = select(original, index, true);
    ItemOrder order = new ItemOrder(table.keys(), index == null ? null : index.keys());
    Expressions expressions = Expressions.of(request);
    String keyExpression = Requests.text(request, "KeyConditionExpression", null);
    if (keyExpression == null) {
      throw Faults.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    Expressions.KeyMatch key = expressions.keyCondition(keyExpression, order.readKeys());
    String filterExpression = Requests.text(request, "FilterExpression", null);
    Predicate<ObjectNode> filter = expressions.condition(filterExpression, "FilterExpression");
    if (filterExpression != null) {
      for (String name : FilterKeys.topLevelNames(filterExpression, request)) {
        if (order.readKeys().isKeyAttribute(name)) {
          throw Faults.validation("Filter Expression can only contain non-primary key attributes: Primary key"
              + " attribute: " + name);
        }
      }
    }
    Expressions.Projection projection = expressions.projection(request);
    expressions.checkAllUsed();
    JsonNode start = request.get("ExclusiveStartKey");
    if (start != null && !start.isNull()) {
      order.checkStartKey(start, false);
      KeySchema keys = order.readKeys();
      if (!key.hash().equals(KeyValue.of(start.get(keys.hashName()), keys.hashType()))) {
        throw Faults.validation("The provided starting key is outside query boundaries based on provided conditions");
      }
    }
    boolean forward = request.path("ScanIndexForward").asBoolean(true);
    List<ObjectNode> candidates = new ArrayList<>();
    if (index == null) {
      for (ObjectNode item : table.partition(key.hash(), true)) {
        candidates.add(item);
      }
    } else {
      for (ObjectNode item : index.global() ? table.all() : table.partition(key.hash(), true)) {
        if (order.contains(item) && key.hash().equals(KeyValue.of(item.get(index.keys().hashName()),
            index.keys().hashType()))) {
          candidates.add(item);
        }
      }
      candidates.sort(order::compareWithinPartition);
    }
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode item : candidates) {
      if (key.matchesRange(item)) {
        matching.add(item);
      }
    }
    if (!forward) {
      Collections.reverse(matching);
    }
    if (start != null && !start.isNull()) {
      List<ObjectNode> after = new ArrayList<>();
      for (ObjectNode item : matching) {
        int c = order.compareWithinPartition(item, start);
        if (forward ? c > 0 : c < 0) {
          after.add(item);
        }
      }
      matching = after;
    }
    return page(request, table, index, order, matching, filter, projection, select);
  }

  JsonNode scan(JsonNode original) {
    Requests checks = new Requests();
    checks.atLeast(original, "TotalSegments", "totalSegments", 1).atLeast(original, "Segment", "segment", 0);
    check(original, checks);
    Expressions.checkUsage(original, List.of("FilterExpression", "ProjectionExpression"), 1,
        List.of("ScanFilter", "AttributesToGet", "ConditionalOperator"));
    JsonNode request = LegacyParameters.rewrite(original);
    Table table = catalog.require(request.get("TableName").asText());
    IndexDefinition index = index(table, request);
    String select = select(original, index, false);
    boolean hasSegment = Requests.has(request, "Segment");
    boolean hasTotal = Requests.has(request, "TotalSegments");
    if (hasSegment && !hasTotal) {
      throw Faults.validation("The TotalSegments parameter is required but was not present in the request when"
          + " Segment parameter is present");
    }
    if (hasTotal && !hasSegment) {
      throw Faults.validation("The Segment parameter is required but was not present in the request when parameter"
          + " TotalSegments is present");
    }
    int segment = request.path("Segment").asInt(0);
    int total = request.path("TotalSegments").asInt(1);
    if (total > 1000000) {
      throw Faults.validation("1 validation error detected: Value '" + total + "' at 'totalSegments' failed to"
          + " satisfy constraint: Member must have value less than or equal to 1000000");
    }
    if (segment >= total) {
      throw Faults.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments:"
          + " Segment: " + segment + " is not less than TotalSegments: " + total);
    }
    ItemOrder order = new ItemOrder(table.keys(), index == null ? null : index.keys());
    Expressions expressions = Expressions.of(request);
    Predicate<ObjectNode> filter = expressions.condition(Requests.text(request, "FilterExpression", null),
        "FilterExpression");
    Expressions.Projection projection = expressions.projection(request);
    expressions.checkAllUsed();
    JsonNode start = request.get("ExclusiveStartKey");
    if (start != null && !start.isNull()) {
      order.checkStartKey(start, true);
    }
    List<ObjectNode> items = new ArrayList<>();
    KeySchema readKeys = order.readKeys();
    for (ObjectNode item : table.all()) {
      if (order.contains(item) && (total == 1
          || segmentOf(KeyValue.of(item.get(readKeys.hashName()), readKeys.hashType()), total) == segment)) {
        items.add(item);
      }
    }
    if (index != null) {
      items.sort(order);
    }
    if (start != null && !start.isNull()) {
      List<ObjectNode> after = new ArrayList<>();
      for (ObjectNode item : items) {
        if (order.compare(item, start) > 0) {
          after.add(item);
        }
      }
      items = after;
    }
    return page(request, table, index, order, items, filter, projection, select);
  }

  /** The segment of a partition: segments split the digest space into equal contiguous ranges. */
  private static int segmentOf(KeyValue hash, int total) {
    long prefix = ByteBuffer.wrap(hash.digest()).getInt() & 0xffffffffL;
    return (int) (prefix * total >>> 32);
  }

  /**
   * One page of a read (Query, Scan, a PartiQL SELECT): items read up to {@code Limit} or 1 MB,
   * filtered and projected, with {@code LastEvaluatedKey} when more may follow.
   */
  static JsonNode page(JsonNode request, Table table, IndexDefinition index, ItemOrder order, List<ObjectNode> items,
      Predicate<ObjectNode> filter, Expressions.Projection projection, String select) {
    int limit = request.path("Limit").asInt(Integer.MAX_VALUE);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    int scanned = 0;
    int count = 0;
    long bytes = 0;
    ObjectNode last = null;
    for (int i = 0; i < items.size(); i++) {
      ObjectNode item = items.get(i);
      long size = ItemSizes.of(item);
      if (scanned > 0 && bytes + size > PAGE_BYTES) {
        last = items.get(i - 1);
        break;
      }
      bytes += size;
      scanned++;
      ObjectNode visible = index != null && index.global() ? indexView(table, index, item) : item;
      if (filter == null || filter.test(visible)) {
        count++;
        if (!"COUNT".equals(select)) {
          results.add(shape(table, index, visible, projection, select));
        }
      }
      if (scanned >= limit) {
        last = item;
        break;
      }
    }
    if (!"COUNT".equals(select)) {
      out.set("Items", results);
    }
    out.put("Count", count);
    out.put("ScannedCount", scanned);
    if (last != null) {
      out.set("LastEvaluatedKey", order.lastEvaluatedKey(last));
    }
    boolean consistent = request.path("ConsistentRead").asBoolean(false);
    ObjectNode report = Capacity.report(request, table.name(), Capacity.readUnits(bytes, consistent), index);
    if (report != null) {
      out.set("ConsumedCapacity", report);
    }
    return out;
  }

  private static ObjectNode shape(Table table, IndexDefinition index, ObjectNode item,
      Expressions.Projection projection, String select) {
    if (projection != null) {
      return projection.apply(item);
    }
    if (index != null && "ALL_PROJECTED_ATTRIBUTES".equals(select)) {
      return indexView(table, index, item);
    }
    return item;
  }

  /** The attributes an index holds for an item. */
  static ObjectNode indexView(Table table, IndexDefinition index, ObjectNode item) {
    if ("ALL".equals(index.projectionType())) {
      return item;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    item.fields().forEachRemaining(field -> {
      if (index.projects(field.getKey(), table.keys())) {
        out.set(field.getKey(), field.getValue());
      }
    });
    return out;
  }

  private static void check(JsonNode request) {
    check(request, new Requests());
  }

  private static void check(JsonNode request, Requests checks) {
    checks.tableName(request, "TableName", "tableName")
        .oneOf(request, "Select", "select", SELECT, SELECT_ENUM)
        .oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", ItemOperations.CAPACITY,
            ItemOperations.CAPACITY_ENUM)
        .atLeast(request, "Limit", "limit", 1)
        .check();
  }

  private static IndexDefinition index(Table table, JsonNode request) {
    String name = Requests.text(request, "IndexName", null);
    if (name == null) {
      return null;
    }
    IndexDefinition index = table.definition().index(name);
    if (index == null) {
      throw Faults.validation("The table does not have the specified index: " + name);
    }
    if (index.global() && request.path("ConsistentRead").asBoolean(false)) {
      throw Faults.validation("Consistent reads are not supported on global secondary indexes");
    }
    return index;
  }

  /** The effective Select, checked against the projection and index as DynamoDB checks it. */
  private static String select(JsonNode request, IndexDefinition index, boolean query) {
    String prefix = query ? "1 validation error detected: " : "";
    boolean attributesToGet = Requests.has(request, "AttributesToGet");
    boolean projected = Requests.has(request, "ProjectionExpression") || attributesToGet;
    String select = Requests.text(request, "Select", null);
    if (select == null) {
      return projected ? "SPECIFIC_ATTRIBUTES" : index == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
    }
    switch (select) {
      case "ALL_PROJECTED_ATTRIBUTES":
        if (index == null) {
          throw Faults.validation(prefix + "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        break;
      case "ALL_ATTRIBUTES":
        if (index != null && index.global() && !"ALL".equals(index.projectionType())) {
          throw Faults.invalidParameter("Select type ALL_ATTRIBUTES is not supported for global secondary index "
              + index.name() + " because its projection type is not ALL");
        }
        break;
      case "SPECIFIC_ATTRIBUTES":
        if (!projected) {
          throw Faults.validation(prefix
              + "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        return select;
      default:
        break;
    }
    if (projected) {
      throw Faults.validation(prefix + "Cannot specify the " + (attributesToGet ? "AttributesToGet" : "ProjectionExpression")
          + " when choosing to get " + ("COUNT"
          .equals(select) ? "only the Count" : select));
    }
    return select;
  }
}
