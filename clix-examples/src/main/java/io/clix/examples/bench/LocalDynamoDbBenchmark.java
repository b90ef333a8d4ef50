package io.clix.examples.bench;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A benchmark (not a test) of the local stack's DynamoDB through the real {@code DynamoDbClient}
 * over HTTP: conditional UpdateItem (an increment guarded by a condition) and Query (one partition
 * of 100 items, a page of 25) operations per second, single-threaded and with several client
 * threads. Arguments: {@code [seconds per run, default 5] [threads, default 4]}. Run it on the test
 * class path Surefire records (any test of the module run first):
 *
 * <pre>
 * mvn -B -ntp -q -pl clix-examples -am -DskipTests package exec:java@bench-dynamodb [-Dexec.args="..."]
 * </pre>
 * Arguments: [seconds=5] [threads=4].
 */
public final class LocalDynamoDbBenchmark {

  private LocalDynamoDbBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    try (LocalStack stack = LocalStack.start(); DynamoDbClient client = client(stack)) {
      client.createTable(r -> r.tableName("bench").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
          .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
              a -> a.attributeName("sk").attributeType(ScalarAttributeType.N)));
      for (int i = 0; i < 100; i++) {
        String sk = Integer.toString(i);
        client.putItem(r -> r.tableName("bench").item(Map.of("pk", AttributeValue.fromS("game"),
            "sk", AttributeValue.fromN(sk), "payload", AttributeValue.fromS("move-" + sk))));
      }
      Operation update = (c, worker) -> c.updateItem(r -> r.tableName("bench")
          .key(Map.of("pk", AttributeValue.fromS("counter-" + worker), "sk", AttributeValue.fromN("0")))
          .updateExpression("SET n = if_not_exists(n, :zero) + :one")
          .conditionExpression("attribute_not_exists(n) OR n < :max")
          .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"), ":one", AttributeValue.fromN("1"),
              ":max", AttributeValue.fromN("1000000000"))));
      Operation query = (c, worker) -> c.query(r -> r.tableName("bench")
          .keyConditionExpression("pk = :p AND sk >= :from")
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("game"), ":from", AttributeValue.fromN("50")))
          .limit(25));
      run("warm-up", stack, 1, 2, update);
      run("warm-up", stack, 1, 2, query);
      run("conditional UpdateItem", stack, 1, seconds, update);
      run("conditional UpdateItem", stack, threads, seconds, update);
      run("Query (25 of 100 items)", stack, 1, seconds, query);
      run("Query (25 of 100 items)", stack, threads, seconds, query);
    }
  }

  private interface Operation {
    void call(DynamoDbClient client, int worker);
  }

  private static void run(String name, LocalStack stack, int threads, int seconds, Operation operation)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Future<?>> futures = new ArrayList<>();
    List<DynamoDbClient> clients = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      DynamoDbClient client = client(stack);
      clients.add(client);
      int worker = t;
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          operation.call(client, worker);
          done.incrementAndGet();
        }
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    clients.forEach(DynamoDbClient::close);
    if (!name.equals("warm-up")) {
      System.out.printf("%-26s threads=%d  %,10.0f ops/s  (%d ops in %d s)%n", name, threads,
          done.get() / (double) seconds, done.get(), seconds);
    }
  }

  private static DynamoDbClient client(LocalStack stack) {
    return LocalStackClients.dynamoDb(stack);
  }
}
