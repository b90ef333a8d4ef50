package io.clix.testkit.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.testkit.internal.http.AwsJsonService;
import io.clix.testkit.internal.http.ServiceError;
import java.time.Clock;

/** The local stack's DynamoDB (placeholder until the endpoint lands). */
public final class DynamoDbService implements AwsJsonService {

  public DynamoDbService(Clock clock, String region, String accountId) {
  }

  @Override
  public String targetPrefix() {
    return "DynamoDB_20120810";
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    throw new ServiceError(400, "com.amazon.coral.service#UnknownOperationException", null);
  }
}
