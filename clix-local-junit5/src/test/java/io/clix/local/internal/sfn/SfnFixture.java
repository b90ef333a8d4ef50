package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clix.local.LocalStack;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Test plumbing: a real SfnClient for an endpoint, and short ways to run a definition. */
final class SfnFixture {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ROLE = "arn:aws:iam::123456789012:role/test";

  private SfnFixture() {}

  static SfnClient client(URI endpoint) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static SfnClient client(LocalStack stack) {
    return client(stack.endpoint());
  }

  static String machine(SfnClient sfn, String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).roleArn(ROLE).definition(definition)).stateMachineArn();
  }

  static String start(SfnClient sfn, String machineArn, String input) {
    return sfn.startExecution(b -> b.stateMachineArn(machineArn).input(input)).executionArn();
  }

  static DescribeExecutionResponse describe(SfnClient sfn, String executionArn) {
    return sfn.describeExecution(b -> b.executionArn(executionArn));
  }

  static List<HistoryEvent> history(SfnClient sfn, String executionArn) {
    List<HistoryEvent> events = new ArrayList<>();
    sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).maxResults(1000)).events()
        .forEach(events::add);
    return events;
  }

  static List<String> types(SfnClient sfn, String executionArn) {
    return history(sfn, executionArn).stream().map(HistoryEvent::typeAsString).toList();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** Single quotes to double quotes, so definitions read well in Java strings. */
  static String q(String text) {
    return text.replace('\'', '"');
  }
}
