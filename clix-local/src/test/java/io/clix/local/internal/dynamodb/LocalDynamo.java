package io.clix.local.internal.dynamodb;

import io.clix.local.LocalStack;
import io.clix.core.time.ManualClock;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A local stack on a manual clock and a real DynamoDbClient pointed at it, for one test class. */
public final class LocalDynamo implements AutoCloseable {

  final ManualClock clock = ManualClock.create();
  final LocalStack stack = LocalStack.builder().clock(clock).start();
  public final DynamoDbClient client = client(stack);

  static DynamoDbClient client(LocalStack stack) {
    return DynamoDbClient.builder()
        .endpointOverride(stack.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
        .build();
  }

  /** Creates an on-demand table keyed by {@code pk} (S) and, when given, a sort key {@code sk} of that type. */
  void table(String name, ScalarAttributeType sortType) {
    CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST);
    if (sortType == null) {
      request.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build());
    } else {
      request.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build(),
              AttributeDefinition.builder().attributeName("sk").attributeType(sortType).build());
    }
    client.createTable(request.build());
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  static AttributeValue l(AttributeValue... values) {
    return AttributeValue.fromL(List.of(values));
  }

  @Override
  public void close() {
    client.close();
    stack.close();
  }
}
