package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clix.local.junit5.LocalStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityListItem;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/** The provisioner through the real SfnClient and DynamoDbClient against the local stack. */
@ExtendWith(LocalStackExtension.class)
class ClixProvisionerTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/clix-state-machine";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ClixProvisioner.Builder provisioner(SfnClient sfn, DynamoDbClient dynamoDb, String name) {
    return ClixProvisioner.builder()
        .sfnClient(sfn).dynamoDbClient(dynamoDb)
        .tableName(name + "-games").stateMachineName(name + "-loop").activityPrefix(name)
        .roleArn(ROLE)
        .tableWait(Duration.ofMillis(50), Duration.ofSeconds(30));
  }

  @Test
  void createsTheTableWithTtlTheActivitiesAndTheStateMachine(SfnClient sfn, DynamoDbClient dynamoDb) throws Exception {
    ClixDeployment deployment = provisioner(sfn, dynamoDb, "fresh").build().provision();

    TableDescription table = dynamoDb.describeTable(r -> r.tableName("fresh-games")).table();
    assertThat(deployment.tableName()).isEqualTo("fresh-games");
    assertThat(deployment.tableArn()).isEqualTo(table.tableArn());
    assertThat(table.keySchema()).extracting(k -> k.attributeName() + " " + k.keyType())
        .containsExactly("pk " + KeyType.HASH, "sk " + KeyType.RANGE);
    assertThat(table.attributeDefinitions()).extracting(a -> a.attributeName() + " " + a.attributeType())
        .containsExactlyInAnyOrder("pk " + ScalarAttributeType.S, "sk " + ScalarAttributeType.N);
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    TimeToLiveDescription ttl = dynamoDb.describeTimeToLive(r -> r.tableName("fresh-games")).timeToLiveDescription();
    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    assertThat(ttl.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);

    assertThat(activityNames(sfn)).contains("fresh-lobby", "fresh-round", "fresh-timers");
    assertThat(deployment.activities().timers()).endsWith(":activity:fresh-timers");
    DescribeStateMachineResponse machine = sfn.describeStateMachine(r -> r.stateMachineArn(deployment.stateMachineArn()));
    assertThat(machine.name()).isEqualTo("fresh-loop");
    assertThat(machine.type()).isEqualTo(StateMachineType.STANDARD);
    assertThat(machine.roleArn()).isEqualTo(ROLE);
    assertThat(JSON.readTree(machine.definition()))
        .isEqualTo(provisioner(sfn, dynamoDb, "fresh").build().definition(deployment.activities()).toJson());
    assertThat(deployment.correlation()).isEqualTo(Correlation.CALLBACKS);
  }

  @Test
  void provisioningTwiceKeepsEverythingAndChangesNothing(SfnClient sfn, DynamoDbClient dynamoDb) {
    ClixProvisioner provisioner = provisioner(sfn, dynamoDb, "twice").build();
    ClixDeployment first = provisioner.provision();
    DescribeStateMachineResponse before = sfn.describeStateMachine(r -> r.stateMachineArn(first.stateMachineArn()));

    ClixDeployment second = provisioner.provision();

    assertThat(second).isEqualTo(first);
    DescribeStateMachineResponse after = sfn.describeStateMachine(r -> r.stateMachineArn(first.stateMachineArn()));
    assertThat(after.revisionId()).isEqualTo(before.revisionId());
    assertThat(after.definition()).isEqualTo(before.definition());
    assertThat(activityNames(sfn).stream().filter(n -> n.startsWith("twice-"))).hasSize(3);
    assertThat(sfn.listStateMachines().stateMachines()).filteredOn(m -> m.name().equals("twice-loop")).hasSize(1);
  }

  @Test
  void aChangedDefinitionOrRoleUpdatesTheStateMachineInPlace(SfnClient sfn, DynamoDbClient dynamoDb) throws Exception {
    ClixDeployment callbacks = provisioner(sfn, dynamoDb, "change").build().provision();

    ClixProvisioner activities = provisioner(sfn, dynamoDb, "change")
        .correlation(Correlation.ACTIVITIES).heartbeatSeconds(45).build();
    ClixDeployment changed = activities.provision();

    assertThat(changed.stateMachineArn()).isEqualTo(callbacks.stateMachineArn());
    assertThat(changed.activities()).isEqualTo(callbacks.activities());
    assertThat(changed.correlation()).isEqualTo(Correlation.ACTIVITIES);
    DescribeStateMachineResponse machine = sfn.describeStateMachine(r -> r.stateMachineArn(changed.stateMachineArn()));
    assertThat(JSON.readTree(machine.definition())).isEqualTo(activities.definition(changed.activities()).toJson());
    assertThat(JSON.readTree(machine.definition()).at("/States/Lobby/Branches/1/States/LobbyWait/Resource").asText())
        .isEqualTo(changed.activities().lobby());

    String otherRole = "arn:aws:iam::123456789012:role/clix-other";
    provisioner(sfn, dynamoDb, "change").correlation(Correlation.ACTIVITIES).heartbeatSeconds(45)
        .roleArn(otherRole).build().provision();
    assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(changed.stateMachineArn())).roleArn())
        .isEqualTo(otherRole);
  }

  @Test
  void refusesATableOfTheSameNameWithAnotherKey(SfnClient sfn, DynamoDbClient dynamoDb) {
    dynamoDb.createTable(r -> r.tableName("foreign-games")
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST));

    assertThatThrownBy(() -> provisioner(sfn, dynamoDb, "foreign").build().provision())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("foreign-games").hasMessageContaining("pk (S, HASH) and sk (N, RANGE)");
  }

  @Test
  void provisionNeedsClientsAndARole() {
    assertThatThrownBy(() -> ClixProvisioner.builder().roleArn(ROLE).build().provision())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SfnClient");
    assertThatThrownBy(() -> ClixProvisioner.builder().roleArn("role"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> activityNames(SfnClient sfn) {
    return sfn.listActivitiesPaginator(r -> r.maxResults(1000)).activities().stream()
        .map(ActivityListItem::name)
        .collect(Collectors.toList());
  }
}
