package io.clix.local.internal.sfn.asl;

import static io.clix.local.internal.sfn.asl.AslJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {

  private final JsonNode input = json("{'name':'Ann','scores':[3,5],'nested':{'k':'v'}}");
  private final JsonNode context = json("{'Execution':{'Name':'run-1'},'Map':{'Item':{'Index':2}}}");

  @Test
  void staticValuesAreCopiedAndDollarKeysResolved() {
    JsonNode template =
        json("{'static':1,'who.$':'$.name','list':[{'first.$':'$.scores[0]'},'x'],"
            + "'deep':{'ctx.$':'$$.Execution.Name','idx.$':'$$.Map.Item.Index'},'all.$':'$'}");
    assertThat(PayloadTemplate.resolve(template, input, context, "Parameters"))
        .isEqualTo(json("{'static':1,'who':'Ann','list':[{'first':3},'x'],"
            + "'deep':{'ctx':'run-1','idx':2},'all':{'name':'Ann','scores':[3,5],'nested':{'k':'v'}}}"));
  }

  @Test
  void intrinsicCallsAreEvaluated() {
    JsonNode template =
        AslJson.raw("{\"greeting.$\":\"States.Format('Hi {}', $.name)\",\"n.$\":\"States.ArrayLength($.scores)\"}");
    assertThat(PayloadTemplate.resolve(template, input, context, "Parameters"))
        .isEqualTo(json("{'greeting':'Hi Ann','n':2}"));
  }

  @Test
  void resultDoesNotShareNodesWithTheInput() {
    JsonNode out = PayloadTemplate.resolve(json("{'n.$':'$.nested'}"), input, context, "Parameters");
    ((com.fasterxml.jackson.databind.node.ObjectNode) out.get("n")).put("k", "changed");
    assertThat(input.at("/nested/k").asText()).isEqualTo("v");
  }

  @Test
  void missingPathNamesTheField() {
    assertThatThrownBy(() -> PayloadTemplate.resolve(json("{'x.$':'$.nope'}"), input, context, "Parameters"))
        .isInstanceOfSatisfying(
            StatesError.class,
            e ->
                assertThat(e.cause())
                    .startsWith("The JSONPath '$.nope' specified for the field 'x.$' could not be found in the input '{"));
  }

  @Test
  void nullTemplateKeepsTheInput() {
    assertThat(PayloadTemplate.resolve(null, input, context, "Parameters")).isSameAs(input);
  }
}
