package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table as CreateTable defines it: name, key schema, attribute definitions, billing mode and
 * throughput, secondary indexes. {@link #parse} makes the checks DynamoDB makes, with its wording.
 */
final class TableDefinition {

  private final String name;
  private final KeySchema keys;
  private final JsonNode attributeDefinitions;
  private final boolean payPerRequest;
  private final long readCapacity;
  private final long writeCapacity;
  private final List<IndexDefinition> indexes;
  private final JsonNode request;

  private TableDefinition(String name, KeySchema keys, JsonNode attributeDefinitions, boolean payPerRequest,
      long readCapacity, long writeCapacity, List<IndexDefinition> indexes, JsonNode request) {
    this.name = name;
    this.keys = keys;
    this.attributeDefinitions = attributeDefinitions;
    this.payPerRequest = payPerRequest;
    this.readCapacity = readCapacity;
    this.writeCapacity = writeCapacity;
    this.indexes = Collections.unmodifiableList(indexes);
    this.request = request;
  }

  /** The CreateTable request, for the settings the description echoes (SSE, table class, streams). */
  JsonNode request() {
    return request;
  }

  String name() {
    return name;
  }

  KeySchema keys() {
    return keys;
  }

  JsonNode attributeDefinitions() {
    return attributeDefinitions;
  }

  boolean payPerRequest() {
    return payPerRequest;
  }

  long readCapacity() {
    return readCapacity;
  }

  long writeCapacity() {
    return writeCapacity;
  }

  List<IndexDefinition> indexes() {
    return indexes;
  }

  /** The index of that name, or {@code null}. */
  IndexDefinition index(String indexName) {
    for (IndexDefinition index : indexes) {
      if (index.name().equals(indexName)) {
        return index;
      }
    }
    return null;
  }

  /** Checks a CreateTable request and returns the definition it asks for. */
  static TableDefinition parse(JsonNode request) {
    String name = Requests.tableName(request);
    JsonNode keySchema = request.get("KeySchema");
    JsonNode definitions = request.get("AttributeDefinitions");
    if (keySchema == null || keySchema.isNull()) {
      throw Requests.memberNull("keySchema");
    }
    if (definitions == null || definitions.isNull()) {
      throw Requests.memberNull("attributeDefinitions");
    }
    Map<String, Character> types = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode definition : definitions) {
      i++;
      String type = definition.path("AttributeType").asText("");
      if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
        throw Faults.validation("1 validation error detected: Value '" + type + "' at 'attributeDefinitions." + i
            + ".member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
      }
      String attribute = definition.path("AttributeName").asText();
      if (types.put(attribute, type.charAt(0)) != null) {
        throw Faults.invalidParameter("Duplicate AttributeName: " + attribute);
      }
    }
    Set<String> used = new LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    KeySchema keys = keySchema(keySchema, types, used, missing, "KeySchema");
    if (!missing.isEmpty() && types.size() < used.size()) {
      throw Faults.validation("Invalid KeySchema: Some index key attribute have no definition");
    }

    String billing = request.path("BillingMode").asText("PROVISIONED");
    boolean payPerRequest = "PAY_PER_REQUEST".equals(billing);
    JsonNode throughput = request.get("ProvisionedThroughput");
    long read = 0;
    long write = 0;
    if (payPerRequest) {
      if (throughput != null && !throughput.isNull()) {
        throw Faults.invalidParameter(
            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
    } else if (!"PROVISIONED".equals(billing)) {
      throw Faults.validation("1 validation error detected: Value '" + billing
          + "' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
    } else {
      if (throughput == null || throughput.isNull()) {
        throw Faults.invalidParameter(
            "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
      }
      read = capacity(throughput, "ReadCapacityUnits", "provisionedThroughput.readCapacityUnits");
      write = capacity(throughput, "WriteCapacityUnits", "provisionedThroughput.writeCapacityUnits");
    }

    List<IndexDefinition> indexes = new ArrayList<>();
    Set<String> indexNames = new LinkedHashSet<>();
    JsonNode lsis = request.get("LocalSecondaryIndexes");
    if (lsis != null && !lsis.isNull()) {
      if (lsis.isEmpty()) {
        throw Faults.invalidParameter("List of LocalSecondaryIndexes is empty");
      }
      if (!keys.hasRange()) {
        throw Faults.invalidParameter(
            "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
      }
      for (JsonNode lsi : lsis) {
        String indexName = lsi.path("IndexName").asText();
        KeySchema indexKeys = keySchema(lsi.get("KeySchema"), types, used, missing, "Index KeySchema");
        if (!indexKeys.hashName().equals(keys.hashName())) {
          throw Faults.invalidParameter("Index KeySchema does not have the same leading hash key as table KeySchema"
              + " for index: " + indexName + ". index hash key: " + indexKeys.hashName() + ", table hash key: "
              + keys.hashName());
        }
        if (!indexNames.add(indexName)) {
          throw Faults.invalidParameter("Duplicate index name: " + indexName);
        }
        indexes.add(new IndexDefinition(indexName, false, indexKeys, projection(lsi, memberPath("localSecondaryIndexes", lsis, lsi)), 0, 0));
      }
    }
    JsonNode gsis = request.get("GlobalSecondaryIndexes");
    if (gsis != null && !gsis.isNull()) {
      if (gsis.isEmpty()) {
        throw Faults.invalidParameter("List of GlobalSecondaryIndexes is empty");
      }
      for (JsonNode gsi : gsis) {
        String indexName = gsi.path("IndexName").asText();
        KeySchema indexKeys = keySchema(gsi.get("KeySchema"), types, used, missing, "Index KeySchema");
        if (!indexNames.add(indexName)) {
          throw Faults.invalidParameter("Duplicate index name: " + indexName);
        }
        JsonNode indexThroughput = gsi.get("ProvisionedThroughput");
        long indexRead = 0;
        long indexWrite = 0;
        if (payPerRequest) {
          if (indexThroughput != null && !indexThroughput.isNull()) {
            throw Faults.invalidParameter("ProvisionedThroughput should not be specified for index: " + indexName
                + " when BillingMode is PAY_PER_REQUEST");
          }
        } else {
          if (indexThroughput == null || indexThroughput.isNull()) {
            throw Faults.invalidParameter("ProvisionedThroughput must be specified for index: " + indexName);
          }
          indexRead = capacity(indexThroughput, "ReadCapacityUnits",
              "globalSecondaryIndexes.member.provisionedThroughput.readCapacityUnits");
          indexWrite = capacity(indexThroughput, "WriteCapacityUnits",
              "globalSecondaryIndexes.member.provisionedThroughput.writeCapacityUnits");
        }
        indexes.add(new IndexDefinition(indexName, true, indexKeys, projection(gsi, memberPath("globalSecondaryIndexes", gsis, gsi)), indexRead, indexWrite));
      }
    }
    List<String> defined = new ArrayList<>(types.keySet());
    Collections.sort(defined);
    if (!missing.isEmpty()) {
      throw Faults.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. Keys: "
          + missing + ", AttributeDefinitions: " + defined);
    }
    if (used.size() != types.size()) {
      if (indexes.isEmpty()) {
        throw Faults.invalidParameter("Number of attributes in KeySchema does not exactly match number of"
            + " attributes defined in AttributeDefinitions");
      }
      List<String> keysUsed = new ArrayList<>(used);
      Collections.sort(keysUsed);
      throw Faults.invalidParameter("Some AttributeDefinitions are not used. AttributeDefinitions: " + defined
          + ", keys used: " + keysUsed);
    }
    return new TableDefinition(name, keys, definitions.deepCopy(), payPerRequest, read, write, indexes,
        request.deepCopy());
  }

  /** The path DynamoDB's constraint messages give a list member: {@code globalSecondaryIndexes.2.member}. */
  private static String memberPath(String list, JsonNode members, JsonNode member) {
    int position = 1;
    for (JsonNode candidate : members) {
      if (candidate == member) {
        break;
      }
      position++;
    }
    return list + "." + position + ".member";
  }

  private static JsonNode projection(JsonNode index, String memberPath) {
    JsonNode projection = index.get("Projection");
    if (projection == null || projection.isNull()) {
      throw Faults.validation("1 validation error detected: Value null at '" + memberPath + ".projection' failed to"
          + " satisfy constraint: Member must not be null");
    }
    String type = projection.path("ProjectionType").asText("");
    boolean hasNonKey = projection.has("NonKeyAttributes");
    if ("INCLUDE".equals(type) && !hasNonKey) {
      throw Faults.invalidParameter("NonKeyAttributes must be specified when ProjectionType is INCLUDE");
    }
    if (!"INCLUDE".equals(type) && hasNonKey) {
      throw Faults.invalidParameter("ProjectionType is " + type
          + ", but NonKeyAttributes is specified");
    }
    return projection.deepCopy();
  }

  private static long capacity(JsonNode throughput, String field, String where) {
    JsonNode value = throughput.get(field);
    if (value == null || value.isNull()) {
      throw Faults.validation("1 validation error detected: Value null at '" + where
          + "' failed to satisfy constraint: Member must not be null");
    }
    if (value.asLong() < 1) {
      throw Faults.validation("1 validation error detected: Value '" + value.asLong() + "' at '" + where
          + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }
    return value.asLong();
  }

  private static KeySchema keySchema(JsonNode schema, Map<String, Character> types, Set<String> used,
      List<String> missing, String what) {
    if (schema == null || !schema.isArray() || schema.size() < 1 || schema.size() > 2) {
      throw Faults.validation("1 validation error detected: Value '" + schema
          + "' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2");
    }
    String hash = schema.get(0).path("AttributeName").asText();
    if (!"HASH".equals(schema.get(0).path("KeyType").asText())) {
      throw Faults.validation("Invalid " + what + ": The first KeySchemaElement is not a HASH key type");
    }
    String range = null;
    if (schema.size() == 2) {
      range = schema.get(1).path("AttributeName").asText();
      if (!"RANGE".equals(schema.get(1).path("KeyType").asText())) {
        throw Faults.validation("Invalid " + what + ": The second KeySchemaElement is not a RANGE key type");
      }
      if (range.equals(hash)) {
        throw Faults.invalidParameter("Both the Hash Key and the Range Key element in the KeySchema have the same name");
      }
    }
    for (String name : range == null ? List.of(hash) : List.of(hash, range)) {
      if (!types.containsKey(name) && !missing.contains(name)) {
        missing.add(name);
      }
      used.add(name);
    }
    return new KeySchema(hash, types.getOrDefault(hash, 'S'), range, range == null ? 0 : types.getOrDefault(range, 'S'));
  }
}
