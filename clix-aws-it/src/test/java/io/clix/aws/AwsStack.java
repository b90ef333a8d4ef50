package io.clix.aws;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackClients;
import io.clix.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * A local stack on its own manual clock with real SDK clients over HTTP, and a deployment made by
 * {@link ClixProvisioner} (game table, three activities, generated state machine) in one correlation mode; builds orchestrators that
 * share the clock. Test plumbing only.
 */
final class AwsStack implements AutoCloseable {

  private static final AtomicInteger NAMES = new AtomicInteger();
  /** How long (real time) a task may stay between the stack and a router before settle gives up. */
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(30);

  final ManualClock clock = ManualClock.create();
  final LocalStack stack = LocalStack.builder().clock(clock).start();
  final Correlation correlation;
  final SfnClient sfn;
  final DynamoDbClient dynamoDb;
  final SfnAsyncClient sfnAsync;
  final DynamoDbAsyncClient dynamoDbAsync;
  final String table;
  final ActivityArns activities;
  final String machineName;
  final String machineArn;
  private final List<AwsGameOrchestrator> orchestrators = new ArrayList<>();
  private final List<String> otherMachines = new java.util.concurrent.CopyOnWriteArrayList<>();

  AwsStack(Correlation correlation) {
    this(correlation, new ExecutionInterceptor() { });
  }

  /** A stack whose four clients all carry {@code interceptor} (to observe what crosses the wire). */
  AwsStack(Correlation correlation, ExecutionInterceptor interceptor) {
    this(correlation, interceptor, 0);
  }

  /** As above, with HeartbeatSeconds on the activity waits when {@code heartbeatSeconds > 0}. */
  AwsStack(Correlation correlation, ExecutionInterceptor interceptor, int heartbeatSeconds) {
    this.correlation = correlation;
    ClientOverrideConfiguration config = ClientOverrideConfiguration.builder()
        .addExecutionInterceptor(interceptor).build();
    this.sfn = LocalStackClients.sfn(stack, config);
    this.dynamoDb = LocalStackClients.dynamoDb(stack, config);
    this.sfnAsync = LocalStackClients.sfnAsync(stack, config);
    this.dynamoDbAsync = LocalStackClients.dynamoDbAsync(stack, config);
    String prefix = "clix" + NAMES.incrementAndGet();
    this.machineName = prefix + "-" + correlation.name().toLowerCase();
    ClixProvisioner.Builder provisioner = ClixProvisioner.builder().sfnClient(sfn).dynamoDbClient(dynamoDb)
        .tableName(prefix + "-games").stateMachineName(machineName).activityPrefix(prefix)
        .roleArn("arn:aws:iam::123456789012:role/clix-test").correlation(correlation)
        .tableWait(Duration.ofMillis(20), Duration.ofSeconds(10));
    if (heartbeatSeconds > 0) {
      provisioner.heartbeatSeconds(heartbeatSeconds);
    }
    ClixDeployment deployment = provisioner.build().provision();
    this.table = deployment.tableName();
    this.activities = deployment.activities();
    this.machineArn = deployment.stateMachineArn();
  }

  /** An orchestrator on this stack's clients and clock; closed with the stack. */
  AwsGameOrchestrator orchestrator(String worker) {
    return orchestrator(worker, machineArn, 4);
  }

  /** An orchestrator on another state machine of this stack, with {@code workers} router polls (0: none). */
  AwsGameOrchestrator orchestrator(String worker, String stateMachineArn, int workers) {
    return orchestrator(worker, stateMachineArn, workers, null);
  }

  /** As above, heartbeating stored activity tasks every {@code heartbeat} (real time) if not null. */
  AwsGameOrchestrator orchestrator(String worker, String stateMachineArn, int workers, Duration heartbeat) {
    AwsGameOrchestrator o = AwsGameOrchestrator.builder()
        .sfnClient(sfn).dynamoDbClient(dynamoDb).sfnAsyncClient(sfnAsync).dynamoDbAsyncClient(dynamoDbAsync)
        .tableName(table).stateMachineArn(stateMachineArn).correlation(correlation).activities(activities)
        .clock(clock).routerWorkers(workers).workerName(worker).heartbeat(heartbeat).build();
    synchronized (orchestrators) {
      orchestrators.add(o);
    }
    return o;
  }

  /**
   * Waits until the executions and every orchestrator's router have handled everything due: the
   * stack is idle and no running execution waits on an activity task a router has not finished
   * with (a task handed out but not yet seen by the router shows in the execution's history).
   */
  void settle() {
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    while (true) {
      stack.awaitIdle();
      List<AwsGameOrchestrator> all;
      synchronized (orchestrators) {
        all = List.copyOf(orchestrators);
      }
      all.forEach(AwsGameOrchestrator::awaitRouterIdle);
      stack.awaitIdle();
      if (!anyTaskInFlight()) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("an activity task stayed in flight for " + SETTLE_LIMIT
            + ": is a router running?");
      }
    }
  }

  /**
   * True if a running execution waits on an activity task that no router has finished with: one
   * not handed out yet, a timer task not completed, or a wait task whose token is not filed in its
   * game's item yet.
   */
  private boolean anyTaskInFlight() {
    for (ExecutionListItem e : sfn.listExecutionsPaginator(b -> b.statusFilter(ExecutionStatus.RUNNING)
        .stateMachineArn(machineArn)).executions()) {
      if (inFlight(e)) {
        return true;
      }
    }
    for (String other : otherMachines) {
      for (ExecutionListItem e : sfn.listExecutionsPaginator(b -> b.statusFilter(ExecutionStatus.RUNNING)
          .stateMachineArn(other)).executions()) {
        if (inFlight(e)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean inFlight(ExecutionListItem e) {
    List<HistoryEvent> last = sfn.getExecutionHistory(b -> b.executionArn(e.executionArn())
        .reverseOrder(true).maxResults(2)).events();
    if (last.isEmpty()) {
      return false;
    }
    if (last.get(0).type() == HistoryEventType.ACTIVITY_SCHEDULED) {
      return true;
    }
    if (last.get(0).type() != HistoryEventType.ACTIVITY_STARTED || last.size() < 2
        || last.get(1).activityScheduledEventDetails() == null) {
      return false;
    }
    if (activities.timers().equals(last.get(1).activityScheduledEventDetails().resource())) {
      return true;
    }
    Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(e.name()), "sk", AttributeValue.fromN("0")))
        .projectionExpression("waitPoint")).item();
    return item == null || !item.containsKey("waitPoint");
  }

  /**
   * Moves the shared clock by {@code d} one due timer at a time, settling after each, so a timer
   * that the router's work arms on the way (the next round's deadline) fires within {@code d} too.
   */
  void advance(Duration d) {
    Instant target = clock.instant().plus(d);
    settle();
    while (true) {
      Optional<Instant> next = clock.nextTimer();
      if (next.isEmpty() || next.get().isAfter(target)) {
        break;
      }
      clock.advanceTo(next.get());
      settle();
    }
    clock.advanceTo(target);
    settle();
  }

  String executionArn(String gameId) {
    return executionArn(machineName, gameId);
  }

  String executionArn(String machine, String gameId) {
    return "arn:aws:states:" + stack.region() + ":" + stack.accountId() + ":execution:" + machine + ":" + gameId;
  }

  /** Creates a state machine from an ASL document; returns its ARN. */
  String machine(String name, String definition) {
    String arn = sfn.createStateMachine(b -> b.name(name).roleArn("arn:aws:iam::123456789012:role/clix-test")
        .definition(definition)).stateMachineArn();
    otherMachines.add(arn);
    return arn;
  }

  /** The generated definition of this stack's mode. */
  StateMachineDefinition definition() {
    return StateMachineDefinition.builder().correlation(correlation).tableName(table).activities(activities).build();
  }

  ExecutionStatus executionStatus(String gameId) {
    return sfn.describeExecution(b -> b.executionArn(executionArn(gameId))).status();
  }

  @Override
  public void close() {
    synchronized (orchestrators) {
      orchestrators.forEach(AwsGameOrchestrator::close);
    }
    stack.close();
    sfn.close();
    dynamoDb.close();
    sfnAsync.close();
    dynamoDbAsync.close();
  }
}
