package io.clix.local.internal.dynamodb;

import io.clix.local.internal.http.ServiceError;

/**
 * The DynamoDB error answers the endpoint throws, with {@code __type} spelled as the service
 * sends it so the SDKs map each to its typed exception.
 */
final class Faults {

  static final String DYNAMO = "com.amazonaws.dynamodb.v20120810#";
  static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

  private Faults() {}

  static ServiceError validation(String message) {
    return new ServiceError(400, VALIDATION, message);
  }

  static ServiceError invalidParameter(String detail) {
    return validation("One or more parameter values were invalid: " + detail);
  }

  static ServiceError resourceNotFound(String message) {
    return new ServiceError(400, DYNAMO + "ResourceNotFoundException", message);
  }

  static ServiceError tableNotFound() {
    return resourceNotFound("Requested resource not found");
  }

  static ServiceError resourceInUse(String message) {
    return new ServiceError(400, DYNAMO + "ResourceInUseException", message);
  }

  static ServiceError unknownOperation() {
    return new ServiceError(400, "com.amazon.coral.service#UnknownOperationException", null);
  }

  static ServiceError keyMismatch() {
    return validation("The provided key element does not match the schema");
  }
}
