package io.clix.local.internal.dynamodb;

import static io.clix.local.internal.dynamodb.LocalDynamo.l;
import static io.clix.local.internal.dynamodb.LocalDynamo.n;
import static io.clix.local.internal.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** UpdateItem: expressions, return values, key protection, and atomicity under concurrent writers. */
class DynamoDbUpdateTest {

  private static final LocalDynamo dynamo = new LocalDynamo();

  @BeforeAll
  static void tables() {
    dynamo.table("counters", null);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  private static UpdateItemResponse update(String pk, String expression, Map<String, AttributeValue> values,
      ReturnValue returnValue) {
    return dynamo.client.updateItem(r -> r.tableName("counters").key(Map.of("pk", s(pk)))
        .updateExpression(expression).expressionAttributeValues(values).returnValues(returnValue));
  }

  @Test
  void updateCreatesTheItemAndReturnsWhatWasAsked() {
    UpdateItemResponse created = update("u1", "SET score = :z, tags = :t", Map.of(":z", n("0"),
        ":t", l(s("new"))), ReturnValue.ALL_NEW);
    assertThat(created.attributes()).isEqualTo(Map.of("pk", s("u1"), "score", n("0"), "tags", l(s("new"))));
    UpdateItemResponse old = update("u1", "SET score = score + :one ADD visits :one", Map.of(":one", n("1")),
        ReturnValue.UPDATED_OLD);
    assertThat(old.attributes()).isEqualTo(Map.of("score", n("0")));
    UpdateItemResponse fresh = update("u1", "SET tags = list_append(tags, :more) REMOVE visits",
        Map.of(":more", l(s("second"))), ReturnValue.UPDATED_NEW);
    assertThat(fresh.attributes()).isEqualTo(Map.of("tags", l(s("new"), s("second"))));
    UpdateItemResponse all = update("u1", "SET score = :v", Map.of(":v", n("5")), ReturnValue.ALL_OLD);
    assertThat(all.attributes()).containsEntry("score", n("1")).containsEntry("pk", s("u1"));
    assertThat(update("u1", "SET score = :v", Map.of(":v", n("6")), ReturnValue.NONE).hasAttributes()).isFalse();
  }

  @Test
  void keyAttributesCannotBeUpdated() {
    assertThatThrownBy(() -> update("u2", "SET pk = :v", Map.of(":v", s("other")), ReturnValue.NONE))
        .hasMessageStartingWith("One or more parameter values were invalid: Cannot"
            + " update attribute pk. This attribute is part of the key");
  }

  @Test
  void failedConditionLeavesTheItemAlone() {
    update("u3", "SET v = :one", Map.of(":one", n("1")), ReturnValue.NONE);
    assertThatThrownBy(() -> dynamo.client.updateItem(r -> r.tableName("counters").key(Map.of("pk", s("u3")))
        .updateExpression("SET v = :two").conditionExpression("v = :zero")
        .expressionAttributeValues(Map.of(":two", n("2"), ":zero", n("0")))))
        .isInstanceOf(ConditionalCheckFailedException.class);
    assertThat(dynamo.client.getItem(r -> r.tableName("counters").key(Map.of("pk", s("u3")))).item())
        .containsEntry("v", n("1"));
  }

  @Test
  void fiftyThreadsOfConditionalIncrementsLoseNothing() throws Exception {
    int threads = 50;
    int increments = 20;
    int cap = threads * increments;
    update("race", "SET n = :zero", Map.of(":zero", n("0")), ReturnValue.NONE);
    List<Integer> refused = race(threads, client -> {
      int failures = 0;
      for (int i = 0; i < increments + 1; i++) {
        try {
          client.updateItem(r -> r.tableName("counters").key(Map.of("pk", s("race")))
              .updateExpression("SET n = n + :one").conditionExpression("n < :cap")
              .expressionAttributeValues(Map.of(":one", n("1"), ":cap", n(Integer.toString(cap)))));
        } catch (ConditionalCheckFailedException e) {
          failures++;
        }
      }
      return failures;
    });
    assertThat(counter()).isEqualTo(Integer.toString(cap));
    assertThat(refused.stream().mapToInt(Integer::intValue).sum()).isEqualTo(threads);
  }

  @Test
  void twentyThreadsCompareAndSetWithoutLosingAnUpdate() throws Exception {
    update("race", "SET n = :zero", Map.of(":zero", n("0")), ReturnValue.NONE);
    List<Integer> retries = race(20, client -> {
      int conflicts = 0;
      while (true) {
        String seen = client.getItem(r -> r.tableName("counters").key(Map.of("pk", s("race")))
            .consistentRead(true)).item().get("n").n();
        try {
          client.updateItem(r -> r.tableName("counters").key(Map.of("pk", s("race")))
              .updateExpression("SET n = n + :one").conditionExpression("n = :seen")
              .expressionAttributeValues(Map.of(":one", n("1"), ":seen", n(seen))));
          return conflicts;
        } catch (ConditionalCheckFailedException e) {
          conflicts++;
        }
      }
    });
    assertThat(counter()).isEqualTo("20");
    assertThat(retries.stream().mapToInt(Integer::intValue).sum()).as("writers collided").isPositive();
  }

  private static String counter() {
    return dynamo.client.getItem(r -> r.tableName("counters").key(Map.of("pk", s("race")))).item().get("n").n();
  }

  private interface Writer {
    int run(DynamoDbClient client) throws Exception;
  }

  /** Runs a writer on that many threads released at once, sharing one client; returns their results. */
  private static List<Integer> race(int threads, Writer writer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    try (DynamoDbClient shared = LocalDynamo.client(dynamo.stack)) {
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          return writer.run(shared);
        }));
      }
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> f : futures) {
        results.add(f.get());
      }
      return results;
    }
  }
}
