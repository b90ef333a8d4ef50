package io.clix.local.internal.sfn.asl;

import static io.clix.local.internal.sfn.asl.AslJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JSONata as Step Functions evaluates it, from "Transforming data with JSONata in Step Functions":
 * {@code {% %}} strings, {@code $states}, the functions AWS adds, and the failures it names.
 */
class JsonataExpressionsTest {

  private static final Map<String, JsonNode> STATES = Map.of(
      "states", json("{'input':{'items':[1,2,3],'name':'x'},'context':{'Execution':{'Name':'e1'}}}"),
      "limit", json("2"));

  private static JsonNode eval(String expression) {
    return JsonataExpressions.evaluate("{% " + expression + " %}", STATES, "Output");
  }

  @Test
  void expressionsSeeStatesAndVariables() {
    assertThat(eval("$states.input.items[1]")).isEqualTo(json("2"));
    assertThat(eval("$states.context.Execution.Name & '-' & $states.input.name")).isEqualTo(json("'e1-x'"));
    assertThat(eval("$count($states.input.items[$ > $limit])")).isEqualTo(json("1"));
  }

  @Test
  void templatesEvaluateEveryExpressionStringAndKeepLiterals() {
    JsonNode resolved = JsonataExpressions.resolve(
        json("{'a':'{% $states.input.name %}','b':[1,'{% $sum($states.input.items) %}'],'c':'plain {% x'}"),
        STATES, "Arguments");
    assertThat(resolved).isEqualTo(json("{'a':'x','b':[1,6],'c':'plain {% x'}"));
  }

  @Test
  void nullIsAValueButNothingIsAFailureNamingTheField() {
    assertThat(eval("null")).isEqualTo(json("null"));
    assertThat(eval("{'a': null}")).isEqualTo(json("{'a':null}"));
    assertThatThrownBy(() -> JsonataExpressions.resolve(json("{'FunctionName':'{% $nope %}'}"), STATES, "Arguments"))
        .isInstanceOfSatisfying(StatesError.class, e -> {
          assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
          assertThat(e.location()).isEqualTo("Arguments/FunctionName");
          assertThat(e.cause()).isEqualTo("The JSONata expression '$nope' specified for the field "
              + "'Arguments/FunctionName' returned nothing (undefined).");
        });
  }

  @Test
  void awsFunctionsAnswerAsDocumented() {
    assertThat(eval("$partition([1,2,3,4,5], 2)")).isEqualTo(json("[[1,2],[3,4],[5]]"));
    assertThat(eval("$range(0, 10, 2)")).isEqualTo(json("[0,2,4,6,8,10]"));
    assertThat(eval("$range(0, 10, 3)")).isEqualTo(json("[0,3,6,9]"));
    assertThat(eval("$hash('', 'MD5')")).isEqualTo(json("'d41d8cd98f00b204e9800998ecf8427e'"));
    assertThat(eval("$hash('abc', 'SHA-256')").asText())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(eval("$parse('{\"a\":[1,true]}')")).isEqualTo(json("{'a':[1,true]}"));
    assertThat(eval("$random(7)")).isEqualTo(eval("$random(7)"));
    assertThat(eval("$random()").asDouble()).isBetween(0.0, 1.0);
    assertThat(eval("$uuid()").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void badArgumentsAndSyntaxFailAsQueryEvaluationErrors() {
    assertThatThrownBy(() -> eval("$hash('a', 'SHA-999')")).isInstanceOfSatisfying(StatesError.class,
        e -> assertThat(e.error()).isEqualTo("States.QueryEvaluationError"));
    assertThatThrownBy(() -> eval("$partition([1], 0)")).isInstanceOf(StatesError.class);
    assertThatThrownBy(() -> eval("1 +")).isInstanceOfSatisfying(StatesError.class,
        e -> assertThat(e.cause()).startsWith("The JSONata expression '1 +' specified for the field 'Output'"));
  }

  @Test
  void functionsAreNoJsonResult() {
    assertThatThrownBy(() -> eval("function($x) { $x }")).isInstanceOfSatisfying(StatesError.class,
        e -> assertThat(e.cause()).endsWith("returned an unsupported result type."));
  }

  @Test
  void onlyWholeDelimitedStringsAreExpressions() {
    assertThat(JsonataExpressions.isExpression("{% 1 %}")).isTrue();
    assertThat(JsonataExpressions.isExpression("x {% 1 %}")).isFalse();
    assertThat(JsonataExpressions.isExpression("{% 1")).isFalse();
  }
}
