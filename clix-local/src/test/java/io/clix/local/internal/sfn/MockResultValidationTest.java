package io.clix.local.internal.sfn;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.local.internal.http.ServiceError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled API models cover every integration the local stack documents, and nothing else is
 * checked: a result that is not an object is refused exactly where the integration answers with an
 * API's response structure.
 */
class MockResultValidationTest {

  private static JsonNode task(String resource) {
    return SfnJson.object().put("Type", "Task").put("Resource", resource);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lambda:invoke", "sns:publish", "sqs:sendMessage", "dynamodb:getItem",
      "dynamodb:putItem", "dynamodb:updateItem", "dynamodb:deleteItem", "events:putEvents", "states:startExecution",
      "states:startExecution.sync", "states:startExecution.sync:2", "aws-sdk:dynamodb:query",
      "aws-sdk:sfn:listExecutions", "aws-sdk:lambda:getFunction", "aws-sdk:sqs:receiveMessage",
      "aws-sdk:sns:listTopics", "aws-sdk:eventbridge:listRules", "aws-sdk:s3:listObjectsV2"})
  void anIntegrationWithAModelWantsAnObject(String integration) {
    for (String mode : new String[] {MockResultValidation.STRICT, MockResultValidation.PRESENT}) {
      assertThatThrownBy(() -> MockResultValidation.check(task("arn:aws:states:::" + integration), mode,
          SfnJson.NODES.arrayNode())).isInstanceOf(ServiceError.class)
          .hasMessageContaining("Mock result schema validation error");
    }
    assertThatCode(() -> MockResultValidation.check(task("arn:aws:states:::" + integration),
        MockResultValidation.NONE, SfnJson.NODES.arrayNode())).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"arn:aws:states:::lambda:invoke.waitForTaskToken",
      "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "arn:aws:states:::ecs:runTask.sync",
      "arn:aws:states:::glue:startJobRun", "arn:aws:states:::aws-sdk:rekognition:detectLabels",
      "arn:aws:states:::aws-sdk:s3:noSuchOperation", "arn:aws:states:::http:invoke",
      "arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws:states:us-east-1:123456789012:activity:a"})
  void aResourceWithoutAModelTakesAnyResult(String resource) {
    assertThatCode(() -> MockResultValidation.check(task(resource), MockResultValidation.STRICT,
        SfnJson.NODES.arrayNode())).doesNotThrowAnyException();
  }
}
