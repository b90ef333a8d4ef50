package io.clix.aws.reliability;

import io.clix.aws.AwsGameOrchestratorBuilder;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The four SDK clients an orchestrator takes (sync and async Step Functions and DynamoDB), real
 * clients over HTTP to one endpoint, with a retry strategy and timeouts fit for a local stack.
 * Test plumbing.
 */
public final class AwsClients implements AutoCloseable {

  /** Long polls hold GetActivityTask up to 60 s: the read timeout must exceed it. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(70);

  /**
   * How the clients retry and time out.
   *
   * @param maxAttempts attempts per call, the first included (the SDK's standard strategy, no retry quota)
   * @param syncAttemptTimeout the sync clients' per-attempt timeout (a stalled answer is given up and
   *     the call retried), or {@code null} for none; the async clients carry the router's long polls and get none
   */
  public record Options(int maxAttempts, Duration syncAttemptTimeout) {
    public static Options plain() {
      return new Options(3, null);
    }
  }

  public final SfnClient sfn;
  public final DynamoDbClient dynamoDb;
  public final SfnAsyncClient sfnAsync;
  public final DynamoDbAsyncClient dynamoDbAsync;

  private AwsClients(URI endpoint, Options options) {
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    ClientOverrideConfiguration.Builder async = ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(options.maxAttempts())
            .circuitBreakerEnabled(false)
            .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(100)))
            .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(10), Duration.ofMillis(200)))
            .build());
    ClientOverrideConfiguration.Builder sync = async.build().toBuilder();
    if (options.syncAttemptTimeout() != null) {
      sync.apiCallAttemptTimeout(options.syncAttemptTimeout());
    }
    this.sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(credentials).overrideConfiguration(sync.build())
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(READ_TIMEOUT).build()).build();
    this.dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(credentials).overrideConfiguration(sync.build())
        .httpClient(UrlConnectionHttpClient.create()).build();
    this.sfnAsync = SfnAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(credentials).overrideConfiguration(async.build())
        .httpClient(NettyNioAsyncHttpClient.builder().readTimeout(READ_TIMEOUT).maxConcurrency(256).build())
        .build();
    this.dynamoDbAsync = DynamoDbAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(credentials).overrideConfiguration(async.build())
        .httpClient(NettyNioAsyncHttpClient.builder().maxConcurrency(256).build()).build();
  }

  public static AwsClients at(URI endpoint, Options options) {
    return new AwsClients(endpoint, options);
  }

  /** {@code builder} on these four clients. */
  public AwsGameOrchestratorBuilder apply(AwsGameOrchestratorBuilder builder) {
    return builder.sfnClient(sfn).dynamoDbClient(dynamoDb).sfnAsyncClient(sfnAsync).dynamoDbAsyncClient(dynamoDbAsync);
  }

  @Override
  public void close() {
    sfn.close();
    dynamoDb.close();
    sfnAsync.close();
    dynamoDbAsync.close();
  }
}
