package io.clix.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.clix.core.ClixServiceException;
import java.net.URI;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * AWS errors become {@link ClixServiceException}s with the game id, the service's error code and
 * whether a retry may help, after the client's own retries (a fault-injecting endpoint stands in
 * for the service).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorMappingTest {

  private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
  private AwsGameOrchestrator games;

  @BeforeEach
  void forget() {
    server.resetAll();
  }

  @BeforeAll
  void start() {
    server.start();
    URI endpoint = URI.create(server.baseUrl());
    StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
    games = AwsGameOrchestrator.builder()
        .sfnClient(SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build())
        .dynamoDbClient(DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(2))).build())
        .sfnAsyncClient(SfnAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(credentials).build())
        .dynamoDbAsyncClient(DynamoDbAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(credentials).build())
        .tableName("games").stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:clix")
        .build();
  }

  @AfterAll
  void stop() {
    games.close();
    server.stop();
  }

  private void answer(int status, String type) {
    server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.0")
        .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"injected\"}")));
  }

  @Test
  void throttlingIsRetriedByTheClientThenReportedAsRetryable() {
    answer(400, "ThrottlingException");

    ClixServiceException e = catchThrowableOfType(ClixServiceException.class, () -> games.describe("g-1"));

    assertThat(e.errorCode()).isEqualTo("ThrottlingException");
    assertThat(e).isInstanceOf(io.clix.core.RetryableServiceException.class);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.gameId()).contains("g-1");
    assertThat(e.getMessage()).contains("g-1").contains("ThrottlingException");
    assertThat(server.getAllServeEvents()).hasSizeGreaterThan(1);
  }

  @Test
  void aServerErrorIsRetryable() {
    answer(500, "InternalServerError");

    ClixServiceException e = catchThrowableOfType(ClixServiceException.class,
        () -> games.join("g-2", "alice"));

    assertThat(e.errorCode()).isEqualTo("InternalServerError");
    assertThat(e).isInstanceOf(io.clix.core.RetryableServiceException.class);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.gameId()).contains("g-2");
  }

  @Test
  void aMissingTableIsNotRetryableAndFailsTheAsyncTwinTheSameWay() {
    answer(400, "ResourceNotFoundException");

    ClixServiceException sync = catchThrowableOfType(ClixServiceException.class, () -> games.describe("g-3"));
    CompletionException async = catchThrowableOfType(CompletionException.class,
        () -> games.describeAsync("g-3").join());

    assertThat(sync.errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(sync.isRetryable()).isFalse();
    assertThat(sync).isNotInstanceOf(io.clix.core.RetryableServiceException.class);
    assertThat(async.getCause()).isInstanceOf(ClixServiceException.class);
    assertThat(((ClixServiceException) async.getCause()).errorCode()).isEqualTo("ResourceNotFoundException");
  }
}
