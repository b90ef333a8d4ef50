package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.describe;
import static io.clix.local.internal.sfn.SfnFixture.history;
import static io.clix.local.internal.sfn.SfnFixture.json;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static io.clix.local.internal.sfn.SfnFixture.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/**
 * JSONata and workflow variables through the real client, as the AWS guides "Transforming data
 * with JSONata in Step Functions" and "Passing data between states with variables" describe them.
 */
@ExtendWith(LocalStackExtension.class)
class JsonataAndVariablesTest {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final LocalStack stack;
  private final SfnClient sfn;

  JsonataAndVariablesTest(LocalStack stack, SfnClient sfn) {
    this.stack = stack;
    this.sfn = sfn;
  }

  private String machine(String definition) {
    return SfnFixture.machine(sfn, "j" + NAMES.incrementAndGet(), q(definition));
  }

  private String run(String definition, String input) {
    String execution = SfnFixture.start(sfn, machine(definition), q(input));
    stack.awaitIdle();
    return execution;
  }

  @Test
  void outputAndAssignSeeStatesInputAndVariablesFromEarlierStates() {
    String arn = run("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
        + "'A':{'Type':'Pass','Assign':{'total':'{% $sum($states.input.n) %}','first':'{% $states.input.n[0] %}'},"
        + "'Output':{'count':'{% $count($states.input.n) %}'},'Next':'B'},"
        + "'B':{'Type':'Pass','Output':{'avg':'{% $total / $states.input.count %}','first':'{% $first %}',"
        + "'exec':'{% $states.context.Execution.Name %}'},'End':true}}}", "{'n':[2,4,6]}");
    DescribeExecutionResponse done = describe(sfn, arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json(done.output())).isEqualTo(json(q("{'avg':4,'first':2,'exec':'" + done.name() + "'}")));
    HistoryEvent exited = history(sfn, arn).get(2);
    assertThat(exited.stateExitedEventDetails().assignedVariables())
        .containsEntry("total", "12").containsEntry("first", "2");
  }

  @Test
  void choiceConditionsPickTheRuleAndItsOutput() {
    String definition = "{'QueryLanguage':'JSONata','StartAt':'C','States':{'C':{'Type':'Choice','Choices':["
        + "{'Condition':'{% $states.input.n > 10 %}','Output':{'size':'{% $states.input.n %}'},'Next':'Big'}],"
        + "'Default':'Small'},'Big':{'Type':'Succeed'},'Small':{'Type':'Pass','Output':'{% 0 %}','End':true}}}";
    assertThat(json(describe(sfn, run(definition, "{'n':11}")).output())).isEqualTo(json(q("{'size':11}")));
    assertThat(describe(sfn, run(definition, "{'n':1}")).output()).isEqualTo("0");
  }

  @Test
  void waitSecondsComeFromAnExpressionOnTheStacksClock() {
    String arn = run("{'QueryLanguage':'JSONata','StartAt':'W','States':{'W':{'Type':'Wait',"
        + "'Seconds':'{% $states.input.s * 60 %}','End':true}}}", "{'s':10}");
    stack.advance(Duration.ofMinutes(9));
    assertThat(describe(sfn, arn).status()).isEqualTo(ExecutionStatus.RUNNING);
    stack.advance(Duration.ofMinutes(1));
    assertThat(describe(sfn, arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void mapItemsAndItemSelectorAreExpressionsAndIterationsReadOuterVariables() {
    String arn = run("{'QueryLanguage':'JSONata','StartAt':'Set','States':{"
        + "'Set':{'Type':'Pass','Assign':{'factor':10},'Next':'M'},"
        + "'M':{'Type':'Map','Items':'{% $states.input.values %}',"
        + "'ItemSelector':{'v':'{% $states.context.Map.Item.Value %}','i':'{% $states.context.Map.Item.Index %}'},"
        + "'ItemProcessor':{'StartAt':'Times','States':{'Times':{'Type':'Pass',"
        + "'Output':'{% $states.input.v * $factor + $states.input.i %}','End':true}}},"
        + "'Output':'{% $sum($states.result) %}','End':true}}}", "{'values':[1,2,3]}");
    assertThat(describe(sfn, arn).output()).isEqualTo("63");
  }

  @Test
  void anExpressionThatReturnsNothingFailsTheExecutionWithEvaluationFailed() {
    String arn = run("{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Pass',"
        + "'Output':{'x':'{% $states.input.missing %}'},'End':true}}}", "{}");
    DescribeExecutionResponse done = describe(sfn, arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(done.cause()).contains("specified for the field 'Output/x' returned nothing (undefined).");
    assertThat(types(sfn, arn)).containsExactly("ExecutionStarted", "PassStateEntered", "EvaluationFailed",
        "ExecutionFailed");
    assertThat(history(sfn, arn).get(2).evaluationFailedEventDetails().location()).isEqualTo("Output/x");
  }

  @Test
  void jsonPathStatesAssignAndReadVariablesByDollarName() {
    String definition = q("{'StartAt':'A','States':{"
        + "'A':{'Type':'Pass','Result':{'id':7},'Assign':{'saved.$':'$.id','label':'fixed'},'Next':'B'},"
        + "'B':{'Type':'Pass','Parameters':{'id.$':'$saved','msg.$':'States.Format(`{}-{}`, $label, $saved)'},"
        + "'End':true}}}").replace('`', '\'');
    String arn = SfnFixture.start(sfn, SfnFixture.machine(sfn, "j" + NAMES.incrementAndGet(), definition), "{}");
    stack.awaitIdle();
    assertThat(json(describe(sfn, arn).output())).isEqualTo(json(q("{'id':7,'msg':'fixed-7'}")));
  }

  @Test
  void branchesStartFromACopyOfTheOuterVariables() {
    String arn = run("{'StartAt':'Set','States':{"
        + "'Set':{'Type':'Pass','Assign':{'x':1},'Next':'P'},"
        + "'P':{'Type':'Parallel','Branches':[{'StartAt':'In','States':{'In':{'Type':'Pass',"
        + "'Parameters':{'seen.$':'$x'},'Assign':{'inner':2},'End':true}}}],'Next':'After'},"
        + "'After':{'Type':'Pass','Parameters':{'x.$':'$x','branch.$':'$[0]'},'End':true}}}", "{}");
    assertThat(json(describe(sfn, arn).output())).isEqualTo(json(q("{'x':1,'branch':{'seen':1}}")));
  }

  @Test
  void aDistributedMapRecordsAMapRunInsteadOfItsIterations() {
    String arn = run("{'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{'ProcessorConfig':"
        + "{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},"
        + "'End':true}}}", "[1,2]");
    assertThat(types(sfn, arn)).containsExactly("ExecutionStarted", "MapStateEntered", "MapStateStarted",
        "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
    assertThat(history(sfn, arn).get(3).mapRunStartedEventDetails().mapRunArn()).contains(":mapRun:");
    assertThat(describe(sfn, arn).output()).isEqualTo("[1,2]");
  }

  @Test
  void aDistributedMapFailsOnceFailuresPassTheToleratedCount() {
    String definition = "{'StartAt':'M','States':{'M':{'Type':'Map','ToleratedFailureCount':1,"
        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'C',"
        + "'States':{'C':{'Type':'Choice','Choices':[{'Variable':'$','NumericGreaterThan':0,'Next':'Bad'}],"
        + "'Default':'Good'},'Bad':{'Type':'Fail','Error':'Bad'},'Good':{'Type':'Succeed'}}},'End':true}}}";
    DescribeExecutionResponse tolerated = describe(sfn, run(definition, "[0,1]"));
    assertThat(tolerated.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json(tolerated.output())).isEqualTo(json(q("[0,{'Error':'Bad'}]")));
    DescribeExecutionResponse exceeded = describe(sfn, run(definition, "[1,2]"));
    assertThat(exceeded.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(exceeded.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
  }

  @Test
  void describeStateMachineListsTheVariablesEachStateReads() {
    String arn = machine("{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'v':1},'Next':'B'},"
        + "'B':{'Type':'Pass','OutputPath':'$v','End':true}}}");
    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).variableReferences())
        .containsOnlyKeys("B").containsEntry("B", java.util.List.of("v"));
  }

  @Test
  void testStateRunsAJsonataStateWithGivenVariables() {
    TestStateResponse answer = sfn.testState(b -> b.definition(q("{'Type':'Task','QueryLanguage':'JSONata',"
        + "'Resource':'arn:aws:states:::lambda:invoke','Arguments':{'n':'{% $base %}'},"
        + "'Output':{'sum':'{% $states.result.v + $base %}'},'Assign':{'last':'{% $states.result.v %}'},'End':true}"))
        .input("{}").variables(q("{'base':5}")).mock(m -> m.result(q("{'v':2}"))).inspectionLevel(InspectionLevel.TRACE));
    assertThat(answer.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(json(answer.output())).isEqualTo(json(q("{'sum':7}")));
    assertThat(json(answer.inspectionData().variables())).isEqualTo(json(q("{'base':5}")));
  }
}
