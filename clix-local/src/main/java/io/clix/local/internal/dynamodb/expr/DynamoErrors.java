package io.clix.local.internal.dynamodb.expr;

import io.clix.local.internal.http.ServiceError;

/**
 * Builds the errors DynamoDB answers for invalid requests, so every part of the local DynamoDB words
 * them the same way: a {@code ValidationException} with HTTP status 400 and the service's own
 * {@code __type}.
 */
public final class DynamoErrors {

  /** The {@code __type} DynamoDB sends with a {@code ValidationException}. */
  public static final String VALIDATION_TYPE = "com.amazon.coral.validate#ValidationException";

  private DynamoErrors() {
  }

  /** A {@code ValidationException} carrying {@code message} exactly as given. */
  public static ServiceError validation(String message) {
    return new ServiceError(400, VALIDATION_TYPE, message);
  }

  /** The message of a service error (its body's {@code message} field). */
  public static String messageOf(ServiceError error) {
    return error.body().path("message").asText("");
  }
}
