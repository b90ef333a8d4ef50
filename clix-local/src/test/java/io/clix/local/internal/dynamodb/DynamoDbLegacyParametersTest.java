package io.clix.local.internal.dynamodb;

import static io.clix.local.internal.dynamodb.LocalDynamo.n;
import static io.clix.local.internal.dynamodb.LocalDynamo.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The legacy parameters (AttributesToGet, Expected, AttributeUpdates, KeyConditions, filters) still work. */
class DynamoDbLegacyParametersTest {

  private static final LocalDynamo dynamo = new LocalDynamo();

  @BeforeAll
  static void tables() {
    dynamo.table("legacy", ScalarAttributeType.N);
    for (int i = 1; i <= 5; i++) {
      String sk = Integer.toString(i);
      dynamo.client.putItem(r -> r.tableName("legacy").item(Map.of("pk", s("p"), "sk", n(sk), "tag", s("t" + sk))));
    }
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @Test
  void getItemWithAttributesToGet() {
    var item = dynamo.client.getItem(r -> r.tableName("legacy").key(Map.of("pk", s("p"), "sk", n("1")))
        .attributesToGet("tag")).item();
    assertThat(item).isEqualTo(Map.of("tag", s("t1")));
  }

  @Test
  void putWithExpectedAndUpdateWithAttributeUpdates() {
    dynamo.client.putItem(r -> r.tableName("legacy").item(Map.of("pk", s("q"), "sk", n("1")))
        .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build())));
    assertThatThrownBy(() -> dynamo.client.putItem(r -> r.tableName("legacy").item(Map.of("pk", s("q"), "sk", n("1")))
        .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))))
        .isInstanceOf(ConditionalCheckFailedException.class);
    dynamo.client.updateItem(r -> r.tableName("legacy").key(Map.of("pk", s("q"), "sk", n("1")))
        .attributeUpdates(Map.of("count", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("2")).build(),
            "name", AttributeValueUpdate.builder().value(s("x")).build())));
    assertThat(dynamo.client.getItem(r -> r.tableName("legacy").key(Map.of("pk", s("q"), "sk", n("1")))).item())
        .containsEntry("count", n("2")).containsEntry("name", s("x"));
  }

  @Test
  void queryWithKeyConditionsAndQueryFilter() {
    var response = dynamo.client.query(r -> r.tableName("legacy")
        .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                .attributeValueList(s("p")).build(),
            "sk", Condition.builder().comparisonOperator(ComparisonOperator.BETWEEN)
                .attributeValueList(n("2"), n("4")).build()))
        .queryFilter(Map.of("tag", Condition.builder().comparisonOperator(ComparisonOperator.NE)
            .attributeValueList(s("t3")).build())));
    assertThat(response.items()).extracting(i -> i.get("sk").n()).containsExactly("2", "4");
    assertThat(response.scannedCount()).isEqualTo(3);
  }

  @Test
  void attributesToGetIsNamedInSelectErrors() {
    assertThatThrownBy(() -> dynamo.client.scan(r -> r.tableName("legacy").attributesToGet("tag")
        .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT)))
        .hasMessageStartingWith("Cannot specify the AttributesToGet when choosing to get only the Count");
  }

  @Test
  void scanWithScanFilter() {
    var response = dynamo.client.scan(r -> r.tableName("legacy").scanFilter(Map.of("tag",
        Condition.builder().comparisonOperator(ComparisonOperator.IN).attributeValueList(List.of(s("t1"), s("t5")))
            .build())));
    assertThat(response.items()).extracting(i -> i.get("sk").n()).containsExactlyInAnyOrder("1", "5");
  }
}
