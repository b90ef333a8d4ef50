package io.clix.local.dynamodb.oracle;

import static io.clix.local.dynamodb.oracle.Attr.b;
import static io.clix.local.dynamodb.oracle.Attr.bool;
import static io.clix.local.dynamodb.oracle.Attr.item;
import static io.clix.local.dynamodb.oracle.Attr.l;
import static io.clix.local.dynamodb.oracle.Attr.m;
import static io.clix.local.dynamodb.oracle.Attr.n;
import static io.clix.local.dynamodb.oracle.Attr.names;
import static io.clix.local.dynamodb.oracle.Attr.ns;
import static io.clix.local.dynamodb.oracle.Attr.nul;
import static io.clix.local.dynamodb.oracle.Attr.s;
import static io.clix.local.dynamodb.oracle.Attr.ss;
import static io.clix.local.dynamodb.oracle.Fixture.BLOBS;
import static io.clix.local.dynamodb.oracle.Fixture.PLAYERS;
import static io.clix.local.dynamodb.oracle.Fixture.SCORES;
import static io.clix.local.dynamodb.oracle.Requests.delete;
import static io.clix.local.dynamodb.oracle.Requests.get;
import static io.clix.local.dynamodb.oracle.Requests.put;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * PutItem, GetItem and DeleteItem: every ReturnValues, conditions, projections, types and key
 * errors. DeleteItem with ReturnValues ALL_NEW is in {@link DocumentedBehaviourTest}: dynalite
 * accepts it, DynamoDB refuses it.
 */
@ExtendWith(DifferentialExtension.class)
class ItemOracleTest {

  static final Map<String, AttributeValue> P1 = item("id", s("p1"));
  static final Map<String, AttributeValue> NEW = item("id", s("p9"));

  static Stream<OracleCase> cases() {
    return Stream.of(
        OracleCase.of("get an item holding every attribute type", get(PLAYERS, P1)),
        OracleCase.of("get a missing item answers no Item", get(PLAYERS, NEW)),
        OracleCase.of("get with ConsistentRead", get(PLAYERS, item("id", s("p2"))).consistentRead(true)),
        OracleCase.of("get a HASH+RANGE item", get(SCORES, item("game", s("g1"), "seq", n(3)))),
        OracleCase.of("get a binary-range item", get(BLOBS, item("h", s("a"), "r", b("ab")))),
        OracleCase.of("get with a projection of nested paths",
            get(PLAYERS, P1).projectionExpression("stats.streak[1].won, tags, history[2][0], stats.wins, nope")),
        OracleCase.of("get with a projection through names",
            get(PLAYERS, P1).projectionExpression("#n, #s.#w").expressionAttributeNames(
                names("#n", "nick", "#s", "stats", "#w", "wins"))),
        OracleCase.of("get with a projection of a list element out of range",
            get(PLAYERS, P1).projectionExpression("history[7], nick")),
        OracleCase.of("get with overlapping projection paths",
            get(PLAYERS, P1).projectionExpression("stats, stats.wins")),
        OracleCase.of("get with an unused name", get(PLAYERS, P1).projectionExpression("nick")
            .expressionAttributeNames(names("#n", "nick"))),
        OracleCase.of("get with names but no projection", get(PLAYERS, P1).expressionAttributeNames(names("#n", "nick"))),
        OracleCase.of("get with the same projection path twice", get(PLAYERS, P1).projectionExpression("nick, nick")),
        OracleCase.of("get with legacy AttributesToGet", get(PLAYERS, P1).attributesToGet("nick", "lvl")),
        OracleCase.of("get with a key missing its hash attribute", get(PLAYERS, item("nick", s("Ada")))),
        OracleCase.of("get with an extra key attribute", get(PLAYERS, item("id", s("p1"), "nick", s("Ada")))),
        OracleCase.of("get with the wrong key type", get(PLAYERS, item("id", n(1)))),
        OracleCase.of("get without the range key", get(SCORES, item("game", s("g1")))),
        OracleCase.of("get from a missing table", get("Nope", P1)),
        OracleCase.of("get with consumed capacity", get(PLAYERS, P1)
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),

        OracleCase.of("put a new item", put(PLAYERS, item("id", s("p9"), "x", n(1))),
            get(PLAYERS, NEW).consistentRead(true)),
        OracleCase.of("put ALL_OLD on a new item answers no Attributes",
            put(PLAYERS, item("id", s("p9"))).returnValues(ReturnValue.ALL_OLD)),
        OracleCase.of("put ALL_OLD over an item answers the old item",
            put(PLAYERS, item("id", s("p1"), "nick", s("new"))).returnValues(ReturnValue.ALL_OLD), get(PLAYERS, P1)),
        OracleCase.of("put NONE", put(PLAYERS, item("id", s("p1"))).returnValues(ReturnValue.NONE)),
        OracleCase.of("put UPDATED_OLD is refused",
            put(PLAYERS, item("id", s("p1"))).returnValues(ReturnValue.UPDATED_OLD)),
        OracleCase.of("put ALL_NEW is refused", put(PLAYERS, item("id", s("p1"))).returnValues(ReturnValue.ALL_NEW)),
        OracleCase.of("put attribute_not_exists over an existing item fails",
            put(PLAYERS, item("id", s("p1"))).conditionExpression("attribute_not_exists(id)")),
        OracleCase.of("put attribute_not_exists on a new item passes",
            put(PLAYERS, item("id", s("p9"))).conditionExpression("attribute_not_exists(id)")
                .returnValues(ReturnValue.ALL_OLD)),
        OracleCase.of("put with a version condition that holds then fails",
            put(PLAYERS, item("id", s("p2"), "lvl", n(3))).conditionExpression("#l = :v")
                .expressionAttributeNames(names("#l", "lvl")).expressionAttributeValues(item(":v", n("2.5"))),
            put(PLAYERS, item("id", s("p2"), "lvl", n(4))).conditionExpression("#l = :v")
                .expressionAttributeNames(names("#l", "lvl")).expressionAttributeValues(item(":v", n("2.5")))),
        OracleCase.of("put normalizes numbers", put(PLAYERS, item("id", s("p9"), "a", n("0001.500"), "b", n("-0"),
                "c", n("1e3"), "d", n("12345678901234567890123456789012345678"), "e", n("0.000000000000000000001"),
                "f", ns("1.0", "01", "2"))),
            get(PLAYERS, NEW)),
        OracleCase.of("put a number with more than 38 digits", put(PLAYERS, item("id", s("p9"),
            "a", n("123456789012345678901234567890123456789")))),
        OracleCase.of("put a number out of range", put(PLAYERS, item("id", s("p9"), "a", n("1e126")))),
        OracleCase.of("put a number that is not a number", put(PLAYERS, item("id", s("p9"), "a", n("12x")))),
        OracleCase.of("put empty strings, lists and maps outside the key",
            put(PLAYERS, item("id", s("p9"), "a", s(""), "b", l(), "c", m(), "d", b(""), "e", m("x", s(""))))
                .returnValues(ReturnValue.ALL_OLD), get(PLAYERS, NEW)),
        OracleCase.of("put an empty string key", put(PLAYERS, item("id", s("")))),
        OracleCase.of("put an empty string set", put(PLAYERS, item("id", s("p9"), "a", ss()))),
        OracleCase.of("put a string set with duplicates", put(PLAYERS, item("id", s("p9"), "a", ss("x", "x")))),
        OracleCase.of("put a number set with equal numbers", put(PLAYERS, item("id", s("p9"), "a", ns("1", "1.0")))),
        OracleCase.of("put without the key", put(PLAYERS, item("nick", s("x")))),
        OracleCase.of("put with the wrong key type", put(SCORES, item("game", s("g1"), "seq", s("1")))),
        OracleCase.of("put an index key of the wrong type", put(SCORES, item("game", s("g9"), "seq", n(1),
            "player", n(3)))),
        OracleCase.of("put into a missing table", put("Nope", item("id", s("x")))),
        OracleCase.of("put NULL false is refused", put(PLAYERS, item("id", s("p9"), "a",
            AttributeValue.builder().nul(false).build()))),
        OracleCase.of("put an attribute value with no type", put(PLAYERS, item("id", s("p9"), "a",
            AttributeValue.builder().build()))),
        OracleCase.of("put with an unused expression value",
            put(PLAYERS, item("id", s("p9"))).conditionExpression("attribute_not_exists(id)")
                .expressionAttributeValues(item(":unused", n(1)))),
        OracleCase.of("put with values but no condition",
            put(PLAYERS, item("id", s("p9"))).expressionAttributeValues(item(":v", n(1)))),
        OracleCase.of("put with consumed capacity", put(PLAYERS, item("id", s("p9"), "x", s("y")))
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)),
        OracleCase.of("put then get a nested document", put(PLAYERS, item("id", s("p9"),
                "doc", m("a", l(m("b", l(n(1), bool(true), nul(), ss("q")))), "c", m("d", m("e", s("f")))))),
            get(PLAYERS, NEW).projectionExpression("doc.a[0].b[3], doc.c.d.e")),
        OracleCase.of("put an item of just under 400 KB", put(PLAYERS, item("id", s("p9"), "blob", s("x".repeat(400_000))))
            .returnValues(ReturnValue.ALL_OLD), get(PLAYERS, NEW).projectionExpression("id")),
        OracleCase.of("put an item over 400 KB", put(PLAYERS, item("id", s("p9"), "blob", s("x".repeat(409_600))))),
        OracleCase.of("put a hash key over 2048 bytes", put(PLAYERS, item("id", s("k".repeat(2049))))),
        OracleCase.of("put a range key over 1024 bytes", put(Fixture.WORDS, item("h", s("w"), "w", s("k".repeat(1025))))),
        OracleCase.of("get with a projection naming a reserved word", get(PLAYERS, P1).projectionExpression("name")),
        OracleCase.of("put with a condition naming a reserved word",
            put(PLAYERS, item("id", s("p1"))).conditionExpression("attribute_exists(level)")),

        OracleCase.of("delete ALL_OLD answers the old item",
            delete(PLAYERS, P1).returnValues(ReturnValue.ALL_OLD), get(PLAYERS, P1)),
        OracleCase.of("delete a missing item ALL_OLD", delete(PLAYERS, NEW).returnValues(ReturnValue.ALL_OLD)),
        OracleCase.of("delete NONE", delete(PLAYERS, P1).returnValues(ReturnValue.NONE)),
        OracleCase.of("delete with a condition that fails",
            delete(PLAYERS, P1).conditionExpression("lvl > :l").expressionAttributeValues(item(":l", n(10))),
            get(PLAYERS, P1)),
        OracleCase.of("delete with a condition that holds",
            delete(PLAYERS, P1).conditionExpression("lvl > :l AND contains(tags, :t)")
                .expressionAttributeValues(item(":l", n(6), ":t", s("red"))).returnValues(ReturnValue.ALL_OLD)),
        OracleCase.of("delete a missing item with attribute_exists fails",
            delete(PLAYERS, NEW).conditionExpression("attribute_exists(id)")),
        OracleCase.of("delete from a HASH+RANGE table without the range key",
            delete(SCORES, item("game", s("g1")))),
        OracleCase.of("delete with a condition on a missing name placeholder",
            delete(PLAYERS, P1).conditionExpression("#missing = :v").expressionAttributeValues(item(":v", n(1)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsDynaliteDoes(OracleCase oracleCase, Differential differential) {
    differential.check(oracleCase);
  }
}
