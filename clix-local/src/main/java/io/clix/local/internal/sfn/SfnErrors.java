package io.clix.local.internal.sfn;

import io.clix.local.internal.http.ServiceError;

/** The error answers of the Step Functions API, with the codes and message wording AWS uses. */
final class SfnErrors {

  private SfnErrors() {}

  static ServiceError validation(String message) {
    return new ServiceError(400, "ValidationException", message);
  }

  static ServiceError serialization(String field) {
    return new ServiceError(400, "SerializationException",
        "Unexpected value type in field '" + field + "'");
  }

  static ServiceError invalidArn(String arn) {
    return new ServiceError(400, "InvalidArn", "Invalid Arn: '" + arn + "'");
  }

  static ServiceError invalidArn(String arn, String reason) {
    return new ServiceError(400, "InvalidArn", "Invalid Arn: '" + reason + ": " + arn + "'");
  }

  static ServiceError invalidName(String name) {
    return new ServiceError(400, "InvalidName", "Invalid Name: '" + name + "'");
  }

  static ServiceError invalidDefinition(String message) {
    return new ServiceError(400, "InvalidDefinition", message);
  }

  static ServiceError stateMachineDoesNotExist(String arn) {
    return new ServiceError(400, "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  }

  static ServiceError stateMachineAlreadyExists(String arn) {
    return new ServiceError(400, "StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
  }

  static ServiceError executionDoesNotExist(String arn) {
    return new ServiceError(400, "ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
  }

  static ServiceError executionAlreadyExists(String arn) {
    return new ServiceError(400, "ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
  }

  static ServiceError activityDoesNotExist(String arn) {
    return new ServiceError(400, "ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
  }

  static ServiceError invalidExecutionInput(String message) {
    return new ServiceError(400, "InvalidExecutionInput", message);
  }

  static ServiceError invalidOutput(String message) {
    return new ServiceError(400, "InvalidOutput", message);
  }

  static ServiceError invalidToken(String reason) {
    return new ServiceError(400, "InvalidToken", "Invalid Token: '" + reason + "'");
  }

  static ServiceError taskDoesNotExist() {
    return new ServiceError(400, "TaskDoesNotExist", "Task Does Not Exist");
  }

  static ServiceError taskTimedOut() {
    return new ServiceError(400, "TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
  }

  static ServiceError unknownOperation() {
    return new ServiceError(400, "UnknownOperationException", null);
  }
}
