package io.clix.aws;

import java.util.Objects;

/**
 * What {@link ClixProvisioner#provision()} set up: the game table, the game-loop state machine and
 * the three shared activities, with the correlation mode the state machine was generated for.
 * Hand these to the orchestrator's builder.
 *
 * @param tableName the game table's name
 * @param tableArn the game table's ARN
 * @param stateMachineArn the Standard state machine running one execution per game
 * @param activities the lobby, round and timer activities
 * @param correlation the correlation mode of the state machine's waits
 */
public record ClixDeployment(
    String tableName, String tableArn, String stateMachineArn, ActivityArns activities, Correlation correlation) {

  /** Checks every value is present. */
  public ClixDeployment {
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(tableArn, "tableArn");
    Objects.requireNonNull(stateMachineArn, "stateMachineArn");
    Objects.requireNonNull(activities, "activities");
    Objects.requireNonNull(correlation, "correlation");
  }
}
