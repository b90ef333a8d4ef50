package io.clix.examples.local;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.ClixDeployment;
import io.clix.aws.ClixProvisioner;
import io.clix.aws.Correlation;
import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackClients;
import io.clix.core.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The embedded local stack with the real AWS SDK clients pointed at it (as a user's backend would
 * point them at AWS), Clix deployments provisioned on it, and orchestrators built on them. Shared
 * by the demo and the benchmark harness.
 */
public final class LocalAws implements AutoCloseable {

  private final LocalStack stack;
  private final SfnClient sfn;
  private final DynamoDbClient dynamoDb;
  private final SfnAsyncClient sfnAsync;
  private final DynamoDbAsyncClient dynamoDbAsync;
  private final List<AwsGameOrchestrator> orchestrators = new ArrayList<>();

  /** A stack on {@code clock}; {@code interceptor} (may be null) sees every SDK call of every client. */
  public LocalAws(Clock clock, ExecutionInterceptor interceptor) {
    this.stack = LocalStack.builder().clock(clock).start();
    ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
    if (interceptor != null) {
      override.addExecutionInterceptor(interceptor);
    }
    ClientOverrideConfiguration config = override.build();
    this.sfn = LocalStackClients.sfn(stack, config);
    this.dynamoDb = LocalStackClients.dynamoDb(stack, config);
    this.sfnAsync = LocalStackClients.sfnAsync(stack, config);
    this.dynamoDbAsync = LocalStackClients.dynamoDbAsync(stack, config);
  }

  public LocalStack stack() {
    return stack;
  }

  public SfnClient sfn() {
    return sfn;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  /** Provisions a table, the activities and the state machine named after {@code prefix}. */
  public ClixDeployment provision(String prefix, Correlation correlation) {
    return ClixProvisioner.builder()
        .sfnClient(sfn).dynamoDbClient(dynamoDb)
        .tableName(prefix + "-games").stateMachineName(prefix + "-game").activityPrefix(prefix)
        .roleArn("arn:aws:iam::" + stack.accountId() + ":role/" + prefix + "-state-machine")
        .correlation(correlation)
        .tableWait(Duration.ofMillis(20), Duration.ofSeconds(30))
        .build()
        .provision();
  }

  /** An orchestrator on a deployment, one "backend instance"; closed with this. */
  public AwsGameOrchestrator orchestrator(ClixDeployment deployment, String worker) {
    AwsGameOrchestrator o = AwsGameOrchestrator.builder()
        .sfnClient(sfn).dynamoDbClient(dynamoDb).sfnAsyncClient(sfnAsync).dynamoDbAsyncClient(dynamoDbAsync)
        .tableName(deployment.tableName()).stateMachineArn(deployment.stateMachineArn())
        .correlation(deployment.correlation()).activities(deployment.activities())
        .clock(stack.clock()).workerName(worker).build();
    synchronized (orchestrators) {
      orchestrators.add(o);
    }
    return o;
  }

  /** Waits until the executions and every orchestrator's task router have handled everything due. */
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

  /** Settles, moves the stack's manual clock by {@code amount}, and settles again. */
  public void advance(Duration amount) {
    if (!(stack.clock() instanceof ManualClock)) {
      throw new IllegalStateException("advance needs a manual clock");
    }
    settle();
    stack.advance(amount);
    settle();
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
