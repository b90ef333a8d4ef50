package io.clix.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.core.GameStatus;
import io.clix.testkit.LocalStack;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The README's AWS set-up and usage example, run together on the local stack. */
class AwsSetupTest {

  @Test
  void theReadmeSetUpRunsTheReadmeGameOnTheLocalStack() {
    try (LocalStack stack = LocalStack.start()) {
      URI endpoint = stack.endpoint();
      StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
      try (SfnClient sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials).build();
          DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials).build();
          SfnAsyncClient sfnAsync = SfnAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials).build();
          DynamoDbAsyncClient ddbAsync = DynamoDbAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials).build();
          AwsGameOrchestrator games = AwsSetup.connect(sfn, ddb, sfnAsync, ddbAsync, "arn:aws:iam::123456789012:role/clix")) {
        assertThat(QuickStart.playOneGame(games).status()).isEqualTo(GameStatus.FINISHED);
        // Provisioning is idempotent: connecting again on every start is safe.
        AwsSetup.connect(sfn, ddb, sfnAsync, ddbAsync, "arn:aws:iam::123456789012:role/clix").close();
      }
    }
  }
}
