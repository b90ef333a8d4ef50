package io.clix.local.internal.dynamodb;

import static io.clix.local.internal.dynamodb.LocalDynamo.n;
import static io.clix.local.internal.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan: order, key conditions, filters, projections, pagination, indexes and segments. */
class DynamoDbQueryScanTest {

  private static final LocalDynamo dynamo = new LocalDynamo();

  @BeforeAll
  static void tables() {
    dynamo.table("numbers", ScalarAttributeType.N);
    for (String sk : List.of("10", "-3", "2.5", "100", "0", "7")) {
      dynamo.client.putItem(r -> r.tableName("numbers").item(Map.of("pk", s("p"), "sk", n(sk),
          "parity", s(sk.startsWith("-") || sk.equals("7") ? "odd" : "even"))));
    }
    dynamo.client.putItem(r -> r.tableName("numbers").item(Map.of("pk", s("other"), "sk", n("1"))));
    dynamo.table("strings", ScalarAttributeType.S);
    for (String sk : List.of("b", "a", "B", "ab", "é", "z")) {
      dynamo.client.putItem(r -> r.tableName("strings").item(Map.of("pk", s("p"), "sk", s(sk))));
    }
    dynamo.client.createTable(r -> r.tableName("players").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("game").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("score").attributeType(ScalarAttributeType.N).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byGame")
            .keySchema(KeySchemaElement.builder().attributeName("game").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("score").keyType(KeyType.RANGE).build())
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
    for (int i = 0; i < 8; i++) {
      String pk = "player" + i;
      String score = Integer.toString(80 - i * 10);
      dynamo.client.putItem(r -> r.tableName("players").item(Map.of("pk", s(pk), "game", s(pk.endsWith("7")
          ? "other" : "g1"), "score", n(score), "name", s("N" + pk))));
    }
    dynamo.client.putItem(r -> r.tableName("players").item(Map.of("pk", s("spectator"), "name", s("S"))));
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  private static List<String> sortKeys(QueryResponse response) {
    List<String> out = new ArrayList<>();
    response.items().forEach(i -> out.add(i.get("sk").n() != null ? i.get("sk").n() : i.get("sk").s()));
    return out;
  }

  @Test
  void queryReturnsNumbersInNumericOrderBothWays() {
    QueryResponse forward = dynamo.client.query(r -> r.tableName("numbers").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))));
    assertThat(sortKeys(forward)).containsExactly("-3", "0", "2.5", "7", "10", "100");
    QueryResponse backward = dynamo.client.query(r -> r.tableName("numbers").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).scanIndexForward(false));
    assertThat(sortKeys(backward)).containsExactly("100", "10", "7", "2.5", "0", "-3");
  }

  @Test
  void queryOrdersStringsByTheirUtf8Bytes() {
    QueryResponse response = dynamo.client.query(r -> r.tableName("strings").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))));
    assertThat(sortKeys(response)).containsExactly("B", "a", "ab", "b", "z", "é");
  }

  @Test
  void queryAppliesRangeConditionsFiltersAndCounts() {
    QueryResponse between = dynamo.client.query(r -> r.tableName("numbers")
        .keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi")
        .expressionAttributeValues(Map.of(":p", s("p"), ":lo", n("0"), ":hi", n("10"))));
    assertThat(sortKeys(between)).containsExactly("0", "2.5", "7", "10");
    QueryResponse filtered = dynamo.client.query(r -> r.tableName("numbers").keyConditionExpression("pk = :p")
        .filterExpression("parity = :odd").expressionAttributeValues(Map.of(":p", s("p"), ":odd", s("odd"))));
    assertThat(filtered.count()).isEqualTo(2);
    assertThat(filtered.scannedCount()).isEqualTo(6);
    QueryResponse counted = dynamo.client.query(r -> r.tableName("numbers").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).select(Select.COUNT));
    assertThat(counted.count()).isEqualTo(6);
    assertThat(counted.hasItems()).isFalse();
    QueryResponse projected = dynamo.client.query(r -> r.tableName("numbers").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).projectionExpression("parity").limit(1));
    assertThat(projected.items()).containsExactly(Map.of("parity", s("odd")));
  }

  @Test
  void queryFiltersCannotUseKeyAttributes() {
    assertThatThrownBy(() -> dynamo.client.query(r -> r.tableName("numbers").keyConditionExpression("pk = :p")
        .filterExpression("parity = :odd OR #s > :z").expressionAttributeNames(Map.of("#s", "sk"))
        .expressionAttributeValues(Map.of(":p", s("p"), ":odd", s("odd"), ":z", n("0")))))
        .hasMessageStartingWith("Filter Expression can only contain non-primary key attributes: Primary key"
            + " attribute: sk");
    assertThat(dynamo.client.query(r -> r.tableName("numbers").keyConditionExpression("pk = :p")
        .filterExpression("size(parity) > :z AND begins_with(parity, :o)")
        .expressionAttributeValues(Map.of(":p", s("p"), ":z", n("0"), ":o", s("o")))).count()).isEqualTo(2);
  }

  @Test
  void queryPagesWithLimitAndExclusiveStartKey() {
    List<String> seen = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = dynamo.client.query(r -> r.tableName("numbers").keyConditionExpression("pk = :p")
          .expressionAttributeValues(Map.of(":p", s("p"))).limit(4).exclusiveStartKey(from));
      seen.addAll(sortKeys(page));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      pages++;
    } while (start != null);
    assertThat(seen).containsExactly("-3", "0", "2.5", "7", "10", "100");
    assertThat(pages).isEqualTo(2);
  }

  @Test
  void queryOnASparseGlobalIndexReturnsProjectedKeysInScoreOrder() {
    QueryResponse response = dynamo.client.query(r -> r.tableName("players").indexName("byGame")
        .keyConditionExpression("game = :g AND score > :min")
        .expressionAttributeValues(Map.of(":g", s("g1"), ":min", n("30"))));
    assertThat(response.items()).extracting(i -> i.get("score").n()).containsExactly("40", "50", "60", "70", "80");
    assertThat(response.items().get(0)).containsOnlyKeys("pk", "game", "score");
    QueryResponse page = dynamo.client.query(r -> r.tableName("players").indexName("byGame")
        .keyConditionExpression("game = :g").expressionAttributeValues(Map.of(":g", s("g1"))).limit(2));
    assertThat(page.lastEvaluatedKey()).containsOnlyKeys("pk", "game", "score");
    QueryResponse measured = dynamo.client.query(r -> r.tableName("players").indexName("byGame")
        .keyConditionExpression("game = :g").expressionAttributeValues(Map.of(":g", s("g1")))
        .returnConsumedCapacity(software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.INDEXES));
    assertThat(measured.consumedCapacity().capacityUnits()).isEqualTo(0.5);
    assertThat(measured.consumedCapacity().globalSecondaryIndexes()).containsOnlyKeys("byGame");
    assertThatThrownBy(() -> dynamo.client.query(r -> r.tableName("players").indexName("byGame")
        .keyConditionExpression("pk = :g").expressionAttributeValues(Map.of(":g", s("g1")))))
        .hasMessageContaining("Query condition missed key schema element: game");
    assertThatThrownBy(() -> dynamo.client.query(r -> r.tableName("players").indexName("nope")
        .keyConditionExpression("game = :g").expressionAttributeValues(Map.of(":g", s("g1")))))
        .hasMessageStartingWith("The table does not have the specified index: nope");
  }

  @Test
  void scanPagesThroughEveryItemOnce() {
    Set<String> seen = new HashSet<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = dynamo.client.scan(r -> r.tableName("players").limit(3).exclusiveStartKey(from));
      page.items().forEach(i -> assertThat(seen.add(i.get("pk").s())).isTrue());
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    assertThat(seen).hasSize(9);
  }

  @Test
  void invalidStartKeysAreRefused() {
    assertThatThrownBy(() -> dynamo.client.query(r -> r.tableName("numbers").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).exclusiveStartKey(Map.of("pk", s("p")))))
        .hasMessageStartingWith("The provided starting key is invalid (Service");
    assertThatThrownBy(() -> dynamo.client.scan(r -> r.tableName("numbers").exclusiveStartKey(Map.of("pk", s("p"),
        "sk", s("not a number")))))
        .hasMessageStartingWith("The provided starting key is invalid: The provided key element does not match the"
            + " schema");
  }

  @Test
  void parallelScanSegmentsPartitionTheTable() {
    Set<String> seen = new HashSet<>();
    int total = 4;
    for (int segment = 0; segment < total; segment++) {
      int current = segment;
      dynamo.client.scan(r -> r.tableName("players").segment(current).totalSegments(total)).items()
          .forEach(i -> assertThat(seen.add(i.get("pk").s())).isTrue());
    }
    assertThat(seen).hasSize(9);
    assertThatThrownBy(() -> dynamo.client.scan(r -> r.tableName("players").segment(4).totalSegments(4)))
        .hasMessageStartingWith("The Segment parameter is zero-based and must be less than parameter TotalSegments");
  }

  @Test
  void scanFiltersAndProjects() {
    ScanResponse response = dynamo.client.scan(r -> r.tableName("players")
        .filterExpression("attribute_not_exists(game) OR score >= :s")
        .projectionExpression("#n").expressionAttributeNames(Map.of("#n", "name"))
        .expressionAttributeValues(Map.of(":s", n("70"))));
    assertThat(response.items()).extracting(i -> i.get("name").s())
        .containsExactlyInAnyOrder("S", "Nplayer0", "Nplayer1");
    assertThat(response.scannedCount()).isEqualTo(9);
  }
}
