package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.describe;
import static io.clix.local.internal.sfn.SfnFixture.json;
import static io.clix.local.internal.sfn.SfnFixture.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The DynamoDB integrations against the local stack's own DynamoDB, both through the real clients. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbEndToEndTest {

  @Test
  void stateMachinesWriteAndReadTheStacksDynamoDb(LocalStack stack, SfnClient sfn, DynamoDbClient dynamoDb) {
    dynamoDb.createTable(b -> b.tableName("Games")
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .billingMode("PAY_PER_REQUEST"));
    String machine = SfnFixture.machine(sfn, "GameTable", q("{'StartAt':'Create','States':{"
        + "'Create':{'Type':'Task','Resource':'arn:aws:states:::dynamodb:putItem','Parameters':{'TableName':'Games',"
        + "'Item':{'id':{'S.$':'$.id'},'players':{'N':'0'}},'ConditionExpression':'attribute_not_exists(id)'},"
        + "'ResultPath':null,'Next':'Join'},"
        + "'Join':{'Type':'Task','Resource':'arn:aws:states:::aws-sdk:dynamodb:updateItem','Parameters':{"
        + "'TableName':'Games','Key':{'id':{'S.$':'$.id'}},'UpdateExpression':'ADD players :one',"
        + "'ExpressionAttributeValues':{':one':{'N':'1'}},'ReturnValues':'ALL_NEW'},"
        + "'ResultSelector':{'players.$':'$.Attributes.players.N'},'End':true}}}"));
    String first = SfnFixture.start(sfn, machine, q("{'id':'g1'}"));
    stack.awaitIdle();
    assertThat(describe(sfn, first).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(json(describe(sfn, first).output())).isEqualTo(json(q("{'players':'1'}")));
    Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName("Games")
        .key(Map.of("id", AttributeValue.fromS("g1")))).item();
    assertThat(item.get("players").n()).isEqualTo("1");

    String again = SfnFixture.start(sfn, machine, q("{'id':'g1'}"));
    stack.awaitIdle();
    assertThat(describe(sfn, again).error()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
  }
}
