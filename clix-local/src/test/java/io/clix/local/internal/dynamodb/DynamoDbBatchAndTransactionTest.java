package io.clix.local.internal.dynamodb;

import static io.clix.local.internal.dynamodb.LocalDynamo.n;
import static io.clix.local.internal.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem, BatchWriteItem, TransactWriteItems and TransactGetItems through the real client. */
class DynamoDbBatchAndTransactionTest {

  private static final LocalDynamo dynamo = new LocalDynamo();

  @BeforeAll
  static void tables() {
    dynamo.table("batch", null);
    dynamo.table("txn", null);
    dynamo.table("atomic", null);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  private static WriteRequest put(String pk) {
    return WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s(pk), "v", n("1")))).build();
  }

  @Test
  void batchWriteThenBatchGetReturnsEveryFoundItem() {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      writes.add(put("b" + i));
    }
    var written = dynamo.client.batchWriteItem(r -> r.requestItems(Map.of("batch", writes)));
    assertThat(written.unprocessedItems()).isEmpty();
    var got = dynamo.client.batchGetItem(r -> r.requestItems(Map.of("batch", KeysAndAttributes.builder()
        .keys(Map.of("pk", s("b0")), Map.of("pk", s("b24")), Map.of("pk", s("missing"))).build())));
    assertThat(got.responses().get("batch")).extracting(i -> i.get("pk").s()).containsExactlyInAnyOrder("b0", "b24");
    assertThat(got.unprocessedKeys()).isEmpty();
    dynamo.client.batchWriteItem(r -> r.requestItems(Map.of("batch",
        List.of(WriteRequest.builder().deleteRequest(d -> d.key(Map.of("pk", s("b0")))).build()))));
    assertThat(dynamo.client.getItem(g -> g.tableName("batch").key(Map.of("pk", s("b0")))).hasItem()).isFalse();
  }

  @Test
  void batchLimitsAndDuplicatesAreRefused() {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      writes.add(put("x" + i));
    }
    assertThatThrownBy(() -> dynamo.client.batchWriteItem(r -> r.requestItems(Map.of("batch", writes))))
        .hasMessageContaining("Member must have length less than or equal to 25");
    assertThatThrownBy(() -> dynamo.client.batchWriteItem(r -> r.requestItems(Map.of("batch",
        List.of(put("dup"), put("dup"))))))
        .hasMessageStartingWith("Provided list of item keys contains duplicates");
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      keys.add(Map.of("pk", s("k" + i)));
    }
    assertThatThrownBy(() -> dynamo.client.batchGetItem(r -> r.requestItems(Map.of("batch",
        KeysAndAttributes.builder().keys(keys).build()))))
        .hasMessageStartingWith("1 validation error detected: Value at 'requestItems.batch.member.keys' failed to"
            + " satisfy constraint: Member must have length less than or equal to 100");
    assertThatThrownBy(() -> dynamo.client.batchGetItem(r -> r.requestItems(Map.of(
        "batch", KeysAndAttributes.builder().keys(keys.subList(0, 60)).build(),
        "txn", KeysAndAttributes.builder().keys(keys.subList(0, 60)).build()))))
        .hasMessageStartingWith("Too many items requested for the BatchGetItem call");
    assertThatThrownBy(() -> dynamo.client.batchWriteItem(r -> r.requestItems(Map.of("batch", List.of(
        WriteRequest.builder().putRequest(p -> p.item(Map.of("other", s("x")))).build())))))
        .hasMessageStartingWith("The provided key element does not match the schema");
    assertThatThrownBy(() -> dynamo.client.batchWriteItem(r -> r.requestItems(Map.of("nope", List.of(put("a"))))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void batchGetLeavesWhatExceeds16MbUnprocessed() {
    String big = "x".repeat(390 * 1024);
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String pk = "large" + i;
      dynamo.client.putItem(r -> r.tableName("batch").item(Map.of("pk", s(pk), "data", s(big))));
      keys.add(Map.of("pk", s(pk)));
    }
    var got = dynamo.client.batchGetItem(r -> r.requestItems(Map.of("batch",
        KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
    int returned = got.responses().get("batch").size();
    assertThat(returned).isEqualTo(42);
    assertThat(got.unprocessedKeys().get("batch").keys()).hasSize(50 - returned)
        .contains(Map.of("pk", s("large49"))).doesNotContain(Map.of("pk", s("large0")));
    assertThat(got.unprocessedKeys().get("batch").consistentRead()).isTrue();
  }

  @Test
  void transactionCommitsEveryActionOrNone() {
    dynamo.client.putItem(r -> r.tableName("txn").item(Map.of("pk", s("guard"), "open", AttributeValue.fromBool(true))));
    dynamo.client.putItem(r -> r.tableName("txn").item(Map.of("pk", s("victim"))));
    TransactWriteItem check = TransactWriteItem.builder().conditionCheck(c -> c.tableName("txn")
        .key(Map.of("pk", s("guard"))).conditionExpression("#o = :t")
        .expressionAttributeNames(Map.of("#o", "open"))
        .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true)))).build();
    TransactWriteItem failing = TransactWriteItem.builder().put(p -> p.tableName("txn")
        .item(Map.of("pk", s("guard"), "open", AttributeValue.fromBool(false)))).build();
    assertThat(check).isNotNull();
    assertThatThrownBy(() -> dynamo.client.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName("txn").item(Map.of("pk", s("new1"))))
            .build(),
        TransactWriteItem.builder().delete(d -> d.tableName("txn").key(Map.of("pk", s("victim")))).build(),
        TransactWriteItem.builder().conditionCheck(c -> c.tableName("txn").key(Map.of("pk", s("guard")))
            .conditionExpression("attribute_not_exists(pk)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())))
        .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
          assertThat(e.getMessage()).startsWith("Transaction cancelled, please refer cancellation reasons for"
              + " specific reasons [None, None, ConditionalCheckFailed]");
          assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
              .containsExactly("None", "None", "ConditionalCheckFailed");
          assertThat(e.cancellationReasons().get(2).item()).containsEntry("open", AttributeValue.fromBool(true));
        });
    assertThat(dynamo.client.getItem(r -> r.tableName("txn").key(Map.of("pk", s("new1")))).hasItem()).isFalse();
    assertThat(dynamo.client.getItem(r -> r.tableName("txn").key(Map.of("pk", s("victim")))).hasItem()).isTrue();

    dynamo.client.transactWriteItems(r -> r.transactItems(check,
        TransactWriteItem.builder().put(p -> p.tableName("txn").item(Map.of("pk", s("new1")))).build(),
        TransactWriteItem.builder().delete(d -> d.tableName("txn").key(Map.of("pk", s("victim")))).build()));
    assertThat(dynamo.client.getItem(r -> r.tableName("txn").key(Map.of("pk", s("new1")))).hasItem()).isTrue();
    assertThat(dynamo.client.getItem(r -> r.tableName("txn").key(Map.of("pk", s("victim")))).hasItem()).isFalse();
    assertThatThrownBy(() -> dynamo.client.transactWriteItems(r -> r.transactItems(check, failing)))
        .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
  }

  @Test
  void clientRequestTokenMakesAWriteIdempotent() {
    TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName("txn")
        .item(Map.of("pk", s("once"))).conditionExpression("attribute_not_exists(pk)")).build();
    dynamo.client.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(put));
    dynamo.client.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(put));
    assertThatThrownBy(() -> dynamo.client.transactWriteItems(r -> r.clientRequestToken("token-1")
        .transactItems(TransactWriteItem.builder().put(p -> p.tableName("txn").item(Map.of("pk", s("other"))))
            .build())))
        .isInstanceOf(IdempotentParameterMismatchException.class);
    assertThatThrownBy(() -> dynamo.client.transactWriteItems(r -> r.clientRequestToken("token-2")
        .transactItems(put)))
        .isInstanceOf(TransactionCanceledException.class);
  }

  @Test
  void transactGetReadsSeveralItems() {
    dynamo.client.putItem(r -> r.tableName("txn").item(Map.of("pk", s("g1"), "v", n("1"))));
    var got = dynamo.client.transactGetItems(r -> r.transactItems(
        t -> t.get(g -> g.tableName("txn").key(Map.of("pk", s("g1"))).projectionExpression("v")),
        t -> t.get(g -> g.tableName("txn").key(Map.of("pk", s("g2"))))));
    assertThat(got.responses()).hasSize(2);
    assertThat(got.responses().get(0).item()).containsExactly(Map.entry("v", n("1")));
    assertThat(got.responses().get(1).hasItem()).isFalse();
  }

  @Test
  void aReadAfterAnotherReadNeverSeesHalfOfATransaction() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.CompletableFuture<Void> writer = java.util.concurrent.CompletableFuture.runAsync(() -> {
      for (int v = 1; v <= 400; v++) {
        String value = Integer.toString(v);
        dynamo.client.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().put(p -> p.tableName("atomic").item(Map.of("pk", s("a"), "v", n(value))))
                .build(),
            TransactWriteItem.builder().put(p -> p.tableName("atomic").item(Map.of("pk", s("b"), "v", n(value))))
                .build()));
      }
      done.set(true);
    });
    int reads = 0;
    while (!done.get()) {
      var a = dynamo.client.getItem(g -> g.tableName("atomic").key(Map.of("pk", s("a"))).consistentRead(true));
      var b = dynamo.client.getItem(g -> g.tableName("atomic").key(Map.of("pk", s("b"))).consistentRead(true));
      if (a.hasItem()) {
        // a is written first in the transaction: b read later must be at least as new
        assertThat(Integer.parseInt(b.item().get("v").n())).as("b after a (read %d)", reads)
            .isGreaterThanOrEqualTo(Integer.parseInt(a.item().get("v").n()));
      }
      reads++;
    }
    writer.get();
  }
}
