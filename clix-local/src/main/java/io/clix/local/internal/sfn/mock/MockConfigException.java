package io.clix.local.internal.sfn.mock;

/**
 * A mock configuration that is not JSON or not of the documented shape. The message is one line
 * naming the offending field, e.g. {@code MockedResponses.Retry."1-x": bad invocation number ...}.
 */
public final class MockConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  MockConfigException(String message) {
    super(message);
  }
}
