package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.describe;
import static io.clix.local.internal.sfn.SfnFixture.history;
import static io.clix.local.internal.sfn.SfnFixture.json;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static io.clix.local.internal.sfn.SfnFixture.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.LocalStack;
import io.clix.local.TaskFailure;
import io.clix.core.time.ManualClock;
import io.clix.local.internal.http.AwsJsonServer;
import io.clix.local.internal.http.AwsJsonService;
import io.clix.local.internal.http.ServiceError;
import io.clix.local.internal.sfn.asl.StatesError;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Task resources other than activities: the DynamoDB integrations against a recording fake
 * DynamoDB (this test's own, never shipped), bound Java handlers, and .waitForTaskToken.
 */
class IntegrationTest {

  private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:score";
  private static final String INVOKE = "arn:aws:states:::lambda:invoke";
  private static final String PUBLISH = "arn:aws:states:::sns:publish";

  /** A DynamoDB that records calls and fails a conditional put on demand. */
  static final class RecordingDynamoDb implements AwsJsonService {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @Override
    public String targetPrefix() {
      return "DynamoDB_20120810";
    }

    @Override
    public JsonNode handle(String operation, JsonNode request) {
      calls.add(operation);
      requests.add(request);
      if (request.has("ConditionExpression")) {
        throw new ServiceError(400, "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
            "The conditional request failed");
      }
      ObjectNode out = new ObjectMapper().createObjectNode();
      if (operation.equals("GetItem")) {
        out.putObject("Item").putObject("id").put("S", request.path("Key").path("id").path("S").asText());
      }
      return out;
    }
  }

  private final ManualClock clock = ManualClock.create();
  private final RecordingDynamoDb dynamoDb = new RecordingDynamoDb();
  private final AtomicInteger lambdaCalls = new AtomicInteger();
  private final AtomicReference<String> callbackToken = new AtomicReference<>();
  private StepFunctionsService service;
  private AwsJsonServer server;
  private SfnClient sfn;

  @BeforeEach
  void start() throws IOException {
    ResourceHandler score = input -> {
      if (lambdaCalls.incrementAndGet() < 3) {
        throw new StatesError("Lambda.ServiceException", "try again");
      }
      return new ObjectMapper().createObjectNode().put("score", input.path("points").asInt() * 2);
    };
    ResourceHandler invoke = input -> {
      callbackToken.set(input.path("token").asText());
      return new ObjectMapper().createObjectNode().put("StatusCode", 200);
    };
    ResourceHandler answersAtOnce = input -> {
      ObjectNode success = new ObjectMapper().createObjectNode().put("taskToken", input.path("token").asText())
          .put("output", "{\"early\":true}");
      service.handle("SendTaskSuccess", success); // the callback comes before the call's own answer
      return new ObjectMapper().createObjectNode().put("MessageId", "m-1");
    };
    service = new StepFunctionsService(clock, "us-east-1", "123456789012", dynamoDb,
        Map.of(LAMBDA, score, INVOKE, invoke, PUBLISH, answersAtOnce));
    server = new AwsJsonServer("127.0.0.1", 0, new ObjectMapper());
    server.register(service);
    server.start();
    sfn = SfnFixture.client(server.endpoint());
  }

  @AfterEach
  void stop() {
    sfn.close();
    server.close();
    service.close();
  }

  private String run(String name, String definition, String input) {
    String machine = SfnFixture.machine(sfn, name, q(definition));
    String arn = SfnFixture.start(sfn, machine, q(input));
    service.awaitIdle();
    return arn;
  }

  @Test
  void optimizedDynamoDbIntegrationCallsTheServiceWithPascalCaseParameters() {
    String arn = run("ddb", "{'StartAt':'Put','States':{'Put':{'Type':'Task','Resource':'arn:aws:states:::dynamodb:putItem',"
        + "'Parameters':{'TableName':'Games','Item':{'id':{'S.$':'$.id'}}},'ResultPath':null,'Next':'Get'},"
        + "'Get':{'Type':'Task','Resource':'arn:aws:states:::aws-sdk:dynamodb:getItem',"
        + "'Parameters':{'TableName':'Games','Key':{'id':{'S.$':'$.id'}}},'ResultSelector':{'got.$':'$.Item.id.S'},"
        + "'End':true}}}", "{'id':'g1'}");
    assertThat(dynamoDb.calls).containsExactly("PutItem", "GetItem");
    assertThat(dynamoDb.requests.get(0)).isEqualTo(json(q("{'TableName':'Games','Item':{'id':{'S':'g1'}}}")));
    assertThat(describe(sfn, arn).output()).isEqualTo("{\"got\":\"g1\"}");
    List<HistoryEvent> events = history(sfn, arn);
    assertThat(events).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
    assertThat(events.get(2).taskScheduledEventDetails().resourceType()).isEqualTo("dynamodb");
    assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("putItem");
    assertThat(events.get(7).taskScheduledEventDetails().resourceType()).isEqualTo("aws-sdk:dynamodb");
  }

  @Test
  void dynamoDbErrorsReachTheStateMachineWithAwsNames() {
    String optimized = run("ddbOpt", "{'StartAt':'Put','States':{'Put':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::dynamodb:putItem','Parameters':{'TableName':'T','Item':{},"
        + "'ConditionExpression':'attribute_not_exists(id)'},'End':true}}}", "{}");
    assertThat(describe(sfn, optimized).error()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
    assertThat(describe(sfn, optimized).cause()).startsWith("The conditional request failed");
    String sdk = run("ddbSdk", "{'StartAt':'Put','States':{'Put':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::aws-sdk:dynamodb:updateItem','Parameters':{'TableName':'T','Key':{},"
        + "'ConditionExpression':'x'},'Catch':[{'ErrorEquals':['DynamoDb.ConditionalCheckFailedException'],"
        + "'Next':'Caught'}],'End':true},'Caught':{'Type':'Pass','End':true}}}", "{}");
    assertThat(json(describe(sfn, sdk).output()).path("Error").asText())
        .isEqualTo("DynamoDb.ConditionalCheckFailedException");
    assertThat(dynamoDb.calls).containsExactly("PutItem", "UpdateItem");
  }

  @Test
  void sdkDynamoDbIntegrationWaitsForTheTokenItStored() {
    String arn = run("ddbToken", "{'StartAt':'Store','States':{'Store':{'Type':'Task',"
        + "'Resource':'arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken','Parameters':{'TableName':'Tokens',"
        + "'Item':{'token':{'S.$':'$$.Task.Token'}}},'End':true}}}", "{}");
    assertThat(dynamoDb.calls).containsExactly("PutItem");
    String token = dynamoDb.requests.get(0).path("Item").path("token").path("S").asText();
    assertThat(types(sfn, arn)).endsWith("TaskSubmitted");
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"joined\":1}"));
    service.awaitIdle();
    assertThat(describe(sfn, arn).output()).isEqualTo("{\"joined\":1}");
    assertThat(types(sfn, arn)).endsWith("TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
  }

  @Test
  void aConfiguredDynamoDbEndpointIsCalledOverHttp() throws IOException {
    RecordingDynamoDb remote = new RecordingDynamoDb();
    try (AwsJsonServer remoteServer = new AwsJsonServer("127.0.0.1", 0, new ObjectMapper())) {
      remoteServer.register(remote);
      remoteServer.start();
      try (LocalStack stack = LocalStack.builder().clock(ManualClock.create())
              .dynamoDbEndpoint(remoteServer.endpoint()).start();
          SfnClient client = SfnFixture.client(stack)) {
        String machine = SfnFixture.machine(client, "remote", q("{'StartAt':'Put','States':{'Put':{'Type':'Task',"
            + "'Resource':'arn:aws:states:::aws-sdk:dynamodb:putItem','Parameters':{'TableName':'T','Item':{},"
            + "'ConditionExpression':'attribute_not_exists(id)'},'End':true}}}"));
        String arn = SfnFixture.start(client, machine, "{}");
        stack.awaitIdle();
        assertThat(remote.calls).containsExactly("PutItem");
        assertThat(describe(client, arn).error()).isEqualTo("DynamoDb.ConditionalCheckFailedException");
      }
    }
  }

  @Test
  void aLocalStackHandlersTaskFailureGivesItsErrorAndCauseAndAnyOtherExceptionItsClassName() {
    String full = "arn:aws:lambda:us-east-1:123456789012:function:full";
    String broken = "arn:aws:lambda:us-east-1:123456789012:function:broken";
    try (LocalStack stack = LocalStack.builder().clock(ManualClock.create())
            .resource(full, input -> {
              throw new TaskFailure("Game.Full", "no seats");
            })
            .resource(broken, input -> {
              throw new IllegalStateException("boom");
            }).start();
        SfnClient client = SfnFixture.client(stack)) {
      String refused = SfnFixture.start(client, SfnFixture.machine(client, "full",
          q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + full + "','End':true}}}")), "{}");
      String crashed = SfnFixture.start(client, SfnFixture.machine(client, "broken",
          q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + broken + "','End':true}}}")), "{}");
      stack.awaitIdle();
      assertThat(describe(client, refused).error()).isEqualTo("Game.Full");
      assertThat(describe(client, refused).cause()).isEqualTo("no seats");
      assertThat(describe(client, crashed).error()).isEqualTo("IllegalStateException");
      assertThat(describe(client, crashed).cause()).isEqualTo("boom");
    }
  }

  @Test
  void boundLambdaHandlerIsRetriedWithBackoffOnTheClock() {
    String arn = run("lambda", "{'StartAt':'Score','States':{'Score':{'Type':'Task','Resource':'" + LAMBDA + "',"
        + "'Retry':[{'ErrorEquals':['Lambda.ServiceException'],'IntervalSeconds':2,'BackoffRate':3}],'End':true}}}",
        "{'points':21}");
    assertThat(lambdaCalls.get()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(2));
    service.awaitIdle();
    assertThat(lambdaCalls.get()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(5));
    service.awaitIdle();
    assertThat(lambdaCalls.get()).as("second retry waits 2*3 = 6 s").isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));
    service.awaitIdle();
    assertThat(describe(sfn, arn).output()).isEqualTo("{\"score\":42}");
    assertThat(types(sfn, arn)).containsExactly("ExecutionStarted", "TaskStateEntered",
        "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
        "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
        "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
        "TaskStateExited", "ExecutionSucceeded");
  }

  @Test
  void aCallbackThatComesBeforeTheCallsAnswerIsRecordedAfterTaskSubmitted() {
    String arn = run("early", "{'StartAt':'Ask','States':{'Ask':{'Type':'Task','Resource':'" + PUBLISH
        + ".waitForTaskToken','Parameters':{'token.$':'$$.Task.Token'},'End':true}}}", "{}");
    assertThat(describe(sfn, arn).output()).isEqualTo("{\"early\":true}");
    List<HistoryEvent> events = history(sfn, arn);
    assertThat(events).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited",
        "ExecutionSucceeded");
    assertThat(events.get(4).taskSubmittedEventDetails().output()).isEqualTo("{\"MessageId\":\"m-1\"}");
  }

  @Test
  void waitForTaskTokenPassesTheTokenAndWaitsForTheCallback() {
    String arn = run("callback", "{'StartAt':'Ask','States':{'Ask':{'Type':'Task','Resource':'" + INVOKE
        + ".waitForTaskToken','Parameters':{'token.$':'$$.Task.Token','game.$':'$.game'},"
        + "'HeartbeatSeconds':30,'End':true}}}", "{'game':'g7'}");
    String token = callbackToken.get();
    assertThat(token).isNotBlank();
    assertThat(describe(sfn, arn).status()).isEqualTo(ExecutionStatus.RUNNING);
    List<HistoryEvent> waiting = history(sfn, arn);
    assertThat(waiting).extracting(HistoryEvent::typeAsString).containsExactly("ExecutionStarted",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted");
    assertThat(waiting.get(2).taskScheduledEventDetails().resource()).isEqualTo("invoke.waitForTaskToken");
    assertThat(waiting.get(2).taskScheduledEventDetails().heartbeatInSeconds()).isEqualTo(30L);
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"accepted\":true}"));
    service.awaitIdle();
    assertThat(describe(sfn, arn).output()).isEqualTo("{\"accepted\":true}");

    String late = run("callback2", "{'StartAt':'Ask','States':{'Ask':{'Type':'Task','Resource':'" + INVOKE
        + ".waitForTaskToken','Parameters':{'token.$':'$$.Task.Token'},'HeartbeatSeconds':30,'End':true}}}", "{}");
    clock.advance(Duration.ofSeconds(30));
    service.awaitIdle();
    assertThat(describe(sfn, late).error()).isEqualTo("States.HeartbeatTimeout");
  }
}
