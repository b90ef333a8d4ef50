package io.clix.local.internal.sfn.mock;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a mocked Task state answers for one invocation: the service's result ({@code Return}), an
 * error ({@code Throw}), or nothing, when the mocked response has no entry for that invocation (or
 * the test case names a mocked response the file does not define), which fails the execution with
 * {@code States.Runtime} as Step Functions Local does.
 */
public sealed interface MockAnswer {

  /** {@code "Return": value}: the task succeeds with {@code value}, any JSON value. */
  record Returned(JsonNode value) implements MockAnswer {}

  /** {@code "Throw": {"Error": ..., "Cause": ...}}: the task fails with that error and cause (cause may be null). */
  record Thrown(String error, String cause) implements MockAnswer {}

  /** No answer for this invocation; {@code cause} says which. */
  record Missing(String cause) implements MockAnswer {}
}
