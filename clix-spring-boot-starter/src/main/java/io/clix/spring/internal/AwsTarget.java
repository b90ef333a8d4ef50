package io.clix.spring.internal;

import io.clix.aws.AwsGameOrchestratorBuilder;
import io.clix.aws.ClixDeployment;
import io.clix.aws.ClixProvisioner;
import io.clix.aws.Correlation;
import io.clix.spring.ClixProperties;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The table and state machine the AWS orchestrator runs on: from the properties, or provisioned on
 * start ({@code clix.aws.provision.on-start}, idempotent) with the application's sync clients.
 *
 * @param activityPrefix the activities' prefix, or null when the router is off
 */
public record AwsTarget(String tableName, String stateMachineArn, Correlation correlation,
    String activityPrefix, ClixDeployment deployment) {

  /** Resolves the target; provisions first when asked. */
  public static AwsTarget resolve(ClixProperties.Aws aws, SfnClient sfn, DynamoDbClient dynamoDb) {
    ClixProperties.Provision provision = aws.getProvision();
    if (provision.isOnStart()) {
      if (sfn == null || dynamoDb == null) {
        throw new IllegalStateException("clix.aws.provision.on-start needs SfnClient and DynamoDbClient beans");
      }
      if (provision.getRoleArn() == null) {
        throw new IllegalStateException("clix.aws.provision.on-start needs clix.aws.provision.role-arn");
      }
      String prefix = aws.getActivityPrefix() != null ? aws.getActivityPrefix() : provision.getActivityPrefix();
      ClixDeployment deployment = ClixProvisioner.builder().sfnClient(sfn).dynamoDbClient(dynamoDb)
          .tableName(aws.getTableName()).stateMachineName(provision.getStateMachineName())
          .activityPrefix(prefix).roleArn(provision.getRoleArn()).correlation(aws.getCorrelation())
          .tableWait(provision.getTableWaitInterval(), Duration.ofMinutes(5)).build().provision();
      return new AwsTarget(deployment.tableName(), deployment.stateMachineArn(), deployment.correlation(), prefix,
          deployment);
    }
    if (aws.getStateMachineArn() == null || aws.getStateMachineArn().isBlank()) {
      throw new IllegalStateException(
          "set clix.aws.state-machine-arn (or clix.aws.provision.on-start=true), or clix.mode=memory");
    }
    return new AwsTarget(aws.getTableName(), aws.getStateMachineArn(), aws.getCorrelation(), aws.getActivityPrefix(),
        null);
  }

  /** True if the orchestrator built on this target with these properties runs a task router. */
  public boolean routerExpected(ClixProperties.Aws aws) {
    return activityPrefix != null && aws.getRouterWorkers() > 0;
  }

  /** Hands the target and the orchestrator properties to {@code builder}. */
  public AwsGameOrchestratorBuilder applyTo(AwsGameOrchestratorBuilder builder, ClixProperties.Aws aws) {
    if (deployment != null) {
      builder.deployment(deployment);
    } else {
      builder.tableName(tableName).stateMachineArn(stateMachineArn).correlation(correlation);
      if (activityPrefix != null) {
        builder.activityPrefix(activityPrefix);
      }
    }
    builder.routerWorkers(aws.getRouterWorkers()).heartbeat(aws.getHeartbeat()).retention(aws.getRetention());
    if (aws.getWorkerName() != null) {
      builder.workerName(aws.getWorkerName());
    }
    return builder;
  }
}
