package io.clix.local.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An {@link AwsJsonService} that forwards each call to another AWS JSON 1.0 endpoint, e.g. a
 * DynamoDB Local or dynalite the Step Functions integrations should use instead of the stack's
 * own DynamoDB. Requests carry dummy credentials and no real signature, as local endpoints accept;
 * error answers come back as {@link ServiceError}s with the endpoint's status and body.
 */
public final class ForwardingJsonService implements AwsJsonService {

  private final URI endpoint;
  private final String targetPrefix;
  private final ObjectMapper mapper;
  private final HttpClient http;

  /**
   * @param endpoint the endpoint to forward to, e.g. {@code http://127.0.0.1:8000}
   * @param targetPrefix the {@code X-Amz-Target} prefix, e.g. {@code DynamoDB_20120810}
   */
  public ForwardingJsonService(URI endpoint, String targetPrefix, ObjectMapper mapper) {
    this.endpoint = endpoint;
    this.targetPrefix = targetPrefix;
    this.mapper = mapper;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public String targetPrefix() {
    return targetPrefix;
  }

  @Override
  public JsonNode handle(String operation, JsonNode request) {
    try {
      HttpRequest call = HttpRequest.newBuilder(endpoint)
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/x-amz-json-1.0")
          .header("X-Amz-Target", targetPrefix + "." + operation)
          .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, "
              + "SignedHeaders=host, Signature=0")
          .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request)))
          .build();
      HttpResponse<byte[]> response = http.send(call, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body = response.body().length == 0 ? mapper.createObjectNode() : mapper.readTree(response.body());
      if (response.statusCode() >= 300) {
        ObjectNode error = body.isObject() ? (ObjectNode) body : ServiceError.body("UnknownError", "message",
            body.toString());
        throw new ServiceError(response.statusCode(), error);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling " + endpoint, e);
    }
  }
}
