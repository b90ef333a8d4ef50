package io.clix.local.internal.dynamodb.expr;

import static io.clix.local.internal.dynamodb.expr.Json.assertValidation;
import static io.clix.local.internal.dynamodb.expr.Json.node;
import static io.clix.local.internal.dynamodb.expr.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clix.local.internal.http.ServiceError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeValuesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1.50, 1.5",
      "0100, 100",
      "1E+2, 100",
      "1e2, 100",
      "-0.000, 0",
      "-12.340e-1, -1.234",
      "5, 5",
      "9.9999999999999999999999999999999999999E+125, 999999999999999999999999999999999999990000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
      "1E-130, 0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
  })
  void numbersComeBackInCanonicalForm(String text, String canonical) {
    assertThat(AttributeValues.canonicalNumber(text)).isEqualTo(canonical);
    assertThat(AttributeValues.validate(node("{'N': '" + text + "'}"))).isEqualTo(node("{'N': '" + canonical + "'}"));
  }

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(delimiter = '|', value = {
      "1E+126 | Number overflow. Attempting to store a number with magnitude larger than supported range",
      "-1E+126 | Number overflow. Attempting to store a number with magnitude larger than supported range",
      "1E-131 | Number underflow. Attempting to store a number with magnitude smaller than supported range",
      "1.23456789012345678901234567890123456789 | Attempting to store more than 38 significant digits in a Number",
      "abc | The parameter cannot be converted to a numeric value: abc",
      "'' | The parameter cannot be converted to a numeric value",
  })
  void numbersOutsideDynamoDbsRangeAreRefused(String text, String message) {
    assertValidation(() -> AttributeValues.canonicalNumber(text), message);
  }

  @Test
  void thirtyEightDigitsAreAccepted() {
    assertThat(AttributeValues.canonicalNumber("1.2345678901234567890123456789012345678")).hasSize(39);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{} | Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
      "{'X': 'a'} | Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
      "{'S': 'a', 'N': '1'} | Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
      "{'NULL': false} | One or more parameter values were invalid: Null attribute value types must have the value of true",
      "{'SS': []} | One or more parameter values were invalid: An string set  may not be empty",
      "{'NS': []} | One or more parameter values were invalid: An number set  may not be empty",
      "{'BS': []} | One or more parameter values were invalid: Binary sets should not be empty",
      "{'SS': ['a', 'a']} | One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
      "{'NS': ['1', '1.0']} | Input collection contains duplicates",
      "{'BS': ['Yg==', 'Yg==']} | One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.",
      "{'M': {'inner': {'NS': []}}} | One or more parameter values were invalid: An number set  may not be empty",
      "{'L': [{'N': 'x'}]} | The parameter cannot be converted to a numeric value: x",
  })
  void malformedValuesAreRefused(String value, String message) {
    assertValidation(() -> AttributeValues.validate(node(value)), message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{'N': 123} | NUMBER_VALUE cannot be converted to String",
      "{'S': 5} | NUMBER_VALUE cannot be converted to String",
      "{'M': {'sth': {'N': 5}}} | NUMBER_VALUE cannot be converted to String",
      "{'SS': [1]} | NUMBER_VALUE cannot be converted to String",
      "{'S': {'S': 'x'}} | Start of structure or map found where not expected",
      "{'B': ['x']} | Start of list found where not expected",
  })
  void wrongJsonTypesAreSerializationErrors(String value, String message) {
    assertThatThrownBy(() -> AttributeValues.validate(node(value)))
        .isInstanceOfSatisfying(ServiceError.class, e -> {
          assertThat(e.code()).isEqualTo("SerializationException");
          assertThat(e.body().path("Message").asText()).isEqualTo(message);
        });
  }

  @Test
  void mapsAndListsNestThirtyTwoLevelsDeepAtMost() {
    String leaf = "{'S': 'leaf'}";
    String deepest = leaf;
    for (int i = 0; i < 32; i++) {
      deepest = (i % 2 == 0 ? "{'M': {'n': " : "{'L': [") + deepest + (i % 2 == 0 ? "}}" : "]}");
    }
    assertThat(AttributeValues.validate(node(deepest))).isEqualTo(node(deepest));
    String tooDeep = "{'M': {'n': " + deepest + "}}";
    assertValidation(() -> AttributeValues.validate(node(tooDeep)),
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
  }

  @Test
  void validationCanonicalizesNestedNumbers() {
    assertThat(AttributeValues.validate(node("{'M': {'a': {'L': [{'N': '2.50'}, {'NS': ['01', '1.10']}]}}}")))
        .isEqualTo(node("{'M': {'a': {'L': [{'N': '2.5'}, {'NS': ['1', '1.1']}]}}}"));
    assertThat(AttributeValues.validate(node("{'S': ''}"))).isEqualTo(node("{'S': ''}"));
  }

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "{'N': '2'} | {'N': '10'} | -1",
      "{'N': '-0.7'} | {'N': '-0.6'} | -1",
      "{'N': '1.0'} | {'N': '1'} | 0",
      "{'S': 'b'} | {'S': 'a'} | 1",
      "{'S': 'Z'} | {'S': 'a'} | -1",
      "{'S': 'ab'} | {'S': 'a'} | 1",
      "{'S': '\uFFFF'} | {'S': '\uD83D\uDE00'} | -1",
      "{'B': 'AQ=='} | {'B': '/w=='} | -1",
  })
  void ordersScalarsAsDynamoDbDoes(String a, String b, int sign) {
    assertThat(Integer.signum(AttributeValues.compare(node(a), node(b)))).isEqualTo(sign);
  }

  @Test
  void refusesToOrderDifferentTypes() {
    assertThat(AttributeValues.comparable(node("{'N': '1'}"), node("{'S': '1'}"))).isFalse();
    assertThat(AttributeValues.comparable(node("{'SS': ['1']}"), node("{'SS': ['1']}"))).isFalse();
    assertThatThrownBy(() -> AttributeValues.compare(node("{'N': '1'}"), node("{'S': '1'}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "{'N': '1.50'} | {'N': '1.5'} | true",
      "{'N': '1'} | {'S': '1'} | false",
      "{'SS': ['a', 'b']} | {'SS': ['b', 'a']} | true",
      "{'SS': ['a', 'b']} | {'SS': ['a']} | false",
      "{'NS': ['1', '2']} | {'NS': ['2.0', '1']} | true",
      "{'L': [{'N': '1'}, {'S': 'x'}]} | {'L': [{'N': '1.0'}, {'S': 'x'}]} | true",
      "{'L': [{'N': '1'}, {'S': 'x'}]} | {'L': [{'S': 'x'}, {'N': '1'}]} | false",
      "{'M': {'a': {'N': '1'}, 'b': {'BOOL': true}}} | {'M': {'b': {'BOOL': true}, 'a': {'N': '1'}}} | true",
      "{'M': {'a': {'N': '1'}}} | {'M': {'a': {'N': '2'}}} | false",
      "{'BOOL': true} | {'BOOL': false} | false",
      "{'NULL': true} | {'NULL': true} | true",
  })
  void comparesValuesForEquality(String a, String b, boolean equal) {
    assertThat(AttributeValues.equalsValue(node(a), node(b))).isEqualTo(equal);
  }

  @ParameterizedTest(name = "size({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
      "{'S': 'abc'} | 3",
      "{'S': 'é'} | 2",
      "{'B': 'AQID'} | 3",
      "{'SS': ['a', 'b']} | 2",
      "{'L': []} | 0",
      "{'M': {'a': {'N': '1'}}} | 1",
  })
  void sizeFunction(String value, int size) {
    assertThat(AttributeValues.size(node(value))).isEqualTo(size);
  }

  @Test
  void sizeIsUndefinedForNumbersBooleansAndNull() {
    assertThat(AttributeValues.size(node("{'N': '12'}"))).isNull();
    assertThat(AttributeValues.size(node("{'BOOL': true}"))).isNull();
    assertThat(AttributeValues.size(node("{'NULL': true}"))).isNull();
  }

  @Test
  void itemSizeCountsNamesAndValues() {
    assertThat(AttributeValues.itemSize(obj("{'id': {'S': 'abc'}}"))).isEqualTo(5);
    assertThat(AttributeValues.itemSize(obj("{'n': {'N': '12345'}}"))).isEqualTo(1 + 3 + 1);
    assertThat(AttributeValues.itemSize(obj("{'b': {'BOOL': true}, 'z': {'NULL': true}}"))).isEqualTo(4);
    assertThat(AttributeValues.itemSize(obj("{'l': {'L': [{'S': 'ab'}]}}"))).isEqualTo(1 + 3 + 1 + 2);
    assertThat(AttributeValues.itemSize(obj("{'m': {'M': {'k': {'S': 'ab'}}}}"))).isEqualTo(1 + 3 + 1 + 1 + 2);
    assertThat(AttributeValues.itemSize(obj("{'s': {'SS': ['ab', 'c']}}"))).isEqualTo(1 + 3);
    String big = "x".repeat(AttributeValues.MAX_ITEM_SIZE);
    assertThat(AttributeValues.itemSize(obj("{'a': {'S': '" + big + "'}}"))).isGreaterThan(AttributeValues.MAX_ITEM_SIZE);
  }
}
