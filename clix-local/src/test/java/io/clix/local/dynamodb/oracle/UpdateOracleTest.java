package io.clix.local.dynamodb.oracle;

import static io.clix.local.dynamodb.oracle.Attr.item;
import static io.clix.local.dynamodb.oracle.Attr.l;
import static io.clix.local.dynamodb.oracle.Attr.m;
import static io.clix.local.dynamodb.oracle.Attr.n;
import static io.clix.local.dynamodb.oracle.Attr.names;
import static io.clix.local.dynamodb.oracle.Attr.ns;
import static io.clix.local.dynamodb.oracle.Attr.s;
import static io.clix.local.dynamodb.oracle.Attr.ss;
import static io.clix.local.dynamodb.oracle.Attr.bs;
import static io.clix.local.dynamodb.oracle.Fixture.PLAYERS;
import static io.clix.local.dynamodb.oracle.Fixture.SCORES;
import static io.clix.local.dynamodb.oracle.Requests.get;
import static io.clix.local.dynamodb.oracle.Requests.update;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * UpdateItem: SET (with {@code +}, {@code -}, if_not_exists, list_append), REMOVE, ADD and DELETE,
 * nested paths, every ReturnValues, conditions, and the update expression's validation errors.
 * Arithmetic past the largest number is in {@link DocumentedBehaviourTest}: dynalite stores it.
 */
@ExtendWith(DifferentialExtension.class)
class UpdateOracleTest {

  static final Map<String, AttributeValue> P1 = item("id", s("p1"));
  static final Map<String, AttributeValue> P2 = item("id", s("p2"));
  static final Map<String, AttributeValue> NEW = item("id", s("p9"));

  /** An update of p1 answering ALL_NEW, with {@code values} as ExpressionAttributeValues (may be empty). */
  static UpdateItemRequest.Builder p1(String expression, Object... values) {
    UpdateItemRequest.Builder builder = update(PLAYERS, P1, expression).returnValues(ReturnValue.ALL_NEW);
    return values.length == 0 ? builder : builder.expressionAttributeValues(item(values));
  }

  static Stream<OracleCase> cases() {
    return Stream.of(
        OracleCase.of("SET a new attribute ALL_NEW", p1("SET fresh = :v", ":v", s("x"))),
        OracleCase.of("SET ALL_OLD", p1("SET fresh = :v", ":v", s("x")).returnValues(ReturnValue.ALL_OLD)),
        OracleCase.of("SET UPDATED_OLD of a new attribute",
            p1("SET fresh = :v", ":v", s("x")).returnValues(ReturnValue.UPDATED_OLD)),
        OracleCase.of("SET UPDATED_OLD of an existing attribute",
            p1("SET lvl = :v, nick = :n", ":v", n(8), ":n", s("A")).returnValues(ReturnValue.UPDATED_OLD)),
        OracleCase.of("SET UPDATED_NEW",
            p1("SET lvl = :v, stats.wins = :v", ":v", n(8)).returnValues(ReturnValue.UPDATED_NEW)),
        OracleCase.of("SET NONE", p1("SET lvl = :v", ":v", n(8)).returnValues(ReturnValue.NONE), get(PLAYERS, P1)),
        OracleCase.of("UPDATED_NEW of a nested list element",
            p1("SET stats.streak[1].won = :t", ":t", Attr.bool(true)).returnValues(ReturnValue.UPDATED_NEW)),
        OracleCase.of("UPDATED_OLD of a removed nested attribute",
            p1("REMOVE stats.streak[0].game, history[1]").returnValues(ReturnValue.UPDATED_OLD)),
        OracleCase.of("update creates a missing item",
            update(PLAYERS, NEW, "SET x = :v").expressionAttributeValues(item(":v", n(1)))
                .returnValues(ReturnValue.ALL_NEW), get(PLAYERS, NEW)),
        OracleCase.of("update with no expression creates a key-only item",
            UpdateItemRequest.builder().tableName(PLAYERS).key(NEW).returnValues(ReturnValue.ALL_NEW),
            get(PLAYERS, NEW)),
        OracleCase.of("REMOVE on a missing item creates it",
            update(PLAYERS, NEW, "REMOVE x").returnValues(ReturnValue.ALL_NEW)),
        OracleCase.of("SET a = a + :n", p1("SET lvl = lvl + :n", ":n", n("0.5"))),
        OracleCase.of("SET a = :n - a", p1("SET lvl = :n - lvl", ":n", n(10))),
        OracleCase.of("SET arithmetic on nested numbers", p1("SET stats.wins = stats.wins + stats.losses")),
        OracleCase.of("SET arithmetic keeps 38 digits",
            p1("SET big = :a + :b", ":a", n("99999999999999999999999999999999999999"), ":b", n("-1"))),
        OracleCase.of("SET arithmetic overflowing 38 digits",
            p1("SET big = :a + :b", ":a", n("99999999999999999999999999999999999999"), ":b", n("1"))),
        OracleCase.of("SET decimal arithmetic is exact", p1("SET a = :x + :y, b = :y - :y, c = :z - :x",
            ":x", n("0.1"), ":y", n("0.2"), ":z", n("-0.1"))),
        OracleCase.of("SET arithmetic at the smallest magnitude", p1("SET a = :x - :y", ":x", n("1E-130"),
            ":y", n("2E-130"))),
        OracleCase.of("SET arithmetic on a missing attribute",
            p1("SET lvl = nope + :n", ":n", n(1))),
        OracleCase.of("SET arithmetic on a string", p1("SET lvl = nick + :n", ":n", n(1))),
        OracleCase.of("SET if_not_exists on an existing attribute", p1("SET lvl = if_not_exists(lvl, :d)", ":d", n(0))),
        OracleCase.of("SET if_not_exists on a missing attribute", p1("SET cnt = if_not_exists(cnt, :d) + :one",
            ":d", n(0), ":one", n(1))),
        OracleCase.of("SET if_not_exists with a nested path", p1("SET stats.draws = if_not_exists(stats.draws, :z)",
            ":z", n(0))),
        OracleCase.of("SET list_append at the end", p1("SET history = list_append(history, :l)", ":l", l(n(4)))),
        OracleCase.of("SET list_append at the front", p1("SET history = list_append(:l, history)", ":l", l(n(0)))),
        OracleCase.of("SET list_append with if_not_exists",
            p1("SET trail = list_append(if_not_exists(trail, :e), :l)", ":e", l(), ":l", l(s("x")))),
        OracleCase.of("SET list_append on a non-list", p1("SET nick = list_append(nick, :l)", ":l", l(n(4)))),
        OracleCase.of("SET a list element past the end appends", p1("SET history[10] = :v", ":v", s("tail"))),
        OracleCase.of("SET nested a.b[2].c", p1("SET stats.streak[2].c = :v", ":v", n(10))),
        OracleCase.of("SET nested through names",
            p1("SET #s.#k[0].#w = :v", ":v", Attr.bool(false))
                .expressionAttributeNames(names("#s", "stats", "#k", "streak", "#w", "won"))),
        OracleCase.of("SET under a missing map is invalid", p1("SET nomap.x = :v", ":v", n(1))),
        OracleCase.of("SET an index of a non-list is invalid", p1("SET nick[0] = :v", ":v", n(1))),
        OracleCase.of("SET a list element in the middle", p1("SET history[1] = :v", ":v", m("x", n(1)))),
        OracleCase.of("SET growing an item over 400 KB", p1("SET blob = :v", ":v", s("x".repeat(409_600)))),
        OracleCase.of("SET a nested path on a missing item", update(PLAYERS, NEW, "SET a.b = :v")
            .expressionAttributeValues(item(":v", n(1)))),
        OracleCase.of("SET through a missing list element", p1("SET history[9].x = :v", ":v", n(1))),
        OracleCase.of("REMOVE through a missing map", p1("REMOVE nomap.x, stats.nope.y")),
        OracleCase.of("ADD to a nested set inside a list", p1("SET history[3] = :s ADD stats.wins :one",
            ":s", ss("q"), ":one", n(1))),
        OracleCase.of("SET a map value", p1("SET stats = :m", ":m", m("wins", n(1)))),
        OracleCase.of("SET a key attribute is refused", p1("SET id = :v", ":v", s("p7"))),
        OracleCase.of("SET the same path twice", p1("SET lvl = :v, lvl = :v", ":v", n(1))),
        OracleCase.of("SET overlapping paths", p1("SET stats = :m, stats.wins = :v", ":m", m(), ":v", n(1))),
        OracleCase.of("SET an empty string", p1("SET nick = :e", ":e", s(""))),
        OracleCase.of("REMOVE attributes", p1("REMOVE nick, tags, nope")),
        OracleCase.of("REMOVE a nested list element shifts the list", p1("REMOVE stats.streak[0], history[5]")),
        OracleCase.of("REMOVE a key attribute is refused", p1("REMOVE id")),
        OracleCase.of("ADD to a number", p1("ADD lvl :n", ":n", n(-3))),
        OracleCase.of("ADD to a missing number", p1("ADD cnt :n", ":n", n(2))),
        OracleCase.of("ADD to a string set", p1("ADD tags :t", ":t", ss("red", "slow"))),
        OracleCase.of("ADD to a number set", p1("ADD scores :t", ":t", ns(3, "92.5"))),
        OracleCase.of("ADD to a binary set", p1("ADD keyset :t", ":t", bs("k3"))),
        OracleCase.of("ADD a set to a missing attribute", p1("ADD newset :t", ":t", ss("a"))),
        OracleCase.of("ADD a number set to a string set", p1("ADD tags :t", ":t", ns(1))),
        OracleCase.of("ADD a string to a string", p1("ADD nick :t", ":t", s("x"))),
        OracleCase.of("ADD a list is refused", p1("ADD history :t", ":t", l(n(1)))),
        OracleCase.of("ADD on a nested path", p1("ADD stats.wins :n", ":n", n(1))),
        OracleCase.of("DELETE from a string set", p1("DELETE tags :t", ":t", ss("red", "nope"))),
        OracleCase.of("DELETE the last members removes the set", p1("DELETE tags :t", ":t", ss("red", "fast"))),
        OracleCase.of("DELETE from a number set", p1("DELETE scores :t", ":t", ns(14))),
        OracleCase.of("DELETE from a missing attribute", p1("DELETE nope :t", ":t", ss("a"))),
        OracleCase.of("DELETE a number", p1("DELETE lvl :t", ":t", n(1))),
        OracleCase.of("DELETE a set of another type", p1("DELETE tags :t", ":t", ns(1))),
        OracleCase.of("all four clauses together", p1("SET a = :a REMOVE nick ADD lvl :one DELETE tags :t",
            ":a", n(1), ":one", n(1), ":t", ss("red"))),
        OracleCase.of("clauses in another order", p1("DELETE tags :t ADD lvl :one REMOVE nick SET a = :a",
            ":a", n(1), ":one", n(1), ":t", ss("red"))),
        OracleCase.of("a clause repeated", p1("SET a = :a SET b = :a", ":a", n(1))),
        OracleCase.of("update and condition through the same names",
            p1("SET #s.#w = #s.#w + :one", ":one", n(1), ":min", n(5)).conditionExpression("#s.#w >= :min")
                .expressionAttributeNames(names("#s", "stats", "#w", "wins"))),
        OracleCase.of("update a key with an extra attribute", update(PLAYERS, item("id", s("p1"), "nick", s("Ada")),
            "SET a = :a").expressionAttributeValues(item(":a", n(1)))),
        OracleCase.of("update with a condition that holds",
            p1("SET lvl = lvl + :one", ":one", n(1), ":min", n(7)).conditionExpression("lvl >= :min")),
        OracleCase.of("update with a condition that fails",
            p1("SET lvl = lvl + :one", ":one", n(1), ":min", n(8)).conditionExpression("lvl >= :min"),
            get(PLAYERS, P1)),
        OracleCase.of("update a missing item with attribute_exists fails",
            update(PLAYERS, NEW, "SET x = :v").conditionExpression("attribute_exists(id)")
                .expressionAttributeValues(item(":v", n(1)))),
        OracleCase.of("update a HASH+RANGE item and its index keys",
            update(SCORES, item("game", s("g1"), "seq", n(2)), "SET score = score + :d, ts = :t")
                .expressionAttributeValues(item(":d", n(100), ":t", n(5))).returnValues(ReturnValue.ALL_NEW)),
        OracleCase.of("update an index key to the wrong type",
            update(SCORES, item("game", s("g1"), "seq", n(2)), "SET score = :d")
                .expressionAttributeValues(item(":d", s("high")))),
        OracleCase.of("update with an unused value", p1("SET a = :a", ":a", n(1), ":b", n(2))),
        OracleCase.of("update with a missing value", p1("SET a = :a")),
        OracleCase.of("update with an unused name", p1("SET a = :a", ":a", n(1))
            .expressionAttributeNames(names("#x", "x"))),
        OracleCase.of("update with a missing name", p1("SET #x = :a", ":a", n(1))),
        OracleCase.of("update with a syntax error", p1("SET a = ", ":a", n(1)))
            .errorTypeOnly(DynaliteDeviations.SYNTAX_ERRORS),
        OracleCase.of("update with an unknown clause", p1("PUT a = :a", ":a", n(1)))
            .errorTypeOnly(DynaliteDeviations.SYNTAX_ERRORS),
        OracleCase.of("update with an unknown function", p1("SET a = concat(:a, :a)", ":a", n(1))),
        OracleCase.of("update with a function used in a condition only", p1("SET a = size(nick)")),
        OracleCase.of("update with an empty expression", p1("")),
        OracleCase.of("update with legacy AttributeUpdates and an expression",
            p1("SET a = :a", ":a", n(1)).attributeUpdates(Map.of())),
        OracleCase.of("update a wrong key", update(PLAYERS, item("id", n(1)), "SET a = :a")
            .expressionAttributeValues(item(":a", n(1)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsDynaliteDoes(OracleCase oracleCase, Differential differential) {
    differential.check(oracleCase);
  }
}
