package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.describe;
import static io.clix.local.internal.sfn.SfnFixture.history;
import static io.clix.local.internal.sfn.SfnFixture.json;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static io.clix.local.internal.sfn.SfnFixture.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clix.core.time.ManualClock;
import io.clix.local.LocalStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * Mocked service integrations through the real SfnClient: a Step Functions Local mock configuration
 * file loaded with {@code LocalStack.builder().mockConfig(path)}, test cases selected with
 * {@code <state machine ARN>#<test case>}, and mocked states keeping their data flow, events, Retry
 * and Catch, on the stack's manual clock.
 */
class MockedIntegrationsTest {

  /** The machine of the AWS documentation's example: a Lambda invoke with a retry, then an SQS message. */
  private static final String LAMBDA_SQS = q("{'StartAt':'LambdaState','States':{"
      + "'LambdaState':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
      + "'Parameters':{'FunctionName':'HelloWorldFunction','Payload.$':'$'},"
      + "'ResultSelector':{'body.$':'$.Payload.body'},'ResultPath':'$.lambda',"
      + "'Retry':[{'ErrorEquals':['Lambda.TimeoutException'],'IntervalSeconds':2,'MaxAttempts':3,'BackoffRate':2}],"
      + "'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error','Next':'Compensate'}],"
      + "'Next':'SQSState'},"
      + "'SQSState':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage',"
      + "'Parameters':{'QueueUrl':'https://sqs.us-east-1.amazonaws.com/123456789012/q','MessageBody.$':'$.lambda.body'},"
      + "'ResultSelector':{'id.$':'$.MessageId'},'ResultPath':'$.sqs','End':true},"
      + "'Compensate':{'Type':'Pass','End':true}}}");

  private static final String MOCKS = q("{"
      + "'StateMachines':{"
      + "  'LambdaSQSIntegration':{'TestCases':{"
      + "    'HappyPath':{'LambdaState':'MockedLambdaSuccess','SQSState':'MockedSQSSuccess'},"
      + "    'RetryPath':{'LambdaState':'MockedLambdaRetry','SQSState':'MockedSQSSuccess'},"
      + "    'CaughtPath':{'LambdaState':'MockedLambdaNotReady'},"
      + "    'HybridPath':{'LambdaState':'MockedLambdaSuccess'},"
      + "    'ShortPath':{'LambdaState':'MockedLambdaAlwaysTimesOut'}}},"
      + "  'Callback':{'TestCases':{'Approved':{'AskHuman':'MockedApproval','DoWork':'MockedApproval'},"
      + "    'TimedOut':{'AskHuman':'MockedTimeout'}}},"
      + "  'Scores':{'TestCases':{'ThreeScores':{'Score':'MockedScores'}}}},"
      + "'MockedResponses':{"
      + "  'MockedLambdaSuccess':{'0':{'Return':{'StatusCode':200,'Payload':{'StatusCode':200,'body':'Hello from Lambda!'}}}},"
      + "  'MockedLambdaNotReady':{'0':{'Throw':{'Error':'Lambda.ResourceNotReadyException','Cause':'Lambda resource is not ready.'}}},"
      + "  'MockedLambdaRetry':{"
      + "    '0':{'Throw':{'Error':'Lambda.TimeoutException','Cause':'Lambda timed out.'}},"
      + "    '1':{'Return':{'StatusCode':200,'Payload':{'StatusCode':200,'body':'Hello on the second try'}}}},"
      + "  'MockedLambdaAlwaysTimesOut':{'0-1':{'Throw':{'Error':'Lambda.TimeoutException','Cause':'Lambda timed out.'}}},"
      + "  'MockedSQSSuccess':{'0':{'Return':{'MD5OfMessageBody':'3bcb6e8e','MessageId':'m-1'}}},"
      + "  'MockedApproval':{'0':{'Return':{'approved':true}}},"
      + "  'MockedTimeout':{'0':{'Throw':{'Error':'States.Timeout','Cause':'nobody answered'}}},"
      + "  'MockedScores':{'0':{'Return':1},'1-2':{'Return':2}}}}");

  @TempDir
  Path dir;
  private final ManualClock clock = ManualClock.create();
  private final AtomicInteger sqsCalls = new AtomicInteger();
  private LocalStack stack;
  private SfnClient sfn;

  @BeforeEach
  void start() throws IOException {
    Path file = dir.resolve("MockConfigFile.json");
    Files.writeString(file, MOCKS, StandardCharsets.UTF_8);
    stack = LocalStack.builder().clock(clock).console(false).mockConfig(file)
        .resource("arn:aws:states:::sqs:sendMessage", input -> {
          sqsCalls.incrementAndGet();
          return json("{\"MessageId\":\"real-" + input.path("MessageBody").asText() + "\"}");
        })
        .start();
    sfn = SfnFixture.client(stack);
  }

  @AfterEach
  void stop() {
    sfn.close();
    stack.close();
  }

  private String run(String machineArn, String testCase, String input) {
    String arn = sfn.startExecution(b -> b.stateMachineArn(machineArn + "#" + testCase).input(q(input)))
        .executionArn();
    stack.awaitIdle();
    return arn;
  }

  private static HistoryEvent first(List<HistoryEvent> events, String type) {
    return events.stream().filter(e -> e.typeAsString().equals(type)).findFirst().orElseThrow();
  }

  @Test
  void aMockedLambdaAnswersWithItsReturnThroughResultSelectorAndResultPathWithTheEventsOfARealCall() {
    String machine = SfnFixture.machine(sfn, "LambdaSQSIntegration", LAMBDA_SQS);
    String arn = run(machine, "HappyPath", "{'who':'you'}");

    DescribeExecutionResponse done = describe(sfn, arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.stateMachineArn()).isEqualTo(machine);
    assertThat(json(done.output())).isEqualTo(json(q(
        "{'who':'you','lambda':{'body':'Hello from Lambda!'},'sqs':{'id':'m-1'}}")));
    assertThat(types(sfn, arn)).containsExactly("ExecutionStarted",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
        "ExecutionSucceeded");
    List<HistoryEvent> events = history(sfn, arn);
    HistoryEvent scheduled = first(events, "TaskScheduled");
    assertThat(scheduled.taskScheduledEventDetails().resourceType()).isEqualTo("lambda");
    assertThat(scheduled.taskScheduledEventDetails().resource()).isEqualTo("invoke");
    assertThat(json(scheduled.taskScheduledEventDetails().parameters()))
        .isEqualTo(json(q("{'FunctionName':'HelloWorldFunction','Payload':{'who':'you'}}")));
    assertThat(json(first(events, "TaskSucceeded").taskSucceededEventDetails().output()))
        .isEqualTo(json(q("{'StatusCode':200,'Payload':{'StatusCode':200,'body':'Hello from Lambda!'}}")));
    assertThat(sqsCalls).as("a mocked task never calls its resource").hasValue(0);
  }

  @Test
  void aMockedThrowFailsTheTaskAndIsCaughtByCatch() {
    String machine = SfnFixture.machine(sfn, "LambdaSQSIntegration", LAMBDA_SQS);
    String arn = run(machine, "CaughtPath", "{}");

    DescribeExecutionResponse done = describe(sfn, arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json(done.output())).isEqualTo(json(q("{'error':{'Error':'Lambda.ResourceNotReadyException',"
        + "'Cause':'Lambda resource is not ready.'}}")));
    HistoryEvent failed = first(history(sfn, arn), "TaskFailed");
    assertThat(failed.taskFailedEventDetails().error()).isEqualTo("Lambda.ResourceNotReadyException");
    assertThat(failed.taskFailedEventDetails().cause()).isEqualTo("Lambda resource is not ready.");
    assertThat(failed.taskFailedEventDetails().resourceType()).isEqualTo("lambda");
    assertThat(types(sfn, arn)).containsSubsequence("TaskFailed", "TaskStateExited", "PassStateEntered");
  }

  @Test
  void eachRetryIsTheNextInvocationAndWaitsItsIntervalOnTheStacksClock() {
    String machine = SfnFixture.machine(sfn, "LambdaSQSIntegration", LAMBDA_SQS);
    String arn = run(machine, "RetryPath", "{}");

    assertThat(describe(sfn, arn).status()).as("invocation 0 threw; the retry waits 2 s").isEqualTo(ExecutionStatus.RUNNING);
    stack.advance(Duration.ofMillis(1999));
    assertThat(describe(sfn, arn).status()).isEqualTo(ExecutionStatus.RUNNING);
    stack.advance(Duration.ofMillis(1));

    DescribeExecutionResponse done = describe(sfn, arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json(done.output()).path("lambda").path("body").asText()).isEqualTo("Hello on the second try");
    assertThat(types(sfn, arn)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskFailed",
        "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited");
  }

  @Test
  void anInvocationTheMockedResponseDoesNotCoverFailsTheExecutionWithStatesRuntime() {
    String machine = SfnFixture.machine(sfn, "LambdaSQSIntegration", LAMBDA_SQS);
    String arn = run(machine, "ShortPath", "{}");
    stack.advance(Duration.ofSeconds(2)); // invocation 1, then the retry after 4 s asks for invocation 2
    stack.advance(Duration.ofSeconds(4));

    DescribeExecutionResponse done = describe(sfn, arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("States.Runtime");
    assertThat(done.cause()).contains("'MockedLambdaAlwaysTimesOut'", "invocation 2");
    assertThat(types(sfn, arn).stream().filter("TaskFailed"::equals)).hasSize(2);
  }

  @Test
  void theTestCaseIsPickedByTheArnSuffixAndUnmockedStatesRunAsWithoutMocks() {
    String machine = SfnFixture.machine(sfn, "LambdaSQSIntegration", LAMBDA_SQS);

    String hybrid = run(machine, "HybridPath", "{}");
    assertThat(json(describe(sfn, hybrid).output()).path("sqs")).as("SQSState called its bound handler")
        .isEqualTo(json(q("{'id':'real-Hello from Lambda!'}")));
    assertThat(sqsCalls).hasValue(1);

    String plain = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
    stack.awaitIdle();
    DescribeExecutionResponse unmocked = describe(sfn, plain);
    assertThat(unmocked.status()).as("without a test case nothing is mocked").isEqualTo(ExecutionStatus.FAILED);
    assertThat(unmocked.error()).isEqualTo("States.Runtime");
    assertThat(unmocked.cause()).contains("arn:aws:states:::lambda:invoke");
  }

  @Test
  void anUnknownTestCaseIsAValidationExceptionAndStartsNothing() {
    String machine = SfnFixture.machine(sfn, "LambdaSQSIntegration", LAMBDA_SQS);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine + "#SadPath")))
        .isInstanceOfSatisfying(SfnException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.statusCode()).isEqualTo(400);
        })
        .hasMessageStartingWith("Test case 'SadPath' is not defined for state machine 'LambdaSQSIntegration' "
            + "in the mock configuration");
    String other = SfnFixture.machine(sfn, "NotInTheFile", LAMBDA_SQS);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(other + "#HappyPath")))
        .isInstanceOfSatisfying(SfnException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions()).isEmpty();
  }

  @Test
  void callbackAndActivityTasksCanBeMockedAndAnswerAtOnce() {
    String machine = SfnFixture.machine(sfn, "Callback", q("{'StartAt':'AskHuman','States':{"
        + "'AskHuman':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
        + "'Parameters':{'QueueUrl':'q','MessageBody':{'token.$':'$$.Task.Token'}},'TimeoutSeconds':3600,"
        + "'ResultPath':'$.human','Next':'DoWork'},"
        + "'DoWork':{'Type':'Task','Resource':'arn:aws:states:us-east-1:123456789012:activity:never-created',"
        + "'ResultPath':'$.work','End':true}}}"));
    String arn = run(machine, "Approved", "{}");

    DescribeExecutionResponse done = describe(sfn, arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json(done.output())).isEqualTo(json(q("{'human':{'approved':true},'work':{'approved':true}}")));
    assertThat(types(sfn, arn)).containsExactly("ExecutionStarted",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
        "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited",
        "ExecutionSucceeded");
    HistoryEvent scheduled = first(history(sfn, arn), "TaskScheduled");
    assertThat(scheduled.taskScheduledEventDetails().resource()).isEqualTo("sendMessage.waitForTaskToken");
    assertThat(json(scheduled.taskScheduledEventDetails().parameters()).path("MessageBody").path("token").asText())
        .as("a task token is generated for the mocked callback").startsWith("AQ");
    assertThat(sqsCalls).hasValue(0);
  }

  @Test
  void aMockedStatesTimeoutIsRecordedAsTheTimeoutItStandsFor() {
    String machine = SfnFixture.machine(sfn, "Callback", q("{'StartAt':'AskHuman','States':{"
        + "'AskHuman':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
        + "'Parameters':{'QueueUrl':'q','MessageBody':{'token.$':'$$.Task.Token'}},'End':true}}}"));
    String arn = run(machine, "TimedOut", "{}");

    DescribeExecutionResponse done = describe(sfn, arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("States.Timeout");
    HistoryEvent timedOut = first(history(sfn, arn), "TaskTimedOut");
    assertThat(timedOut.taskTimedOutEventDetails().error()).isEqualTo("States.Timeout");
    assertThat(timedOut.taskTimedOutEventDetails().cause()).isEqualTo("nobody answered");
  }

  @Test
  void invocationsAreCountedAcrossMapIterationsAndABareLambdaArnKeepsItsLambdaEvents() {
    String machine = SfnFixture.machine(sfn, "Scores", q("{'StartAt':'Each','States':{'Each':{'Type':'Map',"
        + "'MaxConcurrency':1,'ItemsPath':'$.items','ItemProcessor':{'StartAt':'Score','States':{"
        + "'Score':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:score','End':true}}},"
        + "'End':true}}}"));
    String arn = run(machine, "ThreeScores", "{'items':['a','b','c']}");

    DescribeExecutionResponse done = describe(sfn, arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("[1,2,2]");
    assertThat(types(sfn, arn).stream().filter("LambdaFunctionSucceeded"::equals)).hasSize(3);
  }

  @Test
  void aJsonataTaskStateSeesTheMockedResultInStatesResult() {
    String machine = SfnFixture.machine(sfn, "LambdaSQSIntegration", q("{'QueryLanguage':'JSONata',"
        + "'StartAt':'LambdaState','States':{'LambdaState':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
        + "'Arguments':{'FunctionName':'f','Payload':'{% $states.input %}'},"
        + "'Output':'{% {\\'said\\': $states.result.Payload.body} %}','End':true}}}"));
    String arn = run(machine, "HappyPath", "{}");
    assertThat(describe(sfn, arn).output()).isEqualTo("{\"said\":\"Hello from Lambda!\"}");
  }

  @Test
  void theReadmeExampleRunsItsRetryPathOnTheStacksClock() {
    String greeter = q("{'StartAt':'SayHello','States':{'SayHello':{"
        + "'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
        + "'Parameters':{'FunctionName':'hello','Payload.$':'$'},'OutputPath':'$.Payload',"
        + "'Retry':[{'ErrorEquals':['Lambda.TooManyRequestsException'],'IntervalSeconds':1}],'End':true}}}");
    String mocks = q("{'StateMachines':{'Greeter':{'TestCases':{"
        + "'HappyPath':{'SayHello':'HelloOk'},'RetryPath':{'SayHello':'HelloFlaky'}}}},"
        + "'MockedResponses':{"
        + "'HelloOk':{'0':{'Return':{'StatusCode':200,'Payload':{'greeting':'Hello!'}}}},"
        + "'HelloFlaky':{"
        + "'0':{'Throw':{'Error':'Lambda.TooManyRequestsException','Cause':'Rate exceeded'}},"
        + "'1':{'Return':{'StatusCode':200,'Payload':{'greeting':'Hello, at last'}}}}}}");
    try (LocalStack readme = LocalStack.builder().clock(ManualClock.create()).console(false).mockConfigJson(mocks)
        .start(); SfnClient client = SfnFixture.client(readme)) {
      String machine = SfnFixture.machine(client, "Greeter", greeter);
      assertThat(machine).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Greeter");
      String happy = client.startExecution(b -> b.stateMachineArn(machine + "#HappyPath").input("{}")).executionArn();
      String retry = client.startExecution(b -> b.stateMachineArn(machine + "#RetryPath").input("{}")).executionArn();
      readme.awaitIdle();
      assertThat(describe(client, happy).output()).isEqualTo("{\"greeting\":\"Hello!\"}");
      assertThat(describe(client, retry).status()).isEqualTo(ExecutionStatus.RUNNING);
      readme.advance(Duration.ofSeconds(1));
      assertThat(describe(client, retry).output()).isEqualTo("{\"greeting\":\"Hello, at last\"}");
    }
  }
}
