package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class IamPoliciesTest {

  private static final String ACCOUNT = "210987654321";
  private static final String TABLE_ARN = "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/games";
  private static final String STATES = "arn:aws:states:eu-west-1:" + ACCOUNT + ":";

  private static IamPolicies policies() {
    return ClixProvisioner.builder()
        .tableName("games").stateMachineName("game-loop").activityPrefix("arena")
        .roleArn("arn:aws:iam::" + ACCOUNT + ":role/clix")
        .region(Region.EU_WEST_1)
        .build()
        .iamPolicies();
  }

  /** action → the resources it is allowed on, over every statement. */
  private static Map<String, List<String>> grants(JsonNode document) {
    Map<String, List<String>> grants = new LinkedHashMap<>();
    document.path("Statement").forEach(statement -> {
      assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
      List<String> resources = new ArrayList<>();
      JsonNode resource = statement.path("Resource");
      if (resource.isArray()) {
        resource.forEach(r -> resources.add(r.asText()));
      } else {
        resources.add(resource.asText());
      }
      statement.path("Action").forEach(action ->
          grants.computeIfAbsent(action.asText(), a -> new ArrayList<>()).addAll(resources));
    });
    return grants;
  }

  @Test
  void theStateMachineRoleMayOnlyUpdateItemsOfTheGameTable() {
    Map<String, List<String>> grants = grants(policies().stateMachineRole());

    assertThat(grants).containsOnlyKeys("dynamodb:UpdateItem");
    assertThat(grants.values()).allSatisfy(resources -> assertThat(resources).containsExactly(TABLE_ARN));
  }

  @Test
  void theBackendGetsTheTableItsStateMachineItsExecutionsAndItsActivitiesOnly() {
    Map<String, List<String>> grants = grants(policies().backend());

    assertThat(grants).containsOnlyKeys(
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem",
        "dynamodb:DescribeTable", "dynamodb:DescribeStream", "dynamodb:GetShardIterator", "dynamodb:GetRecords",
        "states:StartExecution", "states:DescribeExecution", "states:StopExecution", "states:GetActivityTask",
        "states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat");
    for (String tableAction : List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem")) {
      assertThat(grants.get(tableAction)).containsExactly(TABLE_ARN);
    }
    // GameEventStream finds the table's stream and reads it.
    for (String streamAction : List.of("dynamodb:DescribeTable", "dynamodb:DescribeStream",
        "dynamodb:GetShardIterator", "dynamodb:GetRecords")) {
      assertThat(grants.get(streamAction)).containsExactly(TABLE_ARN, TABLE_ARN + "/stream/*");
    }
    assertThat(grants.get("states:StartExecution")).containsExactly(STATES + "stateMachine:game-loop");
    assertThat(grants.get("states:DescribeExecution")).containsExactly(STATES + "execution:game-loop:*");
    assertThat(grants.get("states:StopExecution")).containsExactly(STATES + "execution:game-loop:*");
    assertThat(grants.get("states:GetActivityTask")).containsExactly(
        STATES + "activity:arena-lobby", STATES + "activity:arena-round", STATES + "activity:arena-timers");
    // The Service Authorization Reference lists no resource type for the task-token actions.
    for (String tokenAction : List.of("states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat")) {
      assertThat(grants.get(tokenAction)).containsExactly("*");
    }
  }

  @Test
  void noActionIsAWildcardAndOnlyTokenActionsUseTheWildcardResource() {
    IamPolicies policies = policies();
    for (JsonNode document : List.of(policies.stateMachineRole(), policies.backend())) {
      grants(document).forEach((action, resources) -> {
        assertThat(action).doesNotContain("*");
        if (resources.contains("*")) {
          assertThat(action).startsWith("states:SendTask");
        }
      });
    }
  }

  @Test
  void theDocumentsAreCopies() {
    IamPolicies policies = policies();
    policies.backend().removeAll();

    assertThat(policies.backend().path("Statement").size()).isEqualTo(6);
  }

  @Test
  void needsTheRoleForTheAccountAndARegion() {
    assertThatThrownBy(() -> ClixProvisioner.builder().region(Region.US_EAST_1).build().iamPolicies())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("roleArn");
    assertThatThrownBy(() -> ClixProvisioner.builder().roleArn("arn:aws:iam::" + ACCOUNT + ":role/r").build().iamPolicies())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("region");
  }
}
