package io.clix.spring;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Builds the SDK clients from {@link ClixAwsClientProperties} when the application has none: what
 * a property leaves unset is left to the SDK's default providers.
 */
final class AwsClients {

  /** Above GetActivityTask's 60-second long poll, so the task router's idle polls do not time out. */
  static final Duration SFN_READ_TIMEOUT = Duration.ofSeconds(70);

  private AwsClients() {}

  static SfnClient sfn(ClixAwsClientProperties properties) {
    return configure(SfnClient.builder(), properties, properties.getSfn())
        .httpClient(Apache5HttpClient.builder().socketTimeout(SFN_READ_TIMEOUT).build()).build();
  }

  static DynamoDbClient dynamoDb(ClixAwsClientProperties properties) {
    return configure(DynamoDbClient.builder(), properties, properties.getDynamodb()).build();
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, ClixAwsClientProperties properties,
      ClixAwsClientProperties.Service service) {
    URI endpoint = service.getEndpoint() != null ? service.getEndpoint() : properties.getEndpoint();
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    String region = properties.getRegion().getStatic();
    if (region != null && !region.isBlank()) {
      builder.region(Region.of(region));
    }
    ClixAwsClientProperties.Credentials credentials = properties.getCredentials();
    boolean hasKey = credentials.getAccessKey() != null && !credentials.getAccessKey().isBlank();
    boolean hasSecret = credentials.getSecretKey() != null && !credentials.getSecretKey().isBlank();
    if (hasKey != hasSecret) {
      throw new IllegalStateException(
          "set both spring.cloud.aws.credentials.access-key and secret-key, or neither (the SDK's default credentials)");
    }
    if (hasKey) {
      builder.credentialsProvider(StaticCredentialsProvider.create(
          AwsBasicCredentials.create(credentials.getAccessKey(), credentials.getSecretKey())));
    }
    return builder;
  }
}
