package io.clix.local.dynamodb.oracle;

import static io.clix.local.dynamodb.oracle.Attr.b;
import static io.clix.local.dynamodb.oracle.Attr.bool;
import static io.clix.local.dynamodb.oracle.Attr.bs;
import static io.clix.local.dynamodb.oracle.Attr.item;
import static io.clix.local.dynamodb.oracle.Attr.l;
import static io.clix.local.dynamodb.oracle.Attr.m;
import static io.clix.local.dynamodb.oracle.Attr.n;
import static io.clix.local.dynamodb.oracle.Attr.ns;
import static io.clix.local.dynamodb.oracle.Attr.nul;
import static io.clix.local.dynamodb.oracle.Attr.s;
import static io.clix.local.dynamodb.oracle.Attr.ss;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The tables and items every case starts from, identical on both endpoints.
 *
 * <ul>
 *   <li>{@value #PLAYERS}: HASH {@code id} (S), provisioned; items p1..p4 holding every attribute type.
 *   <li>{@value #SCORES}: HASH {@code game} (S) + RANGE {@code seq} (N), on demand; a local index
 *       {@value #BY_TIME} (game, {@code ts} N, keys only) and a global index {@value #BY_PLAYER}
 *       ({@code player} S, {@code score} N, all attributes); games g1 (6 moves) and g2 (3 moves).
 *   <li>{@value #BLOBS}: HASH {@code h} (S) + RANGE {@code r} (B), for binary key order.
 *   <li>{@value #WORDS}: HASH {@code h} (S) + RANGE {@code w} (S), for string key order and begins_with.
 * </ul>
 */
final class Fixture {

  static final String PLAYERS = "Players";
  static final String SCORES = "Scores";
  static final String BLOBS = "Blobs";
  static final String WORDS = "Words";
  static final String BY_TIME = "byTime";
  static final String BY_PLAYER = "byPlayer";

  private Fixture() {}

  static List<CreateTableRequest> tables() {
    return List.of(
        CreateTableRequest.builder().tableName(PLAYERS)
            .attributeDefinitions(attribute("id", ScalarAttributeType.S))
            .keySchema(key("id", KeyType.HASH))
            .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
            .build(),
        CreateTableRequest.builder().tableName(SCORES)
            .attributeDefinitions(attribute("game", ScalarAttributeType.S), attribute("seq", ScalarAttributeType.N),
                attribute("ts", ScalarAttributeType.N), attribute("player", ScalarAttributeType.S),
                attribute("score", ScalarAttributeType.N))
            .keySchema(key("game", KeyType.HASH), key("seq", KeyType.RANGE))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName(BY_TIME)
                .keySchema(key("game", KeyType.HASH), key("ts", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                .build())
            .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(BY_PLAYER)
                .keySchema(key("player", KeyType.HASH), key("score", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build())
            .build(),
        CreateTableRequest.builder().tableName(BLOBS)
            .attributeDefinitions(attribute("h", ScalarAttributeType.S), attribute("r", ScalarAttributeType.B))
            .keySchema(key("h", KeyType.HASH), key("r", KeyType.RANGE))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .build(),
        CreateTableRequest.builder().tableName(WORDS)
            .attributeDefinitions(attribute("h", ScalarAttributeType.S), attribute("w", ScalarAttributeType.S))
            .keySchema(key("h", KeyType.HASH), key("w", KeyType.RANGE))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .build());
  }

  /** The seed items by table. */
  static Map<String, List<Map<String, AttributeValue>>> items() {
    List<Map<String, AttributeValue>> players = List.of(
        item("id", s("p1"), "nick", s("Ada"), "lvl", n(7), "tags", ss("red", "fast"), "scores", ns(3, 14, 15),
            "active", bool(true), "nothing", nul(), "avatar", b("ada.png"), "keyset", bs("k1", "k2"),
            "history", l(n(1), s("two"), l(n(3))),
            "stats", m("wins", n(5), "losses", n(2), "streak", l(m("game", s("g1"), "won", bool(true)),
                m("game", s("g2"), "won", bool(false)), m("game", s("g3"), "won", bool(true), "c", n(9))))),
        item("id", s("p2"), "nick", s("Bob"), "lvl", n("2.50"), "tags", ss("blue"), "active", bool(false),
            "history", l(), "stats", m()),
        item("id", s("p3"), "nick", s("Cyd"), "lvl", n(-1), "email", s("cyd@example.com"),
            "stats", m("wins", n(0), "streak", l())),
        item("id", s("p4"), "nick", s("Adele"), "lvl", n("1E+2"), "tags", ss("red"), "scores", ns("0.5")));
    List<Map<String, AttributeValue>> scores = new ArrayList<>();
    String[] who = {"p1", "p2", "p3", "p1", "p4", "p2"};
    for (int seq = 1; seq <= 6; seq++) {
      scores.add(item("game", s("g1"), "seq", n(seq), "ts", n(1000 - seq * 10), "player", s(who[seq - 1]),
          "score", n(seq * 7 % 10 + seq), "move", s("m" + seq)));
    }
    for (int seq = 1; seq <= 3; seq++) {
      scores.add(item("game", s("g2"), "seq", n(seq * 10), "ts", n(2000 + seq), "player", s("p3"),
          "score", n(100 + seq), "move", s("x" + seq), "note", s(seq == 2 ? "draw" : "win")));
    }
    List<Map<String, AttributeValue>> blobs = List.of(
        item("h", s("a"), "r", b("\u0001")), item("h", s("a"), "r", b("a")), item("h", s("a"), "r", b("ab")),
        item("h", s("a"), "r", b("\u00ff")), item("h", s("a"), "r", b("Z")));
    List<Map<String, AttributeValue>> words = new ArrayList<>();
    for (String word : List.of("game", "gamer", "games", "gamma", "Game", "gam", "zebra", "g", "é", "a b")) {
      words.add(item("h", s("w"), "w", s(word), "len", n(word.length())));
    }
    return Map.of(PLAYERS, players, SCORES, scores, BLOBS, blobs, WORDS, words);
  }

  /**
   * Brings {@code client} back to the fixture: drops every table that is not a fixture table,
   * creates the fixture tables that are missing, and replaces the items of those named in
   * {@code changed} (all of them when it is {@code null}) by the seed items.
   */
  static void reset(DynamoDbClient client, Set<String> changed) {
    List<String> existing = client.listTables().tableNames();
    Map<String, List<Map<String, AttributeValue>>> seed = items();
    try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client)
        .overrideConfiguration(c -> c.maxAttempts(500).backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(5))))
        .build()) {
      for (String table : existing) {
        if (!seed.containsKey(table)) {
          client.deleteTable(r -> r.tableName(table));
          waiter.waitUntilTableNotExists(r -> r.tableName(table));
        }
      }
      for (CreateTableRequest create : tables()) {
        String table = create.tableName();
        if (!existing.contains(table)) {
          client.createTable(create);
          waiter.waitUntilTableExists(r -> r.tableName(table));
          write(client, table, seed.get(table).stream().map(Fixture::putRequest).toList());
        } else if (changed == null || changed.contains(table)) {
          List<WriteRequest> writes = new ArrayList<>();
          List<String> keyNames = create.keySchema().stream().map(KeySchemaElement::attributeName).toList();
          client.scanPaginator(r -> r.tableName(table)).items().forEach(item -> writes.add(deleteRequest(item, keyNames)));
          write(client, table, writes);
          write(client, table, seed.get(table).stream().map(Fixture::putRequest).toList());
        }
      }
    }
  }

  private static WriteRequest putRequest(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  private static WriteRequest deleteRequest(Map<String, AttributeValue> item, List<String> keyNames) {
    Map<String, AttributeValue> key = new HashMap<>();
    keyNames.forEach(name -> key.put(name, item.get(name)));
    return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
  }

  private static void write(DynamoDbClient client, String table, List<WriteRequest> writes) {
    for (int from = 0; from < writes.size(); from += 25) {
      BatchWriteItemRequest batch = BatchWriteItemRequest.builder()
          .requestItems(Map.of(table, writes.subList(from, Math.min(writes.size(), from + 25)))).build();
      if (!client.batchWriteItem(batch).unprocessedItems().isEmpty()) {
        throw new IllegalStateException("fixture writes left unprocessed in " + table);
      }
    }
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
