package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.local.StackSnapshot;
import io.clix.local.TaskHandler;
import io.clix.local.internal.http.AwsJsonService;
import io.clix.core.internal.time.ClockScheduler;
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
      Map<String, TaskHandler> handlers) {
    this.pool = new WorkPool(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
    this.scheduler = new ClockScheduler(clock, "clix-local-sfn-timers", pool::awaitIdle);
    Arns arns = new Arns(region, accountId);
    TaskTokens tokens = new TaskTokens();
    Interpreter interpreter = new Interpreter(scheduler, pool);
    this.machines = new StateMachineOperations(arns, clock);
    this.activities = new ActivityOperations(arns, scheduler, tokens);
    interpreter.tasks = new TaskStates(interpreter, tokens, activities::find, Map.copyOf(handlers),
        new DynamoDbTasks(dynamoDb), region);
    interpreter.branches = new BranchStates(interpreter);
    this.executions = new ExecutionOperations(arns, clock, machines, interpreter);
  }

  @Override
  public String targetPrefix() {
    return "AWSStepFunctions";
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    switch (operation) {
      case "CreateStateMachine": return machines.create(request);
      case "DescribeStateMachine": return machines.describe(request);
      case "UpdateStateMachine": return machines.update(request);
      case "DeleteStateMachine": return machines.delete(request);
      case "ListStateMachines": return machines.list(request);
      case "ValidateStateMachineDefinition": return machines.validate(request);
      case "StartExecution": return executions.start(request);
      case "DescribeExecution": return executions.describe(request);
      case "StopExecution": return executions.stop(request);
      case "ListExecutions": return executions.list(request);
      case "GetExecutionHistory": return executions.history(request);
      case "CreateActivity": return activities.create(request);
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

  /** How the executions and activity tasks stand now ({@code generation} is the caller's counter). */
  public StackSnapshot snapshot(long generation) {
    boolean idle = pool.isIdle();
    return new StackSnapshot(generation, idle, activities.ledger.counts(), activities.queued(),
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
