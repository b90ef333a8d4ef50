package io.clix.local.junit5;

import io.clix.local.LocalStack;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Real AWS SDK clients pointed at a {@link LocalStack}: its endpoint and region, dummy static
 * credentials, and a read timeout above GetActivityTask's 60-second long poll. Use
 * {@link #configure} to start from your own builder (another HTTP client, interceptors, a retry
 * strategy). The caller closes the clients.
 */
public final class LocalStackClients {

  /** The read timeout of the clients made here: longer than GetActivityTask's 60-second long poll. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(70);

  private LocalStackClients() {}

  /** Points any AWS SDK client builder at {@code stack}: endpoint, region and dummy static credentials. */
  public static <B extends AwsClientBuilder<B, ?>> B configure(LocalStack stack, B builder) {
    return builder.endpointOverride(stack.endpoint()).region(Region.of(stack.region()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
  }

  /** A sync Step Functions client on {@code stack} (URL connection HTTP client). */
  public static SfnClient sfn(LocalStack stack) {
    return sfn(stack, ClientOverrideConfiguration.builder().build());
  }

  /** The same with your override configuration (interceptors, retry strategy, timeouts). */
  public static SfnClient sfn(LocalStack stack, ClientOverrideConfiguration override) {
    return configure(stack, SfnClient.builder()).overrideConfiguration(noHostPrefix(override))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(READ_TIMEOUT).build()).build();
  }

  /**
   * StartSyncExecution and TestState prefix the host with {@code sync-}, which a local endpoint
   * does not answer to; the Step Functions clients made here send every call to the endpoint as is.
   */
  private static ClientOverrideConfiguration noHostPrefix(ClientOverrideConfiguration override) {
    return override.toBuilder().putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true).build();
  }

  /** An async Step Functions client on {@code stack} (Netty). */
  public static SfnAsyncClient sfnAsync(LocalStack stack) {
    return sfnAsync(stack, ClientOverrideConfiguration.builder().build());
  }

  /** The same with your override configuration. */
  public static SfnAsyncClient sfnAsync(LocalStack stack, ClientOverrideConfiguration override) {
    return configure(stack, SfnAsyncClient.builder()).overrideConfiguration(noHostPrefix(override))
        .httpClient(NettyNioAsyncHttpClient.builder().readTimeout(READ_TIMEOUT).maxConcurrency(256).build())
        .build();
  }

  /** A sync DynamoDB client on {@code stack} (URL connection HTTP client). */
  public static DynamoDbClient dynamoDb(LocalStack stack) {
    return dynamoDb(stack, ClientOverrideConfiguration.builder().build());
  }

  /** The same with your override configuration. */
  public static DynamoDbClient dynamoDb(LocalStack stack, ClientOverrideConfiguration override) {
    return configure(stack, DynamoDbClient.builder()).overrideConfiguration(override)
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** A sync DynamoDB Streams client on {@code stack}: the Streams operations share DynamoDB's endpoint. */
  public static DynamoDbStreamsClient dynamoDbStreams(LocalStack stack) {
    return configure(stack, DynamoDbStreamsClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** An async DynamoDB client on {@code stack} (Netty). */
  public static DynamoDbAsyncClient dynamoDbAsync(LocalStack stack) {
    return dynamoDbAsync(stack, ClientOverrideConfiguration.builder().build());
  }

  /** The same with your override configuration. */
  public static DynamoDbAsyncClient dynamoDbAsync(LocalStack stack, ClientOverrideConfiguration override) {
    return configure(stack, DynamoDbAsyncClient.builder()).overrideConfiguration(override)
        .httpClient(NettyNioAsyncHttpClient.builder().maxConcurrency(256).build()).build();
  }
}
