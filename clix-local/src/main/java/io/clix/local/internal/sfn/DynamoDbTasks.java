package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.AwsJsonService;
import io.clix.local.internal.http.ServiceError;
import io.clix.local.internal.sfn.asl.StatesError;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The DynamoDB integrations: the optimized {@code arn:aws:states:::dynamodb:getItem|putItem|
 * updateItem|deleteItem} and the SDK {@code arn:aws:states:::aws-sdk:dynamodb:<action>}. Both call
 * the DynamoDB service with the PascalCase API parameters; their errors reach the state machine
 * as AWS names them: {@code DynamoDB.<Code>} for the optimized integration, {@code DynamoDb.<Code>}
 * for the SDK one (see {@link AwsSdkErrors}).
 */
final class DynamoDbTasks {

  static final Set<String> OPTIMIZED = Set.of("getItem", "putItem", "updateItem", "deleteItem");

  private final AwsJsonService dynamoDb;

  DynamoDbTasks(AwsJsonService dynamoDb) {
    this.dynamoDb = dynamoDb;
  }

  /** Calls {@code action} (camelCase, e.g. {@code updateItem}); {@code sdk} for aws-sdk:dynamodb. */
  JsonNode call(String action, boolean sdk, JsonNode parameters) {
    if (!sdk && !OPTIMIZED.contains(action)) {
      throw new StatesError("States.Runtime", "The resource 'arn:aws:states:::dynamodb:" + action
          + "' is not supported by the optimized DynamoDB integration.");
    }
    String operation = action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1);
    String requestId = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
    JsonNode response;
    try {
      response = dynamoDb.handle(operation, parameters);
    } catch (ServiceError e) {
      String message = e.body().has("message") ? e.body().get("message").asText()
          : e.body().path("Message").asText("");
      if (sdk) {
        throw new StatesError(AwsSdkErrors.name("DynamoDb", e.code()), message
            + " (Service: DynamoDb, Status Code: " + e.status() + ", Request ID: " + requestId + ")");
      }
      throw new StatesError("DynamoDB." + e.code(), message + " (Service: AmazonDynamoDBv2; Status Code: "
          + e.status() + "; Error Code: " + e.code() + "; Request ID: " + requestId + "; Proxy: null)");
    }
    ObjectNode result = response != null && response.isObject() ? ((ObjectNode) response).deepCopy()
        : SfnJson.object();
    if (!sdk) {
      ObjectNode http = result.putObject("SdkHttpMetadata");
      ObjectNode headers = http.putObject("HttpHeaders");
      headers.put("Content-Type", "application/x-amz-json-1.0");
      headers.put("x-amzn-RequestId", requestId);
      ObjectNode all = http.putObject("AllHttpHeaders");
      all.putArray("Content-Type").add("application/x-amz-json-1.0");
      all.putArray("x-amzn-RequestId").add(requestId);
      http.put("HttpStatusCode", 200);
      result.putObject("SdkResponseMetadata").put("RequestId", requestId);
    }
    return result;
  }
}
