package io.clix.local.internal.sfn.asl;

import static io.clix.local.internal.sfn.asl.AslJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The variableReferences DescribeStateMachine reports: what each state reads, in either query language. */
class VariableReferencesTest {

  @Test
  void jsonPathReferencesComeFromPathsNotLiterals() {
    assertThat(VariableReferences.of(json("{'StartAt':'A','States':{"
        + "'A':{'Type':'Pass','Assign':{'x':1},'Parameters':{'lit':'$x'},'Next':'B'},"
        + "'B':{'Type':'Pass','InputPath':'$x','Parameters':{'v.$':'$y.field','f.$':'States.Format(`{}`, $z)'},"
        + "'ResultPath':'$.r','End':true}}}")))
        .isEqualTo(json("{'B':['x','y','z']}"));
  }

  @Test
  void jsonataReferencesSkipStatesFunctionsAndLocals() {
    assertThat(VariableReferences.of(json("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
        + "'A':{'Type':'Pass','Output':'{% ($n := 1; $map($list, function($v) { $v + $n + $offset })) %}',"
        + "'Assign':{'s':'{% $states.input & `$quoted` %}'},'End':true}}}")))
        .isEqualTo(json("{'A':['list','offset']}"));
  }

  @Test
  void nestedStatesReportUnderTheirOwnNames() {
    assertThat(VariableReferences.of(json("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,"
        + "'Branches':[{'StartAt':'In','States':{'In':{'Type':'Pass','OutputPath':'$v','End':true}}}]}}}")))
        .isEqualTo(json("{'In':['v']}"));
  }
}
