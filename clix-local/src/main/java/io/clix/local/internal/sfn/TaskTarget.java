package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;

/**
 * What a Task state's Resource names, as the history shows it: an activity, a Lambda function, or
 * a service integration ({@code resourceType} and {@code resource}, e.g. {@code dynamodb} and
 * {@code putItem}), with the call that runs it (none for activities and mocked states).
 */
record TaskTarget(Kind kind, String arn, String resourceType, String resource, boolean waitForToken,
    UnaryOperator<JsonNode> call) {

  enum Kind { ACTIVITY, LAMBDA, SERVICE }

  static final String SUFFIX = ".waitForTaskToken";

  /** Splits a service integration ARN ({@code arn:aws:states:::type:resource}) into its two parts. */
  static String[] serviceParts(String arn) {
    String rest = arn.substring("arn:aws:states:::".length());
    int colon = rest.lastIndexOf(':');
    if (colon < 0) {
      return new String[] {rest, rest};
    }
    return new String[] {rest.substring(0, colon), rest.substring(colon + 1)};
  }
}
