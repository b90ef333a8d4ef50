package io.clix.spring;

import io.clix.aws.AwsGameOrchestratorBuilder;
import io.clix.aws.ClixDeployment;
import io.clix.aws.ClixProvisioner;
import io.clix.spring.internal.AwsTarget;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Reads the {@code clix.aws.*} properties into an {@link AwsTarget} and onto an orchestrator builder. */
final class AwsTargets {

  private AwsTargets() {}

  /** Resolves the target; provisions first when asked ({@code clix.aws.provision.on-start}, idempotent). */
  static AwsTarget resolve(ClixProperties.Aws aws, SfnClient sfn, DynamoDbClient dynamoDb) {
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

  /** Hands the target and the orchestrator properties to {@code builder}. */
  static AwsGameOrchestratorBuilder applyTo(AwsTarget target, AwsGameOrchestratorBuilder builder,
      ClixProperties.Aws aws) {
    if (target.deployment() != null) {
      builder.deployment(target.deployment());
    } else {
      builder.tableName(target.tableName()).stateMachineArn(target.stateMachineArn())
          .correlation(target.correlation());
      if (target.activityPrefix() != null) {
        builder.activityPrefix(target.activityPrefix());
      }
    }
    builder.routerWorkers(aws.getRouterWorkers()).heartbeat(aws.getHeartbeat()).retention(aws.getRetention());
    if (aws.getWorkerName() != null) {
      builder.workerName(aws.getWorkerName());
    }
    return builder;
  }
}
