package io.clix.local.dynamodb.oracle;

import static io.clix.local.dynamodb.oracle.Attr.b;
import static io.clix.local.dynamodb.oracle.Attr.item;
import static io.clix.local.dynamodb.oracle.Attr.n;
import static io.clix.local.dynamodb.oracle.Attr.names;
import static io.clix.local.dynamodb.oracle.Attr.s;
import static io.clix.local.dynamodb.oracle.Fixture.BLOBS;
import static io.clix.local.dynamodb.oracle.Fixture.BY_PLAYER;
import static io.clix.local.dynamodb.oracle.Fixture.BY_TIME;
import static io.clix.local.dynamodb.oracle.Fixture.PLAYERS;
import static io.clix.local.dynamodb.oracle.Fixture.SCORES;
import static io.clix.local.dynamodb.oracle.Fixture.WORDS;
import static io.clix.local.dynamodb.oracle.Requests.query;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query: every key condition operator on number, string and binary sort keys, filters,
 * projections, ScanIndexForward, Limit with pagination, Select, local and global indexes, and key
 * condition errors. Where dynalite accepts what DynamoDB refuses (Select with a projection,
 * ALL_PROJECTED_ATTRIBUTES without an index) or does not fetch unprojected attributes of a local
 * index from the table, {@link DocumentedBehaviourTest} checks the embedded endpoint instead.
 */
@ExtendWith(DifferentialExtension.class)
class QueryOracleTest {

  /** A query of game g1 in Scores with {@code rangeCondition} (may be empty) ANDed to the hash condition. */
  static QueryRequest.Builder g1(String rangeCondition, Object... values) {
    String condition = rangeCondition.isEmpty() ? "game = :g" : "game = :g AND " + rangeCondition;
    Object[] all = Stream.concat(Stream.of(":g", s("g1")), Stream.of(values)).toArray();
    return query(SCORES, condition).expressionAttributeValues(item(all));
  }

  static QueryRequest.Builder words(String rangeCondition, Object... values) {
    Object[] all = Stream.concat(Stream.of(":h", s("w")), Stream.of(values)).toArray();
    return query(WORDS, "h = :h AND " + rangeCondition).expressionAttributeValues(item(all));
  }

  static Stream<OracleCase> cases() {
    return Stream.of(
        OracleCase.of("hash key only", g1("")),
        OracleCase.of("hash key only, descending", g1("").scanIndexForward(false)),
        OracleCase.of("hash key of a HASH table", query(PLAYERS, "id = :id")
            .expressionAttributeValues(item(":id", s("p1")))),
        OracleCase.of("hash key with no items", query(SCORES, "game = :g")
            .expressionAttributeValues(item(":g", s("nope")))),
        OracleCase.of("sort key =", g1("seq = :s", ":s", n(3))),
        OracleCase.of("sort key <", g1("seq < :s", ":s", n(3))),
        OracleCase.of("sort key <=", g1("seq <= :s", ":s", n(3))),
        OracleCase.of("sort key >", g1("seq > :s", ":s", n(3))),
        OracleCase.of("sort key >=", g1("seq >= :s", ":s", n("3.0"))),
        OracleCase.of("sort key BETWEEN", g1("seq BETWEEN :a AND :b", ":a", n(2), ":b", n(4))),
        OracleCase.of("sort key BETWEEN, descending", g1("seq BETWEEN :a AND :b", ":a", n(2), ":b", n(4))
            .scanIndexForward(false)),
        OracleCase.of("conditions in the other order", query(SCORES, "seq > :s AND game = :g")
            .expressionAttributeValues(item(":g", s("g1"), ":s", n(4)))),
        OracleCase.of("conditions in parentheses", query(SCORES, "(game = :g) AND (seq > :s)")
            .expressionAttributeValues(item(":g", s("g1"), ":s", n(4)))),
        OracleCase.of("string sort key order", words("w > :w", ":w", s(""))),
        OracleCase.of("string sort key begins_with", words("begins_with(w, :p)", ":p", s("gam"))),
        OracleCase.of("string sort key begins_with, descending",
            words("begins_with(w, :p)", ":p", s("game")).scanIndexForward(false)),
        OracleCase.of("string sort key BETWEEN", words("w BETWEEN :a AND :b", ":a", s("G"), ":b", s("gamz"))),
        OracleCase.of("string sort key < with unicode", words("w < :w", ":w", s("é"))),
        OracleCase.of("number sort key order with negatives and decimals",
            Requests.put(SCORES, item("game", s("g3"), "seq", n("-1.5"))), Requests.put(SCORES, item("game", s("g3"), "seq", n("1E+2"))),
            Requests.put(SCORES, item("game", s("g3"), "seq", n("10.01"))), Requests.put(SCORES, item("game", s("g3"), "seq", n("-10"))),
            Requests.put(SCORES, item("game", s("g3"), "seq", n("0"))),
            query(SCORES, "game = :g").expressionAttributeValues(item(":g", s("g3"))),
            query(SCORES, "game = :g AND seq BETWEEN :a AND :b").expressionAttributeValues(
                item(":g", s("g3"), ":a", n("-2"), ":b", n("10.01"))).scanIndexForward(false)),
        OracleCase.of("binary sort key order", query(BLOBS, "h = :h").expressionAttributeValues(item(":h", s("a")))),
        OracleCase.of("binary sort key begins_with", query(BLOBS, "h = :h AND begins_with(r, :p)")
            .expressionAttributeValues(item(":h", s("a"), ":p", b("a")))),
        OracleCase.of("binary sort key >", query(BLOBS, "h = :h AND r > :p")
            .expressionAttributeValues(item(":h", s("a"), ":p", b("a")))),
        OracleCase.of("names in the key condition", query(SCORES, "#g = :g AND #s < :s")
            .expressionAttributeNames(names("#g", "game", "#s", "seq"))
            .expressionAttributeValues(item(":g", s("g1"), ":s", n(3)))),
        OracleCase.of("filter", g1("").filterExpression("score > :m").expressionAttributeValues(
            item(":g", s("g1"), ":m", n(7)))),
        OracleCase.of("filter counts scanned items", g1("seq > :s", ":s", n(1), ":p", s("p1"))
            .filterExpression("player = :p")),
        OracleCase.of("filter on a key attribute is refused", g1("").filterExpression("seq > :s")
            .expressionAttributeValues(item(":g", s("g1"), ":s", n(1)))),
        OracleCase.of("projection", g1("").projectionExpression("seq, player, nope")),
        OracleCase.of("projection with names", g1("").projectionExpression("#m, score")
            .expressionAttributeNames(names("#m", "move"))),
        OracleCase.of("Select COUNT", g1("").select(Select.COUNT)),
        OracleCase.of("Select COUNT with a filter", g1("", ":m", n(7)).filterExpression("score > :m")
            .select(Select.COUNT)),
        OracleCase.of("Select SPECIFIC_ATTRIBUTES", g1("").select(Select.SPECIFIC_ATTRIBUTES)
            .projectionExpression("move")),
        OracleCase.of("Limit", g1("").limit(2)),
        OracleCase.of("Limit with a filter", g1("", ":m", n(7)).filterExpression("score > :m").limit(3)),
        OracleCase.of("pages of 2", Step.queryPages(g1("").limit(2).build())),
        OracleCase.of("pages of 4, descending", Step.queryPages(g1("").limit(4).scanIndexForward(false).build())),
        OracleCase.of("pages of 1 with a filter and COUNT", Step.queryPages(g1("", ":m", n(7))
            .filterExpression("score > :m").select(Select.COUNT).limit(1).build())),
        OracleCase.of("ExclusiveStartKey from a middle item", g1("").exclusiveStartKey(
            item("game", s("g1"), "seq", n(3)))),
        OracleCase.of("ExclusiveStartKey from a missing item", g1("").exclusiveStartKey(
            item("game", s("g1"), "seq", n("3.5"))).scanIndexForward(false)),
        OracleCase.of("ExclusiveStartKey of another hash key", g1("").exclusiveStartKey(
            item("game", s("g2"), "seq", n(10)))),
        OracleCase.of("ExclusiveStartKey without the range key", g1("").exclusiveStartKey(item("game", s("g1")))),
        OracleCase.of("local index", g1("").indexName(BY_TIME)),
        OracleCase.of("local index range condition", g1("ts < :t", ":t", n(975)).indexName(BY_TIME)),
        OracleCase.of("local index ALL_ATTRIBUTES fetches from the table", g1("ts < :t", ":t", n(975))
            .indexName(BY_TIME).select(Select.ALL_ATTRIBUTES)),
        OracleCase.of("local index ALL_PROJECTED_ATTRIBUTES", g1("").indexName(BY_TIME)
            .select(Select.ALL_PROJECTED_ATTRIBUTES)),
        OracleCase.of("local index pages", Step.queryPages(g1("").indexName(BY_TIME).limit(4).build())),
        OracleCase.of("global index", query(SCORES, "player = :p").indexName(BY_PLAYER)
            .expressionAttributeValues(item(":p", s("p1")))),
        OracleCase.of("global index range condition, descending", query(SCORES, "player = :p AND score >= :s")
            .indexName(BY_PLAYER).scanIndexForward(false)
            .expressionAttributeValues(item(":p", s("p3"), ":s", n(5)))),
        OracleCase.of("global index with a filter and a projection", query(SCORES, "player = :p")
            .indexName(BY_PLAYER).filterExpression("game IN (:a, :b) AND size(move) = :two")
            .projectionExpression("game, seq, score").expressionAttributeValues(item(":p", s("p3"), ":a", s("g2"),
                ":b", s("g9"), ":two", n(2)))),
        OracleCase.of("global index pages", Step.queryPages(query(SCORES, "player = :p").indexName(BY_PLAYER)
            .expressionAttributeValues(item(":p", s("p3"))).limit(1).build())),
        OracleCase.of("global index with ConsistentRead is refused", query(SCORES, "player = :p")
            .indexName(BY_PLAYER).consistentRead(true).expressionAttributeValues(item(":p", s("p1")))),
        OracleCase.of("global index by the table's key is refused", g1("").indexName(BY_PLAYER)),
        OracleCase.of("missing index", g1("").indexName("nope")),
        OracleCase.of("consumed capacity", g1("").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
        OracleCase.of("no hash condition", query(SCORES, "seq > :s").expressionAttributeValues(item(":s", n(1)))),
        OracleCase.of("a non-key attribute in the key condition", query(SCORES, "game = :g AND player = :p")
            .expressionAttributeValues(item(":g", s("g1"), ":p", s("p1")))),
        OracleCase.of("OR in the key condition", query(SCORES, "game = :g OR seq = :s")
            .expressionAttributeValues(item(":g", s("g1"), ":s", n(1)))),
        OracleCase.of("<> in the key condition", g1("seq <> :s", ":s", n(1))),
        OracleCase.of("hash key compared with <", query(SCORES, "game < :g")
            .expressionAttributeValues(item(":g", s("g1")))),
        OracleCase.of("two conditions on the sort key", g1("seq > :a AND seq < :b", ":a", n(1), ":b", n(4))),
        OracleCase.of("begins_with on a number sort key", g1("begins_with(seq, :p)", ":p", n(1))),
        OracleCase.of("key value of the wrong type", g1("seq = :s", ":s", s("1"))),
        OracleCase.of("function other than begins_with", g1("contains(seq, :s)", ":s", n(1))),
        OracleCase.of("missing key condition", QueryRequest.builder().tableName(SCORES)),
        OracleCase.of("Limit 0 is refused", g1("").limit(0)),
        OracleCase.of("missing table", query("Nope", "game = :g").expressionAttributeValues(item(":g", s("g1")))),
        OracleCase.of("unused value", g1("", ":x", n(1))),
        OracleCase.of("key condition syntax error", query(SCORES, "game = :g AND")
            .expressionAttributeValues(item(":g", s("g1")))).errorTypeOnly(DynaliteDeviations.SYNTAX_ERRORS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsDynaliteDoes(OracleCase oracleCase, Differential differential) {
    differential.check(oracleCase);
  }
}
