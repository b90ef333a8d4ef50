package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * An UpdateTable request applied to the CreateTable request a table was made with: the merged
 * request describes the table after the update and is checked again as a whole by
 * {@link TableDefinition#parse}. Index changes take effect at once (indexes are computed from the
 * items, so there is nothing to backfill).
 */
final class TableUpdate {

  private final ObjectNode merged;
  private String sseStatus;

  TableUpdate(JsonNode current, JsonNode update) {
    this.merged = current.deepCopy();
    apply(update);
  }

  /** The CreateTable-shaped request of the updated table. */
  ObjectNode merged() {
    return merged;
  }

  /** The SSE status to report in the UpdateTable answer, or {@code null}. */
  String sseStatus() {
    return sseStatus;
  }

  private void apply(JsonNode update) {
    JsonNode definitions = update.get("AttributeDefinitions");
    if (definitions != null && definitions.isArray()) {
      ArrayNode mergedDefinitions = merged.withArray("AttributeDefinitions");
      for (JsonNode definition : definitions) {
        String name = definition.path("AttributeName").asText();
        removeNamed(mergedDefinitions, "AttributeName", name);
        mergedDefinitions.add(definition.deepCopy());
      }
    }
    if (update.has("BillingMode")) {
      merged.put("BillingMode", update.get("BillingMode").asText());
      if ("PAY_PER_REQUEST".equals(update.get("BillingMode").asText())) {
        merged.remove("ProvisionedThroughput");
        for (JsonNode gsi : merged.path("GlobalSecondaryIndexes")) {
          ((ObjectNode) gsi).remove("ProvisionedThroughput");
        }
      }
    }
    if (update.has("ProvisionedThroughput")) {
      merged.set("ProvisionedThroughput", update.get("ProvisionedThroughput").deepCopy());
      if (!"PAY_PER_REQUEST".equals(merged.path("BillingMode").asText("PROVISIONED"))) {
        for (JsonNode gsi : merged.path("GlobalSecondaryIndexes")) {
          if (!gsi.has("ProvisionedThroughput")) {
            ((ObjectNode) gsi).set("ProvisionedThroughput", update.get("ProvisionedThroughput").deepCopy());
          }
        }
      }
    }
    for (JsonNode change : update.path("GlobalSecondaryIndexUpdates")) {
      indexChange(change);
    }
    for (String setting : new String[] {"TableClass", "StreamSpecification"}) {
      if (update.has(setting)) {
        merged.set(setting, update.get(setting).deepCopy());
      }
    }
    JsonNode sse = update.get("SSESpecification");
    if (sse != null && !sse.isNull()) {
      boolean wasEnabled = merged.path("SSESpecification").path("Enabled").asBoolean(false);
      if (sse.path("Enabled").asBoolean(false)) {
        merged.set("SSESpecification", sse.deepCopy());
        sseStatus = wasEnabled ? "ENABLED" : "UPDATING";
      } else if (wasEnabled) {
        merged.remove("SSESpecification");
        sseStatus = "UPDATING";
      }
    }
    pruneDefinitions();
  }

  private void indexChange(JsonNode change) {
    ArrayNode gsis = merged.withArray("GlobalSecondaryIndexes");
    if (change.has("Create")) {
      JsonNode create = change.get("Create");
      String name = create.path("IndexName").asText();
      if (findNamed(gsis, name) != null || findNamed(merged.path("LocalSecondaryIndexes"), name) != null) {
        throw Faults.validation("One or more parameter values were invalid: Attempting to create an index which"
            + " already exists");
      }
      ObjectNode index = create.deepCopy();
      if (!"PAY_PER_REQUEST".equals(merged.path("BillingMode").asText("PROVISIONED"))
          && !index.has("ProvisionedThroughput") && merged.has("ProvisionedThroughput")) {
        index.set("ProvisionedThroughput", merged.get("ProvisionedThroughput").deepCopy());
      }
      gsis.add(index);
    } else if (change.has("Delete")) {
      String name = change.get("Delete").path("IndexName").asText();
      if (!removeNamed(gsis, "IndexName", name)) {
        throw Faults.resourceNotFound("Requested resource not found: Index: " + name + " not found");
      }
    } else if (change.has("Update")) {
      JsonNode indexUpdate = change.get("Update");
      JsonNode index = findNamed(gsis, indexUpdate.path("IndexName").asText());
      if (index == null) {
        throw Faults.resourceNotFound("Requested resource not found: Index: " + indexUpdate.path("IndexName").asText()
            + " not found");
      }
      if (indexUpdate.has("ProvisionedThroughput")) {
        ((ObjectNode) index).set("ProvisionedThroughput", indexUpdate.get("ProvisionedThroughput").deepCopy());
      }
    }
    if (gsis.isEmpty()) {
      merged.remove("GlobalSecondaryIndexes");
    }
  }

  /** Drops attribute definitions no key schema uses any more (after an index is deleted). */
  private void pruneDefinitions() {
    Set<String> used = new HashSet<>();
    collectKeys(merged.path("KeySchema"), used);
    for (String list : new String[] {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
      for (JsonNode index : merged.path(list)) {
        collectKeys(index.path("KeySchema"), used);
      }
    }
    Iterator<JsonNode> definitions = merged.withArray("AttributeDefinitions").elements();
    while (definitions.hasNext()) {
      if (!used.contains(definitions.next().path("AttributeName").asText())) {
        definitions.remove();
      }
    }
  }

  private static void collectKeys(JsonNode schema, Set<String> used) {
    for (JsonNode element : schema) {
      used.add(element.path("AttributeName").asText());
    }
  }

  private static JsonNode findNamed(JsonNode list, String name) {
    for (JsonNode element : list) {
      if (element.path("IndexName").asText().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static boolean removeNamed(ArrayNode list, String field, String name) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).path(field).asText().equals(name)) {
        list.remove(i);
        return true;
      }
    }
    return false;
  }
}
