package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table-level operations: CreateTable, DescribeTable, DeleteTable, ListTables, UpdateTable
 * (billing and throughput), UpdateTimeToLive, DescribeTimeToLive, and tags. Tables are ACTIVE at
 * once; CreateTable and DeleteTable answer CREATING and DELETING as DynamoDB does.
 */
final class TableOperations {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final TableCatalog catalog;
  private final Clock clock;
  private final Map<String, ArrayNode> tags = new ConcurrentHashMap<>();

  TableOperations(TableCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  JsonNode createTable(JsonNode request) {
    TableDefinition definition = TableDefinition.parse(request);
    String viewType = StreamSettings.requested(request.get("StreamSpecification"));
    Table table = new Table(definition, catalog.arnOf(definition.name()), UUID.randomUUID().toString(),
        clock.instant(), clock);
    table.deletionProtection(request.path("DeletionProtectionEnabled").asBoolean(false));
    catalog.add(table);
    if (viewType != null) {
      StreamSettings.enable(catalog, table, viewType, clock);
    }
    if (request.has("Tags") && request.get("Tags").isArray()) {
      tags.put(table.arn(), (ArrayNode) request.get("Tags").deepCopy());
    }
    ObjectNode out = JSON.objectNode();
    out.set("TableDescription", describe(table, "CREATING"));
    return out;
  }

  JsonNode describeTable(JsonNode request) {
    String name = Requests.tableName(request);
    Table table = catalog.find(name);
    if (table == null) {
      throw Faults.resourceNotFound("Requested resource not found: Table: " + name + " not found");
    }
    if (table.ttlAttribute() != null) {
      table.all();
    }
    ObjectNode out = JSON.objectNode();
    out.set("Table", describe(table, "ACTIVE"));
    return out;
  }

  JsonNode deleteTable(JsonNode request) {
    String name = Requests.tableName(request);
    Table table = catalog.find(name);
    if (table != null && table.deletionProtection()) {
      throw Faults.validation("Resource cannot be deleted as it is currently protected against deletion. Disable"
          + " deletion protection first.");
    }
    if (table == null || catalog.remove(table.name()) == null) {
      throw Faults.resourceNotFound("Requested resource not found: Table: " + name + " not found");
    }
    tags.remove(table.arn());
    ObjectNode out = JSON.objectNode();
    out.set("TableDescription", describe(table, "DELETING"));
    if (table.stream() != null) {
      table.stream().disable();
    }
    return out;
  }

  JsonNode listTables(JsonNode request) {
    new Requests().atLeast(request, "Limit", "limit", 1).check();
    int limit = request.path("Limit").asInt(100);
    if (limit > 100) {
      throw Faults.validation("1 validation error detected: Value '" + limit
          + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    }
    List<String> names = catalog.names(Requests.text(request, "ExclusiveStartTableName", null));
    ObjectNode out = JSON.objectNode();
    ArrayNode list = out.putArray("TableNames");
    names.stream().limit(limit).forEach(list::add);
    if (names.size() > limit) {
      out.put("LastEvaluatedTableName", names.get(limit - 1));
    }
    return out;
  }

  JsonNode updateTable(JsonNode request) {
    Table table = requireDescribed(request);
    String sseStatus;
    JsonNode previousSse = describe(table, "ACTIVE").get("SSEDescription");
    synchronized (table) {
      if (request.has("DeletionProtectionEnabled")) {
        table.deletionProtection(request.get("DeletionProtectionEnabled").asBoolean());
      }
      String viewType = StreamSettings.updated(table, request.get("StreamSpecification"));
      TableUpdate update = new TableUpdate(table.definition().request(), request);
      table.definition(TableDefinition.parse(update.merged()));
      sseStatus = update.sseStatus();
      if (viewType != null) {
        StreamSettings.enable(catalog, table, viewType, clock);
      } else if (request.has("StreamSpecification")) {
        table.stream().disable();
      }
    }
    ObjectNode out = JSON.objectNode();
    ObjectNode description = describe(table, "ACTIVE");
    if (sseStatus != null && !description.has("SSEDescription") && previousSse != null) {
      description.set("SSEDescription", previousSse);
    }
    if (sseStatus != null && description.has("SSEDescription")) {
      ((ObjectNode) description.get("SSEDescription")).put("Status", sseStatus);
    }
    out.set("TableDescription", description);
    return out;
  }

  JsonNode updateTimeToLive(JsonNode request) {
    new Requests().tableName(request, "TableName", "tableName")
        .required(request, "TimeToLiveSpecification", "timeToLiveSpecification").check();
    JsonNode spec = request.get("TimeToLiveSpecification");
    new Requests().required(spec, "AttributeName", "timeToLiveSpecification.attributeName")
        .required(spec, "Enabled", "timeToLiveSpecification.enabled").check();
    Table table = catalog.require(request.get("TableName").asText());
    boolean enable = spec.get("Enabled").asBoolean();
    String attribute = spec.get("AttributeName").asText();
    synchronized (table) {
      if (enable && table.ttlAttribute() != null) {
        throw Faults.validation("TimeToLive is already enabled");
      }
      if (!enable && table.ttlAttribute() == null) {
        throw Faults.validation("TimeToLive is already disabled");
      }
      table.ttlAttribute(enable ? attribute : null);
    }
    ObjectNode out = JSON.objectNode();
    out.putObject("TimeToLiveSpecification").put("Enabled", enable).put("AttributeName", attribute);
    return out;
  }

  JsonNode describeTimeToLive(JsonNode request) {
    Table table = catalog.find(Requests.tableName(request));
    if (table == null) {
      throw Faults.resourceNotFound("Requested resource not found: Table: " + request.get("TableName").asText()
          + " not found");
    }
    ObjectNode out = JSON.objectNode();
    ObjectNode description = out.putObject("TimeToLiveDescription");
    String attribute = table.ttlAttribute();
    if (attribute == null) {
      description.put("TimeToLiveStatus", "DISABLED");
    } else {
      description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", attribute);
    }
    return out;
  }

  JsonNode tagResource(JsonNode request) {
    Table table = requireArn(request);
    ArrayNode list = tags.computeIfAbsent(table.arn(), k -> JSON.arrayNode());
    synchronized (list) {
      for (JsonNode tag : request.path("Tags")) {
        for (int i = list.size() - 1; i >= 0; i--) {
          if (list.get(i).path("Key").equals(tag.path("Key"))) {
            list.remove(i);
          }
        }
        list.add(tag.deepCopy());
      }
    }
    return JSON.objectNode();
  }

  JsonNode untagResource(JsonNode request) {
    Table table = requireArn(request);
    ArrayNode list = tags.get(table.arn());
    if (list != null) {
      synchronized (list) {
        for (JsonNode key : request.path("TagKeys")) {
          for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).path("Key").asText().equals(key.asText())) {
              list.remove(i);
            }
          }
        }
      }
    }
    return JSON.objectNode();
  }

  JsonNode listTagsOfResource(JsonNode request) {
    Table table = requireArn(request);
    ObjectNode out = JSON.objectNode();
    ArrayNode list = tags.get(table.arn());
    out.set("Tags", list == null ? JSON.arrayNode() : list.deepCopy());
    return out;
  }

  private Table requireArn(JsonNode request) {
    new Requests().required(request, "ResourceArn", "resourceArn").check();
    Table table = catalog.find(request.get("ResourceArn").asText());
    if (table == null) {
      throw Faults.resourceNotFound("Requested resource not found: ResourcArn: " + request.get("ResourceArn").asText()
          + " not found");
    }
    return table;
  }

  private Table requireDescribed(JsonNode request) {
    String name = Requests.tableName(request);
    Table table = catalog.find(name);
    if (table == null) {
      throw Faults.resourceNotFound("Requested resource not found: Table: " + name + " not found");
    }
    return table;
  }

  /** The {@code TableDescription} DynamoDB shows for a table in the given status. */
  static ObjectNode describe(Table table, String status) {
    TableDefinition definition = table.definition();
    ObjectNode out = JSON.objectNode();
    out.set("AttributeDefinitions", definition.attributeDefinitions().deepCopy());
    out.put("TableName", table.name());
    out.set("KeySchema", definition.keys().toJson());
    out.put("TableStatus", status);
    out.put("CreationDateTime", seconds(table.created()));
    out.set("ProvisionedThroughput", throughput(definition.readCapacity(), definition.writeCapacity()));
    out.put("TableSizeBytes", table.sizeBytes());
    out.put("ItemCount", table.itemCount());
    out.put("TableArn", table.arn());
    out.put("TableId", table.id());
    if (definition.payPerRequest()) {
      out.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
          .put("LastUpdateToPayPerRequestDateTime", seconds(table.created()));
    }
    ArrayNode locals = JSON.arrayNode();
    ArrayNode globals = JSON.arrayNode();
    for (IndexDefinition index : definition.indexes()) {
      ObjectNode node = JSON.objectNode();
      node.put("IndexName", index.name());
      node.set("KeySchema", index.keys().toJson());
      node.set("Projection", index.projection().deepCopy());
      if (index.global()) {
        node.put("IndexStatus", "CREATING".equals(status) ? "CREATING" : "ACTIVE");
        node.set("ProvisionedThroughput", throughput(index.readCapacity(), index.writeCapacity()));
      }
      node.put("IndexSizeBytes", 0);
      node.put("ItemCount", 0);
      node.put("IndexArn", table.arn() + "/index/" + index.name());
      if (index.global()) {
        node.set("WarmThroughput", warm(definition.payPerRequest(), index.readCapacity(), index.writeCapacity()));
        globals.add(node);
      } else {
        locals.add(node);
      }
    }
    if (!locals.isEmpty()) {
      out.set("LocalSecondaryIndexes", locals);
    }
    if (!globals.isEmpty()) {
      out.set("GlobalSecondaryIndexes", globals);
    }
    JsonNode created = definition.request();
    JsonNode sse = created.path("SSESpecification");
    if (sse.path("Enabled").asBoolean(false)) {
      String region = table.arn().split(":")[3];
      String account = table.arn().split(":")[4];
      out.putObject("SSEDescription").put("Status", "ENABLED").put("SSEType", "KMS")
          .put("KMSMasterKeyArn", sse.has("KMSMasterKeyId") && sse.get("KMSMasterKeyId").asText().startsWith("arn:")
              ? sse.get("KMSMasterKeyId").asText()
              : "arn:aws:kms:" + region + ":" + account + ":key/" + UUID.nameUUIDFromBytes(table.arn().getBytes(
                  java.nio.charset.StandardCharsets.UTF_8)));
    }
    if (created.has("TableClass")) {
      out.putObject("TableClassSummary").put("TableClass", created.get("TableClass").asText());
    }
    StreamSettings.describe(table.stream(), out);
    out.put("DeletionProtectionEnabled", table.deletionProtection());
    ObjectNode warm = warm(definition.payPerRequest(), definition.readCapacity(), definition.writeCapacity());
    JsonNode requested = created.path("WarmThroughput");
    if (requested.isObject()) {
      // Warm throughput asked for at creation: the larger of it and the baseline, being applied while CREATING.
      for (String field : List.of("ReadUnitsPerSecond", "WriteUnitsPerSecond")) {
        if (requested.path(field).canConvertToLong()) {
          warm.put(field, Math.max(warm.path(field).asLong(), requested.path(field).asLong()));
        }
      }
      warm.put("Status", "CREATING".equals(status) ? "UPDATING" : "ACTIVE");
    }
    out.set("WarmThroughput", warm);
    return out;
  }

  private static ObjectNode warm(boolean payPerRequest, long read, long write) {
    ObjectNode node = JSON.objectNode();
    node.put("ReadUnitsPerSecond", payPerRequest ? 12000 : read);
    node.put("WriteUnitsPerSecond", payPerRequest ? 4000 : write);
    node.put("Status", "ACTIVE");
    return node;
  }

  private static ObjectNode throughput(long read, long write) {
    ObjectNode node = JSON.objectNode();
    node.put("NumberOfDecreasesToday", 0);
    node.put("ReadCapacityUnits", read);
    node.put("WriteCapacityUnits", write);
    return node;
  }

  private static double seconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }
}
