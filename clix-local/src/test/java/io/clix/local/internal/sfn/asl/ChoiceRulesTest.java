package io.clix.local.internal.sfn.asl;

import static io.clix.local.internal.sfn.asl.AslJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceRulesTest {

  private final JsonNode input =
      json("{'s':'beta','n':10,'d':2.5,'b':true,'nul':null,'t':'2024-05-01T10:00:00Z','t2':'2024-05-01T12:00:00+02:00',"
          + "'other':'alpha','ten':10.0,'file':'report*.csv','path':'a\\\\b','list':[1]}");
  private final JsonNode context = json("{'Execution':{'Input':{'v':0}}}");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'Variable':'$.s','StringEquals':'beta'}|true",
        "{'Variable':'$.s','StringEquals':'Beta'}|false",
        "{'Variable':'$.s','StringLessThan':'gamma'}|true",
        "{'Variable':'$.s','StringGreaterThan':'alpha'}|true",
        "{'Variable':'$.s','StringLessThanEquals':'beta'}|true",
        "{'Variable':'$.s','StringGreaterThanEquals':'c'}|false",
        "{'Variable':'$.s','StringEqualsPath':'$.other'}|false",
        "{'Variable':'$.s','StringGreaterThanPath':'$.other'}|true",
        "{'Variable':'$.n','StringEquals':'10'}|false",
        "{'Variable':'$.nul','StringEquals':'x'}|false",
        "{'Variable':'$.n','NumericEquals':10}|true",
        "{'Variable':'$.ten','NumericEquals':10}|true",
        "{'Variable':'$.d','NumericLessThan':3}|true",
        "{'Variable':'$.d','NumericGreaterThan':2.5}|false",
        "{'Variable':'$.d','NumericGreaterThanEquals':2.5}|true",
        "{'Variable':'$.n','NumericLessThanEquals':9.99}|false",
        "{'Variable':'$.d','NumericLessThanPath':'$.n'}|true",
        "{'Variable':'$.n','NumericEqualsPath':'$.ten'}|true",
        "{'Variable':'$.s','NumericEquals':1}|false",
        "{'Variable':'$.b','BooleanEquals':true}|true",
        "{'Variable':'$.b','BooleanEquals':false}|false",
        "{'Variable':'$.s','BooleanEquals':true}|false",
        "{'Variable':'$.b','BooleanEqualsPath':'$.b'}|true",
        "{'Variable':'$.t','TimestampEquals':'2024-05-01T10:00:00Z'}|true",
        "{'Variable':'$.t','TimestampEqualsPath':'$.t2'}|true",
        "{'Variable':'$.t','TimestampLessThan':'2024-05-01T10:00:01Z'}|true",
        "{'Variable':'$.t','TimestampGreaterThan':'2024-05-01T10:00:01Z'}|false",
        "{'Variable':'$.t','TimestampLessThanEquals':'2024-05-01T10:00:00Z'}|true",
        "{'Variable':'$.t','TimestampGreaterThanEquals':'2024-05-01T09:00:00-01:00'}|true",
        "{'Variable':'$.s','TimestampEquals':'2024-05-01T10:00:00Z'}|false",
        "{'Variable':'$.nul','IsNull':true}|true",
        "{'Variable':'$.s','IsNull':true}|false",
        "{'Variable':'$.nul','IsPresent':true}|true",
        "{'Variable':'$.missing','IsPresent':true}|false",
        "{'Variable':'$.missing','IsPresent':false}|true",
        "{'Variable':'$.d','IsNumeric':true}|true",
        "{'Variable':'$.s','IsNumeric':false}|true",
        "{'Variable':'$.s','IsString':true}|true",
        "{'Variable':'$.b','IsBoolean':true}|true",
        "{'Variable':'$.t','IsTimestamp':true}|true",
        "{'Variable':'$.s','IsTimestamp':true}|false",
        "{'Variable':'$.file','StringMatches':'report*.csv'}|true",
        "{'Variable':'$.file','StringMatches':'report\\\\*.csv'}|true",
        "{'Variable':'$.s','StringMatches':'*et*'}|true",
        "{'Variable':'$.s','StringMatches':'b*a'}|true",
        "{'Variable':'$.s','StringMatches':'b\\\\*a'}|false",
        "{'Variable':'$.s','StringMatches':'*z*'}|false",
        "{'Variable':'$.s','StringMatches':'be.a'}|false",
        "{'Variable':'$.path','StringMatches':'a\\\\\\\\b'}|true",
        "{'Variable':'$$.Execution.Input.v','NumericLessThanEquals':0}|true",
        "{'And':[{'Variable':'$.s','StringEquals':'beta'}]}|true",
        "{'And':[{'Variable':'$.s','StringEquals':'beta'},{'Variable':'$.n','NumericEquals':11}]}|false",
        "{'Or':[{'Variable':'$.s','StringEquals':'x'},{'Variable':'$.n','NumericEquals':10}]}|true",
        "{'Or':[{'Variable':'$.s','StringEquals':'x'},{'Variable':'$.n','NumericEquals':11}]}|false",
        "{'Not':{'Variable':'$.s','StringEquals':'x'}}|true",
        "{'Not':{'And':[{'Variable':'$.b','BooleanEquals':true},{'Not':{'Variable':'$.n','NumericEquals':10}}]}}|true",
      })
  void evaluatesRules(String rule, boolean expected) {
    assertThat(ChoiceRules.matches(json(rule), input, context)).isEqualTo(expected);
  }

  @Test
  void starMatchesLiterallyWhenEscaped() {
    JsonNode starInput = json("{'v':'a*c'}");
    assertThat(ChoiceRules.matches(json("{'Variable':'$.v','StringMatches':'a\\\\*c'}"), starInput, null)).isTrue();
    assertThat(ChoiceRules.matches(json("{'Variable':'$.v','StringMatches':'a\\\\*c'}"), json("{'v':'abc'}"), null))
        .isFalse();
  }

  @Test
  void missingVariableIsARuntimeError() {
    assertThatThrownBy(() -> ChoiceRules.matches(json("{'Variable':'$.missing','StringEquals':'x'}"), input, context))
        .isInstanceOfSatisfying(StatesError.class, e -> {
          assertThat(e.error()).isEqualTo("States.Runtime");
          assertThat(e.cause())
              .isEqualTo("Invalid path '$.missing': The choice state's condition path references an invalid value.");
        });
    assertThatThrownBy(() -> ChoiceRules.matches(json("{'Variable':'$.missing','IsNull':false}"), input, context))
        .isInstanceOf(StatesError.class);
    assertThatThrownBy(() -> ChoiceRules.matches(json("{'Variable':'$.n','NumericEqualsPath':'$.gone'}"), input, context))
        .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause()).startsWith("Invalid path '$.gone'"));
  }

  @Test
  void selectTakesTheFirstMatchingRuleThenDefault() {
    JsonNode state =
        json("{'Type':'Choice','Choices':[{'Variable':'$.n','NumericGreaterThan':100,'Next':'Big'},"
            + "{'Variable':'$.n','NumericGreaterThan':5,'Next':'Medium'},"
            + "{'Variable':'$.n','NumericGreaterThan':1,'Next':'Small'}],'Default':'None'}");
    assertThat(ChoiceRules.select(state, input, context)).isEqualTo("Medium");
    assertThat(ChoiceRules.select(state, json("{'n':0}"), context)).isEqualTo("None");
  }

  @Test
  void noMatchWithoutDefaultFailsAsAwsDoes() {
    JsonNode state = json("{'Type':'Choice','Choices':[{'Variable':'$.n','NumericEquals':1,'Next':'One'}]}");
    assertThatThrownBy(() -> ChoiceRules.select(state, input, context))
        .isInstanceOfSatisfying(StatesError.class, e -> {
          assertThat(e.error()).isEqualTo("States.Runtime");
          assertThat(e.cause()).isEqualTo(
              "Failed to transition out of the state. The state does not point to a next state.");
        });
  }
}
