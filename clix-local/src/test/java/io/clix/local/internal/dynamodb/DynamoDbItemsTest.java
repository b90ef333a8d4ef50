package io.clix.local.internal.dynamodb;

import static io.clix.local.internal.dynamodb.LocalDynamo.n;
import static io.clix.local.internal.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** PutItem, GetItem and DeleteItem: keys, types, conditions, return values, limits and TTL. */
class DynamoDbItemsTest {

  private static final LocalDynamo dynamo = new LocalDynamo();

  @BeforeAll
  static void tables() {
    dynamo.table("items", null);
    dynamo.table("ranged", ScalarAttributeType.N);
    dynamo.table("expiring", null);
    dynamo.client.updateTimeToLive(r -> r.tableName("expiring")
        .timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")));
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @Test
  void putThenGetReturnsTheItemWithEveryType() {
    Map<String, AttributeValue> item = Map.ofEntries(
        Map.entry("pk", s("all-types")),
        Map.entry("str", s("text")),
        Map.entry("num", n("12.50")),
        Map.entry("bin", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes"))),
        Map.entry("yes", AttributeValue.fromBool(true)),
        Map.entry("nothing", AttributeValue.fromNul(true)),
        Map.entry("map", AttributeValue.fromM(Map.of("inner", n("1")))),
        Map.entry("list", LocalDynamo.l(s("a"), n("2"))),
        Map.entry("strings", AttributeValue.fromSs(java.util.List.of("x", "y"))),
        Map.entry("numbers", AttributeValue.fromNs(java.util.List.of("1", "2.5"))));
    dynamo.client.putItem(r -> r.tableName("items").item(item));
    Map<String, AttributeValue> got = dynamo.client.getItem(r -> r.tableName("items")
        .key(Map.of("pk", s("all-types"))).consistentRead(true)).item();
    assertThat(got).hasSize(item.size());
    assertThat(got.get("num").n()).isEqualTo("12.5");
    assertThat(got.get("bin").b().asUtf8String()).isEqualTo("bytes");
    assertThat(got.get("map").m().get("inner").n()).isEqualTo("1");
    assertThat(got.get("strings").ss()).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void theAsyncClientWorksToo() throws Exception {
    try (var async = software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient.builder()
        .endpointOverride(dynamo.stack.endpoint())
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
        .httpClient(software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient.create())
        .build()) {
      async.putItem(r -> r.tableName("items").item(Map.of("pk", s("async"), "v", n("7")))).get();
      assertThat(async.getItem(r -> r.tableName("items").key(Map.of("pk", s("async")))).get().item())
          .containsEntry("v", n("7"));
    }
  }

  @Test
  void missingItemHasNoItem() {
    assertThat(dynamo.client.getItem(r -> r.tableName("items").key(Map.of("pk", s("absent")))).hasItem()).isFalse();
  }

  @Test
  void putReturnsTheOldItemWhenAsked() {
    dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("old"), "v", n("1"))));
    var response = dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("old"), "v", n("2")))
        .returnValues(ReturnValue.ALL_OLD));
    assertThat(response.attributes()).containsEntry("v", n("1"));
    assertThatThrownBy(() -> dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("old")))
        .returnValues(ReturnValue.ALL_NEW)))
        .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("ReturnValues can only be ALL_OLD or NONE");
  }

  @Test
  void conditionalPutFailsWithTheCurrentItemWhenAsked() {
    dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("taken"), "owner", s("ann"))));
    assertThatThrownBy(() -> dynamo.client.putItem(r -> r.tableName("items")
        .item(Map.of("pk", s("taken"), "owner", s("bob"))).conditionExpression("attribute_not_exists(pk)")
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
          assertThat(e.getMessage()).startsWith("The conditional request failed");
          assertThat(e.item()).containsEntry("owner", s("ann"));
        });
    dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("fresh"), "owner", s("bob")))
        .conditionExpression("attribute_not_exists(pk)"));
    assertThat(dynamo.client.getItem(r -> r.tableName("items").key(Map.of("pk", s("taken")))).item())
        .containsEntry("owner", s("ann"));
  }

  @Test
  void deleteHonoursItsConditionAndReturnsTheOldItem() {
    dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("del"), "state", s("open"))));
    assertThatThrownBy(() -> dynamo.client.deleteItem(r -> r.tableName("items").key(Map.of("pk", s("del")))
        .conditionExpression("#s = :closed").expressionAttributeNames(Map.of("#s", "state"))
        .expressionAttributeValues(Map.of(":closed", s("closed")))))
        .isInstanceOf(ConditionalCheckFailedException.class);
    var deleted = dynamo.client.deleteItem(r -> r.tableName("items").key(Map.of("pk", s("del")))
        .conditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "state"))
        .expressionAttributeValues(Map.of(":open", s("open"))).returnValues(ReturnValue.ALL_OLD));
    assertThat(deleted.attributes()).containsEntry("state", s("open"));
    assertThat(dynamo.client.getItem(r -> r.tableName("items").key(Map.of("pk", s("del")))).hasItem()).isFalse();
  }

  @Test
  void keysAreValidated() {
    assertThatThrownBy(() -> dynamo.client.getItem(r -> r.tableName("items").key(Map.of("pk", n("1")))))
        .hasMessageStartingWith("The provided key element does not match the schema");
    assertThatThrownBy(() -> dynamo.client.getItem(r -> r.tableName("items")
        .key(Map.of("pk", s("a"), "extra", s("b")))))
        .hasMessageStartingWith("The provided key element does not match the schema");
    assertThatThrownBy(() -> dynamo.client.putItem(r -> r.tableName("items").item(Map.of("other", s("a")))))
        .hasMessageStartingWith("One or more parameter values were invalid: Missing the key pk in the item");
    assertThatThrownBy(() -> dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", n("1")))))
        .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for key pk expected: S"
            + " actual: N");
    assertThatThrownBy(() -> dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("")))))
        .hasMessageStartingWith("One or more parameter values are not valid. The AttributeValue for a key attribute"
            + " cannot contain an empty string value. Key: pk");
    assertThatThrownBy(() -> dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("x".repeat(2049))))))
        .hasMessageStartingWith("One or more parameter values were invalid: Size of hashkey has exceeded the maximum"
            + " size limit of2048 bytes");
    assertThatThrownBy(() -> dynamo.client.putItem(r -> r.tableName("items")
        .item(Map.of("pk", s("x"), "set", AttributeValue.fromSs(java.util.List.of()))))) 
        .hasMessageStartingWith("1 validation error detected: One or more parameter values were invalid: An string"
            + " set  may not be empty");
  }

  @Test
  void expressionParametersNeedAnExpression() {
    assertThatThrownBy(() -> dynamo.client.getItem(r -> r.tableName("items").key(Map.of("pk", s("a")))
        .expressionAttributeNames(Map.of("#a", "a"))))
        .hasMessageStartingWith("ExpressionAttributeNames can only be specified when using expressions");
    assertThatThrownBy(() -> dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("a")))
        .expressionAttributeValues(Map.of(":a", s("a")))))
        .hasMessageStartingWith("ExpressionAttributeValues can only be specified when using expressions:"
            + " ConditionExpression is null");
    assertThatThrownBy(() -> dynamo.client.getItem(r -> r.tableName("items").key(Map.of("pk", s("a")))
        .projectionExpression("pk").attributesToGet("pk")))
        .hasMessageStartingWith("Can not use both expression and non-expression parameters in the same request:"
            + " Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
  }

  @Test
  void itemsOver400KbAreRefused() {
    String big = "x".repeat(400 * 1024);
    assertThatThrownBy(() -> dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("big"),
        "data", s(big)))))
        .hasMessageStartingWith("Item size has exceeded the maximum allowed size");
    dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("big"), "d", s(big.substring(10)))));
  }

  @Test
  void consumedCapacityIsReportedWhenAsked() {
    var put = dynamo.client.putItem(r -> r.tableName("items").item(Map.of("pk", s("cap"), "d", s("x".repeat(1500))))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(put.consumedCapacity().tableName()).isEqualTo("items");
    assertThat(put.consumedCapacity().capacityUnits()).isEqualTo(2.0);
    var get = dynamo.client.getItem(r -> r.tableName("items").key(Map.of("pk", s("cap")))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(get.consumedCapacity().capacityUnits()).isEqualTo(0.5);
    assertThat(dynamo.client.getItem(r -> r.tableName("items").key(Map.of("pk", s("cap")))).consumedCapacity())
        .isNull();
  }

  @Test
  void expiredItemsDisappearOnTheStacksClock() {
    long now = dynamo.clock.instant().getEpochSecond();
    dynamo.client.putItem(r -> r.tableName("expiring").item(Map.of("pk", s("soon"),
        "expiresAt", n(Long.toString(now + 60)))));
    dynamo.client.putItem(r -> r.tableName("expiring").item(Map.of("pk", s("later"),
        "expiresAt", n(Long.toString(now + 3600)))));
    assertThat(dynamo.client.getItem(r -> r.tableName("expiring").key(Map.of("pk", s("soon")))).hasItem()).isTrue();
    dynamo.stack.advance(Duration.ofMinutes(2));
    assertThat(dynamo.client.getItem(r -> r.tableName("expiring").key(Map.of("pk", s("soon")))).hasItem()).isFalse();
    assertThat(dynamo.client.scan(r -> r.tableName("expiring")).items())
        .extracting(i -> i.get("pk").s()).containsExactly("later");
    assertThat(dynamo.client.describeTable(r -> r.tableName("expiring")).table().itemCount()).isEqualTo(1L);
  }
}
