package io.clix.local.internal.dynamodb.expr;

import static io.clix.local.internal.dynamodb.expr.Json.assertValidation;
import static io.clix.local.internal.dynamodb.expr.Json.ctx;
import static io.clix.local.internal.dynamodb.expr.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionContextTest {

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
      "{} | | ExpressionAttributeNames must not be empty",
      " | {} | ExpressionAttributeValues must not be empty",
      "{'a': 'a'} | | ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"",
      "{'#a-b': 'a'} | | ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"",
      " | {'loc': {'S': 'x'}} | ExpressionAttributeValues contains invalid key: Syntax error; key: \"loc\"",
      " | {':b': {}} | ExpressionAttributeValues contains invalid value: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes for key :b",
      " | {':b': {'SS': []}} | ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :b",
      " | {':b': {'NS': ['1', 'b']}} | ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: b for key :b",
      " | {':ok': {'S': 'x'}, ':b': {'S': 'a', 'N': '1'}} | ExpressionAttributeValues contains invalid value: Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes for key :b",
  })
  void refusesMalformedMaps(String names, String values, String message) {
    assertValidation(() -> ctx(names, values), message);
  }

  @Test
  void serializationErrorsPassThroughUnwrapped() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ctx(null, "{':v': {'N': 5}}"))
        .isInstanceOfSatisfying(io.clix.local.internal.http.ServiceError.class,
            e -> assertThat(e.code()).isEqualTo("SerializationException"));
  }

  @Test
  void reportsUnusedNamesBeforeUnusedValues() {
    ExpressionContext ctx = ctx("{'#a': 'a', '#count': 'count', '#b': 'b'}", "{':v': {'S': 'x'}, ':w': {'S': 'y'}}");
    ConditionParser.parse("#a = :v", ctx, "ConditionExpression");
    assertValidation(ctx::checkAllUsed, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#count, #b}");
    ProjectionParser.parse("#count, #b", ctx);
    assertValidation(ctx::checkAllUsed, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}");
    UpdateParser.parse("SET x = :w", ctx);
    assertThatCode(ctx::checkAllUsed).doesNotThrowAnyException();
  }

  @Test
  void resolvesPlaceholdersWithCanonicalValues() {
    ExpressionContext ctx = ctx("{'#s': 'status'}", "{':n': {'N': '007.50'}}");
    assertThat(ctx.name("#s")).isEqualTo("status");
    assertThat(ctx.value(":n")).isEqualTo(obj("{'N': '7.5'}"));
    assertThat(ctx.name("#missing")).isNull();
    assertThat(ctx.value(":missing")).isNull();
    assertThat(ExpressionContext.of(obj("{'TableName': 't'}")).hasNames()).isFalse();
    assertThat(ExpressionContext.of(obj("{'ExpressionAttributeNames': null}")).hasNames()).isFalse();
  }

  @Test
  void aReservedWordIsFineBehindAPlaceholder() {
    ExpressionContext ctx = ctx("{'#s': 'status'}", "{':v': {'S': 'open'}}");
    Condition c = ConditionParser.parse("#s = :v", ctx, "ConditionExpression");
    assertThat(c.test(obj("{'status': {'S': 'open'}}"))).isTrue();
    assertThat(ReservedWords.count()).isEqualTo(573);
    assertThat(ReservedWords.isReserved("Status")).isTrue();
    assertThat(ReservedWords.isReserved("gameId")).isFalse();
  }
}
