package io.clix.local.internal.dynamodb.expr;

import static io.clix.local.internal.dynamodb.expr.Json.assertValidation;
import static io.clix.local.internal.dynamodb.expr.Json.ctx;
import static io.clix.local.internal.dynamodb.expr.Json.node;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyConditionParserTest {

  private static final String VALUES = "{':g': {'S': 'game-1'}, ':lo': {'N': '10'}, ':hi': {'N': '20'},"
      + " ':p': {'S': 'move#'}, ':n': {'N': '15'}}";

  private static KeyCondition parse(String expression) {
    return KeyConditionParser.parse(expression, ctx("{'#pk': 'gameId', '#sk': 'seq'}", VALUES), "gameId", "seq");
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "gameId = :g | {'N': '5'} | true",
      "#pk = :g AND #sk = :n | {'N': '15'} | true",
      "#pk = :g AND #sk = :n | {'N': '15.0'} | true",
      "#pk = :g AND #sk = :n | {'N': '16'} | false",
      "#pk = :g AND #sk < :n | {'N': '14.99'} | true",
      "#pk = :g AND #sk < :n | {'N': '15'} | false",
      "#pk = :g AND #sk <= :n | {'N': '15'} | true",
      "#pk = :g AND #sk > :n | {'N': '15'} | false",
      "#pk = :g AND #sk >= :n | {'N': '15'} | true",
      "#pk = :g AND :n > #sk | {'N': '14'} | true",
      "#pk = :g AND :n > #sk | {'N': '16'} | false",
      "#pk = :g AND #sk BETWEEN :lo AND :hi | {'N': '10'} | true",
      "#pk = :g AND #sk BETWEEN :lo AND :hi | {'N': '20'} | true",
      "#pk = :g AND #sk BETWEEN :lo AND :hi | {'N': '21'} | false",
      "#sk BETWEEN :lo AND :hi AND #pk = :g | {'N': '9'} | false",
      "(#pk = :g) AND (#sk BETWEEN :lo AND :hi) | {'N': '12'} | true",
      "#pk = :g AND begins_with(#sk, :p) | {'S': 'move#3'} | true",
      "#pk = :g AND begins_with(#sk, :p) | {'S': 'mov'} | false",
  })
  void matchesTheSortKeyAsDocumented(String expression, String rangeValue, boolean expected) {
    KeyCondition c = parse(expression);
    assertThat(c.hashKeyName()).isEqualTo("gameId");
    assertThat(c.hashValue()).isEqualTo(node("{'S': 'game-1'}"));
    assertThat(c.matchesRange(node(rangeValue))).isEqualTo(expected);
  }

  @Test
  void exposesTheSortKeyCondition() {
    KeyCondition c = parse("#pk = :g AND #sk BETWEEN :lo AND :hi");
    assertThat(c.hasRangeCondition()).isTrue();
    assertThat(c.rangeOperator()).isEqualTo("BETWEEN");
    assertThat(c.rangeValues()).containsExactly(node("{'N': '10'}"), node("{'N': '20'}"));
    KeyCondition hashOnly = KeyConditionParser.parse("id = :g", ctx(null, "{':g': {'S': 'x'}}"), "id", null);
    assertThat(hashOnly.hasRangeCondition()).isFalse();
    assertThat(hashOnly.matchesRange(null)).isTrue();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(delimiter = '|', value = {
      "#sk = :n | Query condition missed key schema element: gameId",
      "player = :g | Query condition missed key schema element: gameId",
      "#pk = :g AND player = :n | Query condition missed key schema element: seq",
      "#pk < :g | Query key condition not supported",
      "#pk = :g OR #sk = :n | Invalid operator used in KeyConditionExpression: OR",
      "#pk = :g AND NOT #sk = :n | Invalid operator used in KeyConditionExpression: NOT",
      "#pk IN (:g) | Invalid operator used in KeyConditionExpression: IN",
      "#pk <> :g | Invalid operator used in KeyConditionExpression: <>",
      "#pk = :g AND attribute_exists(#sk) | Invalid operator used in KeyConditionExpression: attribute_exists",
      "#pk = :g AND contains(#sk, :p) | Invalid operator used in KeyConditionExpression: contains",
      "#pk = #sk | Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
      ":g = :n | Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: No key attribute specified",
      "#pk = :g AND :lo BETWEEN #sk AND :hi | Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand",
      "#pk = :g AND size(#sk) = :n | KeyConditionExpressions cannot contain nested operations",
      "#pk = :g AND #sk.x = :n | KeyConditionExpressions cannot have conditions on nested attributes",
      "#pk = :g AND #pk = :g | KeyConditionExpressions must only contain one condition per key",
      "#pk = :g AND #sk = :n AND player = :p | Conditions can be of length 1 or 2 only",
      "#pk = :g AND | Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"",
      "#pk = :g AND begins_with(#sk, :n) | Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
  })
  void refusesAsDynamoDbDoes(String expression, String message) {
    assertValidation(() -> parse(expression).hashValue(), message);
  }

  @Test
  void reportsUnusedPlaceholdersBeforeAMisfitToTheKeySchema() {
    ExpressionContext ctx = ctx("{'#0': 'gameId', '#count': 'count'}", null);
    KeyCondition misfit = KeyConditionParser.parse("(#0 = x)", ctx, "gameId", null);
    assertThat(misfit.isValid()).isFalse();
    assertValidation(ctx::checkAllUsed, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#count}");
    ExpressionContext used = ctx("{'#0': 'gameId'}", null);
    KeyConditionParser.parse("(#0 = x)", used, "gameId", null);
    String multiple = "Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: "
        + "Multiple attribute names used in one condition";
    assertValidation(used::checkAllUsed, multiple);
    assertValidation(misfit::hashValue, multiple);
    assertValidation(() -> misfit.matchesRange(node("{'S': 'x'}")), multiple);
  }

  @Test
  void refusesValuesOfTheWrongKeyType() {
    String mismatch = "One or more parameter values were invalid: Condition parameter type does not match schema type";
    ExpressionContext ctx = ctx("{'#pk': 'gameId', '#sk': 'seq'}", "{':g': {'S': 'game-1'}, ':p': {'S': 'move#'}}");
    KeyCondition c = KeyConditionParser.parse("#pk = :g AND #sk = :p", ctx, "gameId", "S", "seq", "N");
    assertValidation(c::rangeValues, mismatch);
    assertValidation(ctx::checkAllUsed, mismatch);
    KeyCondition hash = KeyConditionParser.parse("#pk = :g", ctx("{'#pk': 'gameId'}", "{':g': {'N': '1'}}"), "gameId", "S", null, null);
    assertValidation(hash::hashValue, mismatch);
    KeyCondition fine = KeyConditionParser.parse("#pk = :g AND #sk = :p", ctx("{'#pk': 'gameId', '#sk': 'seq'}",
        "{':g': {'S': 'game-1'}, ':p': {'S': 'move#'}}"), "gameId", "S", "seq", "S");
    assertThat(fine.rangeValues()).containsExactly(node("{'S': 'move#'}"));
  }
}
