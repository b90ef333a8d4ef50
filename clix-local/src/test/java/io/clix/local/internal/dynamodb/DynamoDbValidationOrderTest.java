package io.clix.local.internal.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clix.local.internal.http.ServiceError;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A request with several problems gets DynamoDB's first: the request shape's constraints before semantic checks. */
class DynamoDbValidationOrderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DynamoDbService dynamo = new DynamoDbService(Clock.systemUTC(), "us-east-1", "123456789012");

  @Test
  void aShapeViolationIsReportedBeforeTheTableNameLengthRule() throws Exception {
    ServiceError error = fail("PutItem", "{\"TableName\":\"ab\",\"Item\":{\"k\":{\"S\":\"v\"}},\"ReturnValues\":\"SOME\"}");
    assertThat(error.body().path("message").asText()).startsWith("1 validation error detected: Value 'SOME' at "
        + "'returnValues' failed to satisfy constraint: Member must satisfy enum value set: ");
  }

  @Test
  void theTableNameLengthRuleAppliesOnceTheShapeIsValid() throws Exception {
    ServiceError error = fail("PutItem", "{\"TableName\":\"ab\",\"Item\":{\"k\":{\"S\":\"v\"}}}");
    assertThat(error.body().path("message").asText())
        .isEqualTo("TableName must be at least 3 characters long and at most 255 characters long");
  }

  @Test
  void contributorInsightsAreDisabledForAnExistingTableAndMissingTablesAreNotFound() throws Exception {
    dynamo.handle("CreateTable", JSON.readTree("{\"TableName\":\"insights\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"k\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"k\",\"KeyType\":\"HASH\"}]}"));
    JsonNode answer = dynamo.handle("DescribeContributorInsights", JSON.readTree("{\"TableName\":\"insights\"}"));
    assertThat(answer.path("ContributorInsightsStatus").asText()).isEqualTo("DISABLED");
    assertThat(fail("DescribeContributorInsights", "{\"TableName\":\"missing\"}").body().path("__type").asText())
        .endsWith("ResourceNotFoundException");
  }

  private ServiceError fail(String operation, String body) throws Exception {
    JsonNode request = JSON.readTree(body);
    return catchThrowableOfType(() -> dynamo.handle(operation, request), ServiceError.class);
  }
}
