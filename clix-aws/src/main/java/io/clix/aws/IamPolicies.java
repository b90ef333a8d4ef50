package io.clix.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The least-privilege IAM policy documents of a Clix deployment, from
 * {@link ClixProvisioner#iamPolicies()}: one for the state machine's role (UpdateItem on the game
 * table only) and one for the backend (the table, starting and stopping the game
 * executions, polling the activities, completing task tokens). Each accessor returns a new copy.
 *
 * @param stateMachineRole the policy the state machine's role needs
 * @param backend the policy every backend instance needs
 */
public record IamPolicies(ObjectNode stateMachineRole, ObjectNode backend) {

  /** Keeps private copies. */
  public IamPolicies {
    stateMachineRole = Objects.requireNonNull(stateMachineRole, "stateMachineRole").deepCopy();
    backend = Objects.requireNonNull(backend, "backend").deepCopy();
  }

  @Override
  public ObjectNode stateMachineRole() {
    return stateMachineRole.deepCopy();
  }

  @Override
  public ObjectNode backend() {
    return backend.deepCopy();
  }
}
