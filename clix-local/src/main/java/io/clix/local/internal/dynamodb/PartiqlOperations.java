package io.clix.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.dynamodb.partiql.PartiqlParser;
import io.clix.local.internal.dynamodb.partiql.Statement;
import io.clix.local.internal.http.ServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: PartiQL statements parsed by the
 * {@code partiql} package and run as the item API's own operations. A batch runs each statement on
 * its own and reports a failed one in its {@code Responses[].Error}; a transaction becomes a
 * TransactWriteItems (or, for reads, TransactGetItems) call, all or nothing.
 */
final class PartiqlOperations {

  static final int MAX_BATCH = 25;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> ON_FAILURE = Set.of("ALL_OLD", "NONE");

  private final TableCatalog catalog;
  private final ItemOperations items;
  private final TransactionOperations transactions;
  private final PartiqlReads reads;

  PartiqlOperations(TableCatalog catalog, ItemOperations items, TransactionOperations transactions) {
    this.catalog = catalog;
    this.items = items;
    this.transactions = transactions;
    this.reads = new PartiqlReads(catalog);
  }

  JsonNode executeStatement(JsonNode request) {
    Requests checks = new Requests();
    statementChecks(checks, request, "");
    checks.atLeast(request, "Limit", "limit", 1)
        .oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", ItemOperations.CAPACITY,
            ItemOperations.CAPACITY_ENUM)
        .check();
    String text = request.get("Statement").asText();
    Statement statement = PartiqlParser.parse(text);
    List<JsonNode> parameters = parameters(request, statement);
    if (statement instanceof Statement.Select select) {
      return reads.select(select, parameters, request, text);
    }
    if (statement instanceof Statement.Exists) {
      throw Faults.validation("Unsupported operation: EXISTS is only supported in ExecuteTransaction");
    }
    Table table = catalog.require(statement.table());
    return PartiqlWrites.execute(items, PartiqlWrites.translate(statement, table, parameters), request);
  }

  JsonNode batchExecuteStatement(JsonNode request) {
    Requests checks = new Requests().required(request, "Statements", "statements")
        .oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", ItemOperations.CAPACITY,
            ItemOperations.CAPACITY_ENUM);
    JsonNode statements = request.path("Statements");
    if (statements.isArray() && (statements.isEmpty() || statements.size() > MAX_BATCH)) {
      checks.add("Value '" + statements + "' at 'statements' failed to satisfy constraint: Member must have length "
          + (statements.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + MAX_BATCH));
    }
    for (int i = 0; i < statements.size(); i++) {
      statementChecks(checks, statements.get(i), "statements." + (i + 1) + ".member.");
    }
    checks.check();
    List<Statement> parsed = new ArrayList<>();
    List<ServiceError> failures = new ArrayList<>();
    Boolean reading = null;
    for (JsonNode member : statements) {
      try {
        Statement statement = PartiqlParser.parse(member.get("Statement").asText());
        parsed.add(statement);
        failures.add(null);
        if (reading != null && reading != statement.isRead()) {
          throw Faults.validation("Mixed read and write statements are not supported in a BatchExecuteStatement");
        }
        reading = statement.isRead();
      } catch (ServiceError e) {
        if (e.getMessage().contains("Mixed read and write")) {
          throw e;
        }
        parsed.add(null);
        failures.add(e);
      }
    }
    ObjectNode out = JSON.objectNode();
    ArrayNode responses = out.putArray("Responses");
    for (int i = 0; i < parsed.size(); i++) {
      ObjectNode response = responses.addObject();
      Statement statement = parsed.get(i);
      try {
        if (failures.get(i) != null) {
          throw failures.get(i);
        }
        response.put("TableName", statement.table());
        List<JsonNode> parameters = parameters(statements.get(i), statement);
        if (statement instanceof Statement.Select select) {
          ObjectNode item = reads.selectByKey(select, parameters);
          if (item != null) {
            response.set("Item", item);
          }
        } else {
          Table table = catalog.require(statement.table());
          PartiqlWrites.execute(items, PartiqlWrites.translate(statement, table, parameters), statements.get(i));
        }
      } catch (ServiceError e) {
        response.set("Error", batchError(e));
      }
    }
    return out;
  }

  JsonNode executeTransaction(JsonNode request) {
    Requests checks = new Requests().required(request, "TransactStatements", "transactStatements")
        .oneOf(request, "ReturnConsumedCapacity", "returnConsumedCapacity", ItemOperations.CAPACITY,
            ItemOperations.CAPACITY_ENUM);
    JsonNode statements = request.path("TransactStatements");
    if (statements.isArray() && (statements.isEmpty() || statements.size() > TransactionOperations.MAX_ACTIONS)) {
      checks.add("Value '" + statements + "' at 'transactStatements' failed to satisfy constraint: Member must have"
          + " length " + (statements.isEmpty() ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    for (int i = 0; i < statements.size(); i++) {
      statementChecks(checks, statements.get(i), "transactStatements." + (i + 1) + ".member.");
      checks.oneOf(statements.get(i), "ReturnValuesOnConditionCheckFailure", "transactStatements." + (i + 1)
          + ".member.returnValuesOnConditionCheckFailure", ON_FAILURE, "[ALL_OLD, NONE]");
    }
    checks.check();
    List<Statement> parsed = new ArrayList<>();
    List<List<JsonNode>> parameters = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      try {
        Statement statement = PartiqlParser.parse(statements.get(i).get("Statement").asText());
        parsed.add(statement);
        parameters.add(parameters(statements.get(i), statement));
      } catch (ServiceError e) {
        throw Faults.validation("Validation failed in TransactStatements[" + i + "]: "
            + e.body().path("message").asText());
      }
    }
    boolean reading = parsed.get(0).isRead();
    for (Statement statement : parsed) {
      if (statement.isRead() != reading) {
        throw Faults.validation("ExecuteTransaction API does not support both read and write operations in the"
            + " same request.");
      }
      if ((statement instanceof Statement.Update u && u.returning() != null)
          || (statement instanceof Statement.Delete d && d.returning() != null)) {
        throw Faults.validation("Unsupported operation: RETURNING is not supported in ExecuteTransaction");
      }
    }
    return reading ? PartiqlTransactions.read(reads, transactions, parsed, parameters, request)
        : PartiqlTransactions.write(catalog, transactions, parsed, parameters, statements, request);
  }

  private static void statementChecks(Requests checks, JsonNode member, String prefix) {
    checks.required(member, "Statement", prefix + "statement");
    String text = Requests.text(member, "Statement", null);
    if (text != null && (text.isEmpty() || text.length() > 8192)) {
      checks.add("Value '" + text + "' at '" + prefix + "statement' failed to satisfy constraint: Member must have"
          + " length " + (text.isEmpty() ? "greater than or equal to 1" : "less than or equal to 8192"));
    }
    JsonNode parameters = member.get("Parameters");
    if (parameters != null && parameters.isArray() && parameters.isEmpty()) {
      checks.add("Value '[]' at '" + prefix + "parameters' failed to satisfy constraint: Member must have length"
          + " greater than or equal to 1");
    }
    checks.oneOf(member, "ReturnValuesOnConditionCheckFailure", prefix.isEmpty()
        ? "returnValuesOnConditionCheckFailure" : prefix + "returnValuesOnConditionCheckFailure", ON_FAILURE,
        "[ALL_OLD, NONE]");
  }

  /** The parameters of a statement, refused when fewer than its {@code ?}. */
  static List<JsonNode> parameters(JsonNode member, Statement statement) {
    List<JsonNode> out = new ArrayList<>();
    member.path("Parameters").forEach(out::add);
    if (out.size() < statement.parameterCount()) {
      throw Faults.validation("Number of parameters in request and statement don't match.");
    }
    return out;
  }

  /** A statement's error in a BatchExecuteStatement response: its code without "Exception", and its message. */
  private static ObjectNode batchError(ServiceError e) {
    String code = e.code();
    if ("ValidationException".equals(code)) {
      code = "ValidationError";
    } else if (code.endsWith("Exception")) {
      code = code.substring(0, code.length() - "Exception".length());
    }
    ObjectNode error = JSON.objectNode();
    error.put("Code", code);
    error.put("Message", e.body().has("message") ? e.body().get("message").asText()
        : e.body().path("Message").asText());
    if (e.body().has("Item")) {
      error.set("Item", e.body().get("Item"));
    }
    return error;
  }
}
