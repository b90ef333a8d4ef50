package io.clix.local.dynamodb.oracle;

import static io.clix.local.dynamodb.oracle.Attr.item;
import static io.clix.local.dynamodb.oracle.Attr.n;
import static io.clix.local.dynamodb.oracle.Attr.s;
import static io.clix.local.dynamodb.oracle.Fixture.BY_PLAYER;
import static io.clix.local.dynamodb.oracle.Fixture.BY_TIME;
import static io.clix.local.dynamodb.oracle.Fixture.PLAYERS;
import static io.clix.local.dynamodb.oracle.Fixture.SCORES;
import static io.clix.local.dynamodb.oracle.Requests.get;
import static io.clix.local.dynamodb.oracle.Requests.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Scan (filters, projections, Select COUNT, indexes, pagination read to the end) and
 * BatchGetItem / BatchWriteItem (several tables, projections, missing keys, limits, duplicates).
 * Scan order is unspecified, so items are compared as sorted sets of all pages. Segment without
 * TotalSegments and a consistent Scan of a global index are in {@link DocumentedBehaviourTest}:
 * dynalite accepts them, DynamoDB refuses them.
 */
@ExtendWith(DifferentialExtension.class)
class ScanBatchOracleTest {

  static WriteRequest putRequest(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  static WriteRequest deleteRequest(Map<String, AttributeValue> key) {
    return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
  }

  static KeysAndAttributes keys(List<Map<String, AttributeValue>> keys) {
    return KeysAndAttributes.builder().keys(keys).build();
  }

  static BatchGetItemRequest.Builder batchGet(Map<String, KeysAndAttributes> requestItems) {
    return BatchGetItemRequest.builder().requestItems(requestItems);
  }

  static BatchWriteItemRequest.Builder batchWrite(Map<String, List<WriteRequest>> requestItems) {
    return BatchWriteItemRequest.builder().requestItems(requestItems);
  }

  static List<Map<String, AttributeValue>> players(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> item("id", s("p" + i))).toList();
  }

  static Stream<OracleCase> cases() {
    List<WriteRequest> thirty = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      thirty.add(putRequest(item("id", s("n" + i))));
    }
    return Stream.of(
        OracleCase.of("scan a table", scan(PLAYERS)),
        OracleCase.of("scan a HASH+RANGE table", scan(SCORES)),
        OracleCase.of("scan with a filter", scan(SCORES).filterExpression("score BETWEEN :a AND :b")
            .expressionAttributeValues(item(":a", n(5), ":b", n(10)))),
        OracleCase.of("scan with a filter on a key attribute", scan(SCORES).filterExpression("seq > :s")
            .expressionAttributeValues(item(":s", n(3)))),
        OracleCase.of("scan with a projection", scan(PLAYERS).projectionExpression("id, stats.wins, tags")),
        OracleCase.of("scan Select COUNT", scan(SCORES).select(Select.COUNT)),
        OracleCase.of("scan Select COUNT with a filter", scan(SCORES).select(Select.COUNT)
            .filterExpression("player = :p").expressionAttributeValues(item(":p", s("p1")))),
        OracleCase.of("scan a local index", scan(SCORES).indexName(BY_TIME)),
        OracleCase.of("scan a global index", scan(SCORES).indexName(BY_PLAYER)),
        OracleCase.of("scan Limit 3 counts", scan(SCORES).limit(3).select(Select.COUNT)),
        OracleCase.of("scan pages of 2", Step.scanAll(scan(SCORES).limit(2).build())),
        OracleCase.of("scan pages of 1 with a filter", Step.scanAll(scan(SCORES).limit(1)
            .filterExpression("player = :p").expressionAttributeValues(item(":p", s("p3"))).build())),
        OracleCase.of("scan pages of 4 over exactly 4 items", Step.scanAll(scan(PLAYERS).limit(4).build())),
        OracleCase.of("scan pages of a global index", Step.scanAll(scan(SCORES).indexName(BY_PLAYER).limit(2).build())),
        OracleCase.of("scan a missing table", scan("Nope")),
        OracleCase.of("scan a missing index", scan(SCORES).indexName("nope")),
        OracleCase.of("scan with an unused value", scan(SCORES).filterExpression("score > :a")
            .expressionAttributeValues(item(":a", n(1), ":b", n(2)))),
        OracleCase.of("parallel scan segments cover the table", Step.scanAll(scan(SCORES).segment(0)
            .totalSegments(1).build())),
        OracleCase.of("scan with Limit 0", scan(SCORES).limit(0)),

        OracleCase.of("batch get from two tables", batchGet(Map.of(
            PLAYERS, keys(players(2)),
            SCORES, keys(List.of(item("game", s("g1"), "seq", n(1)), item("game", s("g2"), "seq", n(20))))))),
        OracleCase.of("batch get with missing keys", batchGet(Map.of(PLAYERS, keys(players(8))))),
        OracleCase.of("batch get with a projection", batchGet(Map.of(PLAYERS, KeysAndAttributes.builder()
            .keys(players(3)).projectionExpression("nick, stats.wins").consistentRead(true).build()))),
        OracleCase.of("batch get with names in the projection", batchGet(Map.of(PLAYERS, KeysAndAttributes.builder()
            .keys(players(2)).projectionExpression("#n, #s.wins").expressionAttributeNames(
                Map.of("#n", "nick", "#s", "stats")).build()))),
        OracleCase.of("batch get with an unused name", batchGet(Map.of(PLAYERS, KeysAndAttributes.builder()
            .keys(players(2)).projectionExpression("nick").expressionAttributeNames(Map.of("#n", "nick")).build()))),
        OracleCase.of("batch get with duplicate keys", batchGet(Map.of(PLAYERS, keys(List.of(
            item("id", s("p1")), item("id", s("p1"))))))),
        OracleCase.of("batch get of more than 100 keys", batchGet(Map.of(PLAYERS, keys(players(101)))))
            .errorTypeOnly(DynaliteDeviations.QUOTED_VALUES),
        OracleCase.of("batch get with a wrong key", batchGet(Map.of(PLAYERS, keys(List.of(item("id", n(1))))))),
        OracleCase.of("batch get from a missing table", batchGet(Map.of("Nope", keys(players(1))))),
        OracleCase.of("batch get with no tables", batchGet(Map.of())),
        OracleCase.of("batch write puts and deletes", batchWrite(Map.of(
                PLAYERS, List.of(putRequest(item("id", s("p9"), "x", n(1))), deleteRequest(item("id", s("p1")))),
                SCORES, List.of(deleteRequest(item("game", s("g1"), "seq", n(1)))))),
            batchGet(Map.of(PLAYERS, keys(players(9)))),
            Step.scanAll(scan(SCORES).build()),
            Step.queryPages(Requests.query(SCORES, "player = :p").indexName(BY_PLAYER)
                .expressionAttributeValues(item(":p", s("p1"))).build())),
        OracleCase.of("batch write deleting a missing item", batchWrite(Map.of(
            PLAYERS, List.of(deleteRequest(item("id", s("p9"))))))),
        OracleCase.of("batch write of 25 items", batchWrite(Map.of(PLAYERS, thirty.subList(0, 25))),
            Step.scanAll(scan(PLAYERS).select(Select.COUNT).build())),
        OracleCase.of("batch write of more than 25 items", batchWrite(Map.of(PLAYERS, thirty)))
            .errorTypeOnly(DynaliteDeviations.QUOTED_VALUES),
        OracleCase.of("batch write touching one key twice", batchWrite(Map.of(PLAYERS, List.of(
            putRequest(item("id", s("p1"))), deleteRequest(item("id", s("p1"))))))),
        OracleCase.of("batch write with a wrong key", batchWrite(Map.of(PLAYERS, List.of(
            putRequest(item("id", n(1))))))),
        OracleCase.of("batch write to a missing table", batchWrite(Map.of("Nope", List.of(
            putRequest(item("id", s("x"))))))),
        OracleCase.of("batch write with an empty request", batchWrite(Map.of(PLAYERS, List.of(
            WriteRequest.builder().build())))),
        OracleCase.of("batch write with an index key of the wrong type", batchWrite(Map.of(SCORES, List.of(
            putRequest(item("game", s("g9"), "seq", n(1), "score", s("x"))))))),
        OracleCase.of("batch write replaces whole items", batchWrite(Map.of(PLAYERS, List.of(
            putRequest(item("id", s("p1"), "only", s("this")))))), get(PLAYERS, item("id", s("p1")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsDynaliteDoes(OracleCase oracleCase, Differential differential) {
    differential.check(oracleCase);
  }
}
