package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One secondary index of a table: global or local, its key schema, which attributes it projects,
 * and (global, provisioned) its throughput.
 */
final class IndexDefinition {

  private final String name;
  private final boolean global;
  private final KeySchema keys;
  private final String projectionType;
  private final List<String> nonKeyAttributes;
  private final JsonNode projection;
  private final long readCapacity;
  private final long writeCapacity;

  IndexDefinition(String name, boolean global, KeySchema keys, JsonNode projection, long readCapacity,
      long writeCapacity) {
    this.name = name;
    this.global = global;
    this.keys = keys;
    this.projection = projection;
    this.projectionType = projection.path("ProjectionType").asText("ALL");
    this.nonKeyAttributes = new java.util.ArrayList<>();
    projection.path("NonKeyAttributes").forEach(n -> nonKeyAttributes.add(n.asText()));
    this.readCapacity = readCapacity;
    this.writeCapacity = writeCapacity;
  }

  String name() {
    return name;
  }

  boolean global() {
    return global;
  }

  KeySchema keys() {
    return keys;
  }

  /** {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}. */
  String projectionType() {
    return projectionType;
  }

  List<String> nonKeyAttributes() {
    return nonKeyAttributes;
  }

  /** The {@code Projection} object as given at creation. */
  JsonNode projection() {
    return projection;
  }

  long readCapacity() {
    return readCapacity;
  }

  long writeCapacity() {
    return writeCapacity;
  }

  /** Whether the index holds the attribute for an item (keys of the table and index, and projected ones). */
  boolean projects(String attribute, KeySchema table) {
    return "ALL".equals(projectionType) || keys.isKeyAttribute(attribute) || table.isKeyAttribute(attribute)
        || ("INCLUDE".equals(projectionType) && nonKeyAttributes.contains(attribute));
  }
}
