package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.describe;
import static io.clix.local.internal.sfn.SfnFixture.history;
import static io.clix.local.internal.sfn.SfnFixture.json;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static io.clix.local.internal.sfn.SfnFixture.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * Step Functions' own integrations, as the developer guide documents them ("Start a new AWS Step
 * Functions state machine from a running execution", the service integration patterns, and the AWS
 * SDK integrations' error names): a parent execution starts a child on the same stack and clock.
 */
@ExtendWith(LocalStackExtension.class)
class NestedExecutionsTest {

  private static final AtomicInteger NAMES = new AtomicInteger();
  /** A child that waits a minute of the stack's clock, then answers with its input's {@code n} doubled. */
  private static final String SLOW_CHILD = q("{'StartAt':'Nap','States':{"
      + "'Nap':{'Type':'Wait','Seconds':60,'Next':'Double'},"
      + "'Double':{'Type':'Pass','Parameters':{'doubled.$':'States.MathAdd($.n, $.n)'},'End':true}}}");

  private final LocalStack stack;
  private final SfnClient sfn;

  NestedExecutionsTest(LocalStack stack, SfnClient sfn) {
    this.stack = stack;
    this.sfn = sfn;
  }

  private String machine(String prefix, String definition) {
    return SfnFixture.machine(sfn, prefix + NAMES.incrementAndGet(), definition);
  }

  private static String parent(String resource, String childArn, String extra) {
    return q("{'StartAt':'Child','States':{'Child':{'Type':'Task','Resource':'arn:aws:states:::states:"
        + resource + "','Parameters':{'StateMachineArn':'" + childArn + "','Name':'kid',"
        + "'Input':{'n.$':'$.n','AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$':'$$.Execution.Id'}}"
        + extra + ",'End':true}}}");
  }

  @Test
  void requestResponseStartsTheChildAndAnswersItsArnAndStartDate() {
    String child = machine("child", SLOW_CHILD);
    String parentArn = machine("parent", parent("startExecution", child, ""));
    String run = SfnFixture.start(sfn, parentArn, "{\"n\":4}");
    stack.awaitIdle();

    DescribeExecutionResponse parent = describe(sfn, run);
    assertThat(parent.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode output = json(parent.output());
    assertThat(output.fieldNames()).toIterable().containsExactlyInAnyOrder("ExecutionArn", "StartDate");
    String childRun = output.get("ExecutionArn").asText();
    assertThat(childRun).isEqualTo(child.replace(":stateMachine:", ":execution:") + ":kid");
    assertThat(output.get("StartDate").isNumber()).isTrue();
    DescribeExecutionResponse started = describe(sfn, childRun);
    assertThat(output.get("StartDate").asLong()).isEqualTo(started.startDate().toEpochMilli());
    assertThat(started.status()).as("request-response does not wait").isEqualTo(ExecutionStatus.RUNNING);
    assertThat(json(started.input())).isEqualTo(json("{\"n\":4,\"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID\":\""
        + run + "\"}"));

    List<HistoryEvent> events = history(sfn, run);
    assertThat(events).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
    var scheduled = events.get(2).taskScheduledEventDetails();
    assertThat(scheduled.resourceType()).isEqualTo("states");
    assertThat(scheduled.resource()).isEqualTo("startExecution");
    assertThat(scheduled.region()).isEqualTo("us-east-1");
    assertThat(json(scheduled.parameters()).path("StateMachineArn").asText()).isEqualTo(child);
    assertThat(events.get(4).taskSucceededEventDetails().resource()).isEqualTo("startExecution");

    stack.advance(Duration.ofSeconds(60));
    assertThat(json(describe(sfn, childRun).output())).isEqualTo(json("{\"doubled\":8}"));
  }

  @Test
  void syncWaitsForTheChildOnTheStacksClockAndAnswersItsDescribeExecution() {
    String child = machine("child", SLOW_CHILD);
    String run = SfnFixture.start(sfn, machine("parent", parent("startExecution.sync", child, "")), "{\"n\":5}");
    stack.awaitIdle();
    assertThat(describe(sfn, run).status()).isEqualTo(ExecutionStatus.RUNNING);

    stack.advance(Duration.ofSeconds(60));
    DescribeExecutionResponse parent = describe(sfn, run);
    assertThat(parent.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode output = json(parent.output());
    String childRun = output.path("ExecutionArn").asText();
    DescribeExecutionResponse finished = describe(sfn, childRun);
    assertThat(output.path("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(output.path("Output").isTextual()).as(".sync gives the output as a JSON string").isTrue();
    assertThat(json(output.path("Output").asText())).isEqualTo(json("{\"doubled\":10}"));
    assertThat(output.path("Input").asText()).isEqualTo(finished.input());
    assertThat(output.path("StateMachineArn").asText()).isEqualTo(child);
    assertThat(output.path("Name").asText()).isEqualTo("kid");
    assertThat(output.path("StopDate").asLong()).isEqualTo(finished.stopDate().toEpochMilli());
    assertThat(output.path("OutputDetails").path("Included").asBoolean()).isTrue();

    List<HistoryEvent> events = history(sfn, run);
    assertThat(events).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited",
        "ExecutionSucceeded");
    assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("startExecution.sync");
    var submitted = events.get(4).taskSubmittedEventDetails();
    assertThat(submitted.resourceType()).isEqualTo("states");
    assertThat(json(submitted.output()).path("ExecutionArn").asText()).isEqualTo(childRun);
    assertThat(events.get(5).timestamp()).isEqualTo(events.get(4).timestamp().plusSeconds(60));
  }

  @Test
  void syncTwoParsesTheChildsInputAndOutput() {
    String child = machine("child", SLOW_CHILD);
    String run = SfnFixture.start(sfn, machine("parent", parent("startExecution.sync:2", child,
        ",'ResultSelector':{'doubled.$':'$.Output.doubled','n.$':'$.Input.n','status.$':'$.Status'}")), "{\"n\":7}");
    stack.advance(Duration.ofSeconds(60));
    assertThat(json(describe(sfn, run).output())).isEqualTo(json("{\"doubled\":14,\"n\":7,\"status\":\"SUCCEEDED\"}"));
    assertThat(history(sfn, run).get(2).taskScheduledEventDetails().resource()).isEqualTo("startExecution.sync:2");
  }

  @Test
  void aFailedSyncChildFailsTheTaskWithStatesTaskFailedAndItsDescribeExecutionAsTheCause() {
    String child = machine("failing", q("{'StartAt':'No','States':{'No':{'Type':'Fail','Error':'Lobby.Full',"
        + "'Cause':'no seat left'}}}"));
    String run = SfnFixture.start(sfn, machine("parent", parent("startExecution.sync", child, "")), "{\"n\":1}");
    stack.awaitIdle();

    DescribeExecutionResponse parent = describe(sfn, run);
    assertThat(parent.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(parent.error()).isEqualTo("States.TaskFailed");
    JsonNode cause = json(parent.cause());
    assertThat(cause.path("Status").asText()).isEqualTo("FAILED");
    assertThat(cause.path("Error").asText()).isEqualTo("Lobby.Full");
    assertThat(cause.path("Cause").asText()).isEqualTo("no seat left");
    assertThat(cause.path("StateMachineArn").asText()).isEqualTo(child);
    assertThat(types(sfn, run)).containsSubsequence("TaskSubmitted", "TaskFailed", "ExecutionFailed");
    var failed = history(sfn, run).stream().filter(e -> e.typeAsString().equals("TaskFailed")).findFirst()
        .orElseThrow().taskFailedEventDetails();
    assertThat(failed.resourceType()).isEqualTo("states");
    assertThat(failed.resource()).isEqualTo("startExecution.sync");
    assertThat(failed.error()).isEqualTo("States.TaskFailed");
  }

  @Test
  void anAbortedSyncChildFailsTheTaskAndStoppingTheParentStopsItsSyncChild() {
    String child = machine("child", SLOW_CHILD);
    String parentArn = machine("parent", parent("startExecution.sync", child, ""));
    String first = SfnFixture.start(sfn, parentArn, "{\"n\":1}");
    stack.awaitIdle();
    String firstChild = json(history(sfn, first).get(4).taskSubmittedEventDetails().output())
        .path("ExecutionArn").asText();
    sfn.stopExecution(b -> b.executionArn(firstChild).error("Ops.Cancelled"));
    stack.awaitIdle();
    assertThat(describe(sfn, first).error()).isEqualTo("States.TaskFailed");
    assertThat(json(describe(sfn, first).cause()).path("Status").asText()).isEqualTo("ABORTED");

    String otherChild = machine("child", SLOW_CHILD);
    String second = SfnFixture.start(sfn, machine("parent", parent("startExecution.sync", otherChild, "")),
        "{\"n\":2}");
    stack.awaitIdle();
    List<ExecutionListItem> running = sfn.listExecutions(b -> b.stateMachineArn(otherChild)
        .statusFilter(ExecutionStatus.RUNNING)).executions();
    assertThat(running).hasSize(1);
    sfn.stopExecution(b -> b.executionArn(second));
    stack.awaitIdle();
    assertThat(describe(sfn, second).status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(describe(sfn, running.get(0).executionArn()).status()).isEqualTo(ExecutionStatus.ABORTED);
  }

  @Test
  void aWaitForTaskTokenChildCompletesItsParentThroughTheSdkIntegration() {
    String child = machine("callback", q("{'StartAt':'Answer','States':{'Answer':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::aws-sdk:sfn:sendTaskSuccess','Parameters':{'TaskToken.$':'$.token',"
        + "'Output.$':'States.JsonToString($.result)'},'End':true}}}"));
    String parentArn = machine("parent", q("{'StartAt':'Child','States':{'Child':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::states:startExecution.waitForTaskToken','Parameters':{"
        + "'StateMachineArn':'" + child + "','Input':{'token.$':'$$.Task.Token','result':{'seats':3}}},"
        + "'End':true}}}"));
    String run = SfnFixture.start(sfn, parentArn, "{}");
    stack.awaitIdle();

    assertThat(describe(sfn, run).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json(describe(sfn, run).output())).isEqualTo(json("{\"seats\":3}"));
    List<HistoryEvent> events = history(sfn, run);
    assertThat(events).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited",
        "ExecutionSucceeded");
    assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("startExecution.waitForTaskToken");
    String childRun = json(events.get(4).taskSubmittedEventDetails().output()).path("ExecutionArn").asText();
    assertThat(describe(sfn, childRun).output()).as("SendTaskSuccess answers an empty object").isEqualTo("{}");
    var called = history(sfn, childRun).get(2).taskScheduledEventDetails();
    assertThat(called.resourceType()).isEqualTo("aws-sdk:sfn");
    assertThat(called.resource()).isEqualTo("sendTaskSuccess");
  }

  @Test
  void sdkIntegrationErrorsAreSfnExceptionNamesACatchCanMatch() {
    String run = SfnFixture.start(sfn, machine("catcher", q("{'StartAt':'Fail','States':{'Fail':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::aws-sdk:sfn:sendTaskFailure','Parameters':{'TaskToken':'NoSuchTaskToken'},"
        + "'Catch':[{'ErrorEquals':['Sfn.InvalidTokenException'],'ResultPath':'$.caught','Next':'Caught'}],"
        + "'End':true},'Caught':{'Type':'Pass','End':true}}}")), "{}");
    stack.awaitIdle();
    DescribeExecutionResponse caught = describe(sfn, run);
    assertThat(caught.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode error = json(caught.output()).path("caught");
    assertThat(error.path("Error").asText()).isEqualTo("Sfn.InvalidTokenException");
    assertThat(error.path("Cause").asText())
        .startsWith("Invalid Token: 'Invalid token' (Service: Sfn, Status Code: 400,");

    String missing = SfnFixture.start(sfn, machine("describer", q("{'StartAt':'D','States':{'D':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::aws-sdk:sfn:describeExecution','Parameters':{'ExecutionArn.$':'$.arn'},"
        + "'End':true}}}")), "{\"arn\":\"" + run.replace(":catcher", ":nobody") + "\"}");
    stack.awaitIdle();
    assertThat(describe(sfn, missing).error()).isEqualTo("Sfn.ExecutionDoesNotExistException");
    assertThat(describe(sfn, missing).cause()).startsWith("Execution Does Not Exist:");
  }

  @Test
  void sdkIntegrationAnswersWithPascalCaseMembers() {
    String target = SfnFixture.start(sfn, machine("target", q("{'StartAt':'P','States':{'P':{'Type':'Pass',"
        + "'End':true}}}")), "{\"k\":1}");
    stack.awaitIdle();
    String run = SfnFixture.start(sfn, machine("describer", q("{'StartAt':'D','States':{'D':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::aws-sdk:sfn:describeExecution','Parameters':{'ExecutionArn.$':'$.arn'},"
        + "'End':true}}}")), "{\"arn\":\"" + target + "\"}");
    stack.awaitIdle();
    JsonNode output = json(describe(sfn, run).output());
    assertThat(output.path("ExecutionArn").asText()).isEqualTo(target);
    assertThat(output.path("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(output.path("Output").asText()).isEqualTo("{\"k\":1}");
    assertThat(output.path("InputDetails").path("Included").asBoolean()).isTrue();
    assertThat(output.path("StartDate").asText()).isEqualTo(describe(sfn, target).startDate().toString());

    String tagged = machine("tagged", q("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}"));
    String tagger = SfnFixture.start(sfn, machine("tagger", q("{'StartAt':'Tag','States':{'Tag':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::aws-sdk:sfn:tagResource','Parameters':{'ResourceArn':'" + tagged + "',"
        + "'Tags':[{'Key':'team','Value':'lobby'}]},'Next':'List'},"
        + "'List':{'Type':'Task','Resource':'arn:aws:states:::aws-sdk:sfn:listTagsForResource',"
        + "'Parameters':{'ResourceArn':'" + tagged + "'},'End':true}}}")), "{}");
    stack.awaitIdle();
    assertThat(json(describe(sfn, tagger).output()))
        .isEqualTo(json(q("{'Tags':[{'Key':'team','Value':'lobby'}]}")));
    assertThat(sfn.listTagsForResource(b -> b.resourceArn(tagged)).tags())
        .singleElement().satisfies(tag -> assertThat(tag.value()).isEqualTo("lobby"));
  }

  @Test
  void aSyncTaskThatTimesOutStopsItsChild() {
    String child = machine("child", SLOW_CHILD);
    String run = SfnFixture.start(sfn, machine("parent", parent("startExecution.sync", child, ",'TimeoutSeconds':10")),
        "{\"n\":3}");
    stack.advance(Duration.ofSeconds(10));
    assertThat(describe(sfn, run).error()).isEqualTo("States.Timeout");
    String childRun = json(history(sfn, run).get(4).taskSubmittedEventDetails().output()).path("ExecutionArn").asText();
    assertThat(describe(sfn, childRun).status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(types(sfn, run)).containsSubsequence("TaskSubmitted", "TaskTimedOut", "ExecutionFailed");
  }

  @Test
  void sdkStartSyncExecutionAnswersWhenTheExpressChildEndsOnTheStacksClock() {
    String express = sfn.createStateMachine(b -> b.name("express" + NAMES.incrementAndGet()).roleArn(SfnFixture.ROLE)
        .type(StateMachineType.EXPRESS).definition(SLOW_CHILD)).stateMachineArn();
    String run = SfnFixture.start(sfn, machine("parent", q("{'StartAt':'S','States':{'S':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::aws-sdk:sfn:startSyncExecution','Parameters':{'StateMachineArn':'"
        + express + "','Input':'{\\'n\\':6}'},'End':true}}}")), "{}");
    stack.awaitIdle();
    assertThat(describe(sfn, run).status()).isEqualTo(ExecutionStatus.RUNNING);

    stack.advance(Duration.ofSeconds(60));
    JsonNode output = json(describe(sfn, run).output());
    assertThat(output.path("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(json(output.path("Output").asText())).isEqualTo(json("{\"doubled\":12}"));
    assertThat(output.path("ExecutionArn").asText()).contains(":express:");
    assertThat(output.path("BillingDetails").has("BilledDurationInMilliseconds")).isTrue();
    assertThat(types(sfn, run)).as("a request-response call: no TaskSubmitted").containsExactly("ExecutionStarted",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
  }
}
