package io.clix.local.dynamodb.oracle;

import static io.clix.local.dynamodb.oracle.Attr.b;
import static io.clix.local.dynamodb.oracle.Attr.bool;
import static io.clix.local.dynamodb.oracle.Attr.item;
import static io.clix.local.dynamodb.oracle.Attr.n;
import static io.clix.local.dynamodb.oracle.Attr.names;
import static io.clix.local.dynamodb.oracle.Attr.s;
import static io.clix.local.dynamodb.oracle.Attr.ss;
import static io.clix.local.dynamodb.oracle.Fixture.PLAYERS;
import static io.clix.local.dynamodb.oracle.Requests.scan;
import static io.clix.local.dynamodb.oracle.Requests.update;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Condition expressions, the whole grammar: each condition is used both as a Scan filter over the
 * four players (so it is evaluated against items that hold, lack and mistype its attributes) and
 * as the ConditionExpression of an UpdateItem on p1 (so the write passes or fails with
 * ConditionalCheckFailedException). Not here, because dynalite is not the oracle for them
 * ({@link DynaliteDeviations}): comparisons of lists and maps, attribute_type of a BOOL false, and
 * contains with a list operand (whose meaning for a list of lists DynamoDB does not document).
 */
@ExtendWith(DifferentialExtension.class)
class ConditionOracleTest {

  /** A condition and its ExpressionAttributeValues (alternating placeholders and values). */
  record Condition(String expression, Object... values) {}

  static final List<Condition> CONDITIONS = List.of(
      new Condition("lvl = :v", ":v", n(7)),
      new Condition("lvl <> :v", ":v", n(7)),
      new Condition("lvl < :v", ":v", n("2.5")),
      new Condition("lvl <= :v", ":v", n("2.5")),
      new Condition("lvl > :v", ":v", n("2.5")),
      new Condition("lvl >= :v", ":v", n("2.5")),
      new Condition("nick < :v", ":v", s("B")),
      new Condition("nick >= :v", ":v", s("Ada")),
      new Condition("avatar > :v", ":v", b("a")),
      new Condition("lvl = :v", ":v", s("7")),
      new Condition("lvl < :v", ":v", s("7")),
      new Condition("tags = :v", ":v", ss("fast", "red")),
      new Condition("stats.wins > stats.losses"),
      new Condition("stats.streak[0].won = :t", ":t", bool(true)),
      new Condition("nick = nick"),
      new Condition("lvl BETWEEN :a AND :b", ":a", n(-1), ":b", n("2.5")),
      new Condition("nick BETWEEN :a AND :b", ":a", s("A"), ":b", s("Adz")),
      new Condition("lvl BETWEEN :a AND :b", ":a", n(3), ":b", n(1)),
      new Condition("nick IN (:a, :b, :c)", ":a", s("Bob"), ":b", s("Cyd"), ":c", n(1)),
      new Condition("lvl IN (:a)", ":a", n("100")),
      new Condition("lvl > :a AND nick < :b", ":a", n(0), ":b", s("B")),
      new Condition("lvl > :a OR nick < :b", ":a", n(0), ":b", s("B")),
      new Condition("NOT lvl > :a", ":a", n(0)),
      new Condition("NOT lvl > :a OR nick = :b AND active = :t", ":a", n(0), ":b", s("Ada"), ":t", bool(true)),
      new Condition("(NOT lvl > :a OR nick = :b) AND active = :t", ":a", n(0), ":b", s("Ada"), ":t", bool(true)),
      new Condition("((lvl > :a))", ":a", n(0)),
      new Condition("attribute_exists(email)"),
      new Condition("attribute_not_exists(email)"),
      new Condition("attribute_exists(stats.streak[2].c)"),
      new Condition("attribute_not_exists(stats.wins)"),
      new Condition("attribute_exists(history[1])"),
      new Condition("attribute_type(tags, :t)", ":t", s("SS")),
      new Condition("attribute_type(scores, :t)", ":t", s("NS")),
      new Condition("attribute_type(keyset, :t)", ":t", s("BS")),
      new Condition("attribute_type(nick, :t)", ":t", s("S")),
      new Condition("attribute_type(lvl, :t)", ":t", s("N")),
      new Condition("attribute_type(avatar, :t)", ":t", s("B")),
      new Condition("attribute_type(nothing, :t)", ":t", s("NULL")),
      new Condition("attribute_type(stats, :t)", ":t", s("M")),
      new Condition("attribute_type(history, :t)", ":t", s("L")),
      new Condition("attribute_type(nick, :t)", ":t", s("STRING")),
      new Condition("attribute_type(nick, :t)", ":t", n(1)),
      new Condition("begins_with(nick, :p)", ":p", s("Ad")),
      new Condition("begins_with(avatar, :p)", ":p", b("ada")),
      new Condition("begins_with(lvl, :p)", ":p", s("7")),
      new Condition("begins_with(nick, :p)", ":p", n(1)),
      new Condition("contains(nick, :p)", ":p", s("d")),
      new Condition("contains(tags, :p)", ":p", s("red")),
      new Condition("contains(scores, :p)", ":p", n(14)),
      new Condition("contains(history, :p)", ":p", s("two")),
      new Condition("contains(stats, :p)", ":p", s("wins")),
      new Condition("contains(tags, :p)", ":p", ss("red")),
      new Condition("size(nick) = :n", ":n", n(3)),
      new Condition("size(tags) > :n", ":n", n(1)),
      new Condition("size(history) <= :n", ":n", n(0)),
      new Condition("size(stats) = :n", ":n", n(3)),
      new Condition("size(avatar) = :n", ":n", n(7)),
      new Condition("size(lvl) = :n", ":n", n(1)),
      new Condition("size(nick) < size(email)"),
      new Condition("size(stats.streak) BETWEEN :a AND :b", ":a", n(1), ":b", n(3)),
      new Condition("#n = :v AND #s.#w >= :w", ":v", s("Ada"), ":w", n(1)),
      new Condition("attribute_exists(:v)", ":v", s("nick")),
      new Condition("size(nick)"),
      new Condition("lvl"),
      new Condition("begins_with(nick)"),
      new Condition("starts_with(nick, :p)", ":p", s("A")),
      new Condition(":a = :b", ":a", n(1), ":b", n(1)),
      new Condition("lvl = :missing"),
      new Condition("lvl IN ()"),
      new Condition("lvl === :v", ":v", n(1)),
      new Condition("lvl = :v", ":v", n(1), ":unused", n(2)),
      new Condition("attribute_exists(id) AND attribute_not_exists(id)"),
      new Condition("contains(size(nick), :v)", ":v", n(1)),
      new Condition("size(nick) = size(:v)", ":v", s("abc")));

  static Stream<OracleCase> cases() {
    List<OracleCase> cases = new ArrayList<>();
    for (Condition condition : CONDITIONS) {
      boolean named = condition.expression().contains("#");
      boolean syntaxError = condition.expression().contains("===") || condition.expression().contains("IN ()")
          || condition.expression().equals("lvl") || condition.expression().equals("size(nick)");
      var filter = scan(PLAYERS).filterExpression(condition.expression());
      var write = update(PLAYERS, item("id", s("p1")), "SET touched = :touched")
          .conditionExpression(condition.expression()).returnValues(ReturnValue.ALL_NEW);
      if (condition.values().length > 0) {
        filter.expressionAttributeValues(item(condition.values()));
      }
      List<Object> writeValues = new ArrayList<>(List.of(condition.values()));
      writeValues.addAll(List.of(":touched", bool(true)));
      write.expressionAttributeValues(item(writeValues.toArray()));
      if (named) {
        filter.expressionAttributeNames(names("#n", "nick", "#s", "stats", "#w", "wins"));
        write.expressionAttributeNames(names("#n", "nick", "#s", "stats", "#w", "wins"));
      }
      OracleCase asFilter = OracleCase.of("filter " + condition.expression(), filter);
      OracleCase asCondition = OracleCase.of("condition " + condition.expression(), write);
      if (syntaxError) {
        asFilter = asFilter.errorTypeOnly(DynaliteDeviations.SYNTAX_ERRORS);
        asCondition = asCondition.errorTypeOnly(DynaliteDeviations.SYNTAX_ERRORS);
      }
      cases.add(asFilter);
      cases.add(asCondition);
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsDynaliteDoes(OracleCase oracleCase, Differential differential) {
    differential.check(oracleCase);
  }
}
