package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.AwsJsonService;
import io.clix.local.internal.http.ServiceError;
import io.clix.core.internal.time.ClockScheduler;
import io.clix.local.internal.sfn.mock.MockConfig;
import java.time.Clock;
import java.util.Map;

/**
 * The local stack's Step Functions: the API behind {@code X-Amz-Target: AWSStepFunctions.*} and
 * the interpreter that runs the executions, on the stack's clock. Executions never own a thread:
 * timers live in one {@link ClockScheduler} and transitions run on a small {@link WorkPool}, so
 * {@link #awaitIdle()} returns once everything due has been processed.
 */
public final class StepFunctionsService implements AwsJsonService {

  private final ClockScheduler scheduler;
  private final WorkPool pool;
  private final StateMachineOperations machines;
  private final ExecutionOperations executions;
  private final ActivityOperations activities;
  private final ConsoleView consoleView;
  private final StateMachineVersions versions;
  private final ResourceTags tags;
  private final TestStateOperation testState;

  /** A service with no bound task handlers. */
  public StepFunctionsService(Clock clock, String region, String accountId, AwsJsonService dynamoDb) {
    this(clock, region, accountId, dynamoDb, Map.of());
  }

  /**
   * A service whose Task states can also call {@code handlers}, keyed by resource ARN.
   *
   * @param dynamoDb the DynamoDB the integrations call
   */
  public StepFunctionsService(Clock clock, String region, String accountId, AwsJsonService dynamoDb,
      Map<String, ResourceHandler> handlers) {
    this(clock, region, accountId, dynamoDb, handlers, null);
  }

  /**
   * A service whose Task states can also call {@code handlers}, keyed by resource ARN, and whose
   * executions started on {@code <state machine ARN>#<test case>} answer the Task states that test
   * case of {@code mocks} names with their mocked responses.
   *
   * @param dynamoDb the DynamoDB the integrations call
   * @param mocks the mock configuration, or null for none
   */
  public StepFunctionsService(Clock clock, String region, String accountId, AwsJsonService dynamoDb,
      Map<String, ResourceHandler> handlers, MockConfig mocks) {
    this(clock, region, accountId, dynamoDb, handlers, mocks, ExecutionRetention.DEFAULT);
  }

  /**
   * As {@link #StepFunctionsService(Clock, String, String, AwsJsonService, Map, MockConfig)}, keeping
   * ended executions as {@code retention} says.
   */
  public StepFunctionsService(Clock clock, String region, String accountId, AwsJsonService dynamoDb,
      Map<String, ResourceHandler> handlers, MockConfig mocks, ExecutionRetention retention) {
    this.pool = new WorkPool(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
    this.scheduler = new ClockScheduler(clock, "clix-local-sfn-timers", pool::awaitIdle);
    Arns arns = new Arns(region, accountId);
    TaskTokens tokens = new TaskTokens();
    Interpreter interpreter = new Interpreter(scheduler, pool);
    this.machines = new StateMachineOperations(arns, clock);
    this.activities = new ActivityOperations(arns, scheduler, tokens);
    interpreter.handlers(
        new TaskStates(interpreter, tokens, activities::find, Map.copyOf(handlers), new DynamoDbTasks(dynamoDb),
            new StepFunctionsTasks(this, this::executionOperations, pool::submit)),
        new BranchStates(interpreter));
    this.versions = new StateMachineVersions(machines, clock);
    this.testState = new TestStateOperation(clock, arns);
    this.executions = new ExecutionOperations(arns, clock, machines, versions, interpreter.lifecycle(), mocks, tokens,
        retention);
    this.tags = new ResourceTags(arn -> machines.machines.containsKey(arn) || activities.find(arn) != null
        || versions.exists(arn));
    this.consoleView = new ConsoleView(machines, executions, activities);
  }

  /** The read-only view the web console draws from. */
  public ConsoleView consoleView() {
    return consoleView;
  }

  @Override
  public String targetPrefix() {
    return "AWSStepFunctions";
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    switch (operation) {
      case "CreateStateMachine": return tagged(published(machines.create(request), request), request, "stateMachineArn");
      case "DescribeStateMachine": return describeMachine(request);
      case "UpdateStateMachine": return published(machines.update(request), request);
      case "DeleteStateMachine": return deleteMachine(request);
      case "ListStateMachines": return machines.list(request);
      case "ValidateStateMachineDefinition": return machines.validate(request);
      case "StartExecution": return executions.start(request);
      case "DescribeExecution": return executions.describe(request);
      case "StopExecution": return executions.stop(request);
      case "ListExecutions": return executions.list(request);
      case "GetExecutionHistory": return executions.history(request);
      case "DescribeStateMachineForExecution": return executions.describeMachine(request);
      case "StartSyncExecution": return startSync(request);
      case "RedriveExecution": return redrive(request);
      case "PublishStateMachineVersion": return versions.publish(request);
      case "ListStateMachineVersions": return versions.listVersions(request);
      case "DeleteStateMachineVersion": return versions.deleteVersion(request);
      case "CreateStateMachineAlias": return versions.createAlias(request);
      case "DescribeStateMachineAlias": return versions.describeAlias(request);
      case "UpdateStateMachineAlias": return versions.updateAlias(request);
      case "DeleteStateMachineAlias": return versions.deleteAlias(request);
      case "ListStateMachineAliases": return versions.listAliases(request);
      case "TagResource": return tags.tag(request);
      case "UntagResource": return tags.untag(request);
      case "ListTagsForResource": return tags.list(request);
      case "DescribeMapRun", "UpdateMapRun": return noMapRun(request);
      case "ListMapRuns": return listMapRuns(request);
      case "TestState": return testState.test(request);
      case "CreateActivity": return tagged(activities.create(request), request, "activityArn");
      case "DescribeActivity": return activities.describe(request);
      case "DeleteActivity": return activities.delete(request);
      case "ListActivities": return activities.list(request);
      case "GetActivityTask": return activities.getTask(request);
      case "SendTaskSuccess": return activities.sendSuccess(request);
      case "SendTaskFailure": return activities.sendFailure(request);
      case "SendTaskHeartbeat": return activities.sendHeartbeat(request);
      default: throw SfnErrors.unknownOperation();
    }
  }

  private ExecutionOperations executionOperations() {
    return executions;
  }

  private JsonNode describeMachine(JsonNode request) {
    String arn = SfnJson.requiredText(request, "stateMachineArn");
    return arn.split(":", -1).length == 8 ? versions.describeVersion(arn) : machines.describe(request);
  }

  /** Create/UpdateStateMachine with {@code publish}: also publishes a version and answers its ARN. */
  private JsonNode published(JsonNode answer, JsonNode request) {
    if (request.path("publish").asBoolean(false)) {
      StateMachine machine = machines.existing(answer.has("stateMachineArn")
          ? answer.get("stateMachineArn").asText() : request.path("stateMachineArn").asText());
      ((ObjectNode) answer).put("stateMachineVersionArn",
          versions.publishArn(machine, SfnJson.optionalText(request, "versionDescription")));
    } else if (request.hasNonNull("versionDescription")) {
      throw SfnErrors.validation("Version description can only be set when publish is true");
    }
    return answer;
  }

  private JsonNode tagged(JsonNode answer, JsonNode request, String arnField) {
    tags.add(answer.path(arnField).asText(), request.get("tags"));
    return answer;
  }

  private JsonNode deleteMachine(JsonNode request) {
    JsonNode answer = machines.delete(request);
    String arn = request.path("stateMachineArn").asText();
    versions.machineDeleted(arn);
    tags.deleted(arn);
    return answer;
  }

  private JsonNode startSync(JsonNode request) {
    try {
      return executions.startSync(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceError(500, "InternalServerError", "interrupted waiting for the execution");
    }
  }

  /**
   * RedriveExecution: AWS redrives only a FAILED, TIMED_OUT or ABORTED execution; the local stack
   * answers ExecutionNotRedrivable for every execution, with AWS's reason for one still running or
   * succeeded.
   */
  private JsonNode redrive(JsonNode request) {
    Execution execution = executions.existing(SfnJson.requiredText(request, "executionArn"));
    String status = execution.status;
    String reason = status.equals("RUNNING") || status.equals("SUCCEEDED")
        ? "Execution is " + status + " and cannot be redriven"
        : "The local stack does not redrive executions (status " + status + ")";
    throw new ServiceError(400, "ExecutionNotRedrivable", reason);
  }

  /** Inline Map states run no map runs: DescribeMapRun and UpdateMapRun find none. */
  private JsonNode noMapRun(JsonNode request) {
    throw StateMachineVersions.resourceNotFound(SfnJson.requiredText(request, "mapRunArn"));
  }

  private JsonNode listMapRuns(JsonNode request) {
    executions.existing(SfnJson.requiredText(request, "executionArn"));
    ObjectNode out = SfnJson.object();
    out.putArray("mapRuns");
    return out;
  }

  /** How the executions and activity tasks stand now. */
  public SfnSnapshot snapshot() {
    boolean idle = pool.isIdle();
    return new SfnSnapshot(idle, activities.ledger.counts(), activities.queued(),
        activities.ledger.inFlight(), executions.open());
  }

  @Override
  public void awaitIdle() {
    pool.awaitIdle();
  }

  @Override
  public void close() {
    scheduler.close();
    pool.close();
  }
}
