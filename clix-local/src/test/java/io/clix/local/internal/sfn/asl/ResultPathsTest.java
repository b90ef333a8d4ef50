package io.clix.local.internal.sfn.asl;

import static io.clix.local.internal.sfn.asl.AslJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ResultPathsTest {

  private final JsonNode input = json("{'a':{'b':1},'list':[1,2],'s':'x'}");
  private final JsonNode result = json("{'r':true}");

  @Test
  void dollarReplacesTheInput() {
    assertThat(ResultPaths.apply(input, "$", result)).isEqualTo(result);
  }

  @Test
  void nullDiscardsTheResult() {
    assertThat(ResultPaths.apply(input, null, result)).isSameAs(input);
  }

  @Test
  void nestedPathCreatesObjectsAndLeavesTheInputUntouched() {
    JsonNode out = ResultPaths.apply(input, "$.x.y", result);
    assertThat(out).isEqualTo(json("{'a':{'b':1},'list':[1,2],'s':'x','x':{'y':{'r':true}}}"));
    assertThat(input).isEqualTo(json("{'a':{'b':1},'list':[1,2],'s':'x'}"));
  }

  @Test
  void replacesAnExistingFieldAndAnArrayElement() {
    assertThat(ResultPaths.apply(input, "$.a.b", result).at("/a/b")).isEqualTo(result);
    assertThat(ResultPaths.apply(input, "$.list[1]", result).at("/list/1")).isEqualTo(result);
  }

  @Test
  void stepIntoAScalarFails() {
    assertThatThrownBy(() -> ResultPaths.apply(input, "$.s.t", result))
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo("States.Runtime");
              assertThat(e.cause()).startsWith("Unable to apply ReferencePath $.s.t to input ");
            });
    assertThatThrownBy(() -> ResultPaths.apply(json("'text'"), "$.r", result)).isInstanceOf(StatesError.class);
  }

  @Test
  void inputAndOutputPaths() {
    assertThat(ResultPaths.inputPath(input, null, null)).isEqualTo(json("{}"));
    assertThat(ResultPaths.inputPath(input, "$", null)).isSameAs(input);
    assertThat(ResultPaths.inputPath(input, "$.a", null)).isEqualTo(json("{'b':1}"));
    assertThat(ResultPaths.outputPath(input, "$$.Execution.Input", json("{'Execution':{'Input':5}}")))
        .isEqualTo(json("5"));
    assertThat(ResultPaths.outputPath(input, null)).isEqualTo(json("{}"));
    assertThatThrownBy(() -> ResultPaths.outputPath(input, "$.missing")).isInstanceOf(StatesError.class);
  }

  @Test
  void pathFieldDistinguishesAbsentFromNull() {
    JsonNode state = json("{'InputPath':null,'OutputPath':'$.a'}");
    assertThat(ResultPaths.pathField(state, "InputPath")).isNull();
    assertThat(ResultPaths.pathField(state, "OutputPath")).isEqualTo("$.a");
    assertThat(ResultPaths.pathField(state, "ResultPath")).isEqualTo("$");
  }
}
