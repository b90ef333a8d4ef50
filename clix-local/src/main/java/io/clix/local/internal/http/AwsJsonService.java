package io.clix.local.internal.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One AWS service answered by the local stack over the AWS JSON 1.0 protocol. The server routes a
 * request to the service whose {@link #targetPrefix()} matches the part of {@code X-Amz-Target}
 * before the dot, and passes the operation (the part after it) with the parsed JSON body.
 */
public interface AwsJsonService extends AutoCloseable {

  /** The {@code X-Amz-Target} prefix, e.g. {@code AWSStepFunctions} or {@code DynamoDB_20120810}. */
  String targetPrefix();

  /**
   * Answers one call. May block (a long poll). Throws {@link ServiceError} for an error answer.
   *
   * @param operation the operation name, e.g. {@code StartExecution}
   * @param request the request body (an empty object for an empty body)
   * @return the response body
   */
  JsonNode handle(String operation, JsonNode request);

  /** Waits until work this service runs in the background has settled (e.g. executions). */
  default void awaitIdle() {}

  @Override
  default void close() {}
}
