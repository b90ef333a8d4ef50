package io.clix.examples;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.ClixDeployment;
import io.clix.aws.ClixProvisioner;
import io.clix.aws.Correlation;
import java.time.Duration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The README's AWS set-up, compiled by the build: provision once, then build the orchestrator on
 * your own clients. Point the clients at AWS (default credentials chain, your region) or, in tests,
 * at the local stack's endpoint.
 */
public final class AwsSetup {

  private AwsSetup() {}

  /** Provisions (idempotently) the table, the activities and the state machine, and builds an orchestrator. */
  public static AwsGameOrchestrator connect(SfnClient sfn, DynamoDbClient dynamoDb,
      SfnAsyncClient sfnAsync, DynamoDbAsyncClient dynamoDbAsync, String stateMachineRoleArn) {
    ClixProvisioner provisioner = ClixProvisioner.builder()
        .sfnClient(sfn).dynamoDbClient(dynamoDb)
        .tableName("clix-games").stateMachineName("clix-game").activityPrefix("clix")
        .roleArn(stateMachineRoleArn)
        .correlation(Correlation.CALLBACKS) // or ACTIVITIES: shared activities, as in the seed
        .build();
    ClixDeployment deployment = provisioner.provision(); // create-or-update; safe on every start
    // provisioner.cloudFormationFragment() and provisioner.iamPolicies() print the same as IaC.

    return AwsGameOrchestrator.builder()
        .sfnClient(sfn).dynamoDbClient(dynamoDb)             // the sync methods use these
        .sfnAsyncClient(sfnAsync).dynamoDbAsyncClient(dynamoDbAsync) // ...Async methods and the task router
        .deployment(deployment)
        .build();
  }

  /**
   * Clients as the task router needs them: GetActivityTask holds a request up to 60 s, so the read
   * timeout must be longer.
   */
  public static SfnClient sfnClient() {
    return SfnClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(70)).build())
        .build();
  }

  /** The async twin of {@link #sfnClient()}, for the router's long polls. */
  public static SfnAsyncClient sfnAsyncClient() {
    return SfnAsyncClient.builder()
        .httpClient(NettyNioAsyncHttpClient.builder().readTimeout(Duration.ofSeconds(70)).build())
        .build();
  }
}
