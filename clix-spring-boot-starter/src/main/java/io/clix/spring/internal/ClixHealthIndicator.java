package io.clix.spring.internal;

import io.clix.aws.AwsGameOrchestrator;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The {@code clix} health of the starter's AWS orchestrator: UP when the game table answers
 * DescribeTable as ACTIVE, the state machine answers DescribeStateMachine and, when the
 * orchestrator runs a task router, every router worker is polling; UNKNOWN when the application
 * built its own orchestrator. Uses the sync clients if the application has them, else the async ones.
 */
public final class ClixHealthIndicator extends AbstractHealthIndicator {

  private final IntSupplier routerWorkers;
  private final Supplier<AwsTarget> target;
  private final Supplier<AwsGameOrchestrator> orchestrator;
  private final Supplier<SfnClient> sfn;
  private final Supplier<DynamoDbClient> dynamoDb;
  private final Supplier<SfnAsyncClient> sfnAsync;
  private final Supplier<DynamoDbAsyncClient> dynamoDbAsync;

  /**
   * An indicator reading the configured number of router workers ({@code clix.aws.router-workers}) from
   * {@code routerWorkers} and everything else from the suppliers, at each check.
   */
  public ClixHealthIndicator(IntSupplier routerWorkers, Supplier<AwsTarget> target,
      Supplier<AwsGameOrchestrator> orchestrator, Supplier<SfnClient> sfn, Supplier<DynamoDbClient> dynamoDb,
      Supplier<SfnAsyncClient> sfnAsync, Supplier<DynamoDbAsyncClient> dynamoDbAsync) {
    super("Clix health check failed");
    this.routerWorkers = routerWorkers;
    this.target = target;
    this.orchestrator = orchestrator;
    this.sfn = sfn;
    this.dynamoDb = dynamoDb;
    this.sfnAsync = sfnAsync;
    this.dynamoDbAsync = dynamoDbAsync;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    AwsTarget where = target.get();
    AwsGameOrchestrator games = orchestrator.get();
    if (where == null || games == null) {
      builder.unknown().withDetail("reason", "the application made its own GameOrchestrator");
      return;
    }
    String table = tableStatus(where.tableName());
    String machine = stateMachineStatus(where.stateMachineArn());
    boolean routerExpected = where.routerExpected(routerWorkers.getAsInt());
    boolean routerUp = !routerExpected || games.isRouterAlive();
    builder.withDetail("table", where.tableName()).withDetail("tableStatus", table)
        .withDetail("stateMachineArn", where.stateMachineArn())
        .withDetail("stateMachineStatus", machine == null ? "UNKNOWN" : machine)
        .withDetail("router", routerExpected ? (routerUp ? "running" : "stopped") : "off");
    if ("ACTIVE".equals(table) && (machine == null || "ACTIVE".equals(machine)) && routerUp) {
      builder.up();
    } else {
      builder.down();
    }
  }

  private String tableStatus(String name) {
    DynamoDbClient client = dynamoDb.get();
    return client != null
        ? client.describeTable(r -> r.tableName(name)).table().tableStatusAsString()
        : dynamoDbAsync.get().describeTable(r -> r.tableName(name)).join().table().tableStatusAsString();
  }

  private String stateMachineStatus(String arn) {
    SfnClient client = sfn.get();
    return client != null
        ? client.describeStateMachine(r -> r.stateMachineArn(arn)).statusAsString()
        : sfnAsync.get().describeStateMachine(r -> r.stateMachineArn(arn)).join().statusAsString();
  }
}
