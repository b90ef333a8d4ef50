package io.clix.spring.internal;

import io.clix.aws.ClixDeployment;
import io.clix.aws.Correlation;

/**
 * The table and state machine the AWS orchestrator runs on: from the properties, or provisioned on
 * start ({@code clix.aws.provision.on-start}, idempotent) with the application's sync clients.
 *
 * @param activityPrefix the activities' prefix, or null when the router is off
 * @param deployment the provisioned deployment, or null when the target came from the properties
 */
public record AwsTarget(String tableName, String stateMachineArn, Correlation correlation,
    String activityPrefix, ClixDeployment deployment) {

  /** True if an orchestrator built on this target with {@code routerWorkers} workers runs a task router. */
  public boolean routerExpected(int routerWorkers) {
    return activityPrefix != null && routerWorkers > 0;
  }
}
