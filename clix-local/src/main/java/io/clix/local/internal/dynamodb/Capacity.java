package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code ConsumedCapacity} DynamoDB reports when a request asks for it: a write costs one unit
 * per started KB of the larger of the old and new item, a strongly consistent read one unit per
 * started 4 KB read, an eventually consistent read half that.
 */
final class Capacity {

  private Capacity() {}

  static double writeUnits(long... sizes) {
    long max = 0;
    for (long size : sizes) {
      max = Math.max(max, size);
    }
    return Math.max(1, (max + 1023) / 1024);
  }

  static double readUnits(long bytes, boolean consistent) {
    double units = Math.max(1, (bytes + 4095) / 4096);
    return consistent ? units : units / 2;
  }

  /** The {@code ConsumedCapacity} member for a request, or {@code null} when it did not ask. */
  static ObjectNode report(JsonNode request, String tableName, double units) {
    String mode = Requests.text(request, "ReturnConsumedCapacity", "NONE");
    if ("NONE".equals(mode)) {
      return null;
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("TableName", tableName);
    node.put("CapacityUnits", units);
    if ("INDEXES".equals(mode)) {
      node.putObject("Table").put("CapacityUnits", units);
    }
    return node;
  }

  /** The report of a read through an index: with INDEXES it also names the index's share. */
  static ObjectNode report(JsonNode request, String tableName, double units, IndexDefinition index) {
    ObjectNode report = report(request, tableName, units);
    if (report != null && index != null && report.has("Table")) {
      report.putObject(index.global() ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes")
          .putObject(index.name()).put("CapacityUnits", units);
    }
    return report;
  }

  /** Adds the report to a response when the request asked for one. */
  static void addTo(ObjectNode response, JsonNode request, String tableName, double units) {
    ObjectNode report = report(request, tableName, units);
    if (report != null) {
      response.set("ConsumedCapacity", report);
    }
  }
}
