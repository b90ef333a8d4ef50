package io.clix.aws.internal.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * Creates the Standard state machine, or updates it when one of that name exists with another
 * definition or role (CreateStateMachine alone would silently keep an old role). Definitions are
 * compared as JSON, so formatting never causes an update.
 */
public final class StateMachineProvisioner {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SfnClient sfn;

  public StateMachineProvisioner(SfnClient sfn) {
    this.sfn = sfn;
  }

  /**
   * Ensures a Standard state machine {@code name} runs {@code definition} with {@code roleArn}.
   *
   * @return its ARN
   * @throws IllegalStateException if a state machine of that name exists and is not Standard
   */
  public String ensure(String name, String definition, String roleArn) {
    Optional<String> existing = find(name);
    if (existing.isEmpty()) {
      try {
        return sfn.createStateMachine(r -> r.name(name)
            .definition(definition)
            .roleArn(roleArn)
            .type(StateMachineType.STANDARD)).stateMachineArn();
      } catch (StateMachineAlreadyExistsException e) {
        // Created meanwhile with another definition: update it below.
        existing = find(name);
        if (existing.isEmpty()) {
          throw e;
        }
      }
    }
    String arn = existing.get();
    DescribeStateMachineResponse current = sfn.describeStateMachine(r -> r.stateMachineArn(arn));
    if (current.type() != StateMachineType.STANDARD) {
      throw new IllegalStateException("state machine " + name + " is " + current.typeAsString()
          + "; Clix needs a STANDARD one (executions wait for days and use callbacks)");
    }
    if (!sameJson(current.definition(), definition) || !roleArn.equals(current.roleArn())) {
      sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(definition).roleArn(roleArn));
    }
    return arn;
  }

  private Optional<String> find(String name) {
    return sfn.listStateMachinesPaginator(r -> r.maxResults(1000)).stateMachines().stream()
        .filter(machine -> machine.name().equals(name))
        .map(StateMachineListItem::stateMachineArn)
        .findFirst();
  }

  private static boolean sameJson(String left, String right) {
    try {
      JsonNode a = MAPPER.readTree(left);
      JsonNode b = MAPPER.readTree(right);
      return a.equals(b);
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
