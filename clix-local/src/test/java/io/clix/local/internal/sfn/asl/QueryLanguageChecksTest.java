package io.clix.local.internal.sfn.asl;

import static io.clix.local.internal.sfn.asl.AslJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields each query language allows, from the AWS state reference pages for JSONata and JSONPath. */
class QueryLanguageChecksTest {

  private static List<String> messages(String definition) {
    return DefinitionValidator.validate(json(definition)).stream().map(Diagnostic::message).toList();
  }

  @Test
  void jsonataStatesTakeArgumentsOutputAndAssignButNoPaths() {
    assertThat(messages("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::lambda:invoke','Arguments':{'a':'{% 1 %}'},'Output':'{% $states.result %}',"
        + "'Assign':{'v':1},'TimeoutSeconds':'{% 3 %}','End':true}}}")).isEmpty();
    assertThat(messages("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Pass',"
        + "'InputPath':'$.a','End':true}}}")).containsExactly("Field 'InputPath' is not supported");
  }

  @Test
  void aStateMayChooseItsOwnLanguageButNotDowngradeAJsonataMachine() {
    assertThat(messages("{'StartAt':'A','States':{'A':{'Type':'Pass','QueryLanguage':'JSONata',"
        + "'Output':'{% 1 %}','End':true}}}")).isEmpty();
    assertThat(messages("{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Pass',"
        + "'QueryLanguage':'JSONPath','End':true}}}")).hasSize(1);
    assertThat(messages("{'QueryLanguage':'XPath','StartAt':'A','States':{'A':{'Type':'Succeed'}}}"))
        .containsExactly("The value for the field 'QueryLanguage' must be one of [JSONPath, JSONata]");
  }

  @Test
  void jsonPathStatesTakeAssignButNotOutput() {
    assertThat(messages("{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'x.$':'$.a'},'End':true}}}"))
        .isEmpty();
    assertThat(messages("{'StartAt':'A','States':{'A':{'Type':'Pass','Output':{},'End':true}}}"))
        .containsExactly("Field 'Output' is not supported");
    assertThat(messages("{'StartAt':'A','States':{'A':{'Type':'Succeed','Assign':{'x':1}}}}"))
        .containsExactly("Field 'Assign' is not supported");
  }

  @Test
  void variableNamesAreIdentifiersAndStatesIsReserved() {
    assertThat(messages("{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'1x':1},'End':true}}}"))
        .containsExactly("The variable name '1x' is not valid");
    assertThat(messages("{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'states':1},'End':true}}}"))
        .containsExactly("The variable name 'states' is reserved");
  }

  @Test
  void jsonataChoiceRulesNeedACondition() {
    assertThat(messages("{'QueryLanguage':'JSONata','StartAt':'C','States':{'C':{'Type':'Choice',"
        + "'Choices':[{'Next':'E'}],'Default':'E'},'E':{'Type':'Succeed'}}}"))
        .containsExactly("These fields are required: [Condition]");
  }
}
