package io.clix.local.internal.sfn.asl;

import static io.clix.local.internal.sfn.asl.AslJson.json;
import static io.clix.local.internal.sfn.asl.AslJson.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathsTest {

  private final JsonNode input =
      json("{'a':null,'b':{'c':1,'d-e':'x'},'arr':[{'k':0},{'k':1},{'k':2}],'s':'str'}");
  private final JsonNode context = json("{'Execution':{'Id':'arn:e','Input':{'v':7}},'State':{'Name':'S'}}");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "$|{'a':null,'b':{'c':1,'d-e':'x'},'arr':[{'k':0},{'k':1},{'k':2}],'s':'str'}",
        "$.a|null",
        "$.b.c|1",
        "$.b.d-e|'x'",
        "$['b']['c']|1",
        "$.arr[1]|{'k':1}",
        "$.arr[2].k|2",
        "$.arr[*].k|[0,1,2]",
        "$.arr[?(@.k > 0)]|[{'k':1},{'k':2}]",
        "$..k|[0,1,2]",
        "$.arr[0:2]|[{'k':0},{'k':1}]",
        "$.arr.length()|3",
        "$$.Execution.Id|'arn:e'",
        "$$.Execution.Input.v|7",
        "$$|{'Execution':{'Id':'arn:e','Input':{'v':7}},'State':{'Name':'S'}}",
      })
  void readsDefiniteAndIndefinitePaths(String path, String expected) {
    assertThat(JsonPaths.read(input, path, context)).isEqualTo(json(expected));
  }

  @Test
  void quotedNamesKeepBackslashesThatDoNotEscapeTheQuote() {
    JsonNode doc = raw("{\"Te\\\\\\\"st\": 1, \"it's\": 2}"); // keys: Te\"st and it's
    assertThat(JsonPaths.read(doc, "$['Te\\\"st']", null)).isEqualTo(json("1"));
    assertThat(JsonPaths.read(doc, "$['it\\'s']", null)).isEqualTo(json("2"));
  }

  @Test
  void missingPathWithoutFieldNameUsesTheInvalidPathCause() {
    assertThatThrownBy(() -> JsonPaths.read(input, "$.b.zz", context))
        .isInstanceOfSatisfying(
            StatesError.class,
            e -> {
              assertThat(e.error()).isEqualTo("States.Runtime");
              assertThat(e.cause()).isEqualTo("Invalid path '$.b.zz' : No results for path: $['b']['zz']");
            });
  }

  @Test
  void missingPathWithFieldNameNamesTheFieldAndPrintsTheInput() {
    JsonNode small = json("{'x':1}");
    assertThatThrownBy(() -> JsonPaths.read(small, "$.y", null, "ErrorPath"))
        .isInstanceOfSatisfying(
            StatesError.class,
            e ->
                assertThat(e.cause())
                    .isEqualTo(
                        "The JSONPath '$.y' specified for the field 'ErrorPath' could not be found in the input '{\"x\":1}'"));
  }

  @Test
  void indexOutOfRangeIsMissingNotNull() {
    assertThat(JsonPaths.find(input, "$.arr[3]", null)).isEmpty();
    assertThat(JsonPaths.isPresent(input, "$.arr[3]")).isFalse();
  }

  @Test
  void presenceCountsJsonNullAndIgnoresEmptyMatches() {
    assertThat(JsonPaths.isPresent(input, "$.a")).isTrue();
    assertThat(JsonPaths.isPresent(input, "$.zz")).isFalse();
    assertThat(JsonPaths.isPresent(input, "$.s.zz")).isFalse();
    assertThat(JsonPaths.isPresent(input, "$.arr[?(@.k > 5)]")).isFalse();
    assertThat(JsonPaths.isPresent(input, "$$.State.Name", context)).isTrue();
  }

  @Test
  void classifiesPaths() {
    assertThat(JsonPaths.isValidPath("$.a[0].b")).isTrue();
    assertThat(JsonPaths.isValidPath("$$.Execution.Id")).isTrue();
    assertThat(JsonPaths.isValidPath("a.b")).isFalse();
    assertThat(JsonPaths.isValidPath("$.a[")).isFalse();
    assertThat(JsonPaths.isValidPath("$.a]")).isFalse();
    assertThat(JsonPaths.isReferencePath("$.a.b")).isTrue();
    assertThat(JsonPaths.isReferencePath("$.a[*]")).isFalse();
  }
}
