package io.clix.local.internal.sfn.asl;

import static io.clix.local.internal.sfn.asl.AslJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntrinsicsTest {

  private final JsonNode input =
      json("{'name':'Ann','n':3,'list':[1,2,1],'obj':{'a':1},'text':'{\\\"x\\\":[1]}','items':[{'k':1},{'k':2}],'nul':null,'two':{'a':{'x':1},'b':1}}");
  private final JsonNode context = json("{'Execution':{'Name':'run-1'},'StateMachine':{'Id':'arn:sm','Name':'sm'}}");

  private JsonNode eval(String expression) {
    return Intrinsics.evaluate(expression, input, context);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "States.Format('Hello, {}!', $.name)|'Hello, Ann!'",
        "States.Format('{} + {} = {}', 1, $.n, 4)|'1 + 3 = 4'",
        "States.Format('{}/{}/{}', true, null, 1.5)|'true/null/1.5'",
        "States.Format('obj={} list={}', $.obj, $.list)|'obj={a=1} list=[1, 2, 1]'",
        "States.Format('ctx {}', $$.StateMachine)|'ctx {Id=arn:sm, Name=sm}'",
        "States.Format('no placeholders')|'no placeholders'",
        "States.StringToJson($.text)|{'x':[1]}",
        "States.StringToJson('12')|12",
        "States.StringToJson(' [1] ')|[1]",
        "States.StringToJson('')|null",
        "States.JsonToString($.obj)|'{\\\"a\\\":1}'",
        "States.JsonToString($.nul)|'null'",
        "States.Array()|[]",
        "States.Array('a', 1, true, null, $.obj)|['a',1,true,null,{'a':1}]",
        "States.ArrayPartition(States.Array(1,2,3,4,5), 2)|[[1,2],[3,4],[5]]",
        "States.ArrayPartition(States.Array(), 2)|[]",
        "States.ArrayContains($.list, 2)|true",
        "States.ArrayContains($.items, $.items[1])|true",
        "States.ArrayContains($.list, '2')|false",
        "States.ArrayRange(1, 9, 2)|[1,3,5,7,9]",
        "States.ArrayRange(5, 1, -2)|[5,3,1]",
        "States.ArrayRange(1, 0, 1)|[]",
        "States.ArrayGetItem($.list, 1)|2",
        "States.ArrayGetItem(States.Array(), 5)|null",
        "States.JsonMerge($.two, $.obj, 'false')|{'a':1,'b':1}",
        "States.ArrayLength($.items)|2",
        "States.ArrayLength($.items[?(@.k > 1)])|1",
        "States.ArrayUnique(States.Array(1, 2, 1, $.obj, $.obj))|[1,2,{'a':1}]",
        "States.Base64Encode('hello')|'aGVsbG8='",
        "States.Base64Decode('aGVsbG8=')|'hello'",
        "States.Hash('abc', 'MD5')|'900150983cd24fb0d6963f7d28e17f72'",
        "States.Hash('abc', 'SHA-1')|'a9993e364706816aba3e25717850c26c9cd0d89d'",
        "States.Hash('abc', 'SHA-256')|'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'",
        "States.JsonMerge($.two, $.obj, false)|{'a':1,'b':1}",
        "States.MathAdd($.n, -5)|-2",
        "States.MathAdd(2147483646, 1)|2147483647",
        "States.StringSplit('a,b+c,,d', ',+')|['a','b','c','d']",
        "States.ArrayGetItem(States.StringSplit($$.Execution.Name, '-'), 1)|'1'",
        "States.ArrayGetItem(States.StringSplit('a-b-c', '-'), States.MathAdd(States.ArrayLength(States.StringSplit('a-b-c', '-')), -1))|'c'",
      })
  void evaluates(String expression, String expected) {
    assertThat(eval(expression)).isEqualTo(json(expected));
  }

  @Test
  void formatHonoursEscapes() {
    assertThat(eval("States.Format('\\{\\} is {}, it\\'s a \\\\ backslash', 'literal')").textValue())
        .isEqualTo("{} is literal, it's a \\ backslash");
  }

  @Test
  void hashesTheLongerAlgorithms() {
    assertThat(eval("States.Hash('abc', 'SHA-384')").textValue()).hasSize(96).startsWith("cb00753f");
    assertThat(eval("States.Hash('abc', 'SHA-512')").textValue()).hasSize(128).startsWith("ddaf35a1");
  }

  @Test
  void mathRandomStaysInRangeAndIsRepeatableWithASeed() {
    for (int i = 0; i < 20; i++) {
      assertThat(eval("States.MathRandom(1, 4)").intValue()).isBetween(1, 3);
    }
    assertThat(eval("States.MathRandom(0, 1000000, 7)")).isEqualTo(eval("States.MathRandom(0, 1000000, 7)"));
  }

  @Test
  void uuidIsAVersion4Uuid() {
    assertThat(eval("States.UUID()").textValue())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(eval("States.UUID()")).isNotEqualTo(eval("States.UUID()"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "States.Format('{} and {}', 1)",
        "States.Format('{}', 1, 2)",
        "States.Format($.n)",
        "States.StringToJson('{not json')",
        "States.StringToJson($.n)",
        "States.ArrayPartition($.list, 0)",
        "States.ArrayRange(0, 1000, 1)",
        "States.ArrayRange(1, 10, 0.49)",
        "States.ArrayRange(0, 10, 0)",
        "States.ArrayGetItem($.list, 3)",
        "States.ArrayGetItem($.list, -1)",
        "States.ArrayLength($.obj)",
        "States.Base64Decode('***')",
        "States.Hash('abc', 'SHA-999')",
        "States.JsonMerge($.obj, $.obj, true)",
        "States.JsonMerge($.obj, $.list, false)",
        "States.MathRandom(5, 5)",
        "States.MathAdd('1', 1)",
        "States.ArrayGetItem($.list)",
        "States.UUID(1)",
        "States.StringToJson()",
        "States.Hash('abc', 'SHA-256', 'extra')",
        "States.MathAdd(3000000000, 1)",
        "States.MathRandom(1.4, 1.6)",
        "States.ArrayPartition($.list, 0.6)",
        "States.Format('Hello {', 1)",
        "States.Format('}')",
        "States.Format('Hello {{}}', 1)",
        "States.MathAdd(2147483647, 1)",
        "States.StringSplit($.n, ',')",
      })
  void rejectsBadArgumentsAsAwsDoes(String expression) {
    String function = expression.substring(0, expression.indexOf('('));
    assertThatThrownBy(() -> eval(expression))
        .isInstanceOfSatisfying(StatesError.class, e -> {
          assertThat(e.error()).isEqualTo("States.Runtime");
          assertThat(e.cause()).startsWith("Invalid arguments in " + function);
        });
  }

  @Test
  void formatArgumentCountMismatchSaysSo() {
    assertThatThrownBy(() -> eval("States.Format('{} and {}', 1)"))
        .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause())
            .isEqualTo("Invalid arguments in States.Format: number of arguments do not match the occurrences of {}."));
  }

  @Test
  void decimalsAreTruncatedExceptByMathAddWhichRounds() {
    assertThat(eval("States.ArrayPartition(States.Array(1,2,3,4,5), 2.6)")).isEqualTo(json("[[1,2],[3,4],[5]]"));
    assertThat(eval("States.ArrayRange(1.9, 4.2, 1.5)")).isEqualTo(json("[1,2,3,4]"));
    assertThat(eval("States.ArrayGetItem($.list, 1.7)")).isEqualTo(json("2"));
    assertThat(eval("States.MathAdd(1.6, 2.7)")).isEqualTo(json("5"));
    assertThat(eval("States.MathAdd(0.1, 0.2)")).isEqualTo(json("0"));
    for (int i = 0; i < 20; i++) {
      assertThat(eval("States.MathRandom(1.6, 3.9)").intValue()).isBetween(1, 2);
    }
  }

  @Test
  void hashAcceptsNonStringDataAsItsJsonText() {
    assertThat(eval("States.Hash(123, 'MD5')")).isEqualTo(eval("States.Hash('123', 'MD5')"));
  }

  @Test
  void inputLongerThanTheLimitIsRejected() {
    JsonNode big = json("{'s':'" + "x".repeat(10_001) + "'}");
    assertThatThrownBy(() -> Intrinsics.evaluate("States.Base64Encode($.s)", big, null))
        .isInstanceOf(StatesError.class);
  }

  @Test
  void missingPathArgumentIsARuntimeError() {
    assertThatThrownBy(() -> Intrinsics.evaluate("States.ArrayLength($.nope)", input, context, "len.$"))
        .isInstanceOfSatisfying(StatesError.class, e -> {
          assertThat(e.error()).isEqualTo("States.Runtime");
          assertThat(e.cause()).startsWith("The JSONPath '$.nope' specified for the field 'len.$'");
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "States.Nope(1)",
        "States.StringToJson('{\\\"a\\\":\\\"b\\\"}')",
        "States.Format('unterminated)",
        "States.Array(1,)",
        "States.Array(1) extra",
        "States.Array(1",
        "$.just.a.path",
        "States.Array($.a[)",
        "States.Array(01x)",
      })
  void rejectsMalformedExpressions(String expression) {
    assertThat(Intrinsics.isValid(expression)).isFalse();
    assertThat(Intrinsics.syntaxError(expression)).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "States.UUID()",
        "States.StringToJson()",
        " States.Array( 1 , 'a' , $.x ) ",
        "States.Format('a {} \\' \\{ \\} \\\\', $$.Execution.Id)",
        "States.Array($.items[?(@.k == 1)], $['a b'])",
      })
  void acceptsWellFormedExpressions(String expression) {
    assertThat(Intrinsics.syntaxError(expression)).isNull();
  }
}
