package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.ServiceError;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The single-item operations PutItem, GetItem, UpdateItem and DeleteItem: request checks,
 * expressions, the conditional write under the item's lock, ReturnValues and
 * ReturnValuesOnConditionCheckFailure.
 */
final class ItemOperations {

  static final Set<String> CAPACITY = Set.of("INDEXES", "TOTAL", "NONE");
  static final String CAPACITY_ENUM = "[INDEXES, TOTAL, NONE]";
  private static final Set<String> RETURN_VALUES = Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
  private static final String RETURN_VALUES_ENUM = "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]";
  private static final Set<String> ON_FAILURE = Set.of("ALL_OLD", "NONE");
  private static final List<String> CONDITION = List.of("ConditionExpression");

  private final TableCatalog catalog;

  ItemOperations(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The request checks PutItem and DeleteItem share (the item or key member differs); returns their
   * ReturnValues, which can only be NONE or ALL_OLD.
   */
  private static String checkPutOrDelete(JsonNode original, String member, String wireName) {
    new Requests().tableName(original, "TableName", "tableName").required(original, member, wireName)
        .oneOf(original, "ReturnValues", "returnValues", RETURN_VALUES, RETURN_VALUES_ENUM)
        .oneOf(original, "ReturnConsumedCapacity", "returnConsumedCapacity", CAPACITY, CAPACITY_ENUM)
        .oneOf(original, "ReturnValuesOnConditionCheckFailure", "returnValuesOnConditionCheckFailure", ON_FAILURE,
            "[ALL_OLD, NONE]")
        .check();
    String returnValues = Requests.text(original, "ReturnValues", "NONE");
    if (!"NONE".equals(returnValues) && !"ALL_OLD".equals(returnValues)) {
      throw Faults.validation("ReturnValues can only be ALL_OLD or NONE");
    }
    Expressions.checkUsage(original, CONDITION, 1, List.of("Expected", "ConditionalOperator"));
    return returnValues;
  }

  JsonNode putItem(JsonNode original) {
    String returnValues = checkPutOrDelete(original, "Item", "item");
    JsonNode request = LegacyParameters.rewrite(original);
    Table table = catalog.require(request.get("TableName").asText());
    ObjectNode item = Items.itemToPut(table, request.get("Item"), true);
    ItemKey key = table.keys().keyOfItem(item);
    ItemWrite write = Expressions.counted(() -> prepare(table, request, key, ItemWrite.Kind.PUT, item, null));
    ItemWrite.Outcome outcome = run(write, request);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if ("ALL_OLD".equals(returnValues) && outcome.before != null) {
      out.set("Attributes", outcome.before);
    }
    Capacity.addTo(out, request, table.name(), Capacity.writeUnits(outcome.beforeSize, outcome.afterSize));
    return out;
  }

  JsonNode deleteItem(JsonNode original) {
    String returnValues = checkPutOrDelete(original, "Key", "key");
    JsonNode request = LegacyParameters.rewrite(original);
    Table table = catalog.require(request.get("TableName").asText());
    ItemWrite unkeyed = Expressions.counted(() -> prepare(table, request, null, ItemWrite.Kind.DELETE, null, null));
    ItemWrite write = unkeyed.withKey(table.keys().keyOfKey(request.get("Key")));
    ItemWrite.Outcome outcome = run(write, request);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if ("ALL_OLD".equals(returnValues) && outcome.before != null) {
      out.set("Attributes", outcome.before);
    }
    Capacity.addTo(out, request, table.name(), Capacity.writeUnits(outcome.beforeSize));
    return out;
  }

  JsonNode updateItem(JsonNode original) {
    new Requests().tableName(original, "TableName", "tableName").required(original, "Key", "key")
        .oneOf(original, "ReturnValues", "returnValues", RETURN_VALUES, RETURN_VALUES_ENUM)
        .oneOf(original, "ReturnConsumedCapacity", "returnConsumedCapacity", CAPACITY, CAPACITY_ENUM)
        .oneOf(original, "ReturnValuesOnConditionCheckFailure", "returnValuesOnConditionCheckFailure", ON_FAILURE,
            "[ALL_OLD, NONE]")
        .check();
    String returnValues = Requests.text(original, "ReturnValues", "NONE");
    Expressions.checkUsage(original, List.of("UpdateExpression", "ConditionExpression"), 2,
        List.of("AttributeUpdates", "Expected", "ConditionalOperator"));
    JsonNode request = LegacyParameters.rewrite(original);
    Table table = catalog.require(request.get("TableName").asText());
    ItemWrite unkeyed = Expressions.counted(() -> prepareUpdate(table, request, null));
    ItemWrite write = unkeyed.withKey(table.keys().keyOfKey(request.get("Key")));
    write.checkKeyUntouched();
    ItemWrite.Outcome outcome = run(write, request);
    Expressions.Update update = write.update();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode attributes = null;
    switch (returnValues) {
      case "ALL_OLD":
        attributes = outcome.before;
        break;
      case "ALL_NEW":
        attributes = outcome.after;
        break;
      case "UPDATED_OLD":
        attributes = update == null ? null : update.updatedPart(outcome.before);
        break;
      case "UPDATED_NEW":
        attributes = update == null ? null : update.updatedPart(outcome.after);
        break;
      default:
        break;
    }
    if (attributes != null && !attributes.isEmpty()) {
      out.set("Attributes", attributes);
    }
    Capacity.addTo(out, request, table.name(), Capacity.writeUnits(outcome.beforeSize, outcome.afterSize));
    return out;
  }

  JsonNode getItem(JsonNode original) {
    new Requests().tableName(original, "TableName", "tableName").required(original, "Key", "key")
        .oneOf(original, "ReturnConsumedCapacity", "returnConsumedCapacity", CAPACITY, CAPACITY_ENUM)
        .check();
    Expressions.checkUsage(original, List.of("ProjectionExpression"), 0, List.of("AttributesToGet"));
    JsonNode request = LegacyParameters.rewrite(original);
    Table table = catalog.require(request.get("TableName").asText());
    ItemKey key = table.keys().keyOfKey(request.get("Key"));
    Expressions expressions = Expressions.of(request);
    Expressions.Projection projection = expressions.projection(request);
    expressions.checkAllUsed();
    ObjectNode item = table.get(key);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (item != null) {
      out.set("Item", projection == null ? item : projection.apply(item));
    }
    boolean consistent = request.path("ConsistentRead").asBoolean(false);
    Capacity.addTo(out, request, table.name(), Capacity.readUnits(item == null ? 0 : ItemSizes.of(item), consistent));
    return out;
  }

  /** A put or delete with its optional condition, for the single-item operations and transactions. */
  static ItemWrite prepare(Table table, JsonNode request, ItemKey key, ItemWrite.Kind kind, ObjectNode item,
      Expressions.Update update) {
    Expressions expressions = Expressions.of(request);
    Predicate<ObjectNode> condition = expressions.condition(Requests.text(request, "ConditionExpression", null),
        "ConditionExpression");
    expressions.checkAllUsed();
    return new ItemWrite(table, key, kind, item, update, condition);
  }

  /** An update with its optional condition, for UpdateItem and transactions. */
  static ItemWrite prepareUpdate(Table table, JsonNode request, ItemKey key) {
    Expressions expressions = Expressions.of(request);
    Expressions.Update update = expressions.update(Requests.text(request, "UpdateExpression", null));
    Predicate<ObjectNode> condition = expressions.condition(Requests.text(request, "ConditionExpression", null),
        "ConditionExpression");
    expressions.checkAllUsed();
    return new ItemWrite(table, key, ItemWrite.Kind.UPDATE, null, update, condition);
  }

  /** Runs a write, answering ConditionalCheckFailedException (with the item when asked) if its condition fails. */
  static ItemWrite.Outcome run(ItemWrite write, JsonNode request) {
    try {
      return write.run();
    } catch (ItemWrite.ConditionFailed e) {
      throw conditionalCheckFailed(request, e.item);
    }
  }

  static ServiceError conditionalCheckFailed(JsonNode request, ObjectNode item) {
    ObjectNode body = ServiceError.body(Faults.DYNAMO + "ConditionalCheckFailedException", "message",
        "The conditional request failed");
    if (item != null && "ALL_OLD".equals(Requests.text(request, "ReturnValuesOnConditionCheckFailure", "NONE"))) {
      body.set("Item", item);
    }
    return new ServiceError(400, body);
  }
}
