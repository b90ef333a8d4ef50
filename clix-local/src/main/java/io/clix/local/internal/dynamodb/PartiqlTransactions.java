package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.dynamodb.partiql.Statement;
import io.clix.local.internal.http.ServiceError;
import java.util.ArrayList;
import java.util.List;

/**
 * ExecuteTransaction run by the item API's transactions: write statements become one
 * TransactWriteItems request (all or nothing, CancellationReasons per statement, an INSERT whose key
 * is in use cancelled as DuplicateItem), read statements one TransactGetItems request.
 */
final class PartiqlTransactions {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PartiqlTransactions() {}

  static JsonNode write(TableCatalog catalog, TransactionOperations transactions, List<Statement> statements,
      List<List<JsonNode>> parameters, JsonNode members, JsonNode original) {
    ObjectNode request = JSON.objectNode();
    ArrayNode actions = request.putArray("TransactItems");
    List<Boolean> inserts = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      Statement statement = statements.get(i);
      Table table = catalog.require(statement.table());
      PartiqlWrites.Translated write = PartiqlWrites.translate(statement, table, parameters.get(i));
      ObjectNode body = write.request();
      JsonNode onFailure = members.get(i).get("ReturnValuesOnConditionCheckFailure");
      if (onFailure != null && !onFailure.isNull()) {
        body.set("ReturnValuesOnConditionCheckFailure", onFailure);
      }
      actions.addObject().set(write.action(), body);
      inserts.add(write.insert());
    }
    for (String member : List.of("ClientRequestToken", "ReturnConsumedCapacity")) {
      if (Requests.has(original, member)) {
        request.set(member, original.get(member));
      }
    }
    JsonNode answer;
    try {
      answer = transactions.transactWriteItems(request);
    } catch (ServiceError e) {
      if (!"TransactionCanceledException".equals(e.code())) {
        throw e;
      }
      throw duplicatesNamed(e, inserts);
    }
    ObjectNode out = JSON.objectNode();
    out.putArray("Responses");
    if (answer.has("ConsumedCapacity")) {
      out.set("ConsumedCapacity", answer.get("ConsumedCapacity"));
    }
    return out;
  }

  static JsonNode read(PartiqlReads reads, TransactionOperations transactions, List<Statement> statements,
      List<List<JsonNode>> parameters, JsonNode original) {
    ObjectNode request = JSON.objectNode();
    ArrayNode actions = request.putArray("TransactItems");
    List<PartiqlReads.KeyedRead> keyed = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      PartiqlReads.KeyedRead read = reads.keyedRead((Statement.Select) statements.get(i), parameters.get(i));
      keyed.add(read);
      actions.addObject().putObject("Get").put("TableName", read.table().name()).set("Key", read.key());
    }
    if (Requests.has(original, "ReturnConsumedCapacity")) {
      request.set("ReturnConsumedCapacity", original.get("ReturnConsumedCapacity"));
    }
    JsonNode answer = transactions.transactGetItems(request);
    ObjectNode out = JSON.objectNode();
    ArrayNode responses = out.putArray("Responses");
    for (int i = 0; i < keyed.size(); i++) {
      JsonNode item = answer.get("Responses").get(i).get("Item");
      ObjectNode shaped = keyed.get(i).shape(item == null ? null : (ObjectNode) item);
      ObjectNode response = responses.addObject();
      if (shaped != null) {
        response.set("Item", shaped);
      }
    }
    if (answer.has("ConsumedCapacity")) {
      out.set("ConsumedCapacity", answer.get("ConsumedCapacity"));
    }
    return out;
  }

  /** The cancellation with an INSERT's failed condition reported as DuplicateItem. */
  private static ServiceError duplicatesNamed(ServiceError cancelled, List<Boolean> inserts) {
    ObjectNode body = cancelled.body().deepCopy();
    JsonNode reasons = body.get("CancellationReasons");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < reasons.size(); i++) {
      ObjectNode reason = (ObjectNode) reasons.get(i);
      if (inserts.get(i) && "ConditionalCheckFailed".equals(reason.path("Code").asText())) {
        reason.put("Code", "DuplicateItem").put("Message", "Duplicate primary key exists in table");
        reason.remove("Item");
      }
      codes.add(reason.path("Code").asText());
    }
    body.put("Message", "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes);
    return new ServiceError(cancelled.status(), body);
  }
}
