package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.json;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clix.local.junit5.LocalStackExtension;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.MockResponseValidationMode;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * TestState's check of a mocked result against the integration's API model, as API_MockInput documents
 * {@code fieldValidationMode}: STRICT (the default) wants the required members and the model's types,
 * PRESENT only the types of the members given, NONE nothing; members outside the model are never checked.
 */
@ExtendWith(LocalStackExtension.class)
class TestStateFieldValidationTest {

  private static final String START = task("arn:aws:states:::states:startExecution");
  private static final String PUT_EVENTS = task("arn:aws:states:::events:putEvents");
  private static final String GET_ITEM = task("arn:aws:states:::dynamodb:getItem");
  private static final String INVOKE = task("arn:aws:states:::lambda:invoke");

  private final SfnClient sfn;

  TestStateFieldValidationTest(SfnClient sfn) {
    this.sfn = sfn;
  }

  private static String task(String resource) {
    return q("{'Type':'Task','Resource':'" + resource + "','End':true}");
  }

  private TestStateResponse mocked(String definition, String result, MockResponseValidationMode mode) {
    return sfn.testState(b -> b.definition(definition).input("{}")
        .mock(m -> m.result(q(result)).fieldValidationMode(mode)));
  }

  private AbstractThrowableAssert<?, ? extends Throwable> refused(String definition, String result,
      MockResponseValidationMode mode) {
    return assertThatThrownBy(() -> mocked(definition, result, mode)).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).statusCode()).isEqualTo(400));
  }

  @Test
  void strictIsTheDefaultAndWantsEveryRequiredMember() {
    refused(START, "{}", null)
        .hasMessageStartingWith("Mock result schema validation error: Required field 'ExecutionArn' is missing");
    refused(START, "{'ExecutionArn':'arn:aws:states:us-east-1:123456789012:execution:M:e'}",
        MockResponseValidationMode.STRICT)
        .hasMessageStartingWith("Mock result schema validation error: Required field 'StartDate' is missing");

    TestStateResponse complete = mocked(START,
        "{'ExecutionArn':'arn:aws:states:us-east-1:123456789012:execution:M:e','StartDate':'2025-01-01T00:00:00Z'}",
        null);
    assertThat(complete.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
  }

  @Test
  void aMemberOfAnotherTypeIsRefusedAtTheTopLevel() {
    refused(PUT_EVENTS, "{'Entries':{'EventId':'e-1'}}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'Entries' must be an array");
    refused(PUT_EVENTS, "{'FailedEntryCount':'0'}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'FailedEntryCount' must be a number");
    refused(PUT_EVENTS, "{'FailedEntryCount':0.5}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'FailedEntryCount' must be a number");
    // a timestamp is text in the JSON a state machine sees
    refused(START, "{'ExecutionArn':'arn','StartDate':1700000000}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'StartDate' must be a string");
    refused(GET_ITEM, "{'Item':['k']}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'Item' must be an object");
  }

  @Test
  void nestedMembersAreNamedByTheirOwnNameInsideArraysAndMaps() {
    refused(PUT_EVENTS, "{'Entries':[{'EventId':'e-1'},{'EventId':'e-2','ErrorCode':7}]}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'ErrorCode' must be a string");
    refused(PUT_EVENTS, "{'Entries':['e-1']}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'Entries' must be an object");
    refused(GET_ITEM, "{'Item':{'id':{'S':'a'},'done':{'BOOL':'yes'}}}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'BOOL' must be a boolean");
    refused(GET_ITEM, "{'Item':{'id':{'N':12}}}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'N' must be a string");

    TestStateResponse item = mocked(GET_ITEM, "{'Item':{'id':{'S':'a'},'tags':{'L':[{'S':'x'},{'N':'1'}]}}}", null);
    assertThat(json(item.output())).isEqualTo(json(q("{'Item':{'id':{'S':'a'},'tags':{'L':[{'S':'x'},{'N':'1'}]}}}")));
  }

  @Test
  void presentChecksOnlyTheMembersGiven() {
    TestStateResponse partial = mocked(START, "{}", MockResponseValidationMode.PRESENT);
    assertThat(partial.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(json(partial.output())).isEqualTo(json("{}"));

    refused(START, "{'StartDate':false}", MockResponseValidationMode.PRESENT)
        .hasMessageStartingWith("Mock result schema validation error: Field 'StartDate' must be a string");
  }

  @Test
  void noneTakesAnyJson() {
    TestStateResponse anything = mocked(START, "{'ExecutionArn':[1,2],'StartDate':{'when':'now'}}",
        MockResponseValidationMode.NONE);
    assertThat(anything.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(json(anything.output())).isEqualTo(json(q("{'ExecutionArn':[1,2],'StartDate':{'when':'now'}}")));
    assertThat(mocked(INVOKE, "'just text'", MockResponseValidationMode.NONE).output()).isEqualTo("\"just text\"");

    assertThatThrownBy(() -> sfn.testState(b -> b.definition(START).input("{}")
        .mock(m -> m.result("{not json").fieldValidationMode(MockResponseValidationMode.NONE))))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Mocked result must be valid JSON");
  }

  @Test
  void membersOutsideTheModelAreNotChecked() {
    assertThat(mocked(PUT_EVENTS, "{}", null).status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    TestStateResponse extra = mocked(task("arn:aws:states:::sqs:sendMessage"),
        "{'MessageId':'m-1','Unmodelled':[true],'messageId':5}", null);
    assertThat(extra.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
  }

  @Test
  void lambdaInvokeTakesAnyPayloadButChecksItsOtherMembers() {
    TestStateResponse invoked = mocked(INVOKE,
        "{'StatusCode':200,'Payload':{'greeting':'hi'},'ExecutedVersion':'$LATEST'}", null);
    assertThat(json(invoked.output()).path("Payload").path("greeting").asText()).isEqualTo("hi");
    assertThat(mocked(INVOKE, "{'Payload':[1,2,3]}", null).status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    refused(INVOKE, "{'StatusCode':'200'}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'StatusCode' must be a number");
    // a function called by its ARN answers with whatever it returns
    assertThat(mocked(task("arn:aws:lambda:us-east-1:123456789012:function:f"), "[1]", null).output()).isEqualTo("[1]");
  }

  @Test
  void syncStartExecutionAnswersWithDescribeExecutionAndSync2WithParsedInputAndOutput() {
    String described = "{'ExecutionArn':'arn:e','StateMachineArn':'arn:m','Status':'SUCCEEDED',"
        + "'StartDate':'2025-01-01T00:00:00Z',";
    refused(task("arn:aws:states:::states:startExecution.sync"), "{'ExecutionArn':'arn:e'}", null)
        .hasMessageStartingWith("Mock result schema validation error: Required field 'StateMachineArn' is missing");
    refused(task("arn:aws:states:::states:startExecution.sync"), described + "'Output':{'done':true}}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'Output' must be a string");
    assertThat(mocked(task("arn:aws:states:::states:startExecution.sync:2"), described + "'Output':{'done':true}}",
        null).status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    // a callback answers with what SendTaskSuccess sends, not the API's response
    assertThat(mocked(task("arn:aws:states:::states:startExecution.waitForTaskToken"), "{'any':1}", null).status())
        .isEqualTo(TestExecutionStatus.SUCCEEDED);
  }

  @Test
  void sdkIntegrationsAreCheckedAgainstTheirServicesModelInPascalCase() {
    refused(task("arn:aws:states:::aws-sdk:sfn:describeStateMachine"), "{'StateMachineArn':'arn:m'}", null)
        .hasMessageStartingWith("Mock result schema validation error: Required field 'Name' is missing");
    refused(task("arn:aws:states:::aws-sdk:dynamodb:query"), "{'Items':[],'Count':'0'}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'Count' must be a number");
    refused(task("arn:aws:states:::aws-sdk:eventbridge:putEvents"), "{'Entries':true}", null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'Entries' must be an array");
    refused(task("arn:aws:states:::aws-sdk:s3:listObjectsV2"), "{'KeyCount':1,'Contents':[{'Key':'a'},{'Key':2}]}",
        null)
        .hasMessageStartingWith("Mock result schema validation error: Field 'Key' must be a string");
    // a service or an action without a bundled model is not checked
    assertThat(mocked(task("arn:aws:states:::aws-sdk:rekognition:detectLabels"), "{'Labels':1}", null).status())
        .isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(mocked(task("arn:aws:states:::aws-sdk:dynamodb:noSuchAction"), "{'Items':1}", null).status())
        .isEqualTo(TestExecutionStatus.SUCCEEDED);
  }

  @Test
  void aJsonataTaskIsCheckedTooAndAnUnknownModeIsRefused() {
    String jsonata = q("{'Type':'Task','QueryLanguage':'JSONata','Resource':'arn:aws:states:::states:startExecution',"
        + "'Arguments':{'StateMachineArn':'arn:m'},'Output':'{% $states.result.ExecutionArn %}','End':true}");
    refused(jsonata, "{'StartDate':'2025-01-01T00:00:00Z'}", null)
        .hasMessageStartingWith("Mock result schema validation error: Required field 'ExecutionArn' is missing");
    assertThat(mocked(jsonata, "{'ExecutionArn':'arn:e','StartDate':'2025-01-01T00:00:00Z'}", null).output())
        .isEqualTo("\"arn:e\"");

    assertThatThrownBy(() -> sfn.testState(b -> b.definition(START).input("{}")
        .mock(m -> m.result("{}").fieldValidationMode("LENIENT"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Value 'LENIENT' at 'mock.fieldValidationMode' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [STRICT, PRESENT, NONE]");
  }
}
