package io.clix.local.internal.dynamodb.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.clix.local.internal.dynamodb.LocalDynamo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * BatchExecuteStatement (each statement on its own, errors in {@code Responses[].Error}) and
 * ExecuteTransaction (all or nothing, {@code CancellationReasons} per statement) through the real
 * client, held to DynamoDB's documentation.
 */
class PartiqlBatchAndTransactionTest {

  private static final LocalDynamo LOCAL = new LocalDynamo();
  private static final DynamoDbClient dynamo = LOCAL.client;

  @AfterAll
  static void stop() {
    LOCAL.close();
  }

  @BeforeEach
  void tables() {
    PartiqlTables.reset(dynamo);
  }

  private static BatchStatementRequest batch(String statement, AttributeValue... parameters) {
    BatchStatementRequest.Builder b = BatchStatementRequest.builder().statement(statement);
    return (parameters.length > 0 ? b.parameters(parameters) : b).build();
  }

  private static ParameterizedStatement txn(String statement, AttributeValue... parameters) {
    ParameterizedStatement.Builder b = ParameterizedStatement.builder().statement(statement);
    return (parameters.length > 0 ? b.parameters(parameters) : b).build();
  }

  private static List<BatchStatementResponse> runBatch(BatchStatementRequest... statements) {
    return dynamo.batchExecuteStatement(r -> r.statements(statements)).responses();
  }

  private static int count() {
    return dynamo.executeStatement(r -> r.statement("SELECT * FROM Orders")).items().size();
  }

  @Test
  void batchWritesRunEachStatementAndReportEachFailure() {
    dynamo.executeStatement(r -> r.statement("INSERT INTO Orders VALUE {'OrderID': 1, 'Total': 5}"));
    List<BatchStatementResponse> responses = runBatch(
        batch("INSERT INTO Orders VALUE {'OrderID': ?, 'Total': 10}", AttributeValue.fromN("2")),
        batch("INSERT INTO Orders VALUE {'OrderID': 1}"),
        batch("UPDATE Orders SET Total = Total + 1 WHERE OrderID = 1"),
        batch("UPDATE Orders SET Total = 0 WHERE OrderID = 99"),
        batch("DELETE FROM Orders WHERE OrderID = 42"));
    assertThat(responses).hasSize(5);
    assertThat(responses.get(0).error()).isNull();
    assertThat(responses.get(0).tableName()).isEqualTo("Orders");
    assertThat(responses.get(1).error().codeAsString()).isEqualTo("DuplicateItem");
    assertThat(responses.get(2).error()).isNull();
    assertThat(responses.get(3).error().codeAsString()).isEqualTo("ConditionalCheckFailed");
    assertThat(responses.get(4).error()).isNull();
    assertThat(dynamo.executeStatement(r -> r.statement("SELECT Total FROM Orders WHERE OrderID = 1")).items())
        .containsExactly(Map.of("Total", AttributeValue.fromN("6")));
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void batchReadsNameWholeKeysAndAnswerOneItemEach() {
    dynamo.executeStatement(r -> r.statement("INSERT INTO Orders VALUE {'OrderID': 1, 'Total': 5, 'x': 'y'}"));
    List<BatchStatementResponse> responses = runBatch(
        batch("SELECT Total FROM Orders WHERE OrderID = ?", AttributeValue.fromN("1")),
        batch("SELECT * FROM Orders WHERE OrderID = 2"),
        batch("SELECT * FROM Orders WHERE Total = 5"),
        batch("SELECT * FROM Orders WHERE"));
    assertThat(responses.get(0).item()).containsExactly(Map.entry("Total", AttributeValue.fromN("5")));
    assertThat(responses.get(1).hasItem()).isFalse();
    assertThat(responses.get(1).error()).isNull();
    assertThat(responses.get(2).error().codeAsString()).isEqualTo("ValidationError");
    assertThat(responses.get(2).error().message())
        .isEqualTo("Where clause does not contain a mandatory equality on all key attributes");
    assertThat(responses.get(3).error().message())
        .isEqualTo("Statement wasn't well formed, can't be processed: Unexpected term");
    assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> runBatch(
        batch("SELECT * FROM Orders WHERE OrderID = 1"), batch("DELETE FROM Orders WHERE OrderID = 1")));
  }

  @Test
  void transactionWritesAllOrNothing() {
    dynamo.executeTransaction(r -> r.transactStatements(
        txn("INSERT INTO Orders VALUE {'OrderID': 1, 'Total': 5}"),
        txn("INSERT INTO Orders VALUE {'OrderID': ?}", AttributeValue.fromN("2"))));
    assertThat(count()).isEqualTo(2);
    TransactionCanceledException cancelled = assertThatExceptionOfType(TransactionCanceledException.class)
        .isThrownBy(() -> dynamo.executeTransaction(r -> r.transactStatements(
            txn("INSERT INTO Orders VALUE {'OrderID': 3}"),
            txn("UPDATE Orders SET Total = 1 WHERE OrderID = 99"),
            txn("INSERT INTO Orders VALUE {'OrderID': 1}")))).actual();
    assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("None", "ConditionalCheckFailed", "DuplicateItem");
    assertThat(cancelled.getMessage()).startsWith(
        "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed,"
            + " DuplicateItem]");
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void existsIsAConditionCheckInsideATransaction() {
    dynamo.executeStatement(r -> r.statement("INSERT INTO Orders VALUE {'OrderID': 1, 'Status': 'open'}"));
    dynamo.executeTransaction(r -> r.transactStatements(
        txn("EXISTS(SELECT * FROM Orders WHERE OrderID = 1 AND Status = 'open')"),
        txn("INSERT INTO Orders VALUE {'OrderID': 2}")));
    assertThat(count()).isEqualTo(2);
    TransactionCanceledException cancelled = assertThatExceptionOfType(TransactionCanceledException.class)
        .isThrownBy(() -> dynamo.executeTransaction(r -> r.transactStatements(
            txn("EXISTS(SELECT * FROM Orders WHERE OrderID = 1 AND Status = 'closed')"),
            txn("DELETE FROM Orders WHERE OrderID = 2")))).actual();
    assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("ConditionalCheckFailed", "None");
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void transactionReadsAnswerOneResponsePerStatement() {
    dynamo.executeStatement(r -> r.statement("INSERT INTO Orders VALUE {'OrderID': 1, 'Total': 5}"));
    List<ItemResponse> responses = dynamo.executeTransaction(r -> r.transactStatements(
        txn("SELECT Total FROM Orders WHERE OrderID = 1"),
        txn("SELECT * FROM Orders WHERE OrderID = 7"))).responses();
    assertThat(responses).hasSize(2);
    assertThat(responses.get(0).item()).containsExactly(Map.entry("Total", AttributeValue.fromN("5")));
    assertThat(responses.get(1).hasItem()).isFalse();
  }

  @Test
  void transactionRefusalsAreWordedAsDynamoDbWordsThem() {
    assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> dynamo.executeTransaction(r -> r
            .transactStatements(txn("SELECT * FROM Orders WHERE OrderID = 1"),
                txn("DELETE FROM Orders WHERE OrderID = 1"))))
        .withMessageStartingWith("ExecuteTransaction API does not support both read and write operations in the same"
            + " request.");
    assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> dynamo.executeTransaction(r -> r
            .transactStatements(txn("SELECT * FROM Orders WHERE"))))
        .withMessageStartingWith("Validation failed in TransactStatements[0]: Statement wasn't well formed, can't be"
            + " processed: Unexpected term");
    assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> dynamo.executeTransaction(r -> r
            .transactStatements(txn("INSERT INTO Orders VALUE {'OrderID': 1}"),
                txn("UPDATE Orders SET a = 1 WHERE OrderID = 1"))))
        .withMessageStartingWith("Transaction request cannot include multiple operations on one item");
  }

  @Test
  void aClientRequestTokenRunsTheTransactionOnce() {
    for (int i = 0; i < 2; i++) {
      dynamo.executeTransaction(r -> r.clientRequestToken("token-1")
          .transactStatements(txn("INSERT INTO Orders VALUE {'OrderID': 5}")));
    }
    assertThat(count()).isEqualTo(1);
  }
}
