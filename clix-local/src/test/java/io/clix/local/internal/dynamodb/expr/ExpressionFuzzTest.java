package io.clix.local.internal.dynamodb.expr;

import static io.clix.local.internal.dynamodb.expr.Json.ctx;
import static io.clix.local.internal.dynamodb.expr.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.ServiceError;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded random expressions made of the grammars' own tokens: every parser and every evaluation
 * either succeeds or answers a ValidationException, never another exception.
 */
class ExpressionFuzzTest {

  private static final String[] TOKENS = {"a", "b", "c", "#n", "#m", "#undefined", ":s", ":n", ":l", ":ss", ":m",
      ":undefined", "=", "<>", "<", "<=", ">", ">=", "+", "-", "(", ")", "[", "]", "0", "1", "7", ".", ",",
      "AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE", "size", "if_not_exists", "list_append",
      "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "status", "/", "!"};

  private static final ObjectNode ITEM = obj("{'a': {'N': '1'}, 'b': {'L': [{'S': 'x'}, {'M': {'c': {'N': '2'}}}]},"
      + " 'c': {'M': {'a': {'SS': ['p', 'q']}}}, 'n': {'S': 'text'}}");

  private static ExpressionContext context() {
    return ctx("{'#n': 'n', '#m': 'b'}", "{':s': {'S': 'N'}, ':n': {'N': '3'}, ':l': {'L': [{'N': '1'}]},"
        + " ':ss': {'SS': ['p']}, ':m': {'M': {}}}");
  }

  private static String randomExpression(Random random) {
    StringBuilder sb = new StringBuilder();
    int length = 1 + random.nextInt(12);
    for (int i = 0; i < length; i++) {
      sb.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextInt(3) == 0 ? "" : " ");
    }
    return sb.toString();
  }

  private static int attempt(String expression, Consumer<String> run) {
    try {
      run.accept(expression);
      return 1;
    } catch (ServiceError e) {
      assertThat(e.code()).as(expression).isIn("ValidationException", "SerializationException");
      return 0;
    }
  }

  @Test
  void parsersAndEvaluationsOnlyEverAnswerValidationErrors() {
    Random random = new Random(20261125L);
    int parsed = 0;
    for (int i = 0; i < 4000; i++) {
      String expression = randomExpression(random);
      parsed += attempt(expression, e -> ConditionParser.parse(e, context(), "ConditionExpression").test(ITEM));
      parsed += attempt(expression, e -> UpdateParser.parse(e, context()).apply(ITEM));
      parsed += attempt(expression, e -> ProjectionParser.parse(e, context()).project(ITEM));
      parsed += attempt(expression, e -> KeyConditionParser.parse(e, context(), "a", "b").matchesRange(ITEM.get("b")));
    }
    assertThat(parsed).as("some random expressions are valid").isPositive();
  }

  @Test
  void wellFormedUpdatesFromTheGrammarApplyOrAnswerValidationErrors() {
    Random random = new Random(7L);
    String[] paths = {"a", "b[0]", "b[1].c", "c.a", "#n", "#m[5]", "d", "d.e"};
    String[] values = {":s", ":n", ":l", ":ss", ":m", "a", "b[0]", "if_not_exists(d, :n)", "list_append(:l, b)",
        "a + :n", ":n - a"};
    int applied = 0;
    for (int i = 0; i < 2000; i++) {
      String path = paths[random.nextInt(paths.length)];
      String expression;
      switch (random.nextInt(4)) {
        case 0:
          expression = "SET " + path + " = " + values[random.nextInt(values.length)];
          break;
        case 1:
          expression = "REMOVE " + path;
          break;
        case 2:
          expression = "ADD " + path + " " + (random.nextBoolean() ? ":n" : ":ss");
          break;
        default:
          expression = "DELETE " + path + " :ss";
          break;
      }
      applied += attempt(expression, e -> {
        UpdateExpression update = UpdateParser.parse(e, context());
        ObjectNode after = update.apply(ITEM);
        update.updatedValues(after);
        update.updatedValues(ITEM);
      });
    }
    assertThat(applied).isGreaterThan(500);
  }
}
