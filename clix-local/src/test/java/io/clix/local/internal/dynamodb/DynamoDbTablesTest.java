package io.clix.local.internal.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** CreateTable, DescribeTable, DeleteTable, ListTables and TTL settings through the real client. */
class DynamoDbTablesTest {

  private static final LocalDynamo dynamo = new LocalDynamo();

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  @Test
  void createsProvisionedTableWithIndexesAndDescribesIt() {
    TableDescription created = dynamo.client.createTable(r -> r.tableName("games")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N),
            attribute("owner", ScalarAttributeType.S), attribute("score", ScalarAttributeType.N))
        .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(3L).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byOwner")
            .keySchema(key("owner", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
            .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byScore")
            .keySchema(key("pk", KeyType.HASH), key("score", KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build()))
        .tableDescription();
    assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
    assertThat(created.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/games");

    TableDescription described = dynamo.client.describeTable(r -> r.tableName("games")).table();
    assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(described.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk", "sk");
    assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
    assertThat(described.globalSecondaryIndexes()).singleElement().satisfies(index -> {
      assertThat(index.indexName()).isEqualTo("byOwner");
      assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
      assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
      assertThat(index.indexArn()).endsWith("table/games/index/byOwner");
    });
    assertThat(described.localSecondaryIndexes()).singleElement()
        .satisfies(index -> assertThat(index.indexName()).isEqualTo("byScore"));
    assertThat(described.billingModeSummary()).isNull();
  }

  @Test
  void payPerRequestTableReportsItsBillingModeAndZeroThroughput() {
    dynamo.table("onDemand", null);
    TableDescription described = dynamo.client.describeTable(r -> r.tableName("onDemand")).table();
    assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(described.provisionedThroughput().readCapacityUnits()).isZero();
  }

  @Test
  void refusesInvalidDefinitionsWithDynamoDbWording() {
    assertThatThrownBy(() -> dynamo.client.createTable(r -> r.tableName("bad1")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(attribute("other", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith("One or more parameter values were invalid: Some index key attributes are not"
            + " defined in AttributeDefinitions.");
    assertThatThrownBy(() -> dynamo.client.createTable(r -> r.tableName("bad2")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(attribute("id", ScalarAttributeType.S),
            attribute("extra", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)))
        .hasMessageStartingWith("One or more parameter values were invalid: Number of attributes in KeySchema does"
            + " not exactly match number of attributes defined in AttributeDefinitions");
    assertThatThrownBy(() -> dynamo.client.createTable(r -> r.tableName("bad3")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(attribute("id", ScalarAttributeType.S))))
        .hasMessageStartingWith("One or more parameter values were invalid: ReadCapacityUnits and"
            + " WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    assertThatThrownBy(() -> dynamo.client.createTable(r -> r.tableName("bad4")
        .keySchema(key("id", KeyType.RANGE)).attributeDefinitions(attribute("id", ScalarAttributeType.S))
        .billingMode(BillingMode.PAY_PER_REQUEST)))
        .hasMessageStartingWith("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    assertThatThrownBy(() -> dynamo.client.createTable(r -> r.tableName("bad5")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(attribute("id", ScalarAttributeType.S),
            attribute("lsk", ScalarAttributeType.S))
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("l").keySchema(key("id", KeyType.HASH),
            key("lsk", KeyType.RANGE)).projection(p -> p.projectionType(ProjectionType.ALL)).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)))
        .hasMessageStartingWith("One or more parameter values were invalid: Table KeySchema does not have a range"
            + " key, which is required when specifying a LocalSecondaryIndex");
  }

  @Test
  void refusesUnusedDefinitionsAndEmptyIndexLists() {
    assertThatThrownBy(() -> dynamo.client.createTable(r -> r.tableName("bad6")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(attribute("id", ScalarAttributeType.S),
            attribute("owner", ScalarAttributeType.S), attribute("unused", ScalarAttributeType.N))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("g").keySchema(key("owner", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL)).build())
        .billingMode(BillingMode.PAY_PER_REQUEST)))
        .hasMessageStartingWith("One or more parameter values were invalid: Some AttributeDefinitions are not used."
            + " AttributeDefinitions: [id, owner, unused], keys used: [id, owner]");
    assertThatThrownBy(() -> dynamo.client.createTable(r -> r.tableName("bad7")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(attribute("id", ScalarAttributeType.S))
        .globalSecondaryIndexes(List.of()).billingMode(BillingMode.PAY_PER_REQUEST)))
        .hasMessageStartingWith("One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty");
  }

  @Test
  void describesEncryptionStreamsAndDeletionProtection() {
    dynamo.client.createTable(r -> r.tableName("guarded").keySchema(key("id", KeyType.HASH))
        .attributeDefinitions(attribute("id", ScalarAttributeType.S)).billingMode(BillingMode.PAY_PER_REQUEST)
        .sseSpecification(s -> s.enabled(true))
        .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_AND_OLD_IMAGES"))
        .deletionProtectionEnabled(true));
    TableDescription described = dynamo.client.describeTable(r -> r.tableName("guarded")).table();
    assertThat(described.sseDescription().statusAsString()).isEqualTo("ENABLED");
    assertThat(described.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
    assertThat(described.latestStreamArn()).startsWith(described.tableArn() + "/stream/");
    assertThat(described.deletionProtectionEnabled()).isTrue();
    assertThatThrownBy(() -> dynamo.client.deleteTable(r -> r.tableName("guarded")))
        .hasMessageStartingWith("Resource cannot be deleted as it is currently protected against deletion.");
    dynamo.client.updateTable(r -> r.tableName("guarded").deletionProtectionEnabled(false));
    dynamo.client.deleteTable(r -> r.tableName("guarded"));
  }

  @Test
  void updateTableAddsAndDropsIndexesAndChangesSettings() {
    dynamo.table("evolving", null);
    dynamo.client.putItem(r -> r.tableName("evolving").item(java.util.Map.of("pk", LocalDynamo.s("a"),
        "owner", LocalDynamo.s("ann"))));
    TableDescription updated = dynamo.client.updateTable(r -> r.tableName("evolving")
        .attributeDefinitions(attribute("owner", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byOwner").keySchema(key("owner", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))))
        .tableClass("STANDARD_INFREQUENT_ACCESS")).tableDescription();
    assertThat(updated.globalSecondaryIndexes()).extracting(g -> g.indexName()).containsExactly("byOwner");
    assertThat(updated.tableClassSummary().tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
    assertThat(dynamo.client.query(r -> r.tableName("evolving").indexName("byOwner")
        .keyConditionExpression("#o = :o").expressionAttributeNames(java.util.Map.of("#o", "owner"))
        .expressionAttributeValues(java.util.Map.of(":o", LocalDynamo.s("ann")))).count()).isEqualTo(1);
    TableDescription dropped = dynamo.client.updateTable(r -> r.tableName("evolving")
        .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("byOwner")))
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(t -> t.readCapacityUnits(3L).writeCapacityUnits(2L))).tableDescription();
    assertThat(dropped.globalSecondaryIndexes()).isEmpty();
    assertThat(dropped.attributeDefinitions()).extracting(AttributeDefinition::attributeName).containsExactly("pk");
    assertThat(dropped.provisionedThroughput().readCapacityUnits()).isEqualTo(3L);
    assertThat(dropped.billingModeSummary()).isNull();
  }

  @Test
  void duplicateTableIsInUseAndMissingTableIsNotFound() {
    dynamo.table("twice", null);
    assertThatThrownBy(() -> dynamo.table("twice", null))
        .isInstanceOf(ResourceInUseException.class).hasMessageStartingWith("Table already exists: twice");
    assertThatThrownBy(() -> dynamo.client.describeTable(r -> r.tableName("never")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("Requested resource not found: Table: never not found");
    assertThatThrownBy(() -> dynamo.client.getItem(r -> r.tableName("never").key(
        java.util.Map.of("pk", LocalDynamo.s("x")))))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found");
  }

  @Test
  void deletedTableIsGone() {
    dynamo.table("doomed", null);
    TableDescription deleted = dynamo.client.deleteTable(r -> r.tableName("doomed")).tableDescription();
    assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThat(dynamo.client.listTables().tableNames()).doesNotContain("doomed");
    assertThatThrownBy(() -> dynamo.client.deleteTable(r -> r.tableName("doomed")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void listTablesPagesInNameOrder() {
    for (int i = 0; i < 5; i++) {
      dynamo.table("page-" + i, null);
    }
    List<String> seen = new ArrayList<>();
    String start = "page-";
    ListTablesResponse page;
    do {
      String from = start;
      page = dynamo.client.listTables(r -> r.limit(2).exclusiveStartTableName(from));
      page.tableNames().stream().filter(n -> n.startsWith("page-")).forEach(seen::add);
      start = page.lastEvaluatedTableName();
      assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
    } while (start != null && start.startsWith("page-"));
    assertThat(seen).containsExactly("page-0", "page-1", "page-2", "page-3", "page-4");
  }

  @Test
  void timeToLiveIsDisabledUntilEnabled() {
    dynamo.table("ttl", null);
    assertThat(dynamo.client.describeTimeToLive(r -> r.tableName("ttl")).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.DISABLED);
    dynamo.client.updateTimeToLive(r -> r.tableName("ttl")
        .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
    var description = dynamo.client.describeTimeToLive(r -> r.tableName("ttl")).timeToLiveDescription();
    assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(description.attributeName()).isEqualTo("expires");
    assertThatThrownBy(() -> dynamo.client.updateTimeToLive(r -> r.tableName("ttl")
        .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))))
        .hasMessageStartingWith("TimeToLive is already enabled");
  }

  @Test
  void pointInTimeRecoveryAndLimitsAreReported() {
    dynamo.table("recoverable", null);
    var before = dynamo.client.describeContinuousBackups(r -> r.tableName("recoverable"))
        .continuousBackupsDescription();
    assertThat(before.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("DISABLED");
    var after = dynamo.client.updateContinuousBackups(r -> r.tableName("recoverable")
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))).continuousBackupsDescription();
    assertThat(after.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");
    assertThatThrownBy(() -> dynamo.client.describeContinuousBackups(r -> r.tableName("missing")))
        .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.TableNotFoundException.class);
    assertThat(dynamo.client.describeLimits().tableMaxReadCapacityUnits()).isPositive();
  }

  @Test
  void unknownOperationIsRefused() throws Exception {
    var connection = (java.net.HttpURLConnection) dynamo.stack.endpoint().toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("X-Amz-Target", "DynamoDB_20120810.NoSuchThing");
    connection.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
    connection.getOutputStream().write("{}".getBytes());
    assertThat(connection.getResponseCode()).isEqualTo(400);
    assertThat(new String(connection.getErrorStream().readAllBytes()))
        .contains("com.amazon.coral.service#UnknownOperationException");
  }

  @Test
  void warmThroughputAskedForAtCreationIsAppliedAndReported() {
    TableDescription created = dynamo.client.createTable(r -> r.tableName("warm")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(attribute("id", ScalarAttributeType.S))
        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
        .warmThroughput(w -> w.readUnitsPerSecond(1000L).writeUnitsPerSecond(1200L))).tableDescription();
    assertThat(created.warmThroughput().readUnitsPerSecond()).isEqualTo(1000L);
    assertThat(created.warmThroughput().writeUnitsPerSecond()).isEqualTo(1200L);
    assertThat(created.warmThroughput().statusAsString()).isEqualTo("UPDATING");

    TableDescription described = dynamo.client.describeTable(r -> r.tableName("warm")).table();
    assertThat(described.warmThroughput().readUnitsPerSecond()).isEqualTo(1000L);
    assertThat(described.warmThroughput().statusAsString()).isEqualTo("ACTIVE");

    TableDescription plain = dynamo.client.createTable(r -> r.tableName("cold")
        .keySchema(key("id", KeyType.HASH)).attributeDefinitions(attribute("id", ScalarAttributeType.S))
        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))).tableDescription();
    assertThat(plain.warmThroughput().readUnitsPerSecond()).isEqualTo(5L);
    assertThat(plain.warmThroughput().statusAsString()).isEqualTo("ACTIVE");
  }
}
