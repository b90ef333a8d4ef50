package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.json;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clix.local.junit5.LocalStackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** The TestState API as its reference page documents it: one state, an input, inspection levels, mocks. */
@ExtendWith(LocalStackExtension.class)
class TestStateTest {

  private final SfnClient sfn;

  TestStateTest(SfnClient sfn) {
    this.sfn = sfn;
  }

  @Test
  void debugShowsEachDataFlowStepOfAPassState() {
    TestStateResponse answer = sfn.testState(b -> b.definition(q("{'Type':'Pass','InputPath':'$.in',"
        + "'Parameters':{'v.$':'$.x'},'ResultPath':'$.out','Next':'After'}")).input(q("{'in':{'x':1}}"))
        .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(answer.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(answer.nextState()).isEqualTo("After");
    assertThat(json(answer.output())).isEqualTo(json(q("{'in':{'x':1},'out':{'v':1}}")));
    assertThat(json(answer.inspectionData().afterInputPath())).isEqualTo(json(q("{'x':1}")));
    assertThat(json(answer.inspectionData().afterParameters())).isEqualTo(json(q("{'v':1}")));
  }

  @Test
  void theContextNamesAThrowawayExpressExecutionOfAThrowawayStateMachine() {
    TestStateResponse answer = sfn.testState(b -> b.definition(q("{'Type':'Pass','Parameters':{'c.$':'$$'},'End':true}"))
        .input(q("{'a':1}")));
    com.fasterxml.jackson.databind.JsonNode context = json(answer.output()).path("c");
    String machine = context.path("StateMachine").path("Id").asText();
    assertThat(machine).endsWith(":stateMachine:" + context.path("StateMachine").path("Name").asText());
    assertThat(context.path("Execution").path("Id").asText())
        .isEqualTo(machine.replace(":stateMachine:", ":express:") + ":" + context.path("Execution").path("Name").asText());
    assertThat(context.path("Execution").path("Input")).isEqualTo(json(q("{'a':1}")));
  }

  @Test
  void infoLeavesOutTheInspectionData() {
    TestStateResponse answer = sfn.testState(b -> b.definition(q("{'Type':'Succeed'}")).input("{}")
        .inspectionLevel(InspectionLevel.INFO));
    assertThat(answer.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(answer.inspectionData()).isNull();
  }

  @Test
  void aMockedErrorIsCaughtAsTheStateDeclares() {
    TestStateResponse answer = sfn.testState(b -> b.definition(q("{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
        + "'Catch':[{'ErrorEquals':['Boom'],'ResultPath':'$.err','Next':'Handle'}],'End':true}")).input("{}")
        .mock(m -> m.errorOutput(e -> e.error("Boom").cause("why"))));
    assertThat(answer.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(answer.nextState()).isEqualTo("Handle");
    assertThat(json(answer.output())).isEqualTo(json(q("{'err':{'Error':'Boom','Cause':'why'}}")));
  }

  @Test
  void aNamedStateOfAWholeDefinitionRunsAndAnUnknownNameIsRefused() {
    String definition = q("{'StartAt':'A','States':{'A':{'Type':'Pass','Result':1,'Next':'B'},"
        + "'B':{'Type':'Pass','End':true}}}");
    assertThat(sfn.testState(b -> b.definition(definition).stateName("A").input("{}")).output()).isEqualTo("1");
    assertThatThrownBy(() -> sfn.testState(b -> b.definition(definition).stateName("Z").input("{}")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("State not found in definition");
    assertThatThrownBy(() -> sfn.testState(b -> b.definition(q("{'Type':'Pass','End':true}")).input("{}")
        .mock(m -> m.result("{}")))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("State type 'Pass' is not supported when a mock is specified");
  }

  @Test
  void aMockedMapWhoseFailedIterationsExceedItsToleranceFailsWithTheThresholdError() {
    String map = q("{'Type':'Map','ItemsPath':'$.items','ToleratedFailureCount':1,"
        + "'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
        + "'End':true}}},'Catch':[{'ErrorEquals':['Other'],'Next':'A'},"
        + "{'ErrorEquals':['States.ExceedToleratedFailureThreshold'],'ResultPath':'$.err','Next':'Threshold'}],"
        + "'End':true}");
    String input = q("{'items':[1,2,3]}");

    TestStateResponse within = sfn.testState(b -> b.definition(map).input(input).mock(m -> m.result("[1,1,1]"))
        .stateConfiguration(c -> c.mapIterationFailureCount(1)));
    assertThat(within.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);

    TestStateResponse beyond = sfn.testState(b -> b.definition(map).input(input).mock(m -> m.result("[0,0,1]"))
        .stateConfiguration(c -> c.mapIterationFailureCount(2)).inspectionLevel(InspectionLevel.TRACE));
    assertThat(beyond.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(beyond.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(beyond.cause()).isEqualTo("The specified tolerated failure threshold was exceeded");
    assertThat(beyond.nextState()).isEqualTo("Threshold");
    assertThat(beyond.inspectionData().errorDetails().catchIndex()).isEqualTo(1);

    assertThatThrownBy(() -> sfn.testState(b -> b.definition(map).input(input).mock(m -> m.result("[1,1,1]"))
        .stateConfiguration(c -> c.mapIterationFailureCount(4)))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("Map iteration failure count must be less than or equal to the number of Map"
            + " iterations");
  }

  @Test
  void aRetrierWhoseAttemptsAreUsedUpLetsTheErrorReachTheCatcher() {
    String task = q("{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
        + "'Retry':[{'ErrorEquals':['Boom'],'MaxAttempts':2,'IntervalSeconds':3,'BackoffRate':2}],"
        + "'Catch':[{'ErrorEquals':['Boom'],'Next':'Handle'}],'End':true}");

    TestStateResponse second = sfn.testState(b -> b.definition(task).input("{}")
        .mock(m -> m.errorOutput(e -> e.error("Boom"))).stateConfiguration(c -> c.retrierRetryCount(1))
        .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(second.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
    assertThat(second.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(6);

    TestStateResponse spent = sfn.testState(b -> b.definition(task).input("{}")
        .mock(m -> m.errorOutput(e -> e.error("Boom"))).stateConfiguration(c -> c.retrierRetryCount(2)));
    assertThat(spent.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(spent.nextState()).isEqualTo("Handle");
  }
}
