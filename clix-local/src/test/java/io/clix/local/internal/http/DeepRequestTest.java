package io.clix.local.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.local.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** No request, however deeply nested, goes without an HTTP answer, and the stack keeps serving. */
class DeepRequestTest {

  private static HttpResponse<String> post(LocalStack stack, String target, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(stack.endpoint() + "/"))
        .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", target)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aConditionNestedThousandsDeepGetsAnAnswerAndTheStackServesOn() throws Exception {
    try (LocalStack stack = LocalStack.builder().console(false).start()) {
      post(stack, "DynamoDB_20120810.CreateTable", "{\"TableName\":\"deep\",\"KeySchema\":[{\"AttributeName\":\"pk\","
          + "\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
          + "\"BillingMode\":\"PAY_PER_REQUEST\"}");
      String condition = "(".repeat(3000) + "attribute_exists(pk)" + ")".repeat(3000);
      HttpResponse<String> deep = post(stack, "DynamoDB_20120810.PutItem", "{\"TableName\":\"deep\",\"Item\":{\"pk\":"
          + "{\"S\":\"a\"}},\"ConditionExpression\":\"" + condition + "\"}");
      assertThat(deep.statusCode()).isBetween(400, 599);
      assertThat(deep.body()).contains("__type");

      String definition = "[".repeat(5000) + "]".repeat(5000);
      HttpResponse<String> deepJson = post(stack, "AWSStepFunctions.ValidateStateMachineDefinition",
          "{\"definition\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(definition) + "}");
      assertThat(deepJson.statusCode()).isBetween(200, 599);

      HttpResponse<String> after = post(stack, "DynamoDB_20120810.ListTables", "{}");
      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(after.body()).contains("\"deep\"");
    }
  }
}
