package io.clix.aws.reliability;

import io.clix.aws.ActivityArns;
import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.AwsGameOrchestratorBuilder;
import io.clix.aws.Correlation;
import io.clix.aws.StateMachineDefinition;
import io.clix.local.LocalStack;
import io.clix.core.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * One Clix deployment on a local stack with its own manual clock: a game table, the three
 * activities and the generated state machine in one correlation mode, fault-free clients for
 * set-up and inspection, and orchestrators built on clients pointed wherever a test wants (the
 * stack itself or a {@link FaultProxy} in front of it), all sharing the clock. Test plumbing.
 */
public final class Deployment implements AutoCloseable {

  private static final AtomicInteger NAMES = new AtomicInteger();

  public final ManualClock clock = ManualClock.create();
  public final LocalStack stack = LocalStack.builder().clock(clock).start();
  public final Correlation correlation;
  /** Fault-free clients straight to the stack, for set-up and inspection. */
  public final AwsClients direct;
  public final String table;
  public final ActivityArns activities;
  public final String machineName;
  public final String machineArn;
  private final List<AwsGameOrchestrator> orchestrators = new ArrayList<>();
  private final List<AwsClients> clients = new ArrayList<>();

  public Deployment(Correlation correlation) {
    this(correlation, UnaryOperator.identity());
  }

  /** A deployment whose state machine definition is built with {@code definition} applied to the defaults. */
  public Deployment(Correlation correlation, UnaryOperator<StateMachineDefinition.Builder> definition) {
    this.correlation = correlation;
    this.direct = AwsClients.at(stack.endpoint(), AwsClients.Options.plain());
    String prefix = "rel" + NAMES.incrementAndGet();
    this.table = prefix + "-games";
    direct.dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    this.activities = new ActivityArns(activity(prefix + "-lobby"), activity(prefix + "-round"),
        activity(prefix + "-timers"));
    StateMachineDefinition built = definition.apply(StateMachineDefinition.builder()
        .correlation(correlation).tableName(table).activities(activities)).build();
    this.machineName = prefix + "-" + correlation.name().toLowerCase();
    this.machineArn = direct.sfn.createStateMachine(b -> b.name(machineName)
        .roleArn("arn:aws:iam::123456789012:role/clix-test").definition(built.toJsonString()))
        .stateMachineArn();
  }

  private String activity(String name) {
    return direct.sfn.createActivity(b -> b.name(name)).activityArn();
  }

  /** Clients to {@code endpoint}, closed with the deployment. */
  public AwsClients clients(URI endpoint, AwsClients.Options options) {
    AwsClients c = AwsClients.at(endpoint, options);
    synchronized (clients) {
      clients.add(c);
    }
    return c;
  }

  /** The builder of an orchestrator on {@code c}, this deployment's table, machine, activities and clock. */
  public AwsGameOrchestratorBuilder builder(AwsClients c, String worker) {
    return AwsGameOrchestrator.builder()
        .sfnClient(c.sfn).dynamoDbClient(c.dynamoDb).sfnAsyncClient(c.sfnAsync).dynamoDbAsyncClient(c.dynamoDbAsync)
        .tableName(table).stateMachineArn(machineArn).correlation(correlation).activities(activities)
        .clock(clock).routerWorkers(4).workerName(worker);
  }

  /** Builds and keeps an orchestrator (closed with the deployment unless the test closes it). */
  public AwsGameOrchestrator orchestrator(AwsGameOrchestratorBuilder builder) {
    AwsGameOrchestrator o = builder.build();
    synchronized (orchestrators) {
      orchestrators.add(o);
    }
    return o;
  }

  /** An orchestrator on fault-free clients straight to the stack. */
  public AwsGameOrchestrator orchestrator(String worker) {
    return orchestrator(builder(clients(stack.endpoint(), AwsClients.Options.plain()), worker));
  }

  /** Forgets an orchestrator the test closed (or abandoned, as a crashed instance). */
  public void forget(AwsGameOrchestrator o) {
    synchronized (orchestrators) {
      orchestrators.remove(o);
    }
  }

  /** Waits until the executions and every orchestrator's router have handled everything due. */
  public void settle() {
    for (int i = 0; i < 3; i++) {
      stack.awaitIdle();
      List<AwsGameOrchestrator> all;
      synchronized (orchestrators) {
        all = List.copyOf(orchestrators);
      }
      all.forEach(AwsGameOrchestrator::awaitRouterIdle);
    }
    stack.awaitIdle();
  }

  /** Settles, moves the shared clock by {@code d} (firing the stack's timers), and settles again. */
  public void advance(Duration d) {
    settle();
    stack.advance(d);
    settle();
  }

  public String executionArn(String gameId) {
    return "arn:aws:states:" + stack.region() + ":" + stack.accountId() + ":execution:" + machineName + ":" + gameId;
  }

  public ExecutionStatus executionStatus(String gameId) {
    return direct.sfn.describeExecution(b -> b.executionArn(executionArn(gameId))).status();
  }

  /** The whole history of a game's execution. */
  public List<HistoryEvent> history(String gameId) {
    List<HistoryEvent> events = new ArrayList<>();
    direct.sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn(gameId)).maxResults(1000))
        .events().forEach(events::add);
    return events;
  }

  @Override
  public void close() {
    synchronized (orchestrators) {
      orchestrators.forEach(AwsGameOrchestrator::close);
      orchestrators.clear();
    }
    stack.close();
    synchronized (clients) {
      clients.forEach(AwsClients::close);
    }
    direct.close();
  }
}
