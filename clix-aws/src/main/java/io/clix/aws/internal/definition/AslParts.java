package io.clix.aws.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small pieces the generated states are made of: DynamoDB attribute values and the game item's
 * key in Step Functions' JSON form, retriers and catchers.
 */
final class AslParts {

  /** The optimized DynamoDB integration (request-response) for GetItem. */
  static final String DDB_GET_ITEM = "arn:aws:states:::dynamodb:getItem";
  /** The optimized DynamoDB integration (request-response) for UpdateItem. */
  static final String DDB_UPDATE_ITEM = "arn:aws:states:::dynamodb:updateItem";
  /**
   * The AWS SDK integration for UpdateItem with the callback pattern: the optimized DynamoDB
   * integration does not support {@code .waitForTaskToken}, AWS SDK integrations do (Standard).
   */
  static final String SDK_UPDATE_ITEM_WAIT = "arn:aws:states:::aws-sdk:dynamodb:updateItem.waitForTaskToken";

  /** Conditional check failure as the AWS SDK integration names it (prefix {@code DynamoDb}). */
  static final String SDK_CONDITIONAL_CHECK_FAILED = "DynamoDb.ConditionalCheckFailedException";
  /** The optimized integration's name for a failed condition. */
  static final String DDB_CONDITIONAL_CHECK_FAILED = "DynamoDB.ConditionalCheckFailedException";

  /** Where a catcher puts the error, keeping the rest of the state's input. */
  static final String ERROR_PATH = "$.lastError";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AslParts() {}

  static ObjectNode object() {
    return JSON.objectNode();
  }

  static ArrayNode array(String... values) {
    ArrayNode array = JSON.arrayNode();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  static ArrayNode array(JsonNode... values) {
    ArrayNode array = JSON.arrayNode();
    for (JsonNode value : values) {
      array.add(value);
    }
    return array;
  }

  /** {@code {"S": value}}. */
  static ObjectNode string(String value) {
    return object().put("S", value);
  }

  /** {@code {"S.$": path}}: a string attribute value taken from the state input or context. */
  static ObjectNode stringAt(String path) {
    return object().put("S.$", path);
  }

  /** {@code {"N.$": path}}: a number attribute value taken from the state input. */
  static ObjectNode numberAt(String path) {
    return object().put("N.$", path);
  }

  /** The game item's key: {@code pk} = the execution input's game id, {@code sk} = 0. */
  static ObjectNode gameItemKey() {
    ObjectNode key = object();
    key.set(GameItemSchema.PK, stringAt("$." + GameItemSchema.INPUT_GAME_ID));
    key.set(GameItemSchema.SK, object().put("N", GameItemSchema.GAME_ITEM_SK));
    return key;
  }

  /** {@code ExpressionAttributeNames} from alternating placeholder and name. */
  static ObjectNode names(String... placeholderThenName) {
    ObjectNode names = object();
    for (int i = 0; i < placeholderThenName.length; i += 2) {
      names.put(placeholderThenName[i], placeholderThenName[i + 1]);
    }
    return names;
  }

  static ObjectNode retrier(int intervalSeconds, int maxAttempts, double backoffRate, String... errors) {
    ObjectNode retrier = object();
    retrier.set("ErrorEquals", array(errors));
    retrier.put("IntervalSeconds", intervalSeconds);
    retrier.put("MaxAttempts", maxAttempts);
    retrier.put("BackoffRate", backoffRate);
    return retrier;
  }

  /** Throttling on the optimized integration (error prefix {@code DynamoDB}). */
  static ObjectNode optimizedThrottlingRetrier() {
    return retrier(1, 6, 2.0,
        "DynamoDB.ProvisionedThroughputExceededException",
        "DynamoDB.RequestLimitExceeded",
        "DynamoDB.ThrottlingException");
  }

  /** Throttling on the AWS SDK integration (error prefix {@code DynamoDb}, names end in Exception). */
  static ObjectNode sdkThrottlingRetrier() {
    return retrier(1, 6, 2.0,
        "DynamoDb.ProvisionedThroughputExceededException",
        "DynamoDb.RequestLimitExceededException",
        "DynamoDb.ThrottlingException",
        "DynamoDb.InternalServerErrorException");
  }

  /** Any task failure, for states that only read or write idempotently. */
  static ObjectNode taskFailedRetrier() {
    return retrier(2, 3, 2.0, "States.TaskFailed");
  }

  /** A catcher to {@code next} keeping the input and adding the error under {@code $.lastError}. */
  static ObjectNode catcher(String next, String... errors) {
    ObjectNode catcher = object();
    catcher.set("ErrorEquals", array(errors));
    catcher.put("ResultPath", ERROR_PATH);
    catcher.put("Next", next);
    return catcher;
  }
}
