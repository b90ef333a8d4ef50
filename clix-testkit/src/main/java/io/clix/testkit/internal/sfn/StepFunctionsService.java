package io.clix.testkit.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.testkit.internal.http.AwsJsonService;
import io.clix.testkit.internal.http.ServiceError;
import java.time.Clock;

/** The local stack's Step Functions (placeholder until the interpreter lands). */
public final class StepFunctionsService implements AwsJsonService {

  public StepFunctionsService(Clock clock, String region, String accountId, AwsJsonService dynamoDb) {
  }

  @Override
  public String targetPrefix() {
    return "AWSStepFunctions";
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    throw new ServiceError(400, "UnknownOperationException", null);
  }
}
