package io.clix.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.core.GameStatus;
import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The README's AWS set-up and usage example, run together on the local stack. */
class AwsSetupTest {

  @Test
  void theReadmeSetUpRunsTheReadmeGameOnTheLocalStack() {
    try (LocalStack stack = LocalStack.start();
        SfnClient sfn = LocalStackClients.sfn(stack);
        DynamoDbClient ddb = LocalStackClients.dynamoDb(stack);
        SfnAsyncClient sfnAsync = LocalStackClients.sfnAsync(stack);
        DynamoDbAsyncClient ddbAsync = LocalStackClients.dynamoDbAsync(stack)) {
      try (AwsGameOrchestrator games = AwsSetup.connect(sfn, ddb, sfnAsync, ddbAsync, "arn:aws:iam::123456789012:role/clix")) {
        assertThat(QuickStart.playOneGame(games).status()).isEqualTo(GameStatus.FINISHED);
        // Provisioning is idempotent: connecting again on every start is safe.
        AwsSetup.connect(sfn, ddb, sfnAsync, ddbAsync, "arn:aws:iam::123456789012:role/clix").close();
      }
    }
  }
}
