package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.dynamodb.partiql.ExpressionWriter;
import io.clix.local.internal.dynamodb.partiql.Node;
import io.clix.local.internal.dynamodb.partiql.PartiqlParser;
import io.clix.local.internal.dynamodb.partiql.Statement;
import io.clix.local.internal.http.ServiceError;
import java.util.List;

/**
 * PartiQL INSERT, UPDATE, DELETE (and EXISTS in transactions) translated into the endpoint's own
 * PutItem, UpdateItem, DeleteItem (and ConditionCheck) requests, so conditions, updates, capacity,
 * streams and transactions run through the same code as the item API:
 *
 * <ul>
 *   <li>INSERT is a put on the condition that no item has the key; a key in use answers
 *       DuplicateItemException;
 *   <li>UPDATE needs the item to exist, and the WHERE terms beside the key become its condition;
 *   <li>DELETE of a missing item succeeds; its extra WHERE terms must hold for an item that exists.
 * </ul>
 */
final class PartiqlWrites {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** A write statement as an item-API request: {@code action} is Put, Update, Delete or ConditionCheck. */
  record Translated(String action, ObjectNode request, boolean insert, String table) {}

  private PartiqlWrites() {}

  /** Translates a write statement for {@code table} (already looked up). */
  static Translated translate(Statement statement, Table table, List<JsonNode> parameters) {
    ExpressionWriter writer = new ExpressionWriter(parameters);
    ObjectNode request = JSON.objectNode();
    request.put("TableName", table.name());
    String mustExist = "attribute_exists";
    Translated out;
    if (statement instanceof Statement.Insert insert) {
      ObjectNode value = writer.value(insert.item());
      if (!value.has("M")) {
        throw PartiqlParser.malformed("Expected a tuple in VALUE");
      }
      request.set("Item", value.get("M"));
      request.put("ConditionExpression", "attribute_not_exists(" + hashName(writer, table) + ")");
      out = new Translated("Put", request, true, table.name());
    } else if (statement instanceof Statement.Update update) {
      PartiqlKeys.Keyed keyed = PartiqlKeys.require(table.keys(), update.where(), writer);
      request.set("Key", keyed.key());
      request.put("UpdateExpression", writer.update(update.actions()));
      request.put("ConditionExpression", both(mustExist + "(" + hashName(writer, table) + ")", keyed.rest(), writer));
      if (update.returning() != null) {
        request.put("ReturnValues", update.returning());
      }
      out = new Translated("Update", request, false, table.name());
    } else if (statement instanceof Statement.Delete delete) {
      PartiqlKeys.Keyed keyed = PartiqlKeys.require(table.keys(), delete.where(), writer);
      request.set("Key", keyed.key());
      if (keyed.rest() != null) {
        request.put("ConditionExpression", "attribute_not_exists(" + hashName(writer, table) + ") OR ("
            + writer.condition(keyed.rest()) + ")");
      }
      if (delete.returning() != null) {
        request.put("ReturnValues", delete.returning());
      }
      out = new Translated("Delete", request, false, table.name());
    } else if (statement instanceof Statement.Exists exists) {
      Statement.Select select = exists.select();
      PartiqlKeys.Keyed keyed = PartiqlKeys.require(table.keys(), select.where(), writer);
      request.set("Key", keyed.key());
      request.put("ConditionExpression", both(mustExist + "(" + hashName(writer, table) + ")", keyed.rest(), writer));
      out = new Translated("ConditionCheck", request, false, table.name());
    } else {
      throw Faults.validation("Unsupported operation: a read in place of a write");
    }
    writer.addTo(request);
    return out;
  }

  /** Runs one write statement through the item API; answers ExecuteStatement's response. */
  static ObjectNode execute(ItemOperations items, Translated write, JsonNode original) {
    ObjectNode request = write.request().deepCopy();
    for (String member : List.of("ReturnConsumedCapacity", "ReturnValuesOnConditionCheckFailure")) {
      if (Requests.has(original, member)) {
        request.set(member, original.get(member));
      }
    }
    JsonNode answer;
    try {
      switch (write.action()) {
        case "Put":
          answer = items.putItem(request);
          break;
        case "Update":
          answer = items.updateItem(request);
          break;
        case "Delete":
          answer = items.deleteItem(request);
          break;
        default:
          throw Faults.validation("Unsupported operation: EXISTS outside a transaction");
      }
    } catch (ServiceError e) {
      if (write.insert() && "ConditionalCheckFailedException".equals(e.code())) {
        throw duplicateItem();
      }
      throw e;
    }
    ObjectNode out = JSON.objectNode();
    var results = out.putArray("Items");
    if (answer.has("Attributes")) {
      results.add(answer.get("Attributes"));
    }
    if (answer.has("ConsumedCapacity")) {
      out.set("ConsumedCapacity", answer.get("ConsumedCapacity"));
    }
    return out;
  }

  static ServiceError duplicateItem() {
    return new ServiceError(400, Faults.DYNAMO + "DuplicateItemException", "Duplicate primary key exists in table");
  }

  private static String both(String first, Node rest, ExpressionWriter writer) {
    return rest == null ? first : first + " AND (" + writer.condition(rest) + ")";
  }

  private static String hashName(ExpressionWriter writer, Table table) {
    return writer.name(table.keys().hashName());
  }
}
